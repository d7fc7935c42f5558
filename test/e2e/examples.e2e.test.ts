import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { startCatcher } from '../../tooling/catcher';
import { chaserCredential, demoWorkflow, loadExamples, samplePayloads, smtpCredential } from '../../tooling/demo';
import { createSandbox } from '../../sandbox';
import { N8nInstance } from '../../tooling/n8n';
import { digestProblems, overdueInvoices, readDigest, totalsByCurrency } from './support/digest';
import { waitFor } from './support/receiver';
import { everySeconds } from './support/workflows';

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
	disabled?: boolean;
}

/** Parameter names of a Chaser node that its description does not know for that resource and operation. */
function unknownParameters(node: WorkflowNode, description: INodeTypeDescription): string[] {
	const { resource, operation } = node.parameters as { resource: string; operation: string };
	const shown = (property: INodeProperties) => {
		const show = property.displayOptions?.show;
		if (!show) return true;
		if (show.resource && !show.resource.includes(resource)) return false;
		if (show.operation && !show.operation.includes(operation)) return false;
		return true;
	};
	const unknown: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const property = description.properties.find((candidate) => candidate.name === name && shown(candidate));
		if (!property) {
			unknown.push(name);
			continue;
		}
		if (property.type === 'collection' && value && typeof value === 'object') {
			const options = (property.options ?? []) as INodeProperties[];
			for (const option of Object.keys(value)) {
				if (!options.some((candidate) => candidate.name === option)) unknown.push(`${name}.${option}`);
			}
		}
	}
	return unknown;
}

/**
 * The JSON of `n8n execute --rawOutput`: from the first line that is exactly `{` to the next that is exactly `}` (a
 * failed run logs more after it).
 */
function executionJson(stdout: string) {
	const start = stdout.search(/^\{$/m);
	if (start < 0) throw new Error(`no execution JSON in:\n${stdout.slice(-3000)}`);
	const end = stdout.slice(start).search(/^\}$/m);
	return JSON.parse(stdout.slice(start, end < 0 ? undefined : start + end + 1));
}

/**
 * Every file in examples/ inside real n8n 2.41.1 with the packed package, imported as `npm start` imports them (the
 * demo's SMTP credential and chat URL aimed at tooling/catcher.js): all import; every node type and Chaser parameter
 * they use is known; the webhooks run against the sandbox; the overdue digest really emails the catcher; an invoice
 * paid in full reaches the catcher's chat webhook through the Chaser Trigger. The AI agent example is imported here
 * and run in ai-agent.e2e.test.ts. One n8n for all.
 */
describe('examples/ in n8n 2.41.1', () => {
	let catcher: Awaited<ReturnType<typeof startCatcher>>;
	let examples: Array<{ file: string; publish: boolean; workflow: IDataObject & { id: string; nodes: WorkflowNode[] } }>;
	const byFile = (file: string) => examples.find((example) => example.file === file)!.workflow;
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);
	/** The requests that change something (how the node reads before writing is its own business). */
	const writes = () => calls().filter((call) => !call.startsWith('GET '));
	const today = new Date().toISOString().slice(0, 10);
	const post = async (path: string, body: IDataObject) => {
		const response = await n8n.webhook('POST', path, body);
		expect(response.status).toBe(200);
		return response.data;
	};
	const executions = async (workflowId: string) => {
		const { status, data } = await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		expect(status).toBe(200);
		return (data.data.results as IDataObject[]).map((execution) => execution.status);
	};

	beforeAll(async () => {
		[sandbox, catcher] = await Promise.all([createSandbox({ seed: 'demo', referenceDate: new Date() }), startCatcher({ port: 0 })]);
		examples = loadExamples().map((example: { file: string; publish: boolean; workflow: IDataObject }) => ({
			...example,
			workflow: demoWorkflow(example.workflow, { chatWebhookUrl: catcher.chatWebhookUrl }),
		}));
		// The paid-invoice trigger polls every 5 seconds here (the demo: every minute), in UTC like the dates below.
		const paid = byFile('invoice-paid-to-chat.json');
		for (const node of paid.nodes) if (node.type === 'n8n-nodes-chaser.chaserTrigger') node.parameters.pollTimes = everySeconds(5);
		paid.settings = { executionOrder: 'v1', timezone: 'UTC' };
		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }),
			smtpCredential(catcher.smtpPort),
		]);
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
		if (catcher) await catcher.close();
	});

	it('imports every example; every one explains itself in a sticky note, and none ships a disabled node', async () => {
		const ids = await n8n.importWorkflows(examples.map((example) => example.workflow));
		expect(ids).toHaveLength(6);
		const list = await n8n.cli(['list:workflow']);
		for (const id of ids) expect(list.stdout).toContain(id);
		for (const { file, workflow } of loadExamples() as Array<{ file: string; workflow: { nodes: WorkflowNode[] } }>) {
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect([file, notes.length]).toEqual([file, 1]);
			expect([file, String(notes[0].parameters.content)]).toEqual([file, expect.stringContaining('**Needs')]);
			expect([file, workflow.nodes.filter((node) => node.disabled).map((node) => node.name)]).toEqual([file, []]);
		}
	}, 120000);

	it('overdue digest (Execute workflow): emails one digest whose rows and per-currency totals are what the sandbox holds as overdue', async () => {
		const workflow = byFile('overdue-reminder-digest.json');
		sandbox.clearLog();
		catcher.clear();

		const result = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput']);
		const execution = executionJson(result.stdout);
		expect(execution.data.resultData.error).toBeUndefined();
		expect(execution.status).toBe('success');

		// One page (Return All, limit 100) with the filters the node sends; "overdue" = due on or before yesterday.
		expect(calls()).toEqual(['GET /v1/invoices']);
		const query = sandbox.requests[0].query as Record<string, string>;
		expect(query).toMatchObject({ 'filter[status][in]': 'AUTHORISED', 'filter[amount_due][gte]': '0.01' });
		const dueBy = query['filter[due_date][lte]'];
		expect(dueBy).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\.999Z$/);
		const overdue = overdueInvoices(sandbox, dueBy);
		expect(overdue.length).toBeGreaterThan(10);
		expect(Object.keys(totalsByCurrency(overdue)).length).toBeGreaterThan(1);

		// The email as the catcher received and parsed it: rows (number, amount as "GBP 1,358.86", due date, most
		// overdue first), per-currency totals and the subject's count and totals agree with the sandbox.
		const mails = catcher.messages();
		expect(mails).toHaveLength(1);
		const [mail] = mails;
		expect(mail.envelope).toEqual({ mailFrom: 'n8n@example.com', rcptTo: ['credit-control@example.com'] });
		expect(mail.from).toEqual([{ name: 'Chaser digest', address: 'n8n@example.com' }]);
		expect(readDigest(mail.text).rows).toHaveLength(overdue.length);
		expect(digestProblems(mail, overdue)).toEqual([]);
		for (const invoice of overdue) expect(mail.html).toContain(`<td>${invoice.invoice_number}</td>`);
	}, 120000);

	it('overdue digest with the mail server down: the execution fails, naming the email step', async () => {
		const workflow = byFile('overdue-reminder-digest.json');
		catcher.clear();
		catcher.setSmtpDown(true);
		try {
			const result = await n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput'], { allowFailure: true });
			expect(result.code).toBe(1);
			const execution = executionJson(result.stdout);
			expect(execution.status).toBe('error');
			expect(execution.data.resultData.lastNodeExecuted).toBe('Send digest email');
			expect(JSON.stringify(execution.data.resultData.error)).toMatch(/421|Mail catcher is down/);
		} finally {
			catcher.setSmtpDown(false);
		}
		expect(catcher.messages()).toEqual([]);
	}, 120000);

	it('publishes the webhook and trigger examples and starts n8n', async () => {
		await n8n.publish(['chaserExWebhook1', 'chaserExCrmDeal1', 'chaserExPayment1', 'chaserExOverdue1', 'chaserExPaidChat']);
		await n8n.start();
		await n8n.setupOwner();
	}, 180000);

	it('knows every node type and every Chaser parameter the examples use (the Chaser tool node included)', async () => {
		const { status, data } = await n8n.rest('GET', '/types/nodes.json');
		expect(status).toBe(200);
		const types = data as INodeTypeDescription[];
		const known = (type: string, version: number) =>
			types.find((t) => t.name === type && ([] as number[]).concat(t.version).includes(version));

		expect(known('n8n-nodes-chaser.chaserTool', 1)).toBeDefined();
		const problems: string[] = [];
		for (const { file, workflow } of examples) {
			for (const node of workflow.nodes) {
				const description = known(node.type, node.typeVersion);
				if (!description) {
					problems.push(`${file}: ${node.name}: unknown node type ${node.type} v${node.typeVersion}`);
					continue;
				}
				if (node.type.startsWith('n8n-nodes-chaser.')) {
					for (const name of unknownParameters(node, description)) problems.push(`${file}: ${node.name}: unknown parameter ${name}`);
				}
			}
		}
		expect(problems).toEqual([]);

		const agent = await n8n.rest('GET', '/rest/workflows/chaserExAiAgent1');
		expect(agent.status).toBe(200);
		const toolNodes = agent.data.data.nodes.filter((node: WorkflowNode) => node.type === 'n8n-nodes-chaser.chaserTool');
		expect(toolNodes.map((node: WorkflowNode) => node.name)).toEqual(['Find overdue invoices', 'Look up customer', 'Record payment']);
		expect(JSON.stringify(toolNodes)).toContain('$fromAI(');
		const recordPayment = toolNodes.find((node: WorkflowNode) => node.name === 'Record payment');
		expect(recordPayment.parameters.options.paymentReference).toMatch(/^=\{\{ \$fromAI\('paymentReference', '[^']*transaction ID/);
	});

	it('webhook-to-chaser: creates the customer and the invoice under its own ID; sent again, updates the same invoice', async () => {
		sandbox.clearLog();
		const sample = samplePayloads('2025-07-01').invoice;
		const body = { ...sample, invoice: { ...sample.invoice, id: 'WEB-INV-1', date: '2025-07-01', due_date: '2025-07-31' } };
		const invoice = {
			invoice_id: 'WEB-INV-1',
			invoice_number: 'WEB-1001',
			customer_external_id: 'CUST-WEB-1',
			currency_code: 'EUR',
			total: 480,
			amount_due: 480,
			amount_paid: 0,
			status: 'AUTHORISED',
			date: '2025-07-01T00:00:00.000Z',
			due_date: '2025-07-31T00:00:00.000Z',
		};
		expect(await post('chaser/invoice', body)).toMatchObject({ ...invoice, created: true });
		expect(writes()).toEqual(['PUT /v1/customers/ext_CUST-WEB-1', 'POST /v1/customers', 'POST /v1/invoices']);
		expect(sandbox.findCustomer('CUST-WEB-1')).toMatchObject({ company_name: 'Contoso Ltd', contact_email_address: 'ap@contoso.example' });

		sandbox.clearLog();
		expect(await post('chaser/invoice', body)).toMatchObject({ ...invoice, created: false });
		expect(writes()).toEqual(['PUT /v1/customers/ext_CUST-WEB-1', 'PUT /v1/invoices/ext_WEB-INV-1']);
	});

	it('webhook-to-chaser: without invoice.id the ID is WEBHOOK-<number> (a retry updates it); without a number too, WEBHOOK-<uuid>', async () => {
		const sample = samplePayloads('2025-07-01').invoice; // has a number (WEB-1001) and no id: what the demo sends
		expect(sample.invoice).not.toHaveProperty('id');
		const first = await post('chaser/invoice', sample);
		expect(first).toMatchObject({ invoice_id: 'WEBHOOK-WEB-1001', invoice_number: 'WEB-1001', created: true });
		const retried = await post('chaser/invoice', sample);
		expect(retried).toMatchObject({ invoice_id: 'WEBHOOK-WEB-1001', id: first.id, created: false });

		const anonymous = { customer: sample.customer, invoice: { total: 99 } };
		const a = await post('chaser/invoice', anonymous);
		const b = await post('chaser/invoice', anonymous);
		const uuid = /^WEBHOOK-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
		expect(a.invoice_id).toMatch(uuid);
		expect(a.invoice_number).toBe(a.invoice_id);
		expect(b.invoice_id).toMatch(uuid);
		expect(b.invoice_id).not.toBe(a.invoice_id);
	});

	it('crm-deal-to-chaser: a won deal becomes a customer and an invoice; other stages are ignored', async () => {
		sandbox.clearLog();
		const deal = samplePayloads('2025-07-01').crmDeal;
		const response = await n8n.webhook('POST', 'chaser/crm-deal', deal);
		expect(response.status).toBe(200);
		expect(response.data.customer).toMatchObject({ external_id: 'CRM-5150', company_name: 'Northwind Traders Ltd', contact_last_name: 'Davolio' });
		// closedate 2025-07-01T09:00:00Z: the calendar date 1 July, and 30 days' terms.
		expect(response.data.invoice).toMatchObject({
			invoice_id: 'DEAL-9001',
			invoice_number: 'INV-9001',
			customer_external_id: 'CRM-5150',
			total: 1200,
			amount_due: 1200,
			amount_paid: 0,
			date: '2025-07-01T00:00:00.000Z',
			due_date: '2025-07-31T00:00:00.000Z',
			created: true,
		});
		expect(calls()).toEqual([
			'PUT /v1/customers/ext_CRM-5150',
			'POST /v1/customers',
			'GET /v1/invoices/ext_DEAL-9001',
			'POST /v1/invoices',
		]);

		// The CRM resends the deal (webhooks are retried): both records are updated, nothing is duplicated.
		sandbox.clearLog();
		const again = await n8n.webhook('POST', 'chaser/crm-deal', { ...deal, properties: { ...deal.properties, amount: '1500' } });
		expect(again.status).toBe(200);
		expect(again.data.invoice).toMatchObject({ invoice_id: 'DEAL-9001', total: 1500, amount_due: 1500, created: false });
		expect(calls()).toEqual(['PUT /v1/customers/ext_CRM-5150', 'GET /v1/invoices/ext_DEAL-9001', 'PUT /v1/invoices/ext_DEAL-9001']);

		sandbox.clearLog();
		const open = await n8n.webhook('POST', 'chaser/crm-deal', { ...deal, objectId: 9002, properties: { ...deal.properties, dealstage: 'qualifiedtobuy' } });
		expect(open.status).toBe(200);
		expect(open.data).toEqual({ ignored: true, reason: "Deal stage is 'qualifiedtobuy': only won deals are invoiced" });
		expect(calls()).toEqual([]);
	});

	it('crm-deal-to-chaser + payment-to-chaser: payments, amount paid and amount due agree after any sequence of their webhooks', async () => {
		const deal = samplePayloads('2025-07-01').crmDeal;
		const wonAgain = { ...deal, properties: { ...deal.properties, amount: '1500' } };
		/** The invoice in the sandbox, checked for agreement: payments add up to amount paid, and paid + due to the total. */
		const agreed = () => {
			const invoice = sandbox.findInvoice('DEAL-9001') as IDataObject;
			const payments = invoice.payments as Array<{ amount: number }>;
			expect(invoice.amount_paid).toBe(payments.reduce((sum, payment) => sum + payment.amount, 0));
			expect((invoice.amount_due as number) + (invoice.amount_paid as number)).toBe(invoice.total);
			return invoice;
		};
		const payment = { invoice_id: 'DEAL-9001', amount: 500, paid_at: '2025-07-10', payment_id: 'pi_e2e_1' };

		expect(await post('chaser/payment', payment)).toMatchObject({ amount_paid: 500, amount_due: 1000, payment_already_recorded: false });
		expect(agreed()).toMatchObject({ amount_paid: 500, status: 'AUTHORISED' });

		// The payment provider retries the same webhook: the payment is not counted twice.
		expect(await post('chaser/payment', payment)).toMatchObject({ amount_paid: 500, amount_due: 1000, payment_already_recorded: true });
		expect(agreed().payments).toHaveLength(1);

		// The same deal is won again: the invoice keeps the payment it has.
		expect((await post('chaser/crm-deal', wonAgain)).invoice).toMatchObject({ amount_paid: 500, amount_due: 1000 });
		expect(agreed()).toMatchObject({ total: 1500, amount_paid: 500, amount_due: 1000 });

		expect(await post('chaser/payment', { ...payment, amount: 1000, paid_at: '2025-07-20', payment_id: 'pi_e2e_2' })).toMatchObject({
			amount_paid: 1500,
			amount_due: 0,
			status: 'PAID',
			fully_paid_date: '2025-07-20T00:00:00.000Z',
			overpaid_amount: 0,
		});
		expect(agreed().payments).toEqual([
			{ amount: 500, date: '2025-07-10T00:00:00.000Z' },
			{ amount: 1000, date: '2025-07-20T00:00:00.000Z' },
		]);

		// Won again once settled: still paid in full.
		expect((await post('chaser/crm-deal', wonAgain)).invoice).toMatchObject({ amount_paid: 1500, amount_due: 0, status: 'PAID' });
		expect(agreed()).toMatchObject({ status: 'PAID', fully_paid_date: '2025-07-20T00:00:00.000Z' });
	});

	it('invoice-paid-to-chat: an invoice paid in full today posts one chat message, amount as "GBP 1,234.50"', async () => {
		const deal = samplePayloads(today).crmDeal;
		await post('chaser/crm-deal', { ...deal, objectId: 9100, properties: { ...deal.properties, amount: '1234.5' } });
		catcher.clear();
		await post('chaser/payment', { invoice_id: 'DEAL-9100', amount: 1234.5, paid_at: today, payment_id: 'pi_e2e_chat' });
		await waitFor(() => catcher.chats().length > 0, {
			timeoutMs: 90000,
			what: 'the paid-invoice chat message',
			detail: () => `${JSON.stringify(catcher.chatAttempts())}\n${n8n.logs().slice(-3000)}`,
		});
		expect(catcher.chats().map((chat) => chat.payload)).toEqual([
			{ text: `:moneybag: *Northwind Traders Ltd* paid invoice INV-9100 in full: GBP 1,234.50 (paid on ${today}).` },
		]);
		expect(await executions('chaserExPaidChat')).toEqual(['success']);
	}, 120000);

	it('overdue digest (webhook, as the demo calls it): answers with what the mail server accepted; the email is in the catcher', async () => {
		catcher.clear();
		const response = await post('chaser/overdue-digest', {});
		expect(response).toMatchObject({ accepted: ['credit-control@example.com'], rejected: [] });
		expect(catcher.messages().map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Overdue invoices \d{4}-\d{2}-\d{2}: \d+ \(/)]);
	});
});
