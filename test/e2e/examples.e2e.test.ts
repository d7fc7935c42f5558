import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { chaserCredential, loadExamples, samplePayloads } from '../../tooling/demo';
import { createSandbox } from '../../sandbox';
import { N8nInstance } from '../../tooling/n8n';

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

/** The JSON of `n8n execute --rawOutput`: everything from the first line that is exactly `{`. */
function executionJson(stdout: string) {
	const start = stdout.search(/^\{$/m);
	if (start < 0) throw new Error(`no execution JSON in:\n${stdout.slice(-3000)}`);
	return JSON.parse(stdout.slice(start));
}

/**
 * Every file in examples/ inside real n8n 2.41.1 with the packed package: all import; every node type and Chaser
 * parameter they use is known; the ones that need no outside service run against the sandbox (the webhooks, and
 * the overdue digest with its email node disabled as shipped); the AI agent example is imported here and run in ai-agent.e2e.test.ts, the invoice-paid one in trigger.e2e.test.ts. One n8n for all.
 */
describe('examples/ in n8n 2.41.1', () => {
	const examples = loadExamples();
	const byFile = (file: string) => examples.find((example: { file: string }) => example.file === file)!.workflow;
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);

	beforeAll(async () => {
		sandbox = await createSandbox({ seed: 'demo', referenceDate: new Date() });
		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }),
		]);
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
	});

	it('imports every example', async () => {
		const ids = await n8n.importWorkflows(examples.map((example: { workflow: IDataObject }) => example.workflow));
		expect(ids).toHaveLength(6);
		const list = await n8n.cli(['list:workflow']);
		for (const id of ids) expect(list.stdout).toContain(id);
	}, 120000);

	it('runs the overdue digest with its email node disabled, listing what the sandbox holds as overdue', async () => {
		const workflow = byFile('overdue-reminder-digest.json');
		expect(workflow.nodes.find((node: WorkflowNode) => node.type === 'n8n-nodes-base.emailSend').disabled).toBe(true);
		sandbox.clearLog();

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

		const overdue = [...sandbox.store.collections.invoices.order].filter(
			(invoice) =>
				invoice.status === 'AUTHORISED' && (invoice.amount_due as number) >= 0.01 && (invoice.due_date as string) <= dueBy,
		);
		expect(overdue.length).toBeGreaterThan(10);
		const digest = execution.data.resultData.runData['Build digest'][0].data.main[0][0].json;
		expect(digest.overdue_count).toBe(overdue.length);
		expect(digest.invoices.map((row: { invoice_number: string }) => row.invoice_number).sort()).toEqual(
			overdue.map((invoice) => invoice.invoice_number).sort(),
		);
		expect(Object.keys(digest.totals).sort()).toEqual([...new Set(overdue.map((invoice) => invoice.currency_code))].sort());
		expect(digest.subject).toMatch(/^Overdue invoices \d{4}-\d{2}-\d{2}: \d+ \(/);
		expect(digest.html).toContain('<table');
	}, 120000);

	it('publishes the webhook examples and starts n8n', async () => {
		await n8n.publish(['chaserExWebhook1', 'chaserExCrmDeal1', 'chaserExPayment1']);
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
			for (const node of workflow.nodes as WorkflowNode[]) {
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
	});

	it('webhook-to-chaser: creates the customer and a new invoice', async () => {
		sandbox.clearLog();
		const sample = samplePayloads('2025-07-01').invoice;
		const body = { ...sample, invoice: { ...sample.invoice, id: 'WEB-INV-1', date: '2025-07-01', due_date: '2025-07-31' } };
		const response = await n8n.webhook('POST', 'chaser/invoice', body);
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
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
		});
		expect(calls()).toEqual(['PUT /v1/customers/ext_CUST-WEB-1', 'POST /v1/customers', 'POST /v1/invoices']);
		expect(sandbox.findCustomer('CUST-WEB-1')).toMatchObject({ company_name: 'Contoso Ltd', contact_email_address: 'ap@contoso.example' });
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
		const post = async (path: string, body: IDataObject) => {
			const response = await n8n.webhook('POST', path, body);
			expect(response.status).toBe(200);
			return response.data;
		};
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
});
