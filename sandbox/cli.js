#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Run the Chaser sandbox standalone:
 *   npm run sandbox -- [--port 8765] [--key K --secret S] [--seed demo|none]
 *                            [--rate-limit 200 --window-ms 60000] [--retry-after] [--quiet]
 * Env: CHASER_SANDBOX_PORT, CHASER_SANDBOX_KEY, CHASER_SANDBOX_SECRET.
 */

const { createSandbox } = require('./index');

const USAGE = `Usage: npm run sandbox -- [options]
  --port N          port on 127.0.0.1 (default 8765, env CHASER_SANDBOX_PORT; 0 = any free port)
  --key K           API key (default sandbox-key, env CHASER_SANDBOX_KEY)
  --secret S        API secret (default sandbox-secret, env CHASER_SANDBOX_SECRET)
  --seed demo|none  demo data (default demo)
  --rate-limit N    allow N requests per window (default off)
  --window-ms MS    rate-limit window (default 60000)
  --retry-after     send Retry-After on 429
  --quiet           do not log requests
  --help`;

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Record<string, string | boolean>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
		const [name, inline] = a.slice(2).split('=', 2);
		if (['retry-after', 'quiet', 'help'].includes(name)) out[name] = true;
		else if (inline !== undefined) out[name] = inline;
		else if (i + 1 < argv.length) out[name] = argv[++i];
		else throw new Error(`missing value for --${name}`);
	}
	return out;
}

/** @param {string | boolean | undefined} v @param {string} name */
function int(v, name) {
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
	return n;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		console.error(`${e.message}\n${USAGE}`);
		process.exit(2);
	}
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const env = process.env;
	const seed = String(args.seed ?? 'demo');
	if (seed !== 'demo' && seed !== 'none') {
		console.error('--seed must be demo or none');
		process.exit(2);
	}
	const sandbox = await createSandbox({
		port: int(args.port ?? env.CHASER_SANDBOX_PORT ?? 8765, 'port'),
		apiKey: String(args.key ?? env.CHASER_SANDBOX_KEY ?? 'sandbox-key'),
		apiSecret: String(args.secret ?? env.CHASER_SANDBOX_SECRET ?? 'sandbox-secret'),
		seed,
		referenceDate: new Date(), // demo dates relative to today
		rateLimit: args['rate-limit']
			? {
					requests: int(args['rate-limit'], 'rate-limit'),
					windowMs: int(args['window-ms'] ?? 60000, 'window-ms'),
					retryAfter: !!args['retry-after'],
				}
			: null,
		quiet: !!args.quiet,
	});

	console.log(`Chaser sandbox listening on ${sandbox.url}`);
	console.log(`  n8n credential "Chaser API": API Key = ${sandbox.apiKey}, API Secret = ${sandbox.apiSecret}, Base URL = ${sandbox.url}`);
	console.log(
		`  seeded: ${sandbox.count('customers')} customers, ${sandbox.count('invoices')} invoices, ` +
			`${sandbox.count('credit_notes')} credit notes, ${sandbox.count('overpayments')} overpayments, ` +
			`${sandbox.count('invoice_history')} invoice history entries`,
	);
	console.log(`  try: curl -u ${sandbox.apiKey}:${sandbox.apiSecret} '${sandbox.url}/v1/customers?limit=2'`);

	let stopping = false;
	const stop = async (/** @type {string} */ signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping sandbox`);
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
	console.error(e && e.message ? e.message : e);
	process.exit(1);
});
