#!/usr/bin/env node
'use strict';
/**
 * The benchmark behind `npm run bench` (scripts/bench.js starts it): how close the Chaser node gets to Chaser's own rate limit, measured in one run,
 * in-process: the node runs through n8n-core's real engine (scripts/bench/engine.js) against the
 * Chaser sandbox on loopback. Time is compressed: the sandbox enforces "200 requests per W" and the
 * node's transport is configured to the same limit, so a minute of Chaser becomes W.
 *
 *   1. bulk write of 10,000 invoices (Create or Update, bulk endpoint), W = 20 s: records per window, end to end
 *      (from the start of the workflow to its end), as % of 100 × 200; the sending phase alone is printed too
 *   2. the same 10,000 one request per item (Create), W = 1 s: records per window as % of 100 × 200 (at most 1%)
 *   3. Return All over 50,000 customers, W = 2 s: requests (500) and requests per window as % of 200. Memory
 *      is measured in a second, unpaced run: the peak of heapUsed + arrayBuffers with a full GC before each
 *      sample (every 50 ms), i.e. the memory the run needs, ÷ the customers' JSON size (returnAllMemoryRatio).
 *      Also printed: the first run's peak sampled every 2 ms without forcing GC, which adds garbage V8 has
 *      not collected yet (returnAllMemoryRatioWithUncollectedGarbage), and what is held after the run.
 *      The sandbox runs in a worker thread here, so its memory is not counted.
 *   4. no limit: 1,000 customer GETs through the node vs a bare axios loop (median of alternating runs; run
 *      first, while the heap is small): engineOverheadRatio. Also: the node vs n8n's own
 *      httpRequestWithAuthentication in a minimal node (nodeOverN8nHelperRatio), which shows what the node adds.
 *   lost / duplicated: checked in the sandbox's store (every invoice_id exactly once, every customer once).
 *
 * The last line printed is one JSON object with the figures. Options: --only=bulk,perItem,returnAll,overhead
 * (skipped ones print null), --no-build (use dist/ as it is; otherwise dist/ is rebuilt with tsc when a source
 * is newer). Needs Node 24 and the dev dependencies; takes about 1.5 minutes.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

if (typeof global.gc !== 'function') throw new Error('run through npm run bench (scripts/bench.js), which adds --expose-gc');

const args = process.argv.slice(2);
const only = (args.find((arg) => arg.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
const wants = (name) => only.length === 0 || only.includes(name);

ensureBuilt(!args.includes('--no-build'));

const { createSandbox } = require(path.join(ROOT, 'sandbox'));
const { runChaser, transport } = require('./engine');
const axios = require('axios');
const http = require('http');
const v8 = require('v8');
const { Worker } = require('worker_threads');

const KEY = 'bench-key';
const SECRET = 'bench-secret';
const LIMIT = 200; // Chaser: 200 requests per minute per API key
const BULK_SIZE = 100; // Chaser: at most 100 entries per bulk request
const ROUNDS = 7; // alternating runs per path in the overhead comparison

/** Sleeps for real, so pacing and Retry-After waits happen as they would in production. */
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(line) {
	process.stdout.write(`${line}\n`);
}

/** dist/ must hold the current sources: rebuild with tsc when any source is newer than the build. */
function ensureBuilt(build) {
	const built = path.join(ROOT, 'dist', 'nodes', 'Chaser', 'Chaser.node.js');
	if (!build) {
		if (!fs.existsSync(built)) throw new Error('dist/ is missing: run npm run build first');
		return;
	}
	const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
	const newest = Math.max(newestMtime(path.join(ROOT, 'nodes')), newestMtime(path.join(ROOT, 'credentials')));
	if (newest <= builtAt) return;
	log('Building dist/ (sources changed since the last build)...');
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (tsc.status !== 0) {
		// tsc still emits on type errors; go on if the node was emitted, but say so.
		log(`tsc reported errors (continuing with what it emitted):\n${(tsc.stdout || '').split('\n').slice(0, 10).join('\n')}`);
		if (!fs.existsSync(built)) throw new Error('build failed: dist/nodes/Chaser/Chaser.node.js is missing');
	}
	// Touch the entry point so an unchanged emit still counts as fresh.
	const now = new Date();
	fs.utimesSync(built, now, now);
}

function newestMtime(dir) {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
		else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
	}
	return newest;
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Transport settings for a compressed limit of 200 requests per `windowMs` (0 = no pacing). */
function paceTo(windowMs) {
	transport.resetTransportSettings();
	transport.resetPacing();
	transport.configureTransport({
		rateLimit: windowMs ? { requests: LIMIT, windowMs } : { requests: 0, windowMs: 0 },
		sleep: realSleep,
		timeoutMs: 30_000,
		// Compressed like the window, so a stray 429 costs what it would cost in a real minute.
		rateLimitFallbackMs: windowMs ? windowMs / 4 : 100,
		rateLimitMinWaitMs: windowMs ? windowMs / 60 : 10,
	});
}

function statusCounts(sandbox) {
	const counts = {};
	for (const request of sandbox.requests) counts[request.status] = (counts[request.status] || 0) + 1;
	return counts;
}

const credentialsFor = (sandbox) => ({ apiKey: KEY, apiSecret: SECRET, baseUrl: sandbox.url });

function invoiceItems(count, customers) {
	const date = '2025-06-01T00:00:00Z';
	const dueDate = '2025-07-01T00:00:00Z';
	return Array.from({ length: count }, (_, i) => ({
		invoiceId: `BENCH-INV-${String(i).padStart(6, '0')}`,
		invoiceNumber: `INV-${100000 + i}`,
		customer: customers[i % customers.length],
		currency: 'GBP',
		total: 100 + (i % 900) + 0.5,
		date,
		dueDate,
	}));
}

function invoiceParameters(operation, useBulk) {
	return {
		resource: 'invoice',
		operation,
		invoiceId: '={{ $json.invoiceId }}',
		invoiceNumber: '={{ $json.invoiceNumber }}',
		customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
		status: 'AUTHORISED',
		currencyCode: '={{ $json.currency }}',
		total: '={{ $json.total }}',
		date: '={{ $json.date }}',
		dueDate: '={{ $json.dueDate }}',
		// Both amounts given, as an accounting system's export has them: Create or Update then reads nothing first.
		additionalFields: { amount_due: '={{ $json.total }}', amount_paid: 0 },
		...(operation === 'upsert' ? { options: { useBulk } } : {}),
	};
}

/** Checks the sandbox holds each invoice exactly once: returns { lost, duplicated }. */
function auditInvoices(sandbox, items) {
	const seen = new Map();
	for (const invoice of sandbox.store.collections.invoices.order) {
		seen.set(invoice.invoice_id, (seen.get(invoice.invoice_id) || 0) + 1);
	}
	let lost = 0;
	let duplicated = 0;
	for (const item of items) {
		const times = seen.get(item.invoiceId) || 0;
		if (times === 0) lost++;
		if (times > 1) duplicated += times - 1;
	}
	// Anything stored that was not asked for also counts as a duplicate.
	duplicated += Math.max(0, sandbox.count('invoices') - (items.length - lost) - duplicated);
	return { lost, duplicated };
}

/** Outputs must pair with every input exactly once, without errors. */
function auditOutput(result, count, label) {
	const paired = new Set(result.success.map((item) => (item.pairedItem ? item.pairedItem.item : -1)));
	const failed = result.success.filter((item) => item.json && item.json.error).length + result.errorOutput.length;
	if (result.error) throw new Error(`${label}: the node failed: ${result.error.message}`);
	if (result.success.length !== count || paired.size !== count || failed > 0) {
		throw new Error(`${label}: expected ${count} paired outputs, got ${result.success.length} (${failed} failed)`);
	}
}

/**
 * A first request pays one-time set-up in n8n's HTTP stack, which delays its arrival past its pacing slot
 * by more than the pacer's 1% spare at a compressed window. A long-running n8n is warm: so is the bench.
 */
async function warmUp(sandbox, customers, operation, useBulk) {
	paceTo(0);
	sandbox.setRateLimit(null);
	const items = invoiceItems(3, customers).map((item) => ({ ...item, invoiceId: `WARM-${item.invoiceId}` }));
	const result = await runChaser({ parameters: invoiceParameters(operation, useBulk), items, credentials: credentialsFor(sandbox) });
	auditOutput(result, items.length, 'warm-up');
	const invoices = sandbox.store.collections.invoices;
	for (const invoice of [...invoices.order]) invoices.remove(invoice);
	sandbox.clearLog();
}

async function benchBulk(sandbox, windowMs) {
	sandbox.reset();
	const customers = sandbox.addCustomers(100).map((customer) => customer.external_id);
	await warmUp(sandbox, customers, 'upsert', true);
	const items = invoiceItems(10_000, customers);
	sandbox.setRateLimit({ requests: LIMIT, windowMs, retryAfter: true });
	paceTo(windowMs);
	const started = Date.now();
	const result = await runChaser({ parameters: invoiceParameters('upsert', true), items, credentials: credentialsFor(sandbox) });
	const elapsedMs = Date.now() - started;
	auditOutput(result, items.length, 'bulk');
	const audit = auditInvoices(sandbox, items);
	const requests = sandbox.requests.length;
	const firstAt = sandbox.requests[0].time;
	const sendingMs = Date.now() - firstAt;
	const recordsPerWindow = (items.length / elapsedMs) * windowMs;
	const pct = (recordsPerWindow / (BULK_SIZE * LIMIT)) * 100;
	log(
		`1. bulk upsert, 10,000 invoices, limit ${LIMIT}/${windowMs / 1000} s: ${requests} requests ${JSON.stringify(statusCounts(sandbox))}, ` +
			`${(elapsedMs / 1000).toFixed(2)} s end to end (${((elapsedMs - sendingMs) / 1000).toFixed(2)} s preparing items before the first request, ` +
			`${(sendingMs / 1000).toFixed(2)} s sending) = ${Math.round(recordsPerWindow)} records per window = ${pct.toFixed(1)}% of ${BULK_SIZE * LIMIT}; ` +
			`sending phase alone ${(((items.length / sendingMs) * windowMs) / (BULK_SIZE * LIMIT) * 100).toFixed(1)}%; lost ${audit.lost}, duplicated ${audit.duplicated}`,
	);
	return { pct, ...audit };
}

async function benchPerItem(sandbox, windowMs) {
	sandbox.reset();
	const customers = sandbox.addCustomers(100).map((customer) => customer.external_id);
	await warmUp(sandbox, customers, 'create');
	const items = invoiceItems(10_000, customers);
	sandbox.setRateLimit({ requests: LIMIT, windowMs, retryAfter: true });
	paceTo(windowMs);
	const started = Date.now();
	const result = await runChaser({ parameters: invoiceParameters('create'), items, credentials: credentialsFor(sandbox) });
	const elapsedMs = Date.now() - started;
	auditOutput(result, items.length, 'per item');
	const audit = auditInvoices(sandbox, items);
	const recordsPerWindow = (items.length / elapsedMs) * windowMs;
	const pct = (recordsPerWindow / (BULK_SIZE * LIMIT)) * 100;
	log(
		`2. one request per item (invoice create), 10,000 invoices, limit ${LIMIT}/${windowMs / 1000} s: ${sandbox.requests.length} requests ` +
			`${JSON.stringify(statusCounts(sandbox))}, ${(elapsedMs / 1000).toFixed(2)} s = ${Math.round(recordsPerWindow)} records per window ` +
			`= ${pct.toFixed(2)}% of the bulk rate (${((recordsPerWindow / LIMIT) * 100).toFixed(1)}% of the request limit); lost ${audit.lost}, duplicated ${audit.duplicated}`,
	);
	return { pct, ...audit };
}

/** Heap in use (young generation included) plus Buffers: what process.memoryUsage() reports. */
function memoryNow() {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.arrayBuffers;
}

/**
 * The same without V8's young generation (new space). The young generation is a nursery of fixed capacity
 * (tens of MB) that fills with short-lived garbage between scavenges whatever the data size; what is left
 * is what the run actually keeps (plus promoted garbage not yet compacted).
 */
function memoryBeyondNursery() {
	let used = process.memoryUsage().arrayBuffers;
	for (const space of v8.getHeapSpaceStatistics()) {
		if (space.space_name !== 'new_space' && space.space_name !== 'new_large_object_space') used += space.space_used_size;
	}
	return used;
}

/** A sandbox in a worker thread (see bench/sandboxWorker.js), driven by messages. */
async function startSandboxWorker() {
	const worker = new Worker(path.join(__dirname, 'sandboxWorker.js'), { workerData: { apiKey: KEY, apiSecret: SECRET } });
	const pending = new Map();
	let nextId = 0;
	const url = await new Promise((resolve, reject) => {
		worker.once('error', reject);
		worker.on('message', (message) => {
			if (message.ready) return resolve(message.url);
			pending.get(message.id)(message.result);
			pending.delete(message.id);
		});
	});
	const call = (cmd, args = {}) =>
		new Promise((resolve) => {
			const id = ++nextId;
			pending.set(id, resolve);
			worker.postMessage({ id, cmd, ...args });
		});
	return { url, call, stop: async () => {
		await call('close');
		await worker.terminate();
	} };
}

async function benchReturnAll(windowMs) {
	const sandbox = await startSandboxWorker();
	try {
		return await returnAll(sandbox, windowMs);
	} finally {
		await sandbox.stop();
	}
}

async function returnAll(sandbox, windowMs) {
	await sandbox.call('addCustomers', { n: 50_000 });
	const parameters = { resource: 'customer', operation: 'getAll', returnAll: true, simplify: false };

	// Pass 1, throughput: the node paced to the compressed limit. Memory is sampled without forcing GC, so this
	// peak also counts garbage V8 has not collected yet (its nursery and lazily swept old space).
	await sandbox.call('setRateLimit', { limit: { requests: LIMIT, windowMs, retryAfter: true } });
	paceTo(windowMs);
	global.gc();
	global.gc();
	const lazyBaseline = memoryNow();
	const baselineKept = memoryBeyondNursery();
	let peakLazy = lazyBaseline;
	let peakKept = baselineKept;
	const sampleLazy = () => {
		peakLazy = Math.max(peakLazy, memoryNow());
		peakKept = Math.max(peakKept, memoryBeyondNursery());
	};
	const lazySampler = setInterval(sampleLazy, 2);
	const requestsBefore = (await sandbox.call('stats')).requests;
	const started = Date.now();
	let result = await runChaser({ parameters, credentials: credentialsFor(sandbox) });
	const elapsedMs = Date.now() - started;
	clearInterval(lazySampler);
	sampleLazy();
	if (result.error) throw new Error(`return all: the node failed: ${result.error.message}`);
	if (result.success.length !== 50_000) throw new Error(`return all: expected 50000 customers, got ${result.success.length}`);
	const ids = new Set(result.success.map((item) => item.json.id));
	const jsonBytes = Buffer.byteLength(JSON.stringify(result.success.map((item) => item.json)));
	const stats = await sandbox.call('stats');
	const requests = stats.requests - requestsBefore;
	const requestsPerWindow = (requests / elapsedMs) * windowMs;
	const pct = (requestsPerWindow / LIMIT) * 100;
	result = undefined;

	// Pass 2, memory, unpaced: what the run holds. A full GC before each sample counts only what is
	// reachable (records, output items, requests in flight): the memory the node needs.
	await sandbox.call('setRateLimit', { limit: null });
	paceTo(0);
	global.gc();
	global.gc();
	const baseline = memoryNow();
	let peakLive = baseline;
	const sampleLive = () => {
		global.gc();
		peakLive = Math.max(peakLive, memoryNow());
	};
	const liveSampler = setInterval(sampleLive, 50);
	result = await runChaser({ parameters, credentials: credentialsFor(sandbox) });
	clearInterval(liveSampler);
	sampleLive();
	const retained = memoryNow() - baseline;
	if (result.success.length !== 50_000) throw new Error('return all (memory pass): wrong item count');
	result = undefined;

	const memoryRatio = (peakLive - baseline) / jsonBytes;
	const lazyRatio = (peakLazy - lazyBaseline) / jsonBytes;
	const keptRatio = (peakKept - baselineKept) / jsonBytes;
	log(
		`3. Return All, 50,000 customers (Simplify off), limit ${LIMIT}/${windowMs / 1000} s: ${requests} requests ${JSON.stringify(stats.statuses)}, ` +
			`${(elapsedMs / 1000).toFixed(2)} s = ${requestsPerWindow.toFixed(1)} requests per window = ${pct.toFixed(1)}% of the limit; ` +
			`${ids.size} distinct customers; data ${(jsonBytes / 1e6).toFixed(1)} MB as JSON.\n` +
			`   Memory (second run, unpaced): peak live heap growth ${((peakLive - baseline) / 1e6).toFixed(1)} MB (${memoryRatio.toFixed(2)}x the JSON); ` +
			`first run, counting garbage not yet collected: ${((peakLazy - lazyBaseline) / 1e6).toFixed(1)} MB (${lazyRatio.toFixed(2)}x), ` +
			`of which beyond V8's young generation ${((peakKept - baselineKept) / 1e6).toFixed(1)} MB (${keptRatio.toFixed(2)}x); ` +
			`held after the run, output included: ${(retained / 1e6).toFixed(1)} MB (${(retained / jsonBytes).toFixed(2)}x)`,
	);
	return { requests, pct, memoryRatio, lazyRatio, keptRatio, lost: 50_000 - ids.size, duplicated: 0 };
}

async function benchOverhead(sandbox) {
	sandbox.reset();
	sandbox.setRateLimit(null);
	const ids = sandbox.addCustomers(1_000).map((customer) => customer.external_id);
	paceTo(0);
	const credentials = credentialsFor(sandbox);
	const items = ids.map((id) => ({ id }));
	const parameters = { resource: 'customer', operation: 'get', customer: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' } };
	const auth = { username: KEY, password: SECRET };
	const agent = new http.Agent({ keepAlive: true });

	const viaNode = async () => {
		const started = process.hrtime.bigint();
		const result = await runChaser({ parameters, items, credentials });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		auditOutput(result, items.length, 'overhead');
		return ms;
	};
	const viaAxios = async () => {
		const started = process.hrtime.bigint();
		for (const id of ids) {
			const response = await axios.get(`${sandbox.url}/v1/customers/ext_${encodeURIComponent(id)}`, { auth, httpAgent: agent });
			if (!response.data.data) throw new Error('axios: no data');
		}
		return Number(process.hrtime.bigint() - started) / 1e6;
	};

	// For the breakdown: n8n's helper alone (no Chaser node), and axios with a new connection per request,
	// which is what n8n's helper does (it builds new http agents for every request).
	const viaHelper = async () => {
		const started = process.hrtime.bigint();
		const result = await runChaser({ parameters: {}, items, credentials, nodeType: 'bench.rawGet' });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		auditOutput(result, items.length, 'overhead (helper)');
		return ms;
	};
	const viaAxiosNewConnections = async () => {
		const started = process.hrtime.bigint();
		for (const id of ids) {
			const response = await axios.get(`${sandbox.url}/v1/customers/ext_${encodeURIComponent(id)}`, {
				auth,
				httpAgent: new http.Agent({ keepAlive: false }),
			});
			if (!response.data.data) throw new Error('axios: no data');
		}
		return Number(process.hrtime.bigint() - started) / 1e6;
	};

	// Warm every path (JIT, sockets), then alternate.
	const paths = { node: viaNode, bare: viaAxios, helper: viaHelper, fresh: viaAxiosNewConnections };
	const times = { node: [], bare: [], helper: [], fresh: [] };
	for (const run of Object.values(paths)) await run();
	for (let round = 0; round < ROUNDS; round++) {
		for (const [name, run] of Object.entries(paths)) {
			global.gc();
			times[name].push(await run());
		}
	}
	agent.destroy();
	const [node, bare, helper, fresh] = [times.node, times.bare, times.helper, times.fresh].map(median);
	const ratio = node / bare;
	const perRequest = (ms) => `${(ms / 1000).toFixed(3)} ms`;
	log(
		`4. no limit, 1,000 customer GETs (medians of ${ROUNDS} alternating runs): Chaser node in n8n's engine ${node.toFixed(0)} ms ` +
			`(runs ${times.node.map((ms) => ms.toFixed(0)).join(', ')}), bare axios loop ${bare.toFixed(0)} ms ` +
			`(runs ${times.bare.map((ms) => ms.toFixed(0)).join(', ')}) = ${ratio.toFixed(2)}x.\n` +
			`   Per request: bare axios (keep-alive) ${perRequest(bare)}; axios with a new connection each time ${perRequest(fresh)}; ` +
			`n8n's httpRequestWithAuthentication in a minimal node ${perRequest(helper)} (${(helper / bare).toFixed(2)}x); ` +
			`the Chaser node ${perRequest(node)} (${(node / helper).toFixed(2)}x the minimal node: parameters, expression, transport, output)`,
	);
	return { ratio, helperRatio: helper / bare, nodeOverHelper: node / helper };
}

async function main() {
	const benchStarted = Date.now();
	const sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, seed: 'none', quiet: true, maxLogEntries: 1_000_000 });
	const figures = {
		bulkPctOfLimit: null,
		perItemPctOfLimit: null,
		returnAllRequests: null,
		returnAllPctOfLimit: null,
		returnAllMemoryRatio: null,
		engineOverheadRatio: null,
		lost: 0,
		duplicated: 0,
	};
	const tally = (audit) => {
		figures.lost += audit.lost;
		figures.duplicated += audit.duplicated;
	};
	try {
		log(`Chaser node benchmark (Node ${process.version}); limits compressed: ${LIMIT} requests per window W.`);
		// First, while the heap is small: a per-request cost figure is the most sensitive to GC.
		if (wants('overhead')) {
			const overhead = await benchOverhead(sandbox);
			figures.engineOverheadRatio = round(overhead.ratio, 3);
			figures.nodeOverN8nHelperRatio = round(overhead.nodeOverHelper, 3);
		}
		if (wants('bulk')) {
			const bulk = await benchBulk(sandbox, 20_000);
			figures.bulkPctOfLimit = round(bulk.pct, 1);
			tally(bulk);
		}
		if (wants('perItem')) {
			const perItem = await benchPerItem(sandbox, 1_000);
			figures.perItemPctOfLimit = round(perItem.pct, 3);
			tally(perItem);
		}
		if (wants('returnAll')) {
			const returnAll = await benchReturnAll(2_000);
			figures.returnAllRequests = returnAll.requests;
			figures.returnAllPctOfLimit = round(returnAll.pct, 1);
			figures.returnAllMemoryRatio = round(returnAll.memoryRatio, 2);
			figures.returnAllMemoryRatioWithUncollectedGarbage = round(returnAll.lazyRatio, 2);
			tally(returnAll);
		}
	} finally {
		await sandbox.close();
	}
	log(`Done in ${((Date.now() - benchStarted) / 1000).toFixed(1)} s.`);
	log(JSON.stringify(figures));
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
	process.exit(1);
});
