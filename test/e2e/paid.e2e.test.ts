import type { IDataObject } from 'n8n-workflow';

import { chaserCredential } from '../../tooling/demo';
import { N8nInstance } from '../../tooling/n8n';
import { createSandbox } from '../../sandbox';
import { addCustomer, addInvoice } from '../nodes/Chaser/actions/invoice/fixtures';
import { createReceiver, waitFor } from './support/receiver';
import { byExternalId, chaserTriggerNode, chaserWebhookWorkflow, CREDENTIAL, everySeconds, httpPostNode, workflow } from './support/workflows';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Receiver = Awaited<ReturnType<typeof createReceiver>>;

const POLL_TIMES = everySeconds(5);
const TODAY = new Date().toISOString().slice(0, 10);

/** Create and Create or Update take the invoice from the webhook body, with two payments that settle it. */
function settlingWorkflow(id: string, path: string, operation: 'create' | 'upsert', options: IDataObject = {}) {
	return chaserWebhookWorkflow(id, path, {
		resource: 'invoice',
		operation,
		invoiceId: '={{ $json.body.id }}',
		invoiceNumber: '={{ $json.body.id }}',
		customer: byExternalId('CUST-1'),
		status: 'AUTHORISED',
		currencyCode: 'GBP',
		total: 800,
		date: TODAY,
		dueDate: TODAY,
		additionalFields: {
			payments: {
				payment: [
					{ amount: 300, date: TODAY },
					{ amount: 500, date: TODAY },
				],
			},
		},
		options,
	});
}

/**
 * Paid always carries its date, in real n8n 2.41.1: an invoice settled by each path the node has (Create with
 * payments, Create or Update in bulk and one by one, Update to Paid, Record Payment) reaches a published Chaser
 * Trigger on Invoice Paid exactly once. Before the paid date was set on every path, the first four never fired.
 */
describe('Invoice Paid in n8n 2.41.1 fires once for an invoice settled by each path', () => {
	let sandbox: Sandbox;
	let receiver: Receiver;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	const paidPolls = () => sandbox.requests.filter((request) => request.method === 'GET' && request.query['filter[status][in]'] === 'PAID').length;

	beforeAll(async () => {
		sandbox = await createSandbox({ seed: 'none' });
		receiver = await createReceiver();
		addCustomer(sandbox, 'CUST-1', 'Acme Trading Ltd');
		for (const id of ['BY-UPDATE', 'BY-PAYMENT']) addInvoice(sandbox, id, { total: 800, amount_due: 800 });

		const utc = { executionOrder: 'v1', timezone: 'UTC' };
		const byUpdate = chaserWebhookWorkflow('paidByUpdate0001', 'by-update', {
			resource: 'invoice',
			operation: 'update',
			invoice: byExternalId('={{ $json.body.id }}'),
			updateFields: { status: 'PAID', amount_due: 0, amount_paid: 800 },
		});
		const byPayment = chaserWebhookWorkflow('paidByPayment001', 'by-payment', {
			resource: 'invoice',
			operation: 'recordPayment',
			invoice: byExternalId('={{ $json.body.id }}'),
			amount: 800,
			paymentDate: TODAY,
			options: { paymentReference: '={{ $json.body.reference }}' },
		});
		const trigger = {
			...workflow({
				id: 'paidTrigger00001',
				nodes: [chaserTriggerNode('Chaser Trigger', { event: 'invoicePaid', options: {} }, POLL_TIMES), httpPostNode('Notify', `${receiver.url}/paid`)],
			}),
			settings: utc,
		};
		const ids = ['paidByCreate0001', 'paidByBulk000001', 'paidByOneByOne01', 'paidByUpdate0001', 'paidByPayment001', 'paidTrigger00001'];

		n8n = await N8nInstance.create({ version: '2.41.1' });
		const data = { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url };
		await n8n.importCredentials([chaserCredential(data), { ...CREDENTIAL, type: 'chaserApi', data }]);
		await n8n.importWorkflows(
			[
				settlingWorkflow('paidByCreate0001', 'by-create', 'create'),
				settlingWorkflow('paidByBulk000001', 'by-bulk', 'upsert'),
				settlingWorkflow('paidByOneByOne01', 'by-one', 'upsert', { useBulk: false }),
				byUpdate,
				byPayment,
				trigger,
			].map((wf) => ({ ...wf, settings: utc })),
		);
		await n8n.publish(ids);
		await n8n.start();
		await n8n.setupOwner();
		// The trigger's first poll (on activation) notes what is already paid: nothing yet.
		await waitFor(() => paidPolls() >= 1, { what: 'the first poll', detail: () => n8n.logs().slice(-3000) });
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (receiver) await receiver.close();
		if (sandbox) await sandbox.close();
	});

	it('each settled invoice is reported once, with its paid date', async () => {
		const call = async (path: string, body: IDataObject) => {
			const response = await n8n.webhook('POST', path, body);
			if (response.status !== 200) throw new Error(`webhook ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		};
		await call('by-create', { id: 'BY-CREATE' });
		await call('by-bulk', { id: 'BY-BULK' });
		await call('by-one', { id: 'BY-ONE' });
		await call('by-update', { id: 'BY-UPDATE' });
		await call('by-payment', { id: 'BY-PAYMENT', reference: 'TX-1' });
		await call('by-payment', { id: 'BY-PAYMENT', reference: 'TX-1' }); // the payment provider retries

		const settled = ['BY-BULK', 'BY-CREATE', 'BY-ONE', 'BY-PAYMENT', 'BY-UPDATE'];
		for (const id of settled) {
			expect(sandbox.findInvoice(id)).toMatchObject({ status: 'PAID', amount_due: 0, fully_paid_date: `${TODAY}T00:00:00.000Z` });
		}
		const reported = () => receiver.received.filter((request) => request.path === '/paid').map((request) => (request.body as IDataObject).invoice_id as string);
		await waitFor(() => reported().length >= settled.length, {
			what: 'one report per settled invoice',
			detail: () => `${JSON.stringify(reported())}\n${n8n.logs().slice(-3000)}`,
		});
		// Two more polls: nothing fires again.
		const polls = paidPolls();
		await waitFor(() => paidPolls() >= polls + 2, { what: 'two more polls' });
		expect(reported().sort()).toEqual(settled);
		expect(sandbox.findInvoice('BY-PAYMENT')?.payments).toHaveLength(1);
	}, 180000);
});
