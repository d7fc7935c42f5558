/**
 * n8n 2.41.1's editor in headless Chromium, with the packed package installed and the sandbox behind its
 * credential: what a person sees and does, checked on screen. Skipped, with a loud message saying why, only on a
 * machine that cannot have a browser (see tooling/browser.js). Screenshots go to a folder the test prints.
 */
import { createSandbox } from '../../sandbox';
import { chaserCredential } from '../../tooling/demo';
import { N8nInstance, OWNER } from '../../tooling/n8n';
import { Editor, browserOrSkip } from './support/editor';

const chromium = browserOrSkip();
const describeInBrowser = chromium.executablePath ? describe : describe.skip;
const SETUP_TIMEOUT = 20 * 60 * 1000;
const STEP_TIMEOUT = 5 * 60 * 1000;

describeInBrowser('the Chaser node in n8n 2.41.1, in a real browser', () => {
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	let editor: Editor;

	beforeAll(async () => {
		sandbox = await createSandbox({ seed: 'demo', referenceDate: new Date() });
		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }),
		]);
		await n8n.start();
		await n8n.setupOwner();
		editor = await Editor.open({ executablePath: chromium.executablePath as string, baseUrl: n8n.url });
		await editor.signIn(OWNER);
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		if (editor) await editor.close();
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
	});

	it('finds the node by searching "Chaser" and lists its actions', async () => {
		const actions = await editor.openNodeActions('Chaser', 'Chaser');
		expect(actions).toEqual(
			expect.arrayContaining([
				'Record a payment on an invoice',
				'Get a contact person',
				'Create or update a customer',
				'Sync an organisation',
			]),
		);
		await editor.screenshot('node-creator-actions');
	}, STEP_TIMEOUT);

	it('opens Invoice → Record Payment with the sandbox credential chosen', async () => {
		await editor.chooseAction('Record a payment on an invoice');
		expect(await editor.parameterValue('resource')).toBe('Invoice');
		expect(await editor.parameterValue('operation')).toBe('Record Payment');
		expect(await editor.credentialName()).toBe('Chaser sandbox');
	}, STEP_TIMEOUT);

	it('records a payment on an invoice from the sandbox and shows the updated invoice', async () => {
		const invoice = [...sandbox.store.collections.invoices.order].find(
			(record) => record.status === 'AUTHORISED' && (record.amount_due as number) >= 250,
		);
		if (!invoice) throw new Error('the demo data has no authorised invoice with 250 due');
		const before = { paid: invoice.amount_paid as number, due: invoice.amount_due as number };

		await editor.resourceLocator('invoice').input.fill(String(invoice.invoice_id));
		await editor.fillParameter('amount', '250');
		await editor.fillParameter('paymentDate', '2025-07-01 00:00:00');
		const output = await editor.executeStep(String(invoice.invoice_number));
		await editor.screenshot('record-payment');

		expect(await output.innerText()).toMatch(/\b1 item\b/);
		const stored = sandbox.findInvoice(String(invoice.invoice_id));
		expect(stored?.amount_paid).toBeCloseTo(before.paid + 250, 2);
		expect(stored?.amount_due).toBeCloseTo(before.due - 250, 2);
		expect((stored?.payments as unknown[]).slice(-1)).toEqual([{ amount: 250, date: '2025-07-01T00:00:00.000Z' }]);
	}, STEP_TIMEOUT);

	it("shows the credential test's reason when the API secret is wrong", async () => {
		sandbox.clearLog();
		const reason = await editor.testCredentialWithSecret('not-the-secret');
		await editor.screenshot('credential-wrong-secret');
		expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toContain(
			'GET /v1/organisation 403',
		);

		// The dialog shows what n8n's credential test says for these settings.
		const test = await n8n.rest('POST', '/rest/credentials/test', {
			credentials: chaserCredential({ apiKey: sandbox.apiKey, apiSecret: 'not-the-secret', baseUrl: sandbox.url }),
		});
		expect(test.data.data.status).toBe('Error');
		expect(reason).toBe(test.data.data.message);
	}, STEP_TIMEOUT);
});
