import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { chaserCredential, loadExample } from '../../tooling/demo';
import { N8nInstance } from '../../tooling/n8n';
import { createSandbox } from '../../sandbox';
import { createReceiver, waitFor } from './support/receiver';
import { CREDENTIAL, chaserTriggerNode, everySeconds, httpPostNode, workflow } from './support/workflows';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Receiver = Awaited<ReturnType<typeof createReceiver>>;

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	disabled?: boolean;
}

const DAY = 86_400_000;
const midnight = (offsetDays: number) => `${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`;
const POLL_TIMES = everySeconds(5);

/**
 * The Chaser Trigger in real n8n 2.41.1 with the packed package, against the sandbox: three published workflows
 * poll every 5 seconds (examples/invoice-paid-to-chat.json with its chat webhook pointed at a local receiver,
 * Invoice Overdue and Credit Note Issued), the test changes data in the sandbox as Chaser users would, and every
 * event must reach the receiver exactly once, in exactly one execution, also across a restart of n8n.
 */
describe('Chaser Trigger in n8n 2.41.1: one execution item per event', () => {
	let sandbox: Sandbox;
	let receiver: Receiver;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	let chaser: (method: 'POST' | 'PUT', path: string, body: IDataObject) => Promise<void>;
	const workflowIds = { paid: 'chaserExPaidChat', overdue: 'e2eTrigOverdue01', credit: 'e2eTrigCredit001' };

	/** What the receiver got on one path, in order. */
	const posts = (path: string) => receiver.received.filter((request) => request.path === path).map((request) => request.body);
	/** The polls each workflow has made so far, told apart by their status filter. */
	const polls = () => {
		const gets = sandbox.requests.filter((request) => request.method === 'GET');
		const count = (path: string, statuses: string) =>
			gets.filter((request) => request.path === path && request.query['filter[status][in]'] === statuses).length;
		return {
			paid: count('/v1/invoices', 'PAID'),
			overdue: count('/v1/invoices', 'AUTHORISED'),
			credit: count('/v1/credit_notes', 'ACTIVE,AUTHORISED,PAID'),
		};
	};
	/** Waits until every workflow has polled `more` more times: enough for anything pending to have fired. */
	const morePolls = async (more: number) => {
		const before = polls();
		await waitFor(
			() => {
				const now = polls();
				return now.paid >= before.paid + more && now.overdue >= before.overdue + more && now.credit >= before.credit + more;
			},
			{ what: `${more} more polls of each workflow`, detail: () => `${JSON.stringify(polls())}\n${n8n.logs().slice(-3000)}` },
		);
	};
	const executions = async (workflowId: string) => {
		const { status, data } = await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		expect(status).toBe(200);
		return (data.data.results as IDataObject[]).map((execution) => execution.status);
	};
	const invoice = (invoiceId: string, fields: IDataObject) => ({
		invoice_id: invoiceId,
		invoice_number: `A-${invoiceId}`,
		customer_external_id: 'CUST-1',
		status: 'AUTHORISED',
		currency_code: 'GBP',
		total: 1200,
		amount_due: 1200,
		amount_paid: 0,
		date: midnight(-20),
		due_date: midnight(10),
		...fields,
	});
	const payInFull = (invoiceId: string, paidOn: string) =>
		chaser('PUT', `/v1/invoices/ext_${invoiceId}`, {
			status: 'PAID',
			amount_due: 0,
			amount_paid: 1200,
			fully_paid_date: paidOn,
			payments: [{ amount: 1200, date: paidOn }],
		});
	const creditNote = (creditNoteId: string, date: string) =>
		chaser('POST', '/v1/credit_notes', {
			credit_note_id: creditNoteId,
			credit_note_number: creditNoteId,
			customer_external_id: 'CUST-1',
			currency_code: 'GBP',
			total: 80,
			remaining_credit: 80,
			date,
		});

	beforeAll(async () => {
		sandbox = await createSandbox({ seed: 'none' });
		receiver = await createReceiver();
		const client = axios.create({ baseURL: sandbox.url, auth: { username: sandbox.apiKey, password: sandbox.apiSecret }, validateStatus: () => true });
		chaser = async (method, path, body) => {
			const response = await client.request({ method, url: path, data: body });
			if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		};

		// What Chaser already holds when the workflows are activated: none of it may fire.
		await chaser('POST', '/v1/customers', { external_id: 'CUST-1', company_name: 'Acme Trading Ltd' });
		await chaser('POST', '/v1/invoices', invoice('INV-PAID-BEFORE', { status: 'PAID', amount_due: 0, amount_paid: 1200, fully_paid_date: midnight(-1) }));
		await chaser('POST', '/v1/invoices', invoice('INV-OVERDUE-BEFORE', { due_date: midnight(-3) }));
		await creditNote('CN-BEFORE', midnight(-1));
		await chaser('POST', '/v1/invoices', invoice('INV-PAY', {}));
		await chaser('POST', '/v1/invoices', invoice('INV-PAY-LATER', {}));
		await chaser('POST', '/v1/invoices', invoice('INV-PAID-WHILE-OFF', {}));
		await chaser('POST', '/v1/invoices', invoice('INV-PAID-WHEN-ON', {}));
		await chaser('POST', '/v1/invoices', invoice('INV-SLIPS', { due_date: midnight(5) }));

		const utc = { executionOrder: 'v1', timezone: 'UTC' };
		const example = loadExample('invoice-paid-to-chat.json');
		for (const node of example.nodes as WorkflowNode[]) {
			if (node.type === 'n8n-nodes-chaser.chaserTrigger') node.parameters.pollTimes = POLL_TIMES;
			if (node.type === 'n8n-nodes-base.httpRequest') {
				node.disabled = false; // what a user does after pasting their webhook URL
				node.parameters.url = `${receiver.url}/paid`;
			}
		}
		const watch = (id: string, event: string, path: string) => ({
			...workflow({
				id,
				nodes: [chaserTriggerNode('Chaser Trigger', { event, options: {} }, POLL_TIMES), httpPostNode('Notify', `${receiver.url}${path}`)],
			}),
			settings: utc,
		});

		n8n = await N8nInstance.create({ version: '2.41.1' });
		const data = { apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url };
		await n8n.importCredentials([chaserCredential(data), { ...CREDENTIAL, type: 'chaserApi', data }]);
		await n8n.importWorkflows([
			{ ...example, settings: utc },
			watch(workflowIds.overdue, 'invoiceOverdue', '/overdue'),
			watch(workflowIds.credit, 'creditNoteIssued', '/credit'),
		]);
		await n8n.publish(Object.values(workflowIds));
		await n8n.start();
		await n8n.setupOwner();
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (receiver) await receiver.close();
		if (sandbox) await sandbox.close();
	});

	it('starts from the moment it is activated: nothing already in Chaser fires', async () => {
		await morePolls(2);
		expect(receiver.received).toEqual([]);
		for (const id of Object.values(workflowIds)) expect(await executions(id)).toEqual([]);
	}, 120000);

	it('an invoice paid, one fallen overdue, a credit note added: each reaches its workflow once, in one execution', async () => {
		const today = midnight(0);
		await payInFull('INV-PAY', today);
		await chaser('PUT', '/v1/invoices/ext_INV-SLIPS', { due_date: midnight(-1) }); // its due date was yesterday after all
		await creditNote('CN-NEW', today);

		await waitFor(() => posts('/paid').length > 0 && posts('/overdue').length > 0 && posts('/credit').length > 0, {
			what: 'one post per event',
			detail: () => `${JSON.stringify(receiver.received)}\n${n8n.logs().slice(-3000)}`,
		});
		await morePolls(2);

		expect(posts('/paid')).toEqual([
			{ text: `:moneybag: *Acme Trading Ltd* paid invoice A-INV-PAY in full: GBP 1,200.00 (paid on ${today.slice(0, 10)}).` },
		]);
		// Days overdue is 1 unless midnight passed since the change (the engine tests pin the count).
		expect(posts('/overdue')).toEqual([
			expect.objectContaining({ event: 'invoiceOverdue', invoice_id: 'INV-SLIPS', days_overdue: expect.any(Number), amount_due: 1200, customer_name: 'Acme Trading Ltd' }),
		]);
		expect(posts('/credit')).toEqual([
			expect.objectContaining({ event: 'creditNoteIssued', credit_note_id: 'CN-NEW', total: 80, status: 'ACTIVE' }),
		]);
		for (const id of Object.values(workflowIds)) expect(await executions(id)).toEqual(['success']);
	}, 180000);

	it('across a restart of n8n: what happened while it was stopped fires once, nothing fires again', async () => {
		await n8n.stop();
		await payInFull('INV-PAY-LATER', midnight(0));
		await creditNote('CN-WHILE-STOPPED', midnight(0));
		await n8n.start();
		await n8n.setupOwner();

		await waitFor(() => posts('/paid').length > 1 && posts('/credit').length > 1, {
			what: 'the events that happened while n8n was stopped',
			detail: () => `${JSON.stringify(receiver.received)}\n${n8n.logs().slice(-3000)}`,
		});
		await morePolls(2);

		expect(posts('/paid').map((body) => (body as IDataObject).text)).toEqual([
			expect.stringContaining('paid invoice A-INV-PAY in full'),
			expect.stringContaining('paid invoice A-INV-PAY-LATER in full'),
		]);
		expect(posts('/overdue')).toHaveLength(1);
		expect(posts('/credit').map((body) => (body as IDataObject).credit_note_id)).toEqual(['CN-NEW', 'CN-WHILE-STOPPED']);
		expect(await executions(workflowIds.paid)).toEqual(['success', 'success']);
		expect(await executions(workflowIds.overdue)).toEqual(['success']);
	}, 240000);

	it('switched off and on again, it starts from that moment: what was paid meanwhile does not fire', async () => {
		const rest = async (method: 'GET' | 'POST', path: string, body?: IDataObject) => {
			const response = await n8n.rest(method, path, body);
			expect(response.status).toBe(200);
			return response.data.data as IDataObject;
		};
		const pollsBefore = polls().paid;
		await rest('POST', `/rest/workflows/${workflowIds.paid}/deactivate`, {});
		await payInFull('INV-PAID-WHILE-OFF', midnight(0));
		const { versionId } = await rest('GET', `/rest/workflows/${workflowIds.paid}`);
		await rest('POST', `/rest/workflows/${workflowIds.paid}/activate`, { versionId });
		// The poll n8n runs on activation reads what is paid now, and reports none of it.
		await waitFor(() => polls().paid > pollsBefore, { what: 'the poll on activation' });
		await morePolls(2);
		expect(posts('/paid')).toHaveLength(2);

		await payInFull('INV-PAID-WHEN-ON', midnight(0));
		await waitFor(() => posts('/paid').length > 2, { what: 'the payment after activation', detail: () => n8n.logs().slice(-3000) });
		await morePolls(2);
		expect(posts('/paid').map((body) => (body as IDataObject).text)).toEqual([
			expect.stringContaining('paid invoice A-INV-PAY in full'),
			expect.stringContaining('paid invoice A-INV-PAY-LATER in full'),
			expect.stringContaining('paid invoice A-INV-PAID-WHEN-ON in full'),
		]);
	}, 180000);
});
