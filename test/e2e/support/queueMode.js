'use strict';
// n8n 2.41.1 in queue mode: one main process and two workers, with Redis and PostgreSQL, the packed package installed
// in every process's user folder. Each worker paces its own requests (n8n gives nodes nothing to share a limit with),
// so this is where several processes share one Chaser key. Last, workers are SIGKILLed mid-execution (workerKill.js).
// Runs inside jest (describe/it/expect are jest's globals).
const { createSandbox } = require('../../../sandbox');
const { log } = require('../../../tooling/install');
const { N8nInstance } = require('../../../tooling/n8n');
const { packPackage } = require('../../../tooling/pack');
const { queueModeEnv, startPostgres, startRedis } = require('../../../tooling/services');
const { chaserNode, splitOutNode, webhookNode, workflow } = require('./workflows');
const { createWorkerKillFixtures, runWorkerKill, HELD_BATCH, HOLD_MS, TRIGGER, ids } = require('./workerKill');

const VERSION = '2.41.1';
const API_KEY = 'queue-key';
const API_SECRET = 'queue-secret';
/** Chaser's limit, enforced by the sandbox without Retry-After (Chaser documents none). */
const LIMIT = { requests: 200, windowMs: 60_000, retryAfter: false };
const EXECUTIONS = 6;
const CREATES_PER_EXECUTION = 60;
const UPSERT_ROWS = 2_500;
const SETUP_TIMEOUT = 20 * 60 * 1000; // a machine without Redis, PostgreSQL or n8n installs them first
const TEST_TIMEOUT = 8 * 60 * 1000;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Webhook → Split Out (body.rows) → Chaser: one workflow per scenario and credential. */
function scenarioWorkflow(id, path, credential, parameters) {
	return workflow({
		id,
		nodes: [
			webhookNode(path),
			splitOutNode('Rows', 'body.rows'),
			chaserNode('Chaser', parameters, { credentials: { chaserApi: credential } }),
		],
	});
}

const createCustomer = { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: '={{ $json.name }}' };
const upsertCustomers = (options = {}) => ({
	resource: 'customer',
	operation: 'upsert',
	externalId: '={{ $json.id }}',
	companyName: '={{ $json.name }}',
	options,
});

const rows = (prefix, count, name = (i) => `${prefix} ${i} Ltd`) =>
	Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, name: name(i) }));

function defineQueueModeSuite() {
	describe(`n8n ${VERSION} in queue mode: main + 2 workers, Redis, PostgreSQL`, () => {
		const timings = [];
		/** Runs `work`, printing and keeping how long it took. */
		const timed = async (label, work) => {
			const started = Date.now();
			try {
				return await work();
			} finally {
				timings.push(`${label}: ${seconds(Date.now() - started)}`);
				log(`queue mode: ${label} took ${seconds(Date.now() - started)}`);
			}
		};

		let postgres;
		let redis;
		let main;
		let workers = [];
		/** One sandbox per key: the default budget, the budget set per worker, and delta sync (no limit). */
		const sandboxes = {};
		const credentials = {
			fleetDefault: { id: 'chaserQueueDef01', name: 'Chaser, default budget' },
			fleetPerWorker: { id: 'chaserQueuePer01', name: 'Chaser, budget per worker' },
			delta: { id: 'chaserQueueDel01', name: 'Chaser, delta sync' },
		};
		/** The two fleet scenarios run at the same time (each on its own key and sandbox); each test awaits its own. */
		const fleetRuns = {};
		/** Sandboxes, receiver and workflows of the worker-kill scenarios (support/workerKill.js). */
		let kill;

		const post = async (path, body) => {
			const response = await main.webhook('POST', path, body, { timeout: TEST_TIMEOUT });
			if (response.status !== 200) {
				throw new Error(`webhook ${path} → ${response.status} ${JSON.stringify(response.data).slice(0, 500)}\n${main.logs().split('\n').slice(-30).join('\n')}`);
			}
			return response.data;
		};

		/** 6 executions of 60 single creates, and one Create or Update of 2,500 rows, all fired at once. */
		const runFleet = async (name) => {
			const creates = Array.from({ length: EXECUTIONS }, (_, execution) => rows(`${name}-E${execution}`, CREATES_PER_EXECUTION));
			const upsert = rows(`${name}-U`, UPSERT_ROWS);
			const started = Date.now();
			const [created, upserted] = await Promise.all([
				Promise.all(creates.map((batch) => post(`${name}-create`, { rows: batch }))),
				post(`${name}-upsert`, { rows: upsert }),
			]);
			const tookMs = Date.now() - started;
			const expected = [...creates.flat(), ...upsert].map((row) => row.id);
			return { created, upserted, expected, tookMs };
		};

		beforeAll(async () => {
			let tarball;
			[[postgres, redis], tarball] = await Promise.all([
				timed('Redis and PostgreSQL (installed if missing, then started)', () => Promise.all([startPostgres(), startRedis()])),
				packPackage(),
			]);
			const env = queueModeEnv({ postgres, redis });
			const workflows = [
				scenarioWorkflow('queueFleetDefC01', 'fleetDefault-create', credentials.fleetDefault, createCustomer),
				scenarioWorkflow('queueFleetDefU01', 'fleetDefault-upsert', credentials.fleetDefault, upsertCustomers()),
				scenarioWorkflow('queueFleetPerC01', 'fleetPerWorker-create', credentials.fleetPerWorker, createCustomer),
				scenarioWorkflow('queueFleetPerU01', 'fleetPerWorker-upsert', credentials.fleetPerWorker, upsertCustomers()),
				scenarioWorkflow('queueDeltaSync01', 'delta-upsert', credentials.delta, upsertCustomers({ skipUnchanged: true })),
			];
			kill = await createWorkerKillFixtures();
			for (const name of ['fleetDefault', 'fleetPerWorker', 'delta']) {
				sandboxes[name] = await createSandbox({
					port: 0,
					apiKey: API_KEY,
					apiSecret: API_SECRET,
					seed: 'none',
					quiet: true,
					rateLimit: name === 'delta' ? null : LIMIT,
				});
			}
			await timed('n8n main and 2 workers, each with the package installed, started', async () => {
				[main, ...workers] = await Promise.all(
					// Room for all 14 executions of the two fleet scenarios at once (7 each), so none waits for a slot.
					['main', 'worker', 'worker'].map((role) => N8nInstance.create({ version: VERSION, tarball, env, role, concurrency: 8 })),
				);
				const credential = (name, extra = {}) => ({
					...credentials[name],
					type: 'chaserApi',
					data: { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: sandboxes[name].url, requestsPerMinute: 200, ...extra },
				});
				// The first command migrates the shared database; then all three start at once.
				await main.importCredentials([
					credential('fleetDefault'),
					credential('fleetPerWorker', { requestsPerMinute: 100 }),
					credential('delta'),
					...kill.credentials,
				]);
				await main.importWorkflows([...workflows, ...kill.workflows]);
				await Promise.all([main, ...workers].map((instance) => instance.start({ timeoutMs: 180000 })));
				await main.setupOwner();
				await main.publishLive(workflows.map((each) => each.id));
			});
			for (const name of ['fleetDefault', 'fleetPerWorker']) {
				fleetRuns[name] = timed(`${name}: ${EXECUTIONS} × ${CREATES_PER_EXECUTION} creates and ${UPSERT_ROWS} rows`, () => runFleet(name));
				fleetRuns[name].catch(() => undefined); // awaited by its test
			}
		}, SETUP_TIMEOUT);

		afterAll(async () => {
			await timed('stopping n8n, Redis and PostgreSQL', async () => {
				await Promise.all([...workers, main].filter(Boolean).map((instance) => instance.dispose({ keepState: !!process.env.CHASER_E2E_KEEP })));
				await Promise.all([postgres, redis].filter(Boolean).map((service) => service.stop()));
				await Promise.all(Object.values(sandboxes).map((sandbox) => sandbox.close()));
				if (kill) await Promise.all([...Object.values(kill.sandboxes).map((sandbox) => sandbox.close()), kill.receiver.close()]);
			});
			log(`queue mode timings:\n  ${timings.join('\n  ')}`);
			for (const instance of [...workers, main].filter(Boolean)) expect(instance.isRunning()).toBe(false);
		}, 120000);

		/** What every fleet scenario must show, from the sandbox's request log and store. */
		const expectInsideTheLimit = async (name) => {
			const { created, upserted, expected, tookMs } = await fleetRuns[name];
			const sandbox = sandboxes[name];
			const requests = sandbox.requests;
			const rejected = requests.filter((request) => request.status === 429).length;
			const busiest = sandbox.busiestWindow(LIMIT.windowMs);
			log(
				`queue mode, ${name}: ${requests.length} requests (${rejected} answered 429) in ${seconds(tookMs)}; ` +
					`busiest 60 s: ${busiest} requests`,
			);
			// All executions succeed, each item once on the output...
			expect(created.map((items) => items.length)).toEqual(Array(EXECUTIONS).fill(CREATES_PER_EXECUTION));
			expect(created.flat().filter((item) => item.error)).toEqual([]);
			expect(upserted).toHaveLength(UPSERT_ROWS);
			expect(upserted.filter((item) => item.error)).toEqual([]);
			// ...and exactly once in Chaser.
			expect(sandbox.audit('customers', 'external_id', expected)).toEqual({ missing: [], duplicated: [] });
			expect(sandbox.count('customers')).toBe(expected.length);
			expect(busiest).toBeLessThanOrEqual(210);
			expect(rejected / requests.length).toBeLessThanOrEqual(0.02);
			return { rejected, busiest };
		};

		it('with the default budget (200 per worker), the workers adapt: inside the limit, every item once, 429s ≤ 2%', async () => {
			await expectInsideTheLimit('fleetDefault');
		}, TEST_TIMEOUT);

		it('with the budget set per worker (100 each): inside the limit, every item once, no 429', async () => {
			const { rejected } = await expectInsideTheLimit('fleetPerWorker');
			expect(rejected).toBe(0);
		}, TEST_TIMEOUT);

		it('every execution succeeded, and both workers ran some', async () => {
			await Promise.all(Object.values(fleetRuns));
			const { data } = await main.rest('GET', '/rest/executions?limit=100');
			const executions = data.data.results;
			expect(executions).toHaveLength(2 * (EXECUTIONS + 1));
			expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
			for (const worker of workers) expect(worker.logs()).toMatch(/Worker started execution/);
		}, TEST_TIMEOUT);

		it('Skip Unchanged Records: the workers share the memory (n8n database), so a sync on the other worker sends only the changes', async () => {
			const sandbox = sandboxes.delta;
			const started = (worker) => (worker.logs().match(/Worker started execution/g) || []).length;
			const before = workers.map(started);
			const first = await timed(`delta sync: first run, ${UPSERT_ROWS} rows`, () => post('delta-upsert', { rows: rows('D', UPSERT_ROWS) }));
			expect(sandbox.requests).toHaveLength(UPSERT_ROWS / 100);
			expect(first.filter((item) => item.skipped !== false)).toEqual([]);
			// Stop the worker that ran it: the second run has to go to the other one.
			const ranIt = workers.findIndex((worker, index) => started(worker) > before[index]);
			expect(ranIt).toBeGreaterThanOrEqual(0);
			await workers[ranIt].stop();
			const other = workers[1 - ranIt];
			const otherBefore = started(other);

			sandbox.clearLog();
			const changed = new Set(Array.from({ length: UPSERT_ROWS / 100 }, (_, i) => i * 100 + 7));
			const second = await timed('delta sync: second run on the other worker, 1% changed', () =>
				post('delta-upsert', { rows: rows('D', UPSERT_ROWS, (i) => (changed.has(i) ? `Changed ${i} Ltd` : `D ${i} Ltd`)) }),
			);
			expect(started(other)).toBe(otherBefore + 1);
			expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['PUT /v1/bulk/customers']);
			expect(sandbox.requests[0].body.entries.map((entry) => entry.external_id)).toEqual([...changed].map((i) => `D-${i}`));
			expect(second.filter((item) => item.skipped === false).map((item) => item.external_id)).toEqual(
				[...changed].map((i) => `D-${i}`),
			);
			expect(second.filter((item) => item.skipped === true)).toHaveLength(UPSERT_ROWS - changed.size);
			expect(sandbox.findCustomer('D-107')).toMatchObject({ company_name: 'Changed 107 Ltd' });
		}, TEST_TIMEOUT);

		/**
		 * A worker SIGKILLed mid-execution (support/workerKill.js): one run, started by the first of these tests,
		 * after the tests above (the kill must not hit their executions); each test asserts on its part.
		 */
		let killRun;
		const workerKill = () => {
			if (!killRun) {
				killRun = timed('worker killed: set-up, kill, restart, n8n settles, redelivery', () => runWorkerKill({ main, workers }, kill));
				killRun.then((run) => log(`queue mode, worker killed, figures:\n${JSON.stringify(run.figures, null, 2)}`)).catch(() => undefined);
			}
			return killRun;
		};

		it('a worker SIGKILLed mid-execution: n8n 2.41.1 runs none of its jobs again; the restarted worker marks them crashed, the stall check fails them (error) and main answers their senders 500', async () => {
			const { figures, answers } = await workerKill();
			// Every scenario was mid-request at the kill: nothing answered yet.
			for (const [name, entry] of Object.entries(figures.inFlightAtKill)) {
				expect({ name, answered: entry && entry.answered }).toEqual({ name, answered: false });
				expect(entry.heldMs).toBeLessThan(HOLD_MS);
			}
			const killed = Object.values(figures.killed);
			// 3 payments, the 2,500 invoices, the execution the poll started before its report and the one whose report arrived.
			expect(killed.map((execution) => execution.workflowId).sort()).toEqual(
				[ids.invoices, ids.payments, ids.payments, ids.payments, ids.poll, ids.poll].sort(),
			);
			for (const execution of killed) {
				expect(execution).toMatchObject({ status: 'error', starts: 1 });
				expect(execution.message).toMatch(/failed to be processed too many times and will no longer retry/);
			}
			for (const answer of Object.values(answers)) expect(answer).toMatchObject({ status: 500, data: { message: 'Error in workflow' } });
			// Marked "crashed" by the restarted worker (from its event log) when it is back before the stall check, then
			// "error" by the stall check; never "success", never run again.
			for (const id of Object.keys(figures.killed)) {
				const steps = figures.timeline[id].map((step) => step.status);
				expect([steps[0], steps[steps.length - 1]]).toEqual(['running', 'error']);
				expect(steps.filter((status) => !['running', 'crashed', 'error'].includes(status))).toEqual([]);
			}
			expect(figures.settledAfterKillMs).toBeLessThan(4 * 60 * 1000);
		}, TEST_TIMEOUT);

		it('Record Payment with a reference, killed before its notes, between its notes and its PUT, after its PUT landed: redelivered, each payment is in Chaser once', async () => {
			const { figures, again, third, stored, paymentsOf, payments } = await workerKill();
			const day = new Date().toISOString().slice(0, 10);
			// At the kill: A1 had not been read, A2's PUT was held and never applied, A3's PUT had landed.
			expect(figures.beforeRedelivery.payments).toEqual({ 'PAY-A1': [], 'PAY-A2': [], 'PAY-A3': [`100 on ${day}`, `100 on ${day}`] });
			const output = (answer) => {
				expect(answer.status).toBe(200);
				expect(answer.data).toHaveLength(1);
				return answer.data[0];
			};
			// The redelivery records A1 and A2 and sees A3 already there; the next one sees all three there.
			expect(output(again.beforeNotes)).toMatchObject({ invoice_id: 'PAY-A1', payment_already_recorded: false, amount_paid: 250, amount_due: 750 });
			expect(output(again.beforePut)).toMatchObject({ invoice_id: 'PAY-A2', payment_already_recorded: false, amount_paid: 300, amount_due: 700 });
			expect(output(again.putLanded)).toMatchObject({ invoice_id: 'PAY-A3', payment_already_recorded: true, amount_paid: 200, amount_due: 800 });
			for (const answer of Object.values(third)) expect(output(answer)).toMatchObject({ payment_already_recorded: true });
			// In Chaser: each payment once, the amounts agreeing with the payments.
			expect(paymentsOf('PAY-A1')).toEqual([`250 on ${day}`]);
			expect(paymentsOf('PAY-A2')).toEqual([`300 on ${day}`]);
			expect(paymentsOf('PAY-A3')).toEqual([`100 on ${day}`, `100 on ${day}`]);
			expect(stored('PAY-A1')).toMatchObject({ amount_paid: 250, amount_due: 750, status: 'AUTHORISED' });
			expect(stored('PAY-A2')).toMatchObject({ amount_paid: 300, amount_due: 700, status: 'AUTHORISED' });
			expect(stored('PAY-A3')).toMatchObject({ amount_paid: 200, amount_due: 800, status: 'AUTHORISED' });
			// The PUTs Chaser applied: one per payment (A2's first one never was: status 0, abandoned).
			const puts = (invoiceId) => payments.filter((request) => request.method === 'PUT' && request.path === `/v1/invoices/ext_${invoiceId}`);
			expect(puts('PAY-A1').map((request) => request.status)).toEqual([200]);
			expect(puts('PAY-A2').map((request) => request.status)).toEqual([0, 200]);
			expect(puts('PAY-A3').map((request) => request.status)).toEqual([0]);
		}, TEST_TIMEOUT);

		it(`Create or Update of ${UPSERT_ROWS} invoices killed with 13 of its 25 bulk requests landed: redelivered, every invoice is stored once with its values`, async () => {
			const { figures, again, rows, audit, invoiceCount, findInvoice, bulkRequests } = await workerKill();
			expect(figures.bulkStoredAtKill).toBe(HELD_BATCH * 100);
			expect(again.invoices.status).toBe(200);
			expect(again.invoices.data).toHaveLength(UPSERT_ROWS);
			expect(again.invoices.data.filter((item) => item.error)).toEqual([]);
			expect(audit(rows.map((row) => row.invoice_id))).toEqual({ missing: [], duplicated: [] });
			expect(invoiceCount()).toBe(UPSERT_ROWS);
			const wrong = rows.filter((row) => {
				const stored = findInvoice(row.invoice_id);
				return !(
					stored.invoice_number === row.invoice_number &&
					stored.customer_external_id === row.customer &&
					stored.total === row.total &&
					stored.amount_due === row.amount_due &&
					stored.amount_paid === row.amount_paid &&
					stored.status === 'AUTHORISED' &&
					stored.date.startsWith(row.date) &&
					stored.due_date.startsWith(row.due_date)
				);
			});
			expect(wrong).toEqual([]);
			// 13 bulk requests before the kill, 25 for the redelivery.
			expect(bulkRequests).toHaveLength(HELD_BATCH + UPSERT_ROWS / 100);
		}, TEST_TIMEOUT);

		it('Chaser Trigger: polls run on main and go on while no worker runs; no paid invoice is reported twice; those whose execution was killed before its report are lost (n8n keeps neither the job nor its input)', async () => {
			const { figures } = await workerKill();
			expect(figures.pollsWhileDown).toBeGreaterThanOrEqual(3);
			// Reported once each: the one whose report had arrived when the worker died (not sent again), the two paid
			// while no worker ran (queued by main, run after the restart), the one paid afterwards.
			const once = [...TRIGGER.reportArrived, ...TRIGGER.whileDown, ...TRIGGER.after];
			expect([...figures.reported].sort()).toEqual([...once].sort());
			// The three in the execution killed before its report: the poll's position had moved on (main saves it when
			// the poll emits), the job is not run again, and n8n's retry of that execution runs nothing (its input was
			// replaced by the stall error).
			for (const invoiceId of TRIGGER.beforeReport) expect(figures.reported).not.toContain(invoiceId);
			expect(figures.retries).toEqual([expect.objectContaining({ httpStatus: 200, status: 'error' }), expect.objectContaining({ httpStatus: 200, status: 'error' })]);
		}, TEST_TIMEOUT);
	});
}

module.exports = { defineQueueModeSuite };
