import { createFakeLlm } from './index';

interface ToolCallJson {
	id?: string;
	function?: { name?: string; arguments?: string };
}

/** The parts of OpenAI's response shapes (completion, chunk, model list, error) the assertions read. */
interface OpenAiJson {
	data: Array<{ id: string }>;
	choices: Array<{
		finish_reason: string | null;
		message: { role: string; content: string | null; tool_calls: ToolCallJson[] };
		delta: { content?: string | null; tool_calls?: ToolCallJson[] };
	}>;
	usage?: object;
	error: { message: string };
}

/** The fake OpenAI chat-completions server the AI-agent e2e test uses: its own contract, without n8n. */
describe('fake LLM (test/e2e/fake-llm)', () => {
	let fake: Awaited<ReturnType<typeof createFakeLlm>>;
	const tool = {
		type: 'function',
		function: {
			name: 'Look_up_customer',
			description: 'Get one customer by external ID',
			parameters: {
				type: 'object',
				additionalProperties: false,
				properties: { customerExternalId: { type: 'string', description: 'The customer external ID' } },
				required: ['customerExternalId'],
			},
		},
	};
	let args: Record<string, unknown> = { customerExternalId: 'CUST-00001' };
	const post = async (body: object, headers: Record<string, string> = { authorization: 'Bearer sk-test' }) =>
		await fetch(`${fake.url}/chat/completions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
	const json = async (response: Response) => (await response.json()) as OpenAiJson;
	const question = { role: 'user', content: 'Who is CUST-00001?' };
	const toolTurn = [
		question,
		{ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'Look_up_customer', arguments: '{}' } }] },
		{ role: 'tool', tool_call_id: 'call_1', content: '[{"company_name":"Ashford Removals LLP"}]' },
	];

	beforeAll(async () => {
		fake = await createFakeLlm({
			rules: [
				{
					question: /^Who is/,
					tool: /customer/,
					arguments: () => args,
					answer: ({ result, toolName }) => `${toolName}: ${(result as Array<{ company_name: string }>)[0].company_name}`,
				},
			],
		});
	});
	afterAll(async () => await fake.close());
	beforeEach(() => {
		fake.clear();
		args = { customerExternalId: 'CUST-00001' };
	});

	it('lists models and answers a question with a tool call, then the tool result with a message', async () => {
		const models = await json(await fetch(`${fake.url}/models`));
		expect(models.data.map((model) => model.id)).toContain('gpt-4o-mini');

		const call = await json(await post({ model: 'gpt-4o-mini', messages: [question], tools: [tool] }));
		expect(call.choices[0].finish_reason).toBe('tool_calls');
		expect(call.choices[0].message.tool_calls[0].function).toEqual({
			name: 'Look_up_customer',
			arguments: '{"customerExternalId":"CUST-00001"}',
		});

		const answer = await json(await post({ model: 'gpt-4o-mini', messages: toolTurn, tools: [tool] }));
		expect(answer.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'Look_up_customer: Ashford Removals LLP' } });
		expect(fake.completions()).toHaveLength(2);
		expect(fake.errors).toEqual([]);
	});

	it('streams the same answers as server-sent events when asked to', async () => {
		const events = async (messages: object[]) => {
			const text = await (await post({ model: 'gpt-4o-mini', messages, tools: [tool], stream: true, stream_options: { include_usage: true } })).text();
			const lines = text.split('\n\n').filter(Boolean);
			expect(lines[lines.length - 1]).toBe('data: [DONE]');
			return lines.slice(0, -1).map((line) => JSON.parse(line.replace(/^data: /, '')) as OpenAiJson);
		};
		const call = await events([question]);
		const argumentsText = call.map((chunk) => chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '').join('');
		expect(JSON.parse(argumentsText)).toEqual({ customerExternalId: 'CUST-00001' });
		expect(call.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean)).toEqual(['tool_calls']);
		expect(call[call.length - 1].usage).toBeDefined();

		const answer = await events(toolTurn);
		expect(answer.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('Look_up_customer: Ashford Removals LLP');
	});

	it('refuses arguments that do not fit the tool schema, questions without a rule and calls without an API key', async () => {
		args = { customer: 'CUST-00001' };
		const bad = await post({ model: 'gpt-4o-mini', messages: [question], tools: [tool] });
		expect(bad.status).toBe(400);
		expect(fake.errors).toEqual([
			'arguments for Look_up_customer: missing required argument "customerExternalId"; unknown argument "customer" (the tool takes customerExternalId)',
		]);

		const unknown = await post({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] });
		expect(unknown.status).toBe(400);
		expect((await json(unknown)).error.message).toBe('fake LLM: no rule for the question "Hello"');

		expect((await post({ messages: [question] }, {})).status).toBe(401);
	});
});
