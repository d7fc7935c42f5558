'use strict';
// A scripted stand-in for OpenAI's chat-completions API on 127.0.0.1 (node:http only, no network), for running
// n8n's AI Agent with the "OpenAI Chat Model" node (credential Base URL = fake.url) in the e2e tests.
//
//   const fake = await createFakeLlm({ rules: [{ question: /overdue/i, tool: /overdue/i, arguments, answer }] });
//   fake.url        // http://127.0.0.1:<port>/v1  (the openAiApi credential's "Base URL")
//   fake.requests   // every request: { method, path, headers, body, reply }
//   fake.errors     // what the script could not answer (each also sent to n8n as a 400)
//   await fake.close();
//
// Routes: POST /v1/chat/completions (JSON, or SSE when the request has `stream: true`), GET /v1/models.
//
// The script, per chat-completions request:
// - the conversation ends with a user message (no tool result since): the first rule whose `question` matches
//   that message picks the first offered tool (`tools[]`) whose name or description matches `rule.tool`, and
//   answers with one `tool_calls` entry. Its arguments are `rule.arguments({ question, tool, parameters })`
//   (an object), checked against `tool.function.parameters` (required properties present, no unknown ones,
//   JSON types right), so a call the agent could not make is reported instead of sent.
// - the conversation ends with tool results: `rule.answer({ question, result, results, toolName })` is the final
//   assistant message; `result` is the last tool message's content, parsed as JSON when it is JSON.
// - nothing matches: a 400 error (n8n does not retry 4xx) naming the question, recorded in `errors`.
const http = require('http');

const MODELS = ['gpt-4o-mini', 'gpt-4o'];

function lastUserIndex(messages) {
	for (let index = messages.length - 1; index >= 0; index--) if (messages[index].role === 'user') return index;
	return -1;
}

function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : part.text || '')).join('');
	return content == null ? '' : JSON.stringify(content);
}

function parseMaybeJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function jsonType(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** Problems of `args` against a JSON schema of type object (required, unknown properties, property types). */
function checkArguments(args, schema) {
	const problems = [];
	const properties = (schema && schema.properties) || {};
	for (const name of (schema && schema.required) || []) {
		if (!(name in args)) problems.push(`missing required argument "${name}"`);
	}
	for (const [name, value] of Object.entries(args)) {
		const property = properties[name];
		if (!property) {
			problems.push(`unknown argument "${name}" (the tool takes ${Object.keys(properties).join(', ') || 'none'})`);
			continue;
		}
		const types = [].concat(property.type || property.anyOf?.map((option) => option.type) || []);
		const type = jsonType(value);
		const ok = types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
		if (!ok) problems.push(`argument "${name}" is ${type}, the schema wants ${types.join(' | ')}`);
	}
	return problems;
}

function usage() {
	return { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };
}

/** Decides the assistant message for one chat-completions body: { content } or { toolCall: { name, arguments } }. */
function decide(body, rules) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const userIndex = lastUserIndex(messages);
	if (userIndex < 0) throw new Error('no user message in the conversation');
	const question = textOf(messages[userIndex].content);
	const rule = rules.find((candidate) => candidate.question.test(question));
	if (!rule) throw new Error(`no rule for the question ${JSON.stringify(question)}`);
	const after = messages.slice(userIndex + 1);
	const toolMessages = after.filter((message) => message.role === 'tool');
	if (toolMessages.length > 0) {
		const last = toolMessages[toolMessages.length - 1];
		const call = after.flatMap((message) => message.tool_calls || []).find((candidate) => candidate.id === last.tool_call_id);
		const content = rule.answer({
			question,
			result: parseMaybeJson(textOf(last.content)),
			results: toolMessages.map((message) => parseMaybeJson(textOf(message.content))),
			toolName: call ? call.function.name : undefined,
		});
		return { content };
	}
	if (!rule.tool) return { content: rule.answer({ question }) };
	const tools = (Array.isArray(body.tools) ? body.tools : []).filter((tool) => tool.type === 'function');
	const tool = tools.find((candidate) => rule.tool.test(candidate.function.name) || rule.tool.test(candidate.function.description || ''));
	if (!tool) {
		throw new Error(`no offered tool matches ${rule.tool} (offered: ${tools.map((candidate) => candidate.function.name).join(', ') || 'none'})`);
	}
	const parameters = tool.function.parameters || { type: 'object', properties: {} };
	const args = rule.arguments({ question, tool: tool.function, parameters });
	const problems = checkArguments(args, parameters);
	if (problems.length > 0) throw new Error(`arguments for ${tool.function.name}: ${problems.join('; ')}`);
	return { toolCall: { name: tool.function.name, arguments: JSON.stringify(args) } };
}

function completion(id, model, decision) {
	const message = { role: 'assistant', content: decision.content ?? null, refusal: null };
	if (decision.toolCall) {
		message.tool_calls = [{ id: `call_${id}`, type: 'function', function: decision.toolCall }];
	}
	return {
		id: `chatcmpl-${id}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: decision.toolCall ? 'tool_calls' : 'stop' }],
		usage: usage(),
		system_fingerprint: 'fp_fake',
	};
}

/** The same answer as server-sent events, split the way OpenAI streams it. */
function chunks(id, model, decision, includeUsage) {
	const base = { id: `chatcmpl-${id}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, system_fingerprint: 'fp_fake' };
	const chunk = (delta, finish = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
	const out = [chunk({ role: 'assistant', content: decision.toolCall ? null : '' })];
	if (decision.toolCall) {
		const args = decision.toolCall.arguments;
		const half = Math.ceil(args.length / 2);
		out.push(chunk({ tool_calls: [{ index: 0, id: `call_${id}`, type: 'function', function: { name: decision.toolCall.name, arguments: '' } }] }));
		out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, half) } }] }));
		out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(half) } }] }));
		out.push(chunk({}, 'tool_calls'));
	} else {
		const words = decision.content.split(/(?<= )/);
		for (const word of words) out.push(chunk({ content: word }));
		out.push(chunk({}, 'stop'));
	}
	if (includeUsage) out.push({ ...base, choices: [], usage: usage() });
	return out;
}

function send(res, status, data) {
	const text = JSON.stringify(data);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

function openAiError(message, type = 'invalid_request_error') {
	return { error: { message, type, param: null, code: null } };
}

/**
 * @typedef {object} FakeLlmRule
 * @property {RegExp} question matched against the last user message
 * @property {RegExp} [tool] picks the offered tool by name or description; without it the rule answers directly
 * @property {(context: { question: string, tool: { name: string, description?: string, parameters: object }, parameters: any }) => Record<string, unknown>} [arguments]
 * @property {(context: { question: string, result?: unknown, results?: unknown[], toolName?: string }) => string} answer
 */

/**
 * @typedef {object} FakeLlmRequest
 * @property {string} method
 * @property {string} path
 * @property {import('http').IncomingHttpHeaders} headers
 * @property {any} body the parsed JSON body
 * @property {{ content?: string, toolCall?: { name: string, arguments: string } } | undefined} reply what the script answered
 */

/**
 * Starts the fake on 127.0.0.1 (`port` 0 = any free port).
 * @param {{ rules?: FakeLlmRule[], port?: number }} [options]
 */
async function createFakeLlm({ rules = [], port = 0 } = {}) {
	/** @type {FakeLlmRequest[]} */
	const requests = [];
	/** @type {string[]} */
	const errors = [];
	let counter = 0;
	const server = http.createServer((req, res) => {
		const parts = [];
		req.on('data', (part) => parts.push(part));
		req.on('end', () => {
			const raw = Buffer.concat(parts).toString('utf8');
			const path = req.url.split('?')[0];
			const entry = { method: req.method, path, headers: req.headers, body: raw ? parseMaybeJson(raw) : undefined, reply: undefined };
			requests.push(entry);
			if (req.method === 'GET' && path === '/v1/models') {
				send(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'fake' })) });
				return;
			}
			if (req.method !== 'POST' || path !== '/v1/chat/completions') {
				send(res, 404, openAiError(`Unknown route ${req.method} ${path}`));
				return;
			}
			if (!String(req.headers.authorization || '').startsWith('Bearer ')) {
				send(res, 401, openAiError('Missing bearer API key', 'authentication_error'));
				return;
			}
			const body = entry.body;
			if (!body || typeof body !== 'object') {
				send(res, 400, openAiError('The body must be a JSON object'));
				return;
			}
			let decision;
			try {
				decision = decide(body, rules);
			} catch (error) {
				errors.push(error.message);
				send(res, 400, openAiError(`fake LLM: ${error.message}`));
				return;
			}
			entry.reply = decision;
			const id = String(++counter).padStart(4, '0');
			const model = body.model || MODELS[0];
			if (!body.stream) {
				send(res, 200, completion(id, model, decision));
				return;
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
			const includeUsage = Boolean(body.stream_options && body.stream_options.include_usage);
			for (const event of chunks(id, model, decision, includeUsage)) res.write(`data: ${JSON.stringify(event)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = server.address();
	return {
		port: address.port,
		url: `http://127.0.0.1:${address.port}/v1`,
		requests,
		errors,
		/** The chat-completions requests only. */
		completions: () => requests.filter((request) => request.path === '/v1/chat/completions'),
		clear() {
			requests.length = 0;
			errors.length = 0;
		},
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

module.exports = { createFakeLlm, checkArguments };
