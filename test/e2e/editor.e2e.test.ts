/**
 * n8n 2.41.1's editor in headless Chromium, with the packed package installed and the sandbox behind its
 * credential: what a person sees and does, checked on screen. Skipped, with a loud message saying why, only on a
 * machine that cannot have a browser (see tooling/browser.js). Screenshots go to a folder the test prints; the
 * README's are retaken into docs/images/.
 *
 * Besides what each step checks, the suite fails on a label the editor cuts off in any panel it opens, on a call
 * the editor makes for the package (list searches, credential tests, output schemas) that fails, and on an output
 * schema that n8n does not serve or serves other than the package generates.
 */
import { operationSchemas } from '../../nodes/Chaser/actions/outputs';
import { triggerSchema } from '../../nodes/ChaserTrigger/outputs';
import { createSandbox } from '../../sandbox';
import { chaserCredential } from '../../tooling/demo';
import { log } from '../../tooling/install';
import { N8nInstance, OWNER } from '../../tooling/n8n';
import { Editor, browserOrSkip } from './support/editor';

const chromium = browserOrSkip();
const describeInBrowser = chromium.executablePath ? describe : describe.skip;
const SETUP_TIMEOUT = 20 * 60 * 1000;
const STEP_TIMEOUT = 5 * 60 * 1000;
/** How every record locator names its modes: n8n's "From list" and "By ID", and the node's "Your ID". */
const MODES = ['From list', 'Your ID', 'By ID'];
/** A window small enough that the parameter panel, with every option added, scrolls: labels lose the scrollbar's width. */
const SMALL = { width: 1280, height: 640 };
const FULL = { width: 1440, height: 900 };

describeInBrowser('the Chaser node in n8n 2.41.1, in a real browser', () => {
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	let editor: Editor;
	const today = new Date().toISOString().slice(0, 10);

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

	/** No label cut off in the open panel, in a window where it scrolls (checked: it does). */
	async function expectNothingCutWithScrollbar() {
		await editor.resize(SMALL.width, SMALL.height);
		try {
			expect(await editor.parameterScrollbar()).toMatchObject({ scrolls: true });
			expect(await editor.cutOffTexts()).toEqual([]);
		} finally {
			await editor.resize(FULL.width, FULL.height);
		}
		expect(await editor.cutOffTexts()).toEqual([]);
	}

	it('finds the node by searching "Chaser", with its 33 actions', async () => {
		expect(await editor.openNodeActions('Chaser', 'Chaser')).toBe(33);
		await editor.screenshot('node-creator-actions');
	}, STEP_TIMEOUT);

	it('opens Invoice → Record Payment, with modes and labels that are not cut off, also beside a scrollbar', async () => {
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
			'Payment Reference',
			'Rate Limit Wait (Seconds)',
			'Timeout (Seconds)',
		]);
		await expectNothingCutWithScrollbar();

		// The check sees a cut label: the old "Max Rate Limit Wait (Seconds)" where the new one is, and a long one.
		await editor.resize(SMALL.width, SMALL.height);
		const scrollbar = await editor.parameterScrollbar();
		const old = await editor.cutOffTextsWithLabel('Rate Limit Wait (Seconds)', 'Max Rate Limit Wait (Seconds)');
		const long = 'Max Rate Limit Wait (Seconds) '.repeat(4).trim();
		const cut = await editor.cutOffTextsWithLabel('Rate Limit Wait (Seconds)', long);
		await editor.resize(FULL.width, FULL.height);
		log(`scrollbar ${JSON.stringify(scrollbar)}; the old label beside it is cut: ${JSON.stringify(old)}`);
		expect(cut).toContain(long);
		// Beside the 15-pixel scrollbar the old label did not fit: that is what was cut ("Max Rate Limit Wait (Secon…").
		expect(scrollbar).toEqual({ scrolls: true, width: 15 });
		expect(old).toEqual(['Max Rate Limit Wait (Seconds)']);
		await editor.chooseLocatorMode('invoice', 'From list');
	}, STEP_TIMEOUT);

	it('picks an invoice from the list, records a payment once, and says so in the output pane when it is sent again', async () => {
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
		await editor.fillParameter('paymentDate', `${today} 00:00:00`);
		await editor.fillParameter('paymentReference', 'E2E-BANK-0001');
		const output = await editor.executeStep(String(invoice.invoice_id));
		expect(await output.innerText()).toMatch(/\b1 item\b/);
		const json = await editor.outputAsJson('"payment_already_recorded"');
		await editor.screenshot('record-payment');
		expect(json).toMatch(/"payment_already_recorded":\s*false/);

		// The same payment again (a workflow run twice): nothing is added, and the output pane says so.
		await editor.executeStepAgain('"payment_already_recorded": true');
		const hints = await editor.outputHints();
		await editor.screenshot('record-payment-again');
		expect(hints).toEqual([expect.stringMatching(/^1 payment was already recorded, so nothing was added/)]);

		const stored = sandbox.findInvoice(String(invoice.invoice_id));
		expect(stored?.amount_paid).toBeCloseTo(before.paid + 250, 2);
		expect(stored?.amount_due).toBeCloseTo(before.due - 250, 2);
		expect((stored?.payments as unknown[]).slice(-1)).toEqual([{ amount: 250, date: `${today}T00:00:00.000Z` }]);

		// Gone from Chaser: the error names the invoice the way it was picked, not by its internal ID alone.
		const invoices = sandbox.store.collections.invoices;
		const stored2 = invoices.getByKey(String(invoice.invoice_id));
		if (stored2) invoices.remove(stored2);
		const error = await editor.executeStepExpectingError();
		await editor.screenshot('record-not-found');
		expect(error.message).toContain(
			`No invoice ${String(invoice.invoice_number)} · ${String(customer?.company_name)} (invoice ID '${String(invoice.invoice_id)}') exists in Chaser`,
		);
	}, STEP_TIMEOUT);

	it('lists the contact people of the customer chosen first (before that: an empty list that says why), and gets one', async () => {
		const customer = [...sandbox.store.collections.customers.order].find((record) => record.status === 'ACTIVE');
		if (!customer) throw new Error('the demo data has no active customer');
		const contact = sandbox.findContactPerson(String(customer.external_id), `${String(customer.external_id)}-CP1`);

		await editor.openNodeActions('Chaser', 'Chaser');
		await editor.chooseAction('Get a contact person');
		expect(await editor.locatorModes('customer')).toEqual(MODES);
		expect(await editor.locatorModes('contactExternalId')).toEqual(MODES);
		// The contact list before a customer is chosen: empty, with the reason under it, and no failed call.
		const callsBefore = editor.calls.length;
		await editor.resourceLocator('contactExternalId').input.click();
		await editor.page.getByText(/choose the customer first/).first().waitFor();
		await editor.page.keyboard.press('Escape');
		expect(editor.calls.slice(callsBefore).filter((call) => call.status >= 400).map((call) => `${call.path} ${call.status}`)).toEqual([]);

		await editor.pickFromList('customer', String(customer.company_name));
		const contacts = await editor.pickFromList('contactExternalId', String(contact?.external_id));
		expect(contacts).toEqual([
			`${String(contact?.contact_first_name)} ${String(contact?.contact_last_name)} · ${String(contact?.contact_email_address)} (${String(contact?.external_id)})`,
		]);
		expect(await editor.cutOffTexts()).toEqual([]);
		const output = await editor.executeStep(String(contact?.contact_email_address));
		expect(await output.innerText()).toMatch(/\b1 item\b/);
	}, STEP_TIMEOUT);

	it('Get Many: the exact-match filters say so in their labels, with whole values as placeholders; the next node can map the fields before a run', async () => {
		for (const [action, labels] of [
			['Get many invoices', ['Invoice Number (Exact)']],
			['Get many credit notes', ['Credit Note No. (Exact)']],
			['Get many customers', ['Company Name (Exact)', 'Contact Email (Exact)', 'External IDs (Exact)']],
		] as const) {
			await editor.openNodeActions('Chaser', 'Chaser');
			await editor.chooseAction(action);
			for (const label of labels) await editor.addOption(label, { collection: 'first' });
			await expectNothingCutWithScrollbar();
		}
		expect(await editor.placeholderOf('company_name')).toBe('e.g. Oakridge Trading Ltd');
		expect(await editor.placeholderOf('contact_email_address')).toBe('e.g. accounts@oakridge.example');
		expect(await editor.placeholderOf('external_id')).toBe('e.g. CUST-0042,CUST-0043');
		await editor.screenshot('exact-filters');

		// A node after Get Many, before any run: n8n shows Get Many's fields from the package's output schema.
		await editor.closeNode();
		const schema = await editor.addNodeAfterAndAwaitSchema(
			'No Operation',
			'No Operation, do nothing',
			'/schemas/n8n-nodes-chaser.chaser/1.0.0/customer/getAll.json',
		);
		expect(schema.status()).toBe(200);
		await editor.byTestId('ndv-input-panel').getByText('company_name').first().waitFor();
		await editor.screenshot('schema-preview');
	}, STEP_TIMEOUT);

	it('Invoice → Create refuses the pre-filled Total of 0 on an Authorised invoice, before any request', async () => {
		const customer = [...sandbox.store.collections.customers.order][0];
		await editor.openNodeActions('Chaser', 'Chaser');
		await editor.chooseAction('Create an invoice');
		await editor.fillParameter('invoiceId', 'E2E-ZERO-1');
		await editor.fillParameter('invoiceNumber', 'INV-E2E-0');
		await editor.chooseLocatorMode('customer', 'Your ID');
		await editor.fillLocator('customer', String(customer.external_id));
		await editor.fillParameter('currencyCode', 'GBP');
		await editor.fillParameter('date', `${today} 00:00:00`);
		await editor.fillParameter('dueDate', `${today} 00:00:00`);
		expect(await editor.parameterValue('total')).toBe('0.00');
		sandbox.clearLog();
		const error = await editor.executeStepExpectingError();
		await editor.screenshot('zero-total');
		expect(error.message).toBe(
			'"Total" is 0 on an Authorised invoice: enter the invoice total including tax, as printed on the invoice [item 0]',
		);
		expect(sandbox.requests.filter((request) => request.method !== 'GET')).toEqual([]);
		expect(await editor.cutOffTexts()).toEqual([]);
	}, STEP_TIMEOUT);

	it('Customer → Create or Update with Skip Unchanged Records: the second run says in the output pane that nothing was sent', async () => {
		await editor.openNodeActions('Chaser', 'Chaser');
		await editor.chooseAction('Create or update a customer');
		// Company Name first: Tab out of the last field would open the Additional Fields list over the panel.
		await editor.fillParameter('companyName', 'Skip Check Ltd');
		await editor.fillParameter('externalId', 'CUST-E2E-SKIP');
		await editor.addOption('Skip Unchanged Records');
		await editor.switchOn('skipUnchanged');
		await editor.executeStep('CUST-E2E-SKIP');
		sandbox.clearLog();
		await editor.executeStepAgain('CUST-E2E-SKIP');
		const hints = await editor.outputHints();
		await editor.screenshot('skipped-unchanged');
		expect(hints).toEqual([
			expect.stringMatching(/^The record was skipped as unchanged, so nothing was sent to Chaser for it/),
		]);
		expect(sandbox.requests.filter((request) => request.method !== 'GET')).toEqual([]);
	}, STEP_TIMEOUT);

	it('Chaser Trigger: says what it does, its labels fit, Docs opens a page, the canvas names the event, and an empty Fetch Test Event says what it searched', async () => {
		await editor.openTrigger();
		await editor.page.getByText(/^Chaser has no webhooks: this trigger asks Chaser at the Poll Times/).first().waitFor();
		expect(await editor.parameterValue('event')).toBe('Invoice Paid');
		expect(await editor.addAllOptions()).toEqual([
			'Currency Code',
			'Look Back (Days)',
			'Minimum Amount',
			'Rate Limit Wait (Seconds)',
			'Timeout (Seconds)',
		]);
		await expectNothingCutWithScrollbar();
		await editor.screenshot('trigger');

		const docs = await editor.docsUrl();
		expect(docs).toMatch(/^https:\/\/github\.com\/n8n-nodes-chaser\/n8n-nodes-chaser\/blob\/main\/docs\/chaser-trigger\.md(\?|$)/);
		expect(docs).not.toContain('#');

		await editor.chooseOption('event', 'Invoice Overdue');
		await editor.fillParameter('daysOverdue', '400');
		const error = await editor.fetchTestEventError();
		await editor.screenshot('trigger-no-test-event');
		expect(error.message).toMatch(/^No invoice matched: Invoice Overdue, more than 400 days overdue \(due on or before \d{4}-\d\d-\d\d\), at any date in Chaser/);
		expect(error.description).toMatch(/Try a wider setting \(Days Overdue\)/);

		await editor.closeNode();
		expect((await editor.canvasNodeTexts()).join(' | ')).toContain('Invoice Overdue');
		const schema = await editor.addNodeAfterAndAwaitSchema(
			'No Operation',
			'No Operation, do nothing',
			'/schemas/n8n-nodes-chaser.chaserTrigger/1.0.0.json',
		);
		expect(schema.status()).toBe(200);
	}, STEP_TIMEOUT);

	it('every output schema the editor asked for was served, as the package generates it, and no call for the package failed', async () => {
		const generated = new Map<string, unknown>(
			operationSchemas().map(({ resource, operation, schema }) => [`/schemas/n8n-nodes-chaser.chaser/1.0.0/${resource}/${operation}.json`, schema]),
		);
		generated.set('/schemas/n8n-nodes-chaser.chaserTrigger/1.0.0.json', triggerSchema());
		const asked = editor.schemaCalls().filter((call) => call.path.startsWith('/schemas/n8n-nodes-chaser'));
		log(`output schemas asked for: ${asked.map((call) => `${call.path} ${call.status}`).join(', ')}`);
		expect(asked.map((call) => call.path)).toEqual(
			expect.arrayContaining([
				'/schemas/n8n-nodes-chaser.chaser/1.0.0/customer/getAll.json',
				'/schemas/n8n-nodes-chaser.chaserTrigger/1.0.0.json',
			]),
		);
		for (const call of asked) {
			expect(`${call.path} ${call.status}`).toBe(`${call.path} 200`);
			expect(await call.json()).toEqual(generated.get(call.path));
		}
		expect(await editor.packageCallFailures()).toEqual([]);
		expect(editor.consoleErrors.filter((text) => /chaser|schemas\//i.test(text))).toEqual([]);
	}, STEP_TIMEOUT);

	// Last: it saves wrong settings in the credential.
	it('the credential test names a host it cannot reach, refuses Requests per Minute 0, and says why a wrong secret fails', async () => {
		await editor.openNodeActions('Chaser', 'Chaser');
		await editor.chooseAction('Get an organisation');

		const unreachable = await editor.testCredentialWith({ baseUrl: 'https://chaser-e2e.invalid' }, { screenshot: 'credential-unreachable-host' });
		expect(unreachable).toMatch(/^Could not reach chaser-e2e\.invalid: its host name .*Check the Base URL for a typo.*VPN/);

		// A credential saved (or imported) with 0, as n8n's own test of it sees it.
		const zero = await n8n.rest('POST', '/rest/credentials/test', {
			credentials: { ...chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }), data: { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url, requestsPerMinute: 0 } },
		});
		expect(zero.data.data).toEqual({ status: 'Error', message: expect.stringMatching(/^"Requests per Minute" in the Chaser credential is 0: enter how many requests a minute n8n may send with this key, at least 1/) });
		expect(await editor.testCredentialWith({ baseUrl: sandbox.url })).toBe('');

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
		expect(await editor.packageCallFailures()).toEqual([]);
	}, STEP_TIMEOUT);
});
