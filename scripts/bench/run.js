#!/usr/bin/env node
'use strict';
/**
 * The benchmark behind `npm run bench` (scripts/bench.js starts it). Every figure is measured in this one run, side
 * by side, in-process: the node runs through n8n-core's real engine (scripts/bench/engine.js) against the Chaser
 * sandbox on loopback. Where a part meets the rate limit, time is compressed: the sandbox enforces "200 requests per
 * window W" and the node's transport counts in the same W, so a minute of Chaser becomes W. W stays long enough (10 s
 * and more where it matters) that the timer's millisecond, which each request paced behind an earlier one waits on
 * top, stays as small beside it as it is beside a real minute.
 *
 *   perItem   150 single creates on an idle key: the Chaser node's time ÷ n8n's own HTTP Request node's (from the
 *             n8n 2.41.1 install, run in the same engine with the same credential), medians of alternating runs:
 *             perItemVsHttpNode (target ≤ 1.25)
 *   overLimit 400 single creates against a sandbox enforcing 200 per W = 10 s: the earliest time the last request
 *             could legally be sent, at the pace the HTTP Request node sends the same 400 when nothing limits it,
 *             ÷ the node's time, in %: overLimitPctOfPhysical (≥ 90)
 *   fleet     3 processes (child processes, each with its own engine and pacer) sharing one key, each running 2
 *             executions of 300 creates at once, against a sandbox enforcing 200 per W = 3 s without Retry-After:
 *             the most requests (429s included) in any window, fleetMaxPerWindow (≤ 210), and fleet429Pct (≤ 2)
 *   delta     10,000 invoices through Create or Update with Skip Unchanged Records, then again with 1% changed:
 *             requests of the second run, deltaSyncRequests (≤ 2)
 *   bulk      30,000 invoices through Create or Update (300 bulk requests: one and a half budgets), W = 20 s:
 *             the earliest legal time of the last request, at the node's own pace, ÷ the node's time, in %:
 *             bulkPctOfLimit (≥ 95)
 *   returnAll Get Many, Return All over 50,000 customers, W = 10 s: requests (returnAllRequests, = 500), the same
 *             legal-time % (returnAllPctOfLimit, ≥ 95), and memory, from a second, unlimited run: the peak live
 *             heap ÷ the customers' JSON size (returnAllMemoryRatio, ≤ 3). Also printed: the
 *             peak sampled without forcing GC (returnAllMemoryRatioWithUncollectedGarbage). The sandbox runs in a
 *             worker thread here, so its memory is not counted.
 *   overhead  1,000 customer GETs, no limit: the node ÷ n8n's own httpRequestWithAuthentication in a minimal node
 *             (medians of alternating runs): nodeOverN8nHelperRatio (≤ 1.2), what the node adds to n8n's helper
 *   trigger   Chaser Trigger, Invoice Paid, on a ledger of 50,000 invoices (80% paid, their fully paid dates spread
 *             over the past 80 weeks: 1% of the ledger a week), polled every minute in the time zone Europe/London
 *             while a simulated week pays 500 more (1%; a fifth booked 1-3 days after the day paid), no limit:
 *             requests a poll (triggerRequestsPerPoll, the median; also its mean and max), the same workflow built
 *             from Schedule + Chaser Get Many (Paid, Return All) + n8n 2.41.1's Remove Duplicates node (items
 *             processed in previous executions, on invoice_id), requests a run (alternativeRequestsPerRun), the
 *             ratio triggerVsAlternativeRequestRatio (≤ 0.1: the trigger must cost an order of magnitude less than
 *             what users build without it, or it would not be worth its own state), a day of either every minute in
 *             % of the key's 288,000 (triggerRequestsPerDayPctOfBudget ≤ 5: polling leaves 95% of the key, or 190 a
 *             minute, to the work; alternativeRequestsPerDayPctOfBudget), and whether each invoice paid in the week
 *             was reported exactly once (triggerMissed, triggerDuplicated, triggerUnexpected: 0; the alternative's
 *             alternativeOutput against alternativeExpectedOutput). Time is simulated: the ledger is the sandbox's
 *             seed reshaped in its store, payments are applied to the store as Record Payment would (status,
 *             amounts, payments, fully_paid_date), and the polls run through n8n-core's PollContext (tooling/poll.js)
 *             at simulated instants, the process's Date shifted (bench/clock.js), the node unchanged. Of the week's
 *             10,080 minute polls the part runs every 60th, on the hour: what a poll reads, so what it costs,
 *             depends only on the records in its window (from the previous poll's day less Look Back), which is the
 *             same whether the previous poll ran a minute or an hour before; the first poll of each London day
 *             reads from the day before, as the first minute poll after midnight does. The alternative runs twice
 *             (its first run, which outputs every invoice already paid, and at the end of the week): its requests
 *             are the Paid invoices ÷ 100 whenever it runs, and Remove Duplicates sends none.
 *   lost / duplicated: checked in the sandbox's store after every part (each record exactly once).
 *
 * "Legal time": each request goes at the physical pace (the gaps between requests when nothing waits) but never
 * while 200 requests are already in the window, the way the fastest client Chaser allows would send them. The
 * physical pace is the HTTP Request node's (overLimit) or the node's own in the same run: the gaps between its
 * first 200 requests, which the window does not hold back, and their median after that (bulk, returnAll).
 *
 * The last line printed is one JSON object: the figures, the targets and which targets were missed. Options:
 * --only=perItem,overLimit,fleet,delta,bulk,returnAll,overhead,trigger (skipped parts print null), --no-build (use
 * dist/ as it is; otherwise dist/ is rebuilt with tsc when a source is newer). Needs Node 24, the dev dependencies
 * and n8n 2.41.1 (for its HTTP Request and Remove Duplicates nodes: scripts/bench.js installs it); takes about 4
 * minutes.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

if (typeof global.gc !== 'function') throw new Error('run through npm run bench (scripts/bench.js), which adds --expose-gc');

const args = process.argv.slice(2);
const only = (args.find((arg) => arg.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
const wants = (name) => only.length === 0 || only.includes(name);

ensureBuilt(!args.includes('--no-build'));

const { createSandbox } = require(path.join(ROOT, 'sandbox'));
const { runChaser, processedData, activateTrigger, transport, httpRequest, removeDuplicates } = require('./engine');
const { clock } = require('./clock');
const v8 = require('v8');
const { Worker } = require('worker_threads');

const KEY = 'bench-key';
const SECRET = 'bench-secret';
const LIMIT = 200; // Chaser: 200 requests per minute per API key
const ROUNDS = 7; // alternating runs per path in the side-by-side comparisons

const TARGETS = {
	perItemVsHttpNode: ['<=', 1.25],
	overLimitPctOfPhysical: ['>=', 90],
	fleetMaxPerWindow: ['<=', 210],
	fleet429Pct: ['<=', 2],
	deltaSyncRequests: ['<=', 2],
	bulkPctOfLimit: ['>=', 95],
	returnAllRequests: ['=', 500],
	returnAllPctOfLimit: ['>=', 95],
	returnAllMemoryRatio: ['<=', 3],
	nodeOverN8nHelperRatio: ['<=', 1.2],
	triggerVsAlternativeRequestRatio: ['<=', 0.1],
	triggerRequestsPerDayPctOfBudget: ['<=', 5],
	triggerMissed: ['=', 0],
	triggerDuplicated: ['=', 0],
	triggerUnexpected: ['=', 0],
	lost: ['=', 0],
	duplicated: ['=', 0],
};

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
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Transport settings for a compressed limit of 200 requests per `windowMs`; 0 = no pacing (and no waits). */
function paceTo(windowMs) {
	transport.resetTransportSettings();
	transport.resetPacing();
	transport.configureTransport({
		rateLimit: { requests: LIMIT, windowMs },
		sleep: realSleep,
		timeoutMs: 30_000,
		// Compressed like the window, so a stray 429 costs what it would cost in a real minute.
		rateLimitMinWaitMs: windowMs ? windowMs / 60 : 10,
	});
}

/**
 * When the last of `gaps.length + 1` requests could legally be sent, counted from the first: each request follows
 * the one before at the physical pace (`gaps[i]` ms after it), but never while `LIMIT` requests are in the window.
 */
function legalFinish(gaps, windowMs) {
	const sent = [0];
	for (let i = 1; i <= gaps.length; i++) {
		const atPace = sent[i - 1] + gaps[i - 1];
		sent.push(i >= LIMIT ? Math.max(atPace, sent[i - LIMIT] + windowMs) : atPace);
	}
	return sent[sent.length - 1];
}

/** Gaps between consecutive arrival times. */
const gapsOf = (times) => times.slice(1).map((time, i) => time - times[i]);

/**
 * The node's own physical pace in a paced run: the gaps between its first LIMIT requests, which nothing held back
 * (the window had room), and their median for the requests after them.
 */
function ownPace(times) {
	const free = gapsOf(times.slice(0, LIMIT));
	const typical = median(free);
	return [...free, ...Array.from({ length: times.length - 1 - free.length }, () => typical)];
}

/** First to last arrival. */
const spanOf = (times) => times[times.length - 1] - times[0];

function statusCounts(requests) {
	const counts = {};
	for (const request of requests) counts[request.status] = (counts[request.status] || 0) + 1;
	return counts;
}

const credentialsFor = (sandbox) => ({ apiKey: KEY, apiSecret: SECRET, baseUrl: sandbox.url });

/** The sandbox's audit as bench figures: how many of `ids` it lacks, how many it holds more than once. */
function audit(sandbox, kind, keyField, ids) {
	const { missing, duplicated } = sandbox.audit(kind, keyField, ids);
	return { lost: missing.length, duplicated: duplicated.length };
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

// ---------------------------------------------------------------------------------------------- workloads

const createParameters = { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: '={{ $json.name }}' };
const customerRows = (prefix, count) => Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: `${prefix} ${i} Ltd` }));

/** The same creates through n8n's HTTP Request node, with the same credential (predefined credential type). */
const httpNodeParameters = (sandbox) => ({
	method: 'POST',
	url: `${sandbox.url}/v1/customers`,
	authentication: 'predefinedCredentialType',
	nodeCredentialType: 'chaserApi',
	sendBody: true,
	specifyBody: 'json',
	jsonBody: '={{ JSON.stringify({ external_id: $json.id, company_name: $json.name }) }}',
	options: {},
});

function invoiceItems(count, customers, prefix = 'BENCH-INV') {
	return Array.from({ length: count }, (_, i) => ({
		invoiceId: `${prefix}-${String(i).padStart(6, '0')}`,
		invoiceNumber: `INV-${100000 + i}`,
		customer: customers[i % customers.length],
		currency: 'GBP',
		total: 100 + (i % 900) + 0.5,
		date: '2025-06-01T00:00:00Z',
		dueDate: '2025-07-01T00:00:00Z',
	}));
}

function invoiceParameters(options = {}) {
	return {
		resource: 'invoice',
		operation: 'upsert',
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
		options,
	};
}

// ------------------------------------------------------------------------------------------------- parts

/** The same calls through n8n's HTTP Request node. */
const viaHttpRequestNode = (sandbox, items) =>
	runChaser({
		nodeType: httpRequest.type,
		typeVersion: httpRequest.version,
		parameters: httpNodeParameters(sandbox),
		items,
		credentials: credentialsFor(sandbox),
	});

async function benchPerItem(sandbox) {
	sandbox.reset();
	sandbox.setRateLimit(null);
	const credentials = credentialsFor(sandbox);
	const items = (prefix) => customerRows(prefix, 150);
	let run = 0;
	const viaHttpNode = async () => {
		const rows = items(`H${run++}`);
		const started = process.hrtime.bigint();
		const result = await viaHttpRequestNode(sandbox, rows);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		auditOutput(result, rows.length, 'HTTP Request node');
		return ms;
	};
	const viaChaserNode = async () => {
		const rows = items(`C${run++}`);
		paceTo(60_000); // Chaser's real limit, on an idle key: 150 requests never wait
		const started = process.hrtime.bigint();
		const result = await runChaser({ parameters: createParameters, items: rows, credentials });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		auditOutput(result, rows.length, 'per item');
		return ms;
	};
	const times = { http: [], chaser: [] };
	await viaHttpNode();
	await viaChaserNode();
	for (let r = 0; r < ROUNDS; r++) {
		global.gc();
		times.http.push(await viaHttpNode());
		global.gc();
		times.chaser.push(await viaChaserNode());
	}
	const [http1, chaser1] = [median(times.http), median(times.chaser)];
	const ids = Array.from({ length: run }, (_, r) => items(`${r % 2 ? 'C' : 'H'}${r}`).map((row) => row.id)).flat();
	const result = audit(sandbox, 'customers', 'external_id', ids);
	log(
		`perItem: 150 single creates on an idle key (medians of ${ROUNDS} alternating runs): HTTP Request node ${http1.toFixed(0)} ms ` +
			`(runs ${times.http.map((ms) => ms.toFixed(0)).join(', ')}), Chaser node ${chaser1.toFixed(0)} ms ` +
			`(runs ${times.chaser.map((ms) => ms.toFixed(0)).join(', ')}) = ${(chaser1 / http1).toFixed(2)}x; lost ${result.lost}, duplicated ${result.duplicated}`,
	);
	return { ratio: chaser1 / http1, ...result };
}

async function benchOverLimit(sandbox) {
	const windowMs = 10_000;
	sandbox.reset();
	const credentials = credentialsFor(sandbox);
	// The physical pace: the HTTP Request node sending the same 400 creates when nothing limits it.
	sandbox.setRateLimit(null);
	const physicalRows = customerRows('P', 400);
	auditOutput(await viaHttpRequestNode(sandbox, physicalRows), 400, 'HTTP Request node (physical pace)');
	const physical = sandbox.requests.map((request) => request.time);
	const legalMs = legalFinish(gapsOf(physical), windowMs);

	sandbox.clearLog();
	sandbox.setRateLimit({ requests: LIMIT, windowMs, retryAfter: false });
	paceTo(windowMs);
	const rows = customerRows('L', 400);
	auditOutput(await runChaser({ parameters: createParameters, items: rows, credentials }), 400, 'over the limit');
	const nodeMs = spanOf(sandbox.requests.map((request) => request.time));
	const pct = (legalMs / nodeMs) * 100;
	const result = audit(sandbox, 'customers', 'external_id', [...physicalRows, ...rows].map((row) => row.id));
	log(
		`overLimit: 400 single creates, limit ${LIMIT}/${windowMs / 1000} s: ${sandbox.requests.length} requests ${JSON.stringify(statusCounts(sandbox.requests))}; ` +
			`the last could legally go after ${seconds(legalMs)} (the HTTP Request node's pace, unlimited: ${seconds(spanOf(physical))} for all 400); ` +
			`the node sent it after ${seconds(nodeMs)} = ${pct.toFixed(1)}%; lost ${result.lost}, duplicated ${result.duplicated}`,
	);
	return { pct, ...result };
}

async function benchFleet(sandbox) {
	const windowMs = 3_000;
	const processes = 3;
	const executions = 2;
	const items = 300;
	sandbox.reset();
	sandbox.setRateLimit({ requests: LIMIT, windowMs, retryAfter: false });
	const started = Date.now();
	const outputs = await Promise.all(
		Array.from({ length: processes }, (_, index) => {
			const config = { url: sandbox.url, apiKey: KEY, apiSecret: SECRET, windowMs, executions, items, prefix: `F${index}` };
			return new Promise((resolve, reject) => {
				const child = spawn(process.execPath, [path.join(__dirname, 'fleetProcess.js'), JSON.stringify(config)], {
					stdio: ['ignore', 'pipe', 'inherit'],
				});
				let out = '';
				child.stdout.on('data', (chunk) => (out += chunk));
				child.on('exit', (code) => {
					const result = JSON.parse(out.trim().split('\n').pop() || '{}');
					if (code !== 0 || result.error) reject(new Error(`fleet process ${index} failed: ${result.error || `exit ${code}`}`));
					else resolve(result.outputs);
				});
			});
		}),
	);
	const tookMs = Date.now() - started;
	if (outputs.flat().some((count) => count !== items)) throw new Error(`fleet: an execution did not output ${items} items`);
	const requests = sandbox.requests;
	const rejected = requests.filter((request) => request.status === 429).length;
	const busiest = sandbox.busiestWindow(windowMs);
	const ids = Array.from({ length: processes }, (_, p) =>
		Array.from({ length: executions }, (_, e) => Array.from({ length: items }, (_, i) => `F${p}-E${e}-${i}`)),
	).flat(2);
	const result = audit(sandbox, 'customers', 'external_id', ids);
	const ideal = ((ids.length - LIMIT) / LIMIT) * windowMs;
	log(
		`fleet: ${processes} processes × ${executions} executions × ${items} creates on one key, limit ${LIMIT}/${windowMs / 1000} s, no Retry-After: ` +
			`${requests.length} requests ${JSON.stringify(statusCounts(requests))} in ${seconds(tookMs)} (the limit allows ${seconds(ideal)}); ` +
			`busiest window ${busiest} requests; 429s ${((rejected / requests.length) * 100).toFixed(2)}%; lost ${result.lost}, duplicated ${result.duplicated}`,
	);
	return { busiest, pct429: (rejected / requests.length) * 100, ...result };
}

async function benchDelta(sandbox) {
	sandbox.reset();
	sandbox.setRateLimit(null);
	paceTo(0);
	const customers = sandbox.addCustomers(100).map((customer) => customer.external_id);
	const credentials = credentialsFor(sandbox);
	const parameters = invoiceParameters({ skipUnchanged: true });
	const items = invoiceItems(10_000, customers, 'DELTA');
	let started = Date.now();
	auditOutput(await runChaser({ parameters, items, credentials }), items.length, 'delta, first run');
	const firstMs = Date.now() - started;
	const firstRequests = sandbox.requests.length;
	sandbox.clearLog();
	const changed = items.map((item, i) => (i % 100 === 42 ? { ...item, total: item.total + 1 } : item));
	started = Date.now();
	const second = await runChaser({ parameters, items: changed, credentials });
	const secondMs = Date.now() - started;
	auditOutput(second, items.length, 'delta, second run');
	const requests = sandbox.requests.length;
	const skipped = second.success.filter((item) => item.json.skipped === true).length;
	const result = audit(sandbox, 'invoices', 'invoice_id', items.map((item) => item.invoiceId));
	const stale = changed.filter((item) => sandbox.findInvoice(item.invoiceId).total !== item.total).length;
	log(
		`delta: 10,000 invoices through Create or Update with Skip Unchanged Records: first run ${firstRequests} requests in ${seconds(firstMs)}; ` +
			`with 1% changed, second run ${requests} request(s) in ${seconds(secondMs)}, ${skipped} items skipped; ` +
			`${stale} invoices not up to date; lost ${result.lost}, duplicated ${result.duplicated}`,
	);
	return { requests, lost: result.lost + stale, duplicated: result.duplicated };
}

/**
 * A first request pays one-time set-up in n8n's HTTP stack; a long-running n8n is warm, and so is the bench.
 */
async function warmUp(sandbox, customers) {
	paceTo(0);
	sandbox.setRateLimit(null);
	const items = invoiceItems(3, customers, 'WARM');
	auditOutput(await runChaser({ parameters: invoiceParameters(), items, credentials: credentialsFor(sandbox) }), 3, 'warm-up');
	sandbox.clearLog();
}

async function benchBulk(sandbox) {
	// Long enough that the node's own work on 200 batches (building 20,000 items) fits in a window, as it does in a
	// real minute: the window, not the node, is then what holds the job back.
	const windowMs = 20_000;
	const count = 30_000;
	sandbox.reset();
	const customers = sandbox.addCustomers(100).map((customer) => customer.external_id);
	const credentials = credentialsFor(sandbox);
	await warmUp(sandbox, customers);
	sandbox.setRateLimit({ requests: LIMIT, windowMs, retryAfter: true });
	paceTo(windowMs);
	const items = invoiceItems(count, customers, 'BULK');
	const started = Date.now();
	auditOutput(await runChaser({ parameters: invoiceParameters(), items, credentials }), count, 'bulk');
	const elapsedMs = Date.now() - started;
	const times = sandbox.requests.map((request) => request.time);
	const legalMs = legalFinish(ownPace(times), windowMs);
	const nodeMs = spanOf(times);
	const pct = (legalMs / nodeMs) * 100;
	const result = audit(sandbox, 'invoices', 'invoice_id', items.map((item) => item.invoiceId));
	log(
		`bulk: ${count.toLocaleString('en')} invoices through Create or Update (100 per request), limit ${LIMIT}/${windowMs / 1000} s: ` +
			`${sandbox.requests.length} requests ${JSON.stringify(statusCounts(sandbox.requests))}, ${seconds(elapsedMs)} end to end; ` +
			`at its own pace (the first ${LIMIT} requests took ${seconds(times[LIMIT - 1] - times[0])}) the last could legally go after ${seconds(legalMs)}; ` +
			`the node sent it after ${seconds(nodeMs)} = ${pct.toFixed(1)}%; lost ${result.lost}, duplicated ${result.duplicated}`,
	);
	return { pct, ...result };
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
	return {
		url,
		call,
		stop: async () => {
			await call('close');
			await worker.terminate();
		},
	};
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
	await sandbox.call('times');
	let result = await runChaser({ parameters, credentials: credentialsFor(sandbox) });
	clearInterval(lazySampler);
	sampleLazy();
	if (result.error) throw new Error(`return all: the node failed: ${result.error.message}`);
	if (result.success.length !== 50_000) throw new Error(`return all: expected 50000 customers, got ${result.success.length}`);
	const ids = new Set(result.success.map((item) => item.json.id));
	const jsonBytes = Buffer.byteLength(JSON.stringify(result.success.map((item) => item.json)));
	const paced = await sandbox.call('times');
	result = undefined;

	// Pass 2, memory, unlimited: what the run holds. A full GC before each sample counts
	// only what is reachable (records, output items, requests in flight): the memory the node needs.
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

	const legalMs = legalFinish(ownPace(paced), windowMs);
	const nodeMs = spanOf(paced);
	const pct = (legalMs / nodeMs) * 100;
	const memoryRatio = (peakLive - baseline) / jsonBytes;
	const lazyRatio = (peakLazy - lazyBaseline) / jsonBytes;
	const keptRatio = (peakKept - baselineKept) / jsonBytes;
	log(
		`returnAll: 50,000 customers (Simplify off), limit ${LIMIT}/${windowMs / 1000} s: ${paced.length} requests; ` +
			`at its own pace (the first ${LIMIT} took ${seconds(paced[LIMIT - 1] - paced[0])}) the last could legally go after ${seconds(legalMs)}; ` +
			`the node sent it after ${seconds(nodeMs)} = ${pct.toFixed(1)}%; ${ids.size} distinct customers; data ${(jsonBytes / 1e6).toFixed(1)} MB as JSON.\n` +
			`   Memory (unlimited run): peak live heap growth ${((peakLive - baseline) / 1e6).toFixed(1)} MB (${memoryRatio.toFixed(2)}x the JSON); ` +
			`paced run, counting garbage not yet collected: ${((peakLazy - lazyBaseline) / 1e6).toFixed(1)} MB (${lazyRatio.toFixed(2)}x), ` +
			`of which beyond V8's young generation ${((peakKept - baselineKept) / 1e6).toFixed(1)} MB (${keptRatio.toFixed(2)}x); ` +
			`held after the run, output included: ${(retained / 1e6).toFixed(1)} MB (${(retained / jsonBytes).toFixed(2)}x)`,
	);
	return { requests: paced.length, pct, memoryRatio, lazyRatio, lost: 50_000 - ids.size, duplicated: 0 };
}

async function benchOverhead(sandbox) {
	sandbox.reset();
	sandbox.setRateLimit(null);
	const ids = sandbox.addCustomers(1_000).map((customer) => customer.external_id);
	paceTo(0);
	const credentials = credentialsFor(sandbox);
	const items = ids.map((id) => ({ id }));
	const parameters = { resource: 'customer', operation: 'get', customer: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' } };
	const timed = async (options, label) => {
		const started = process.hrtime.bigint();
		const result = await runChaser({ ...options, items, credentials });
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		auditOutput(result, items.length, label);
		return ms;
	};
	// The floor: n8n's own helper in a minimal node (bench.rawGet), which every community node must go through.
	const paths = {
		node: () => timed({ parameters }, 'overhead'),
		helper: () => timed({ parameters: { customer: parameters.customer }, nodeType: 'bench.rawGet' }, 'overhead (helper)'),
	};
	const times = { node: [], helper: [] };
	for (const run of Object.values(paths)) await run();
	for (let r = 0; r < ROUNDS; r++) {
		for (const [name, run] of Object.entries(paths)) {
			global.gc();
			times[name].push(await run());
		}
	}
	const [node, helper] = [median(times.node), median(times.helper)];
	log(
		`overhead: no limit, 1,000 customer GETs (medians of ${ROUNDS} alternating runs): the Chaser node ${node.toFixed(0)} ms ` +
			`(runs ${times.node.map((ms) => ms.toFixed(0)).join(', ')}), n8n's httpRequestWithAuthentication in a minimal node ${helper.toFixed(0)} ms ` +
			`(runs ${times.helper.map((ms) => ms.toFixed(0)).join(', ')}) = ${(node / helper).toFixed(2)}x (parameters, expression, transport, output)`,
	);
	return { nodeOverHelper: node / helper };
}

// -------------------------------------------------------------------------------------------------- trigger

/** The trigger part's ledger and week; see the header. */
const LEDGER = {
	invoices: 50_000,
	paidShare: 0.8, // the ledger's past: 80% paid, their fully paid dates spread evenly over historyDays
	historyDays: 560, // 40,000 paid over 80 weeks: 500 a week, the same 1% of the ledger as during the week simulated
	weeklyPaidShare: 0.01, // during the week: 1% of the ledger (500 invoices) paid, at random instants
	lateShare: 0.2, // of those, booked 1 to 3 days after the day they were paid (a payment booked Monday for Friday)
	days: 7,
	pollEveryMinutes: 60, // the polls run: every 60th of the week's 10,080 minute polls, on the hour (see the header)
	alternativeAtDays: [0, 7], // the alternative's runs: its first at day 0, then one at the end of the week
	timezone: 'Europe/London',
	start: Date.UTC(2026, 5, 1), // Monday 1 June 2026, 00:00 UTC = 01:00 in London (summer time)
	seed: 20260601,
};
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const BUDGET_PER_DAY = LIMIT * 60 * 24; // 288,000 requests a day on one key

/** A small seeded PRNG (mulberry32), so the ledger and the week are the same in every run. */
function seededRandom(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

const calendarFormat = new Intl.DateTimeFormat('en-CA', { timeZone: LEDGER.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar date of an instant in the workflow's time zone (what "today" is for the trigger). */
const localDay = (instant) => calendarFormat.format(instant);
const shiftDay = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Chaser's dates: calendar dates at midnight UTC. */
const chaserDate = (day) => `${day}T00:00:00Z`;

/** Marks an invoice paid in full on `day`, as Record Payment does (status, amounts, payments, fully paid date). */
function markPaid(invoice, day, at) {
	invoice.payments = [...(invoice.payments || []), { amount: invoice.total, date: chaserDate(day) }];
	invoice.amount_paid = invoice.total;
	invoice.amount_due = 0;
	invoice.status = 'PAID';
	invoice.fully_paid_date = chaserDate(day);
	invoice.updated_at = new Date(at).toISOString();
}

/**
 * 50,000 invoices: the sandbox's deterministic seed (500 customers × 100 invoices), reshaped into a ledger with a
 * past. Returns the outstanding invoices, which the week's payments are drawn from.
 */
function seedLedger(sandbox, random) {
	const { invoices } = sandbox.seed({ customers: LEDGER.invoices / 100, invoicesPerCustomer: 100 });
	const outstanding = [];
	for (const invoice of invoices) {
		invoice.payments = [];
		if (random.next() < LEDGER.paidShare) {
			const paidAt = LEDGER.start - random.next() * LEDGER.historyDays * DAY_MS;
			const paidDay = localDay(paidAt);
			const issued = shiftDay(paidDay, -random.int(5, 60));
			invoice.date = chaserDate(issued);
			invoice.due_date = chaserDate(shiftDay(issued, 30));
			markPaid(invoice, paidDay, paidAt);
		} else {
			const issued = shiftDay(localDay(LEDGER.start), -random.int(1, 90));
			Object.assign(invoice, {
				status: 'AUTHORISED',
				amount_paid: 0,
				amount_due: invoice.total,
				fully_paid_date: null,
				date: chaserDate(issued),
				due_date: chaserDate(shiftDay(issued, 30)),
			});
			outstanding.push(invoice);
		}
	}
	return outstanding;
}

/** The week's payments: 1% of the ledger, at random instants, on outstanding invoices drawn at random. */
function paymentsOfTheWeek(outstanding, random) {
	const count = Math.round(LEDGER.invoices * LEDGER.weeklyPaidShare * (LEDGER.days / 7));
	const pool = [...outstanding];
	const payments = [];
	for (let i = 0; i < count; i++) {
		const invoice = pool.splice(random.int(0, pool.length - 1), 1)[0];
		const at = LEDGER.start + 1 + random.next() * (LEDGER.days * DAY_MS - 1);
		const late = random.next() < LEDGER.lateShare ? random.int(1, 3) : 0;
		payments.push({ invoice, at, day: shiftDay(localDay(at), -late) });
	}
	return payments.sort((a, b) => a.at - b.at);
}

/** Each of `expected` reported exactly once, nothing else: { missed, duplicated, spurious }. */
function reportedOnce(reported, expected) {
	const counts = new Map();
	for (const id of reported) counts.set(id, (counts.get(id) || 0) + 1);
	return {
		missed: [...expected].filter((id) => !counts.has(id)).length,
		duplicated: [...counts.values()].filter((count) => count > 1).length,
		spurious: [...counts.keys()].filter((id) => !expected.has(id)).length,
	};
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * What users build without the trigger: Schedule (every minute) → Chaser Get Many invoices, status Paid, Return
 * All → Remove Duplicates, "remove items processed in previous executions" keyed on invoice_id. History Size is
 * set to 100,000: the node refuses a run when what it holds plus the run's items exceed it (so at least twice the
 * paid invoices), and its default of 10,000 fails the very first run here. The two nodes run one after the other
 * in the same engine (the Schedule only starts the execution, and sends no request).
 */
async function runAlternative(sandbox, credentials) {
	const t0 = process.hrtime.bigint();
	sandbox.clearLog();
	const listed = await runChaser({
		parameters: { resource: 'invoice', operation: 'getAll', returnAll: true, filters: { status: ['PAID'] } },
		credentials,
	});
	if (listed.error) throw new Error(`alternative: Get Many failed: ${listed.error.message}`);
	const requests = sandbox.requests.length;
	const t1 = process.hrtime.bigint();
	const deduplicated = await runChaser({
		nodeType: removeDuplicates.type,
		typeVersion: removeDuplicates.version,
		parameters: {
			operation: 'removeItemsSeenInPreviousExecutions',
			logic: 'removeItemsWithAlreadySeenKeyValues',
			dedupeValue: '={{ $json.invoice_id }}',
			options: { historySize: 100_000 },
		},
		items: listed.success.map((item) => item.json),
		credentials,
	});
	if (deduplicated.error) throw new Error(`alternative: Remove Duplicates failed: ${deduplicated.error.message}`);
	if (sandbox.requests.length !== requests) throw new Error('alternative: Remove Duplicates sent requests to Chaser');
	const t2 = process.hrtime.bigint();
	return {
		requests,
		listMs: Number(t1 - t0) / 1e6,
		dedupMs: Number(t2 - t1) / 1e6,
		kept: deduplicated.success.map((item) => item.json.invoice_id),
	};
}

async function benchTrigger(sandbox) {
	const started = Date.now();
	sandbox.reset();
	sandbox.setRateLimit(null);
	paceTo(0);
	processedData.clear();
	const credentials = credentialsFor(sandbox);
	const random = seededRandom(LEDGER.seed);
	const outstanding = seedLedger(sandbox, random);
	const historicallyPaid = LEDGER.invoices - outstanding.length;
	const payments = paymentsOfTheWeek(outstanding, random);
	const seededMs = Date.now() - started;

	const polls = []; // requests of each poll after the activation poll
	const reported = [];
	const alternative = { runs: [], reported: [], firstRunOutput: 0 };
	let activationRequests = 0;
	let emptyPolls = 0;
	let pollMs = 0;
	let staticData = {};
	let paid = 0;
	const paidDuringWeek = new Set();
	const payUntil = (instant) => {
		while (paid < payments.length && payments[paid].at <= instant) {
			const { invoice, at, day } = payments[paid++];
			clock.advanceTo(at);
			markPaid(invoice, day, at);
			paidDuringWeek.add(invoice.invoice_id);
		}
	};
	const alternativeAt = LEDGER.alternativeAtDays.map((days) => LEDGER.start + days * DAY_MS);
	clock.install(LEDGER.start);
	try {
		const trigger = activateTrigger({ parameters: { event: 'invoicePaid' }, credentials, timezone: LEDGER.timezone });
		const end = LEDGER.start + LEDGER.days * DAY_MS;
		for (let at = LEDGER.start; at <= end; at += LEDGER.pollEveryMinutes * MINUTE_MS) {
			payUntil(at);
			clock.advanceTo(at);
			if (alternativeAt.includes(at)) {
				const run = await runAlternative(sandbox, credentials);
				if (alternative.runs.length === 0) alternative.firstRunOutput = run.kept.length;
				else alternative.reported.push(...run.kept);
				alternative.runs.push(run);
			}
			sandbox.clearLog();
			const tp = process.hrtime.bigint();
			const result = await trigger.poll();
			pollMs += Number(process.hrtime.bigint() - tp) / 1e6;
			if (result.error) throw new Error(`trigger: the poll at ${new Date(at).toISOString()} failed: ${result.error.message}`);
			if (at === LEDGER.start) {
				activationRequests = sandbox.requests.length;
				if (result.items) throw new Error('trigger: the activation poll reported invoices');
				continue;
			}
			polls.push(sandbox.requests.length);
			if (!result.items) emptyPolls++;
			for (const item of result.items || []) reported.push(item.json.invoice_id);
			staticData = result.staticData;
		}
	} finally {
		clock.restore();
	}
	if (alternative.firstRunOutput !== historicallyPaid) {
		throw new Error(`alternative: its first run output ${alternative.firstRunOutput} invoices, not the ${historicallyPaid} paid before it`);
	}
	const tookMs = Date.now() - started;
	const triggerChecks = reportedOnce(reported, paidDuringWeek);
	const remembered = Object.values(staticData).reduce((count, node) => count + Object.keys((node && node.seen) || {}).length, 0);
	// The alternative's later runs must output what was paid since its first run, once each.
	const paidSinceFirstRun = new Set(payments.filter((payment) => payment.at <= alternativeAt[alternativeAt.length - 1]).map((p) => p.invoice.invoice_id));
	const alternativeChecks = reportedOnce(alternative.reported, paidSinceFirstRun);
	const perPoll = { median: median(polls), mean: mean(polls), max: Math.max(...polls), min: Math.min(...polls) };
	const alternativeRequests = alternative.runs.map((run) => run.requests);
	const perRun = { median: median(alternativeRequests), mean: mean(alternativeRequests) };
	const pctOfBudget = (perMinute) => ((perMinute * 60 * 24) / BUDGET_PER_DAY) * 100;
	log(
		`trigger: Invoice Paid on a ledger of ${LEDGER.invoices.toLocaleString('en')} invoices (${historicallyPaid.toLocaleString('en')} paid over the past ${LEDGER.historyDays} days), ` +
			`${payments.length} paid during ${LEDGER.days} simulated days (${Math.round(LEDGER.lateShare * 100)}% booked 1-3 days late), time zone ${LEDGER.timezone}; ` +
			`${polls.length} polls sampled, one every ${LEDGER.pollEveryMinutes} simulated minutes of the every-minute schedule (${emptyPolls} reported nothing): ` +
			`requests per poll median ${perPoll.median}, mean ${perPoll.mean.toFixed(2)}, min ${perPoll.min}, max ${perPoll.max} (activation poll ${activationRequests}), ` +
			`${(pollMs / (polls.length + 1)).toFixed(0)} ms a poll; ` +
			`${reported.length} invoices reported: missed ${triggerChecks.missed}, duplicated ${triggerChecks.duplicated}, not paid in the week ${triggerChecks.spurious}; ` +
			`its static data at the end: ${remembered} invoice IDs, ${(JSON.stringify(staticData).length / 1024).toFixed(1)} KB as JSON.\n` +
			`   Alternative, Schedule → Get Many (Paid, Return All) → Remove Duplicates: ${alternative.runs.length} runs at days ${LEDGER.alternativeAtDays.join(', ')}: ` +
			`requests ${alternativeRequests.join(', ')} (Remove Duplicates sends none), ` +
			`Get Many ${alternative.runs.map((run) => seconds(run.listMs)).join(', ')}, Remove Duplicates ${alternative.runs.map((run) => seconds(run.dedupMs)).join(', ')}; its first run output all ${alternative.firstRunOutput.toLocaleString('en')} invoices paid before it, ` +
			`the later ones ${alternative.reported.length} (missed ${alternativeChecks.missed}, duplicated ${alternativeChecks.duplicated}, not paid in the week ${alternativeChecks.spurious}).\n` +
			`   Every minute for a day: the trigger ${Math.round(perPoll.mean * 1440).toLocaleString('en')} requests = ${pctOfBudget(perPoll.mean).toFixed(2)}% of the key's ${BUDGET_PER_DAY.toLocaleString('en')}; ` +
			`the alternative ${Math.round(perRun.mean * 1440).toLocaleString('en')} = ${pctOfBudget(perRun.mean).toFixed(1)}% (one run alone needs ${(perRun.mean / LIMIT).toFixed(1)} minutes of the key's budget). ` +
			`Trigger ÷ alternative per run ${(perPoll.median / perRun.median).toFixed(4)}; seeded in ${seconds(seededMs)}, the part took ${seconds(tookMs)}`,
	);
	return {
		perPoll,
		perRun,
		ratio: perPoll.median / perRun.median,
		triggerPctOfBudget: pctOfBudget(perPoll.mean),
		alternativePctOfBudget: pctOfBudget(perRun.mean),
		trigger: triggerChecks,
		alternative: { ...alternativeChecks, output: alternative.reported.length, expected: paidSinceFirstRun.size, firstRunOutput: alternative.firstRunOutput },
	};
}

function missedTargets(figures) {
	const holds = { '<=': (a, b) => a <= b, '>=': (a, b) => a >= b, '=': (a, b) => a === b };
	return Object.entries(TARGETS)
		.filter(([name, [op, target]]) => figures[name] !== null && figures[name] !== undefined && !holds[op](figures[name], target))
		.map(([name]) => name);
}

async function main() {
	const benchStarted = Date.now();
	const sandbox = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, seed: 'none', quiet: true, maxLogEntries: 1_000_000 });
	const figures = Object.fromEntries(Object.keys(TARGETS).map((name) => [name, null]));
	figures.lost = 0;
	figures.duplicated = 0;
	// Figures without a target of their own, printed (null when their part is skipped) beside those with one.
	for (const name of [
		'triggerRequestsPerPoll',
		'triggerRequestsPerPollMean',
		'triggerRequestsPerPollMax',
		'alternativeRequestsPerRun',
		'alternativeRequestsPerDayPctOfBudget',
		'alternativeOutput',
		'alternativeExpectedOutput',
		'alternativeFirstRunOutput',
		'alternativeMissed',
		'alternativeDuplicated',
	]) {
		figures[name] = null;
	}
	const tally = (audited) => {
		figures.lost += audited.lost;
		figures.duplicated += audited.duplicated;
	};
	try {
		log(`Chaser node benchmark (Node ${process.version}); where limits apply they are compressed: ${LIMIT} requests per window W.`);
		// First, while the heap is small: per-request cost figures are the most sensitive to GC.
		if (wants('overhead')) figures.nodeOverN8nHelperRatio = round((await benchOverhead(sandbox)).nodeOverHelper, 3);
		if (wants('perItem')) {
			const perItem = await benchPerItem(sandbox);
			figures.perItemVsHttpNode = round(perItem.ratio, 3);
			tally(perItem);
		}
		if (wants('overLimit')) {
			const overLimit = await benchOverLimit(sandbox);
			figures.overLimitPctOfPhysical = round(overLimit.pct, 1);
			tally(overLimit);
		}
		if (wants('fleet')) {
			const fleet = await benchFleet(sandbox);
			figures.fleetMaxPerWindow = fleet.busiest;
			figures.fleet429Pct = round(fleet.pct429, 2);
			tally(fleet);
		}
		if (wants('delta')) {
			const delta = await benchDelta(sandbox);
			figures.deltaSyncRequests = delta.requests;
			tally(delta);
		}
		if (wants('bulk')) {
			const bulk = await benchBulk(sandbox);
			figures.bulkPctOfLimit = round(bulk.pct, 1);
			tally(bulk);
		}
		if (wants('returnAll')) {
			const all = await benchReturnAll(10_000);
			figures.returnAllRequests = all.requests;
			figures.returnAllPctOfLimit = round(all.pct, 1);
			figures.returnAllMemoryRatio = round(all.memoryRatio, 2);
			figures.returnAllMemoryRatioWithUncollectedGarbage = round(all.lazyRatio, 2);
			tally(all);
		}
		if (wants('trigger')) {
			const trigger = await benchTrigger(sandbox);
			Object.assign(figures, {
				triggerRequestsPerPoll: trigger.perPoll.median,
				triggerRequestsPerPollMean: round(trigger.perPoll.mean, 2),
				triggerRequestsPerPollMax: trigger.perPoll.max,
				alternativeRequestsPerRun: trigger.perRun.median,
				triggerVsAlternativeRequestRatio: round(trigger.ratio, 4),
				triggerRequestsPerDayPctOfBudget: round(trigger.triggerPctOfBudget, 2),
				alternativeRequestsPerDayPctOfBudget: round(trigger.alternativePctOfBudget, 1),
				triggerMissed: trigger.trigger.missed,
				triggerDuplicated: trigger.trigger.duplicated,
				triggerUnexpected: trigger.trigger.spurious,
				alternativeOutput: trigger.alternative.output,
				alternativeExpectedOutput: trigger.alternative.expected,
				alternativeFirstRunOutput: trigger.alternative.firstRunOutput,
				alternativeMissed: trigger.alternative.missed,
				alternativeDuplicated: trigger.alternative.duplicated,
			});
		}
	} finally {
		await sandbox.close();
	}
	const targets = Object.fromEntries(Object.entries(TARGETS).map(([name, [op, target]]) => [name, `${op} ${target}`]));
	const missed = missedTargets(figures);
	log(`Done in ${((Date.now() - benchStarted) / 1000).toFixed(1)} s; ${missed.length === 0 ? 'every target met' : `missed: ${missed.join(', ')}`}.`);
	log(JSON.stringify({ ...figures, targets, missed }));
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
	process.exit(1);
});
