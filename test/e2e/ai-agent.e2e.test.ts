import type { IDataObject } from 'n8n-workflow';

import { chaserCredential, loadExample } from '../../tooling/demo';
import { createSandbox } from '../../sandbox';
import { createFakeLlm } from './fake-llm';
import { N8nInstance } from '../../tooling/n8n';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	webhookId?: string;
	credentials?: IDataObject;
}

interface ToolSchema {
	type: 'function';
	function: { name: string; description: string; parameters: { properties: Record<string, IDataObject>; required?: string[] } };
}

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type FakeLlm = Awaited<ReturnType<typeof createFakeLlm>>;
type Invoice = Record<string, unknown>;

const DAY = 86400000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The records a Chaser tool returned to the agent: n8n sends the tool node's output items as a JSON array. */
function records(result: unknown): IDataObject[] {
	const parsed: unknown = typeof result === 'string' ? JSON.parse(result) : result;
	if (!Array.isArray(parsed)) throw new Error(`tool result is not a JSON array: ${JSON.stringify(result)}`);
	return parsed as IDataObject[];
}

/**
 * examples/ai-agent-with-chaser-tool.json RUN in real n8n 2.41.1 with the packed package: the AI Agent talks to a
 * scripted OpenAI-compatible fake (test/e2e/fake-llm) through the real "OpenAI Chat Model" node, and the Chaser tool
 * nodes (`n8n-nodes-chaser.chaserTool`, parameters from `$fromAI()`) call the sandbox.
 *
 * Trigger: the shipped Chat Trigger, called the way n8n's hosted/embedded chat calls it
 * (`POST /webhook/<webhookId>/chat` with `{ action: 'sendMessage', sessionId, chatInput }`, response mode
 * "last node" → `{ output }`). The test makes exactly the two changes a user makes before chatting from outside the
 * editor: the trigger's "Make Chat Publicly Available" on (a production chat URL answers 404 otherwise; the file
 * ships with it off, editor chat only, because the agent can record payments) and an OpenAI credential on the
 * model node (Base URL = the fake). Everything else is the file as shipped.
 */
describe('examples/ai-agent-with-chaser-tool.json runs in n8n 2.41.1 (fake OpenAI model)', () => {
	const shipped = loadExample('ai-agent-with-chaser-tool.json');
	const sessionId = 'e2e-session-1';
	const today = isoDate(new Date());
	const yesterday = isoDate(new Date(Date.now() - DAY));
	let sandbox: Sandbox;
	let fake: FakeLlm;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	let chatPath: string;
	let customerId: string;
	let overdue: Invoice[];
	const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);
	const chat = async (chatInput: string) => {
		sandbox.clearLog();
		fake.clear();
		return await n8n.webhook('POST', chatPath, { action: 'sendMessage', sessionId, chatInput });
	};
	/** The tools offered in the first model call of the first chat turn (kept by the first test). */
	let toolsOffered: ToolSchema[] | undefined;

	beforeAll(async () => {
		sandbox = await createSandbox({ seed: 'demo', referenceDate: new Date() });
		// The customer with the most overdue invoices (Authorised, money owed, due on or before yesterday).
		const dueBy = `${yesterday}T23:59:59.999Z`;
		const all = [...sandbox.store.collections.invoices.order] as Invoice[];
		const isOverdue = (invoice: Invoice) =>
			invoice.status === 'AUTHORISED' && (invoice.amount_due as number) >= 0.01 && (invoice.due_date as string) <= dueBy;
		const counts = new Map<string, number>();
		for (const invoice of all.filter(isOverdue)) {
			const id = invoice.customer_external_id as string;
			counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		customerId = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
		overdue = all.filter((invoice) => isOverdue(invoice) && invoice.customer_external_id === customerId);

		fake = await createFakeLlm({
			rules: [
				{
					question: /^Who is CUST-99999/,
					tool: /^Get one customer/,
					arguments: () => ({ customerExternalId: 'CUST-99999' }),
					answer: ({ result }) => `Chaser said: ${typeof result === 'string' ? result : JSON.stringify(result)}`,
				},
				{
					question: /^Yes, record/,
					tool: /^Record a payment/,
					arguments: ({ question }) => ({
						invoiceId: /invoice ([\w-]+)/.exec(question)![1],
						amount: Number(/payment of ([\d.]+)/.exec(question)![1]),
						paymentDate: today,
						paymentReference: /transaction ID ([\w-]+)/.exec(question)![1],
					}),
					answer: ({ result }) => {
						const [invoice] = records(result);
						if (!invoice || !invoice.invoice_number) throw new Error(`not an invoice: ${JSON.stringify(result)}`);
						return `Recorded. Invoice ${invoice.invoice_number} now has ${invoice.amount_due} ${invoice.currency_code} due (status ${invoice.status}).`;
					},
				},
				{
					question: /overdue/i,
					tool: /unpaid, authorised invoices due on or before/,
					arguments: ({ question }) => ({
						dueOnOrBefore: yesterday,
						customerExternalId: /CUST-\d+/.exec(question)![0],
						limit: 50,
					}),
					answer: ({ result }) => {
						const invoices = records(result);
						if (invoices.some((invoice) => !invoice.invoice_number)) throw new Error(`not invoices: ${JSON.stringify(result)}`);
						const list = invoices.map((invoice) => `${invoice.invoice_number} (${invoice.amount_due} ${invoice.currency_code} due ${String(invoice.due_date).slice(0, 10)})`);
						return `${invoices.length} overdue invoices: ${list.join('; ')}.`;
					},
				},
				{
					question: /who is/i,
					tool: /^Get one customer/,
					arguments: ({ question }) => ({ customerExternalId: /CUST-\d+/.exec(question)![0] }),
					answer: ({ result }) => {
						const [customer] = records(result);
						if (!customer || !customer.company_name) throw new Error(`not a customer: ${JSON.stringify(result)}`);
						return `${customer.company_name}; contact ${customer.contact_first_name} ${customer.contact_last_name} <${customer.contact_email_address}>; payer rating ${customer.payer_rating}, ${customer.average_days_to_pay} days to pay on average.`;
					},
				},
			],
		});

		const nodes = (shipped.nodes as WorkflowNode[]).map((node) => {
			if (node.type === '@n8n/n8n-nodes-langchain.chatTrigger') return { ...node, parameters: { ...node.parameters, public: true } };
			if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') {
				return { ...node, credentials: { openAiApi: { id: 'openAiFakeCred01', name: 'OpenAI (fake)' } } };
			}
			return node;
		});
		const trigger = nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.chatTrigger')!;
		chatPath = `${trigger.webhookId}/chat`;

		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			chaserCredential({ apiKey: sandbox.apiKey, apiSecret: sandbox.apiSecret, baseUrl: sandbox.url }),
			{ id: 'openAiFakeCred01', name: 'OpenAI (fake)', type: 'openAiApi', data: { apiKey: 'sk-fake-e2e', url: fake.url } },
		]);
		await n8n.importWorkflows([{ ...shipped, nodes }]);
		await n8n.publish([shipped.id]);
		await n8n.start();
		// start() waits for Webhook nodes only; the chat trigger's production URL is registered asynchronously too.
		await n8n.waitForWebhooks([{ method: 'POST', path: chatPath }]);
	}, 900000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
		if (fake) await fake.close();
		if (n8n) expect(n8n.isRunning()).toBe(false);
	});

	it('answers "which invoices are overdue" by calling Find overdue invoices with the model\'s $fromAI values', async () => {
		expect(overdue.length).toBeGreaterThan(0);
		expect(overdue.length).toBeLessThanOrEqual(50); // the limit the fake model asks for
		const response = await chat(`Which invoices of ${customerId} are overdue?`);
		expect(fake.errors).toEqual([]);
		expect(response.status).toBe(200);

		// The agent's reply is the fake model's final answer, built from what the sandbox returned.
		const output = response.data.output as string;
		expect(output).toMatch(new RegExp(`^${overdue.length} overdue invoices: `));
		for (const invoice of overdue) expect(output).toContain(`${invoice.invoice_number} (${invoice.amount_due} ${invoice.currency_code} due`);

		// One Get Many with the fixed filters of the node and the values the model chose.
		expect(calls()).toEqual(['GET /v1/invoices']);
		expect(sandbox.requests[0].query).toEqual({
			'filter[status][in]': 'AUTHORISED',
			'filter[amount_due][gte]': '0.01',
			'filter[due_date][lte]': `${yesterday}T23:59:59.999Z`,
			'filter[customer_external_id][eq]': customerId,
			limit: '50',
			page: '0',
		});

		// Two model calls: the question (→ tool call), then the tool result (→ answer).
		expect(fake.completions()).toHaveLength(2);
		const [first, second] = fake.completions();
		toolsOffered = first.body.tools;
		expect(first.body.model).toBe('gpt-4o-mini');
		expect(first.headers.authorization).toBe('Bearer sk-fake-e2e');
		expect(first.body.messages[0]).toMatchObject({ role: 'system' });
		expect(first.body.messages[0].content).toContain('credit-control assistant');
		// The system prompt's expression was resolved (n8n's timezone decides the date, so only its shape is checked).
		expect(first.body.messages[0].content).toMatch(/Today is \d{4}-\d{2}-\d{2}\./);
		const toolMessage = second.body.messages.find((message: IDataObject) => message.role === 'tool');
		expect(records(toolMessage.content).map((invoice) => invoice.invoice_number).sort()).toEqual(
			overdue.map((invoice) => invoice.invoice_number).sort(),
		);
	});

	it('offered the model the three Chaser tools with their descriptions and $fromAI parameters (first turn)', () => {
		expect(toolsOffered).toBeDefined();
		const tools = toolsOffered!;
		const byName = Object.fromEntries(tools.map((tool) => [tool.function.name, tool.function]));
		expect(Object.keys(byName).sort()).toEqual(['Find_overdue_invoices', 'Look_up_customer', 'Record_payment']);
		const shippedTool = (name: string) => (shipped.nodes as WorkflowNode[]).find((node) => node.name === name)!.parameters;
		expect(byName.Find_overdue_invoices.description).toBe(shippedTool('Find overdue invoices').toolDescription);
		expect(byName.Look_up_customer.description).toBe(shippedTool('Look up customer').toolDescription);
		expect(byName.Record_payment.description).toBe(shippedTool('Record payment').toolDescription);

		// The $fromAI() parameters as the model sees them: name, type, description, default; required = no default.
		const schema = (properties: Record<string, IDataObject>, required: string[]) => ({
			$schema: 'http://json-schema.org/draft-07/schema#',
			type: 'object',
			additionalProperties: false,
			properties,
			required,
		});
		expect(byName.Find_overdue_invoices.parameters).toEqual(
			schema(
				{
					limit: { type: 'number', default: 25, description: 'Maximum number of invoices to return (1-100)' },
					dueOnOrBefore: {
						type: 'string',
						description: 'Only invoices due on or before this date, as YYYY-MM-DD. For overdue invoices use yesterday.',
					},
					customerExternalId: {
						type: 'string',
						default: '',
						description: 'Only this customer, by external ID such as CUST-00001; empty string for all customers',
					},
				},
				['dueOnOrBefore'],
			),
		);
		expect(byName.Look_up_customer.parameters).toEqual(
			schema({ customerExternalId: { type: 'string', description: 'The customer external ID, e.g. CUST-00001' } }, ['customerExternalId']),
		);
		expect(byName.Record_payment.parameters).toEqual(
			schema(
				{
					invoiceId: { type: 'string', description: 'The invoice ID (invoice_id from Find overdue invoices, not the invoice number)' },
					amount: { type: 'number', description: 'Amount received, in the invoice currency' },
					paymentDate: { type: 'string', description: 'Date the money was received, YYYY-MM-DD' },
					paymentReference: {
						type: 'string',
						description:
							'The bank or payment provider transaction ID of this payment, exactly as on the bank statement or in the provider (e.g. a Stripe pi_... ID). Ask the user for it; never make one up. The same ID always means the same payment, so a repeated call records it only once.',
					},
				},
				['invoiceId', 'amount', 'paymentDate', 'paymentReference'],
			),
		);
	});

	it('looks a customer up in the same session; the conversation memory carries the earlier turn', async () => {
		const response = await chat(`Who is ${customerId} and how quickly do they pay?`);
		expect(fake.errors).toEqual([]);
		expect(response.status).toBe(200);
		const customer = sandbox.findCustomer(customerId) as IDataObject;
		const output = response.data.output as string;
		expect(output).toContain(`${customer.company_name}; contact ${customer.contact_first_name} ${customer.contact_last_name}`);
		expect(output).toMatch(/payer rating \S+, \d+(\.\d+)? days to pay on average\.$/);

		expect(calls()).toEqual([`GET /v1/customers/ext_${customerId}`]);
		expect(sandbox.requests[0].query).toEqual({ additional_fields: 'average_days_to_pay,payer_rating' });

		// Window memory: the model sees the first question and answer before the new question.
		const messages = fake.completions()[0].body.messages as IDataObject[];
		const roles = messages.map((message) => message.role);
		expect(roles[0]).toBe('system');
		expect(roles[roles.length - 1]).toBe('user');
		expect(messages.some((message) => message.role === 'user' && String(message.content).includes(`Which invoices of ${customerId} are overdue?`))).toBe(true);
		expect(messages.some((message) => message.role === 'assistant' && String(message.content).includes('overdue invoices: '))).toBe(true);
	});

	it('records a confirmed payment through Record payment, with its transaction ID; the same call again records nothing more', async () => {
		const invoice = overdue[0];
		// A copy: the sandbox's records are live objects.
		const before = structuredClone(sandbox.findInvoice(invoice.invoice_id as string)) as IDataObject;
		const amount = Math.min(10, before.amount_due as number);
		const question = `Yes, record a payment of ${amount} received today against invoice ${invoice.invoice_id}, transaction ID pi_ai_e2e_1.`;
		const response = await chat(question);
		expect(fake.errors).toEqual([]);
		expect(response.status).toBe(200);

		const after = sandbox.findInvoice(invoice.invoice_id as string) as IDataObject;
		const due = Math.round(((before.amount_due as number) - amount) * 100) / 100;
		expect(after.amount_due).toBeCloseTo(due, 2);
		expect(after.payments).toEqual([...((before.payments as IDataObject[]) ?? []), expect.objectContaining({ amount, date: expect.stringMatching(new RegExp(`^${today}T`)) })]);
		expect(calls()).toEqual([`GET /v1/invoices/ext_${invoice.invoice_id}`, `PUT /v1/invoices/ext_${invoice.invoice_id}`]);
		expect(response.data.output).toBe(`Recorded. Invoice ${invoice.invoice_number} now has ${after.amount_due} ${after.currency_code} due (status ${after.status}).`);

		// The model calls the tool again with the same transaction ID (a retry, or the user confirming twice).
		const again = await chat(question);
		expect(fake.errors).toEqual([]);
		expect(again.status).toBe(200);
		expect(calls()).toEqual([`GET /v1/invoices/ext_${invoice.invoice_id}`]);
		expect((sandbox.findInvoice(invoice.invoice_id as string) as IDataObject).payments).toEqual(after.payments);
		const toolResult = (fake.completions()[1].body.messages as IDataObject[]).filter((message) => message.role === 'tool').at(-1)!;
		expect(records(toolResult.content)[0]).toMatchObject({ payment_already_recorded: true, amount_due: after.amount_due });
	});

	it('passes a Chaser error (unknown customer) back to the model as the tool result', async () => {
		const response = await chat('Who is CUST-99999?');
		expect(fake.errors).toEqual([]);
		expect(calls()).toEqual(['GET /v1/customers/ext_CUST-99999']);
		expect(response.status).toBe(200);
		// The tool node's error becomes the tool's answer, so the model can tell the user instead of the run failing.
		const error = JSON.stringify([{ error: "No customer with external ID 'CUST-99999' exists in Chaser" }]);
		expect(fake.completions()[1].body.messages.slice(-1)).toEqual([{ role: 'tool', content: error, tool_call_id: expect.any(String) }]);
		expect(response.data).toEqual({ output: `Chaser said: ${error}` });
	});
});
