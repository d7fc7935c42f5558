import { DemoProcess, groupAlive, pidAlive, portFree } from './start/demo';

/**
 * `npm start` end to end: the real script (build, sandbox, n8n 2.41.1, import, publish, start, owner) on free
 * ports, the printed webhook commands and login run against it, then Ctrl-C (SIGINT) must leave nothing behind.
 * The tests run in order and share the one demo.
 */
describe('npm start (scripts/start.js)', () => {
	let demo: DemoProcess | undefined;

	let launched: DemoProcess | undefined;

	afterAll(async () => {
		if (demo) await demo.kill();
		if (launched) launched.removeState();
	});

	it('builds, installs and starts n8n with the demo, and prints the ready banner', async () => {
		demo = await DemoProcess.launch();
		launched = demo;
		const banner = demo.banner;
		expect(banner.url).toBe(`http://127.0.0.1:${demo.port}`);
		expect(banner.email).toBe('demo@example.com');
		expect(banner.password).toBe('ChaserDemo-2025');
		expect(banner.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(banner.curls.map((curl: { url: string }) => curl.url)).toEqual([
			`${banner.url}/webhook/chaser/crm-deal`,
			`${banner.url}/webhook/chaser/payment`,
			`${banner.url}/webhook/chaser/invoice`,
		]);
		expect(demo.output).toMatch(/\[5\/5\] Creating the owner account/);
		expect(demo.output).toMatch(/Chaser example: overdue invoices digest/);
	}, 900000);

	it('lets the owner log in with the printed email and password, and lists the example workflows', async () => {
		const d = demo as DemoProcess;
		const login = await d.login(d.banner.email, d.banner.password);
		expect(login.status).toBe(200);
		expect(login.data.data).toMatchObject({ email: d.banner.email, role: 'global:owner' });
		expect(login.cookie).toBeDefined();

		const wrong = await d.login(d.banner.email, 'not-the-password');
		expect(wrong.status).toBe(401);

		const workflows = await d.getAuthed('/rest/workflows', login.cookie);
		expect(workflows.status).toBe(200);
		const byId = Object.fromEntries(
			workflows.data.data.map((w: { id: string; active: boolean }) => [w.id, w.active]),
		);
		expect(byId).toEqual({
			chaserExCrmDeal1: true,
			chaserExPayment1: true,
			chaserExWebhook1: true,
			chaserExOverdue1: false,
			chaserExAiAgent1: false,
		});
	});

	it('runs the printed "CRM deal won" command: customer and invoice created in the sandbox', async () => {
		const d = demo as DemoProcess;
		const [crmDeal] = d.banner.curls;
		const response = await d.post(crmDeal.url, crmDeal.body);
		expect(response.status).toBe(200);
		expect(response.data.customer).toMatchObject({
			external_id: 'CRM-5150',
			company_name: 'Northwind Traders Ltd',
			contact_email_address: 'accounts@northwind.example',
			contact_first_name: 'Nancy',
		});
		expect(response.data.customer.id).toMatch(/^cus_/);
		expect(response.data.invoice).toMatchObject({
			invoice_id: 'DEAL-9001',
			invoice_number: 'INV-9001',
			customer_external_id: 'CRM-5150',
			currency_code: 'GBP',
			total: 1200,
			amount_due: 1200,
			amount_paid: 0,
			status: 'AUTHORISED',
		});

		const stored = await d.sandboxGet('/v1/invoices/ext_DEAL-9001');
		expect(stored.status).toBe(200);
		expect(stored.data.data).toMatchObject({ id: response.data.invoice.id, amount_due: 1200 });
	});

	it('runs the printed payment command: the payment is recorded on that invoice', async () => {
		const d = demo as DemoProcess;
		const payment = d.banner.curls[1];
		const response = await d.post(payment.url, payment.body);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({ invoice_id: 'DEAL-9001', amount_paid: 500, amount_due: 700, status: 'AUTHORISED' });

		const stored = await d.sandboxGet('/v1/invoices/ext_DEAL-9001');
		expect(stored.data.data.payments).toEqual([{ amount: 500, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00/) }]);
	});

	it('runs the printed invoice command: customer upserted and a new invoice created', async () => {
		const d = demo as DemoProcess;
		const invoice = d.banner.curls[2];
		const response = await d.post(invoice.url, invoice.body);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			invoice_number: 'WEB-1001',
			customer_external_id: 'CUST-WEB-1',
			customer_name: 'Contoso Ltd',
			currency_code: 'EUR',
			total: 480,
			amount_due: 480,
		});
		const stored = await d.sandboxGet('/v1/customers/ext_CUST-WEB-1');
		expect(stored.data.data).toMatchObject({ company_name: 'Contoso Ltd', contact_email_address: 'ap@contoso.example' });
	});

	it('stops n8n and the sandbox on Ctrl-C (SIGINT) and frees every port', async () => {
		const d = demo as DemoProcess;
		const { n8nPid, brokerPort, sandboxUrl } = d.banner;
		const sandboxPort = Number(new URL(sandboxUrl).port);
		expect(pidAlive(n8nPid)).toBe(true);
		expect(await portFree(d.port)).toBe(false);

		const stopped = await d.stop('SIGINT');
		expect(stopped.code).toBe(0);
		expect(stopped.output).toContain('SIGINT: stopping n8n and the Chaser sandbox');
		expect(stopped.output).toContain('Stopped. Bye!');
		expect(stopped.ms).toBeLessThan(30000);

		expect(pidAlive(d.pid)).toBe(false);
		expect(pidAlive(n8nPid)).toBe(false);
		expect(groupAlive(n8nPid)).toBe(false); // the task runner too
		expect(groupAlive(d.pid)).toBe(false);
		expect(await portFree(d.port)).toBe(true);
		expect(await portFree(brokerPort)).toBe(true);
		expect(await portFree(sandboxPort)).toBe(true);
		demo = undefined;
	});
});
