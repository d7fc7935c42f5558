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
/** How every record locator names its modes: n8n's "From list" and "By ID", and the node's "Your ID". */
const MODES = ['From list', 'Your ID', 'By ID'];

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

	it('finds the node by searching "Chaser", with its 29 actions', async () => {
		expect(await editor.openNodeActions('Chaser', 'Chaser')).toBe(29);
		await editor.screenshot('node-creator-actions');
	}, STEP_TIMEOUT);

	it('opens Invoice → Record Payment, with modes and labels that are not cut off', async () => {
		await editor.chooseAction('Record a payment on an invoice');
		expect(await editor.parameterValue('resource')).toBe('Invoice');
		expect(await editor.parameterValue('operation')).toBe('Record Payment');
		expect(await editor.credentialName()).toBe('Chaser sandbox');

		expect(await editor.locatorModes('invoice')).toEqual(MODES);
		for (const mode of [...MODES].reverse()) {
			await editor.chooseLocatorMode('invoice', mode);
			expect(await editor.cutOffTexts()).toEqual([]);
		}
		// One Options collection: the operation's own options and how the node talks to Chaser.
		expect(await editor.addAllOptions()).toEqual([
			'Allow Overpayment',
			'Max Rate Limit Wait (Seconds)',
			'Payment Reference',
			'Timeout (Seconds)',
		]);
		expect(await editor.cutOffTexts()).toEqual([]);
	}, STEP_TIMEOUT);

	it('picks an invoice from the list, records a payment on it and shows the updated invoice', async () => {
		const invoice = [...sandbox.store.collections.invoices.order].find(
			(record) => record.status === 'AUTHORISED' && (record.amount_due as number) >= 250,
		);
		if (!invoice) throw new Error('the demo data has no authorised invoice with 250 due');
		const before = { paid: invoice.amount_paid as number, due: invoice.amount_due as number };
		const customer = sandbox.findCustomer(String(invoice.customer_external_id));
		const due = (invoice.amount_due as number).toLocaleString('en-GB', { minimumFractionDigits: 2 });

		// Searched by customer: the list shows that customer's invoices, the unusual ones marked.
		const offered = await editor.pickFromList('invoice', String(customer?.company_name), {
			pick: String(invoice.invoice_number),
			screenshot: 'invoice-picker',
		});
		expect(offered.length).toBeGreaterThan(1);
		expect(offered.every((label) => label.includes(String(customer?.company_name)))).toBe(true);
		expect(offered).toContain(
			`${String(invoice.invoice_number)} · ${String(customer?.company_name)} · ${String(invoice.currency_code)} ${due} due`,
		);
		await editor.fillParameter('amount', '250');
		const today = new Date().toISOString().slice(0, 10);
		await editor.fillParameter('paymentDate', `${today} 00:00:00`);
		const output = await editor.executeStep(String(invoice.invoice_id));
		expect(await output.innerText()).toMatch(/\b1 item\b/);
		const json = await editor.outputAsJson('"payment_already_recorded"');
		await editor.screenshot('record-payment');
		expect(json).toMatch(/"payment_already_recorded":\s*false/);

		const stored = sandbox.findInvoice(String(invoice.invoice_id));
		expect(stored?.amount_paid).toBeCloseTo(before.paid + 250, 2);
		expect(stored?.amount_due).toBeCloseTo(before.due - 250, 2);
		expect((stored?.payments as unknown[]).slice(-1)).toEqual([{ amount: 250, date: `${today}T00:00:00.000Z` }]);
	}, STEP_TIMEOUT);

	it('lists the contact people of the customer chosen first, and gets one', async () => {
		const customer = [...sandbox.store.collections.customers.order].find((record) => record.status === 'ACTIVE');
		if (!customer) throw new Error('the demo data has no active customer');
		const contact = sandbox.findContactPerson(String(customer.external_id), `${String(customer.external_id)}-CP1`);

		await editor.openNodeActions('Chaser', 'Chaser');
		await editor.chooseAction('Get a contact person');
		expect(await editor.locatorModes('customer')).toEqual(MODES);
		expect(await editor.locatorModes('contactExternalId')).toEqual(MODES);
		await editor.pickFromList('customer', String(customer.company_name));
		const contacts = await editor.pickFromList('contactExternalId', String(contact?.external_id));
		expect(contacts).toEqual([
			`${String(contact?.contact_first_name)} ${String(contact?.contact_last_name)} · ${String(contact?.contact_email_address)} (${String(contact?.external_id)})`,
		]);
		expect(await editor.cutOffTexts()).toEqual([]);
		const output = await editor.executeStep(String(contact?.contact_email_address));
		expect(await output.innerText()).toMatch(/\b1 item\b/);
	}, STEP_TIMEOUT);
	// Last: it saves the wrong secret.
	it("shows the credential test's reason when the API secret is wrong", async () => {
		sandbox.clearLog();
		const reason = await editor.testCredentialWithSecret('not-the-secret');
		await editor.screenshot('credential-wrong-secret');
		expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toContain(
			'GET /v1/organisation 403',
		);
		expect(reason).toMatch(/^Chaser refused the API key and secret\. Check the API Key and API Secret/);

		// The dialog shows what n8n's credential test says for these settings.
		const test = await n8n.rest('POST', '/rest/credentials/test', {
			credentials: chaserCredential({ apiKey: sandbox.apiKey, apiSecret: 'not-the-secret', baseUrl: sandbox.url }),
		});
		expect(test.data.data).toEqual({ status: 'Error', message: reason });
	}, STEP_TIMEOUT);
});
