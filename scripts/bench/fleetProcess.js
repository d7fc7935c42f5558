'use strict';
/**
 * One of the n8n processes in the fleet benchmark: its own engine, transport and pacer, sharing one Chaser key with
 * the other processes (as queue-mode workers do). Runs `executions` executions at once, each creating `items`
 * customers one request per item, paced to the compressed window, then prints one JSON line and exits.
 *
 * Argument: JSON { url, apiKey, apiSecret, windowMs, executions, items, prefix }.
 */
const { runChaser, transport } = require('./engine');

const { url, apiKey, apiSecret, windowMs, executions, items, prefix } = JSON.parse(process.argv[2]);

transport.configureTransport({
	rateLimit: { requests: 200, windowMs },
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	timeoutMs: 30_000,
	rateLimitMinWaitMs: windowMs / 60,
});

async function execution(index) {
	const result = await runChaser({
		parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: '={{ $json.name }}' },
		items: Array.from({ length: items }, (_, i) => ({ id: `${prefix}-E${index}-${i}`, name: `${prefix} ${index} ${i} Ltd` })),
		credentials: { apiKey, apiSecret, baseUrl: url },
	});
	if (result.error) throw new Error(result.error.message);
	return result.success.length;
}

Promise.all(Array.from({ length: executions }, (_, index) => execution(index))).then(
	(outputs) => {
		process.stdout.write(`${JSON.stringify({ outputs })}\n`);
		process.exit(0);
	},
	(error) => {
		process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
		process.exit(1);
	},
);
