import type { IDataObject } from 'n8n-workflow';

import { startCatcher } from '../../tooling/catcher';
import { CREDENTIAL_ID, CREDENTIAL_NAME, SMTP_CREDENTIAL_ID, SMTP_CREDENTIAL_NAME, chaserCredential, demoWorkflow, loadExample, samplePayloads, smtpCredential } from '../../tooling/demo';
import { createSandbox } from '../../sandbox';
import { N8nInstance } from '../../tooling/n8n';
import { digestProblems, overdueInvoices } from './support/digest';
import { waitFor } from './support/receiver';
import { byExternalId, chaserNode, chaserTriggerNode, everySeconds, workflow } from './support/workflows';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
}
type Mail = ReturnType<Awaited<ReturnType<typeof startCatcher>>['messages']>[number];

const POLL_TIMES = everySeconds(5);
const UTC = { executionOrder: 'v1', timezone: 'UTC' };
const CHASER = { chaserApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const RECEIPT_ID = 'e2eChainReceipt1';
const TRIGGER = 'When an invoice is paid';
const MONEY = (amount: string, currency: string) =>
	`new Intl.NumberFormat('en-GB', { style: 'currency', currency: ${currency}, currencyDisplay: 'code' }).format(${amount}).replace(/\\u00a0/g, ' ')`;

/**
 * The receipt a user would add next to the examples: the Chaser Trigger (Invoice Paid) → the customer from Chaser →
 * n8n's Send Email node thanks the customer's contact, with the amount as "GBP 1,200.00".
 */
function receiptWorkflow() {
	const paid = `$('${TRIGGER}').item.json`;
	return {
		...workflow({
			id: RECEIPT_ID,
			name: 'Invoice paid → receipt email',
			nodes: [
				chaserTriggerNode(TRIGGER, { event: 'invoicePaid', options: {} }, POLL_TIMES, { credentials: CHASER }),
				chaserNode(
					'Get customer',
					{ resource: 'customer', operation: 'get', customer: byExternalId('={{ $json.customer_external_id }}'), simplify: true },
					{ credentials: CHASER },
				),
				{
					id: 'c4a5e2e0-0000-4000-8000-00000000c4a1',
					name: 'Send receipt',
					type: 'n8n-nodes-base.emailSend',
					typeVersion: 2.1,
					position: [0, 0],
					parameters: {
						fromEmail: 'Accounts <accounts@example.com>',
						toEmail: '={{ $json.contact_email_address }}',
						subject: `=Payment received: invoice {{ ${paid}.invoice_number }}`,
						emailFormat: 'text',
						text: `=Thank you, {{ $json.company_name }}. We received {{ ${MONEY(`${paid}.total`, `${paid}.currency_code`)} }} for invoice {{ ${paid}.invoice_number }}, paid in full on {{ ${paid}.fully_paid_date.slice(0, 10) }}.`,
						options: { appendAttribution: false },
					},
					credentials: { smtp: { id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_NAME } },
				},
			],
		}),
		settings: UTC,
	};
}

/**
 * The whole chain in real n8n 2.41.1, with the workflows published over REST as the editor does: a CRM deal webhook
 * (examples/crm-deal-to-chaser.json) creates customer, contact and invoice in the sandbox; the payment webhook
 * (examples/payment-to-chaser.json) delivered twice records one payment; the Chaser Trigger (polling every 5 s) fires
 * once for the paid invoice → a receipt through n8n's Send Email node, and the chat message of
 * examples/invoice-paid-to-chat.json; the overdue digest (examples/overdue-reminder-digest.json) emails what the
 * sandbox holds as overdue. With the mail server down or the chat answering 500 the executions fail visibly, and
 * retried (as in Executions → Retry) they deliver once, with nothing recorded twice.
 */
describe('the whole chain in n8n 2.41.1: CRM deal → invoice → payment → trigger → email and chat, and the digest', () => {
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let catcher: Awaited<ReturnType<typeof startCatcher>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	const today = new Date().toISOString().slice(0, 10);
	const ids = { crm: 'chaserExCrmDeal1', payment: 'chaserExPayment1', digest: 'chaserExOverdue1', chat: 'chaserExPaidChat', receipt: RECEIPT_ID };

	const post = async (path: string, body: IDataObject) => {
		const response = await n8n.webhook('POST', path, body);
		expect(response.status).toBe(200);
		return response.data;
	};
	const deal = (objectId: number, companyId: string, amount: string) => {
		const sample = samplePayloads(today).crmDeal;
		return { ...sample, objectId, properties: { ...sample.properties, amount }, company: { id: companyId, name: `Company ${companyId} Ltd` } };
	};
	const receipts = (invoiceNumber: string) => catcher.messages().filter((mail) => mail.subject === `Payment received: invoice ${invoiceNumber}`);
	const chats = (invoiceNumber: string) => catcher.chats().filter((chat) => chat.text.includes(` invoice ${invoiceNumber} `));
	const executions = async (workflowId: string) => {
		const { status, data } = await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		expect(status).toBe(200);
		return (data.data.results as Array<{ id: string; status: string }>).map(({ id, status: state }) => ({ id, status: state }));
	};
	const statuses = async (workflowId: string) => (await executions(workflowId)).map((execution) => execution.status).sort();
	/** The polls of both Invoice Paid triggers so far. */
	const paidPolls = () => sandbox.requests.filter((request) => request.method === 'GET' && request.path === '/v1/invoices' && request.query['filter[status][in]'] === 'PAID').length;
	/** Waits until both triggers have polled `more` more times each: whatever was pending has fired by then. */
	const morePolls = async (more: number) => {
		const before = paidPolls();
		await waitFor(() => paidPolls() >= before + 2 * more, { what: `${more} more polls of each trigger`, detail: () => n8n.logs().slice(-3000) });
	};
	const detail = () => `${JSON.stringify(catcher.messages().map((mail) => mail.subject))}\n${JSON.stringify(catcher.chatAttempts())}\n${n8n.logs().slice(-3000)}`;
	/** Deal won and paid in full by the payment webhook: resolves once the invoice is Paid. */
	const wonAndPaid = async (objectId: number, companyId: string, amount: string, paymentId: string) => {
		await post('chaser/crm-deal', deal(objectId, companyId, amount));
		const paid = await post('chaser/payment', { invoice_id: `DEAL-${objectId}`, amount: Number(amount), paid_at: today, payment_id: paymentId });
		expect(paid).toMatchObject({ status: 'PAID', payment_already_recorded: false });
	};

	beforeAll(async () => {
		[sandbox, catcher] = await Promise.all([createSandbox({ seed: 'demo', referenceDate: new Date() }), startCatcher({ port: 0 })]);
		const asDemo = (file: string) => demoWorkflow(loadExample(file), { chatWebhookUrl: catcher.chatWebhookUrl });
		const chat = asDemo('invoice-paid-to-chat.json');
		for (const node of chat.nodes as WorkflowNode[]) if (node.type === 'n8n-nodes-chaser.chaserTrigger') node.parameters.pollTimes = POLL_TIMES;

		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }),
			smtpCredential(catcher.smtpPort),
		]);
		await n8n.importWorkflows([
			asDemo('crm-deal-to-chaser.json'),
			asDemo('payment-to-chaser.json'),
			asDemo('overdue-reminder-digest.json'),
			{ ...chat, settings: UTC },
			receiptWorkflow(),
		]);
		await n8n.start();
		await n8n.setupOwner();
		sandbox.clearLog();
		// Published in the running n8n as the editor does; each trigger's first poll only notes what is paid already.
		await n8n.publishLive(Object.values(ids));
		await waitFor(() => paidPolls() >= 2, { what: 'the first poll of both triggers', detail: () => n8n.logs().slice(-3000) });
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
		if (catcher) await catcher.close();
	});

	it('CRM deal won (webhook): the customer, its contact and the invoice are in the sandbox', async () => {
		const response = await post('chaser/crm-deal', samplePayloads(today).crmDeal);
		expect(response.invoice).toMatchObject({ invoice_id: 'DEAL-9001', created: true });
		expect(sandbox.findCustomer('CRM-5150')).toMatchObject({
			company_name: 'Northwind Traders Ltd',
			contact_first_name: 'Nancy',
			contact_last_name: 'Davolio',
			contact_email_address: 'accounts@northwind.example',
		});
		expect(sandbox.findInvoice('DEAL-9001')).toMatchObject({
			invoice_number: 'INV-9001',
			customer_external_id: 'CRM-5150',
			status: 'AUTHORISED',
			currency_code: 'GBP',
			total: 1200,
			amount_due: 1200,
			amount_paid: 0,
		});
	});

	it('the payment webhook delivered twice records one payment', async () => {
		const payment = { invoice_id: 'DEAL-9001', amount: 1200, paid_at: today, payment_id: 'pi_chain_1' };
		expect(await post('chaser/payment', payment)).toMatchObject({ status: 'PAID', amount_due: 0, payment_already_recorded: false });
		expect(await post('chaser/payment', payment)).toMatchObject({ status: 'PAID', amount_due: 0, payment_already_recorded: true });
		expect(sandbox.findInvoice('DEAL-9001')).toMatchObject({
			amount_paid: 1200,
			amount_due: 0,
			payments: [{ amount: 1200, date: `${today}T00:00:00.000Z` }],
		});
	});

	it('the Chaser Trigger fires once: one receipt email (recipient, subject, invoice, amount, currency) and one chat message', async () => {
		await waitFor(() => receipts('INV-9001').length > 0 && chats('INV-9001').length > 0, { timeoutMs: 90000, what: 'the receipt and the chat message', detail });
		await morePolls(2);

		const mails = receipts('INV-9001');
		expect(mails).toHaveLength(1);
		const [mail] = mails as Mail[];
		expect(mail.envelope).toEqual({ mailFrom: 'accounts@example.com', rcptTo: ['accounts@northwind.example'] });
		expect(mail.to).toEqual([{ name: '', address: 'accounts@northwind.example' }]);
		expect(mail.from).toEqual([{ name: 'Accounts', address: 'accounts@example.com' }]);
		expect(mail.subject).toBe('Payment received: invoice INV-9001');
		expect(mail.text.trim()).toBe(`Thank you, Northwind Traders Ltd. We received GBP 1,200.00 for invoice INV-9001, paid in full on ${today}.`);

		expect(chats('INV-9001').map((chat) => chat.text)).toEqual([
			`:moneybag: *Northwind Traders Ltd* paid invoice INV-9001 in full: GBP 1,200.00 (paid on ${today}).`,
		]);
		expect(await statuses(ids.receipt)).toEqual(['success']);
		expect(await statuses(ids.chat)).toEqual(['success']);
	}, 150000);

	it('the overdue digest (webhook) emails rows and per-currency totals equal to what the sandbox holds as overdue', async () => {
		const before = catcher.messages().length;
		sandbox.clearLog();
		expect(await post('chaser/overdue-digest', {})).toMatchObject({ accepted: ['credit-control@example.com'], rejected: [] });
		const digests = catcher.messages().slice(0, catcher.messages().length - before);
		expect(digests).toHaveLength(1);
		const query = sandbox.requests.find((request) => request.query['filter[due_date][lte]'])!.query as Record<string, string>;
		const overdue = overdueInvoices(sandbox, query['filter[due_date][lte]']);
		expect(overdue.length).toBeGreaterThan(10);
		expect(overdue.some((invoice) => invoice.invoice_id === 'DEAL-9001')).toBe(false); // paid
		expect(digests[0].envelope.rcptTo).toEqual(['credit-control@example.com']);
		expect(digestProblems(digests[0], overdue)).toEqual([]);
	});

	it('mail server down: the receipt and the digest fail visibly; retried once it is back, each is sent once and nothing is recorded twice', async () => {
		catcher.setSmtpDown(true);
		try {
			await wonAndPaid(9002, '5152', '300', 'pi_chain_2');
			await waitFor(async () => (await statuses(ids.receipt)).includes('error') && chats('INV-9002').length > 0, {
				timeoutMs: 90000,
				what: 'the failed receipt execution',
				detail,
			});
			const digest = await n8n.webhook('POST', 'chaser/overdue-digest', {});
			expect(digest.status).toBe(500);
			expect(await statuses(ids.digest)).toEqual(['error', 'success']);
		} finally {
			catcher.setSmtpDown(false);
		}
		expect(receipts('INV-9002')).toEqual([]);
		expect(await statuses(ids.receipt)).toEqual(['error', 'success']);
		expect(await statuses(ids.chat)).toEqual(['success', 'success']);

		// The provider delivers the payment again: not recorded twice.
		expect(await post('chaser/payment', { invoice_id: 'DEAL-9002', amount: 300, paid_at: today, payment_id: 'pi_chain_2' })).toMatchObject({
			payment_already_recorded: true,
		});
		expect((sandbox.findInvoice('DEAL-9002') as IDataObject).payments).toHaveLength(1);

		// Executions → Retry (from the failed node): the receipt is sent once.
		const failed = (await executions(ids.receipt)).find((execution) => execution.status === 'error')!;
		const retry = await n8n.rest('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false });
		expect(retry.status).toBe(200);
		await waitFor(() => receipts('INV-9002').length > 0, { what: 'the retried receipt', detail });
		await morePolls(2);
		expect(receipts('INV-9002')).toHaveLength(1);
		expect(receipts('INV-9002')[0].text).toContain('GBP 300.00 for invoice INV-9002');
		expect(chats('INV-9002')).toHaveLength(1);
	}, 200000);

	it('chat answering 500: the chat execution fails visibly; retried once it is back, the message is posted once', async () => {
		catcher.setChatFailure(500);
		try {
			await wonAndPaid(9003, '5153', '45.5', 'pi_chain_3');
			await waitFor(async () => (await statuses(ids.chat)).includes('error') && receipts('INV-9003').length > 0, {
				timeoutMs: 90000,
				what: 'the failed chat execution',
				detail,
			});
		} finally {
			catcher.setChatFailure(null);
		}
		expect(chats('INV-9003')).toEqual([]);
		expect(catcher.chatAttempts().filter((attempt) => attempt.status === 500 && attempt.text.includes('INV-9003'))).toHaveLength(1);

		const failed = (await executions(ids.chat)).find((execution) => execution.status === 'error')!;
		const retry = await n8n.rest('POST', `/rest/executions/${failed.id}/retry`, { loadWorkflow: false });
		expect(retry.status).toBe(200);
		await waitFor(() => chats('INV-9003').length > 0, { what: 'the retried chat message', detail });
		await morePolls(2);
		expect(chats('INV-9003').map((chat) => chat.text)).toEqual([
			`:moneybag: *Company 5153 Ltd* paid invoice INV-9003 in full: GBP 45.50 (paid on ${today}).`,
		]);
		expect(receipts('INV-9003')).toHaveLength(1);
		expect((sandbox.findInvoice('DEAL-9003') as IDataObject).payments).toHaveLength(1);
	}, 200000);
});
