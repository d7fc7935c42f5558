import { freePort } from '../../tooling/n8n';
import { existsIn, freshCheckout, removeFolder, tempFolder } from './support/checkout';
import { DemoProcess, groupAlive, pidAlive, portFree } from './support/demoProcess';
import { waitFor } from './support/receiver';

interface CaughtMail {
	subject: string;
	envelope: { mailFrom: string; rcptTo: string[] };
	to: Array<{ address: string }>;
	text: string;
	html: string;
}

/**
 * `npm start` end to end, as a newcomer runs it: in a fresh checkout with no node_modules and no dist/, on free
 * ports. It must install what it needs and reach its banner; the printed webhook commands and login must work;
 * a signal to the npm process must stop everything. A second start keeps what the user built and is ready fast.
 * The tests run in order and share the checkout.
 */
describe('npm start', () => {
	let checkout: string;
	let stateDir: string;
	let demo: DemoProcess | undefined;
	/** The mail catcher's SMTP and inbox ports: the same for both starts, as the defaults would be. */
	let catcherArgs: string[];
	/** The inbox the banner prints. */
	const inboxUrl = () => {
		const output = (demo as DemoProcess).output;
		const match = /Inbox:\s+(http\S+)/.exec(output.slice(output.lastIndexOf('Chaser demo is ready')));
		if (!match) throw new Error(`no inbox URL in the banner:\n${(demo as DemoProcess).output.slice(-3000)}`);
		return match[1];
	};
	const inbox = async (path: string) => (await (await fetch(new URL(path, inboxUrl()))).json()) as unknown;

	beforeAll(async () => {
		checkout = freshCheckout();
		stateDir = tempFolder('chaser-demo-state-');
		const smtpPort = await freePort();
		let inboxPort = await freePort();
		while (inboxPort === smtpPort) inboxPort = await freePort();
		catcherArgs = ['--smtp-port', String(smtpPort), '--inbox-port', String(inboxPort)];
	});

	afterAll(async () => {
		if (demo) await demo.kill();
		removeFolder(checkout);
		removeFolder(stateDir);
	});

	it('installs the npm dependencies in a fresh checkout, builds, starts n8n with the demo and prints the ready banner', async () => {
		expect(existsIn(checkout, 'node_modules')).toBe(false);
		demo = await DemoProcess.launch({ cwd: checkout, args: ['--state-dir', stateDir, ...catcherArgs] });
		const banner = demo.banner;
		expect(demo.output).toMatch(/installing the npm dependencies with npm ci \(node_modules is missing\)/);
		expect(existsIn(checkout, 'node_modules/.bin/n8n-node')).toBe(true);
		expect(banner.url).toBe(`http://127.0.0.1:${demo.port}`);
		expect(banner.email).toBe('demo@example.com');
		expect(banner.password).toBe('ChaserDemo-2025');
		expect(banner.stateDir).toBe(stateDir);
		expect(banner.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(banner.curls.map((curl: { url: string }) => curl.url)).toEqual([
			`${banner.url}/webhook/chaser/crm-deal`,
			`${banner.url}/webhook/chaser/payment`,
			`${banner.url}/webhook/chaser/invoice`,
			`${banner.url}/webhook/chaser/payment`,
			`${banner.url}/webhook/chaser/overdue-digest`,
		]);
		expect(inboxUrl()).toBe(`http://127.0.0.1:${catcherArgs[3]}/`);
		expect(demo.output).toContain(`SMTP 127.0.0.1:${catcherArgs[1]} (credential "SMTP (demo mail catcher)")`);
		expect(demo.output).toMatch(/\[7\/7\] Setting up the owner account/);
		expect(demo.output).toMatch(/imported "Chaser example: CRM deal won/);
	}, 1200000);

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
		const byId = Object.fromEntries(workflows.data.data.map((w: { id: string; active: boolean }) => [w.id, w.active]));
		expect(byId).toEqual({
			chaserExCrmDeal1: true,
			chaserExPayment1: true,
			chaserExWebhook1: true,
			chaserExOverdue1: true,
			chaserExPaidChat: true,
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

	it('runs the printed "rest arrives" command: the invoice is paid, and the paid-invoice chat message reaches the inbox once', async () => {
		const d = demo as DemoProcess;
		const rest = d.banner.curls[3];
		const response = await d.post(rest.url, rest.body);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({ invoice_id: 'DEAL-9001', amount_paid: 1200, amount_due: 0, status: 'PAID', payment_already_recorded: false });

		// The demo's Chaser Trigger checks the sandbox every minute.
		type Chat = { text: string };
		const paidChats = async () => ((await inbox('/api/chat')) as Chat[]).filter((chat) => chat.text.includes('INV-9001'));
		let chats: Chat[] = [];
		await waitFor(
			async () => {
				chats = await paidChats();
				return chats.length > 0;
			},
			{ timeoutMs: 150000, what: 'the paid-invoice chat message in the inbox', detail: () => d.output.slice(-3000) },
		);
		expect(chats.map((chat) => chat.text)).toEqual([
			`:moneybag: *Northwind Traders Ltd* paid invoice INV-9001 in full: GBP 1,200.00 (paid on ${rest.body.paid_at}).`,
		]);

		// The same payment delivered again: nothing recorded, nothing posted.
		const again = await d.post(rest.url, rest.body);
		expect(again.data).toMatchObject({ amount_paid: 1200, payment_already_recorded: true });
	}, 200000);

	it('runs the printed digest command: the overdue digest is emailed to the inbox', async () => {
		const d = demo as DemoProcess;
		const digest = d.banner.curls[4];
		const response = await d.post(digest.url, digest.body);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({ accepted: ['credit-control@example.com'], rejected: [] });
		const mails = (await inbox('/api/messages')) as CaughtMail[];
		expect(mails).toHaveLength(1);
		expect(mails[0].envelope).toEqual({ mailFrom: 'n8n@example.com', rcptTo: ['credit-control@example.com'] });
		expect(mails[0].subject).toMatch(/^Overdue invoices \d{4}-\d{2}-\d{2}: \d+ \([A-Z]{3} [\d,]+\.\d{2}/);
		expect(mails[0].text).toContain('Total overdue per currency:');
		expect(mails[0].html).toContain('<table');

		const page = await fetch(inboxUrl());
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(mails[0].subject.replace(/&/g, '&amp;'));
		expect(html).toContain('paid invoice INV-9001 in full');

		// The chat message was posted once: the trigger does not report the invoice again.
		const chats = (await inbox('/api/chat')) as Array<{ text: string }>;
		expect(chats.filter((chat) => chat.text.includes('INV-9001'))).toHaveLength(1);
	}, 120000);

	it('keeps a workflow the user built: it is saved in n8n for the next start', async () => {
		const d = demo as DemoProcess;
		const login = await d.login(d.banner.email, d.banner.password);
		const created = await d.postAuthed(
			'/rest/workflows',
			{
				name: 'My own flow',
				nodes: [
					{
						id: 'a1b2c3d4-0000-4000-8000-000000000001',
						name: 'Manual',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
			},
			login.cookie,
		);
		expect(created.status).toBe(200);
		expect(created.data.data.name).toBe('My own flow');
	});

	it('stops n8n and the sandbox on SIGTERM to the npm process and frees every port', async () => {
		const d = demo as DemoProcess;
		const { n8nPid, scriptPid, brokerPort, sandboxUrl } = d.banner;
		const sandboxPort = Number(new URL(sandboxUrl).port);
		expect(pidAlive(n8nPid)).toBe(true);
		expect(await portFree(d.port)).toBe(false);

		const stopped = await d.stop('SIGTERM');
		expect(stopped.output).toContain('SIGTERM: stopping n8n, the Chaser sandbox and the mail and chat catcher');
		expect(stopped.output).toContain('Stopped. Bye!');

		expect(pidAlive(d.pid)).toBe(false);
		expect(pidAlive(scriptPid)).toBe(false);
		expect(pidAlive(n8nPid)).toBe(false);
		expect(groupAlive(n8nPid)).toBe(false); // the task runner too
		expect(await portFree(d.port)).toBe(true);
		expect(await portFree(brokerPort)).toBe(true);
		expect(await portFree(sandboxPort)).toBe(true);
		expect(await portFree(Number(catcherArgs[1]))).toBe(true);
		expect(await portFree(Number(catcherArgs[3]))).toBe(true);
		demo = undefined;
	}, 120000);

	it('starts again with the kept data: the user\'s workflow and owner are still there, the examples are not re-imported', async () => {
		demo = await DemoProcess.launch({ cwd: checkout, args: ['--state-dir', stateDir, ...catcherArgs] });
		const d = demo;
		expect(d.output).not.toMatch(/installing the npm dependencies/);
		expect(d.output).toMatch(/keeping your n8n data from earlier runs/);
		expect(d.output).toMatch(/example workflows already imported and unchanged/);
		expect(d.output).toMatch(/the owner account from an earlier run is kept/);

		const login = await d.login(d.banner.email, d.banner.password);
		expect(login.status).toBe(200);
		const workflows = await d.getAuthed('/rest/workflows', login.cookie);
		const names = workflows.data.data.map((w: { name: string }) => w.name);
		expect(names).toContain('My own flow');
		const webhook = await d.post(d.banner.curls[2].url, d.banner.curls[2].body);
		expect(webhook.status).toBe(200);
	}, 600000);

	it('stops on SIGINT to the npm process', async () => {
		const d = demo as DemoProcess;
		const { n8nPid, scriptPid } = d.banner;
		const stopped = await d.stop('SIGINT');
		expect(stopped.output).toContain('Stopped. Bye!');
		expect(pidAlive(scriptPid)).toBe(false);
		expect(groupAlive(n8nPid)).toBe(false);
		expect(await portFree(d.port)).toBe(true);
		demo = undefined;
	}, 120000);
});
