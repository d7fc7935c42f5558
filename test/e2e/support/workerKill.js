'use strict';
// Queue mode, part two: a worker SIGKILLed in the middle of an execution (see test/e2e/README.md, "Queue mode").
// Three Chaser sandboxes hold a request in flight with `slow` faults, so that the workers are killed at a known
// moment: Record Payment with a reference (before its notes, between its notes and its PUT, after its PUT landed
// but before the answer), a Create or Update of 2,500 invoices (13 of its 25 bulk requests landed, the 13th
// unanswered) and the execution a Chaser Trigger poll started (before it reported anything). Then n8n does what it
// does with the killed jobs, the workers come back, and the test redelivers what a webhook sender would.
const http = require('http');

const axios = require('axios');

const { createSandbox } = require('../../../sandbox');
const { log } = require('../../../tooling/install');
const { waitFor } = require('./receiver');
const { byExternalId, chaserNode, chaserTriggerNode, everySeconds, httpPostNode, setNode, splitOutNode, webhookNode, workflow } = require('./workflows');

const API_KEY = 'kill-key';
const API_SECRET = 'kill-secret';
const INVOICES = 2_500;
/** The bulk request that is held: 12 landed and answered before it, it lands and gets no answer. */
const HELD_BATCH = 13;
/** How long a held request waits before the sandbox gives up on it (a `before` one is then never applied). */
const HOLD_MS = 55_000; // under the node's 60 s request timeout, so that it never retries a held request itself
const DAY = 86_400_000;
const midnight = (offsetDays = 0) => `${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`;

const credentials = {
	payments: { id: 'chaserKillPay001', name: 'Chaser, worker killed: payments' },
	invoices: { id: 'chaserKillInv001', name: 'Chaser, worker killed: invoices' },
	poll: { id: 'chaserKillPoll01', name: 'Chaser, worker killed: trigger' },
};
const ids = { payments: 'queueKillPay0001', invoices: 'queueKillInv0001', poll: 'queueKillPoll001' };
const withCredential = (name) => ({ credentials: { chaserApi: { ...credentials[name] } } });

/** The payments, one per kill moment; PAY-A3 already holds a payment like its own (same amount, same day). */
const PAYMENTS = {
	beforeNotes: { invoice_id: 'PAY-A1', amount: 250, reference: 'pi_kill_A1' },
	beforePut: { invoice_id: 'PAY-A2', amount: 300, reference: 'pi_kill_A2' },
	putLanded: { invoice_id: 'PAY-A3', amount: 100, reference: 'pi_kill_A3' },
};

const invoiceRows = () =>
	Array.from({ length: INVOICES }, (_, i) => ({
		invoice_id: `KB-${i}`,
		invoice_number: `N-${i}`,
		customer: `KILL-C${i % 5}`,
		total: 100 + i,
		amount_due: 100 + i - (i % 7),
		amount_paid: i % 7,
		date: midnight(-10).slice(0, 10),
		due_date: midnight(20).slice(0, 10),
	}));

/** Sandboxes, the receiver and credentials for the kill scenarios (created before n8n starts). */
async function createWorkerKillFixtures() {
	const sandboxes = {};
	for (const name of Object.keys(credentials)) {
		sandboxes[name] = await createSandbox({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET, seed: 'none', quiet: true, rateLimit: null });
	}
	const receiver = await createHoldingReceiver();
	const credentialRows = Object.keys(credentials).map((name) => ({
		...credentials[name],
		type: 'chaserApi',
		data: { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: sandboxes[name].url, requestsPerMinute: 200 },
	}));
	const utc = { executionOrder: 'v1', timezone: 'UTC' };
	const workflows = [
		workflow({
			id: ids.payments,
			nodes: [
				webhookNode('kill-payment'),
				chaserNode(
					'Record Payment',
					{
						resource: 'invoice',
						operation: 'recordPayment',
						invoice: byExternalId('={{ $json.body.invoice_id }}'),
						amount: '={{ $json.body.amount }}',
						paymentDate: '={{ $json.body.paid_at }}',
						options: { paymentReference: '={{ $json.body.reference }}' },
					},
					withCredential('payments'),
				),
			],
		}),
		workflow({
			id: ids.invoices,
			nodes: [
				webhookNode('kill-invoices'),
				splitOutNode('Rows', 'body.rows'),
				chaserNode(
					'Create or Update',
					{
						resource: 'invoice',
						operation: 'upsert',
						invoiceId: '={{ $json.invoice_id }}',
						invoiceNumber: '={{ $json.invoice_number }}',
						customer: byExternalId('={{ $json.customer }}'),
						status: 'AUTHORISED',
						currencyCode: 'GBP',
						total: '={{ $json.total }}',
						date: '={{ $json.date }}',
						dueDate: '={{ $json.due_date }}',
						additionalFields: { amount_due: '={{ $json.amount_due }}', amount_paid: '={{ $json.amount_paid }}' },
						options: {},
					},
					withCredential('invoices'),
				),
			],
		}),
		{
			...workflow({
				id: ids.poll,
				nodes: [
					chaserTriggerNode('Chaser Trigger', { event: 'invoicePaid', options: {} }, everySeconds(5), withCredential('poll')),
					chaserNode(
						'Get Customer',
						{ resource: 'customer', operation: 'get', customer: byExternalId('={{ $json.customer_external_id }}') },
						withCredential('poll'),
					),
					setNode('Report', {
						invoice_id: ['string', "={{ $('Chaser Trigger').item.json.invoice_id }}"],
						customer: ['string', '={{ $json.company_name }}'],
					}),
					httpPostNode('Notify', `${receiver.url}/paid`),
				],
			}),
			settings: utc,
		},
	];
	return { sandboxes, receiver, credentials: credentialRows, workflows };
}

/** An HTTP client for a sandbox, to set up data as a Chaser user would. */
function chaserClient(sandbox) {
	const client = axios.create({ baseURL: sandbox.url, auth: { username: API_KEY, password: API_SECRET }, validateStatus: () => true });
	return async (method, path, body) => {
		const response = await client.request({ method, url: path, data: body });
		if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		return response.data;
	};
}

const invoice = (invoiceId, customer, fields = {}) => ({
	invoice_id: invoiceId,
	invoice_number: `A-${invoiceId}`,
	customer_external_id: customer,
	status: 'AUTHORISED',
	currency_code: 'GBP',
	total: 1000,
	amount_due: 1000,
	amount_paid: 0,
	date: midnight(-20),
	due_date: midnight(10),
	...fields,
});

/**
 * A stand-in for a chat webhook that can hold its answers: what it receives is recorded at once (the report has
 * arrived), the answer waits while `holding` is set. So a worker can be killed after its report arrived but before
 * the execution ended.
 */
async function createHoldingReceiver() {
	const received = [];
	const server = http.createServer((request, response) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			received.push({ path: request.url, body: JSON.parse(text || 'null'), at: Date.now() });
			const answer = () => {
				if (!response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			};
			if (receiver.holding) receiver.held.push(answer);
			else answer();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const receiver = {
		url: `http://127.0.0.1:${server.address().port}`,
		received,
		holding: false,
		held: [],
		release() {
			receiver.holding = false;
			for (const answer of receiver.held.splice(0)) answer();
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
	return receiver;
}

/** The trigger's invoices, by what happens to their report. */
const TRIGGER = {
	beforeReport: ['INV-KILLED-1', 'INV-KILLED-2', 'INV-KILLED-3'],
	reportArrived: ['INV-ARRIVED'],
	whileDown: ['INV-DOWN-1', 'INV-DOWN-2'],
	after: ['INV-AFTER'],
};

/**
 * The scenario. `processes` are the running { main, workers }, `fixtures` what createWorkerKillFixtures made.
 * Resolves to what was observed; the tests assert on it.
 */
async function runWorkerKill({ main, workers }, { sandboxes, receiver }) {
	const figures = {};
	const today = midnight(0);
	const pay = chaserClient(sandboxes.payments);
	const bulk = chaserClient(sandboxes.invoices);
	const poll = chaserClient(sandboxes.poll);

	// Chaser as it stands before: customers, the three invoices to pay, the invoices the trigger will see paid.
	await pay('POST', '/v1/customers', { external_id: 'KILL-P', company_name: 'Payments Ltd' });
	for (const { invoice_id: invoiceId } of Object.values(PAYMENTS)) {
		const earlier = invoiceId === PAYMENTS.putLanded.invoice_id;
		await pay('POST', '/v1/invoices', invoice(invoiceId, 'KILL-P', earlier ? { amount_due: 900, amount_paid: 100, payments: [{ amount: 100, date: today }] } : {}));
	}
	for (let i = 0; i < 5; i++) await bulk('POST', '/v1/customers', { external_id: `KILL-C${i}`, company_name: `Customer ${i} Ltd` });
	await poll('POST', '/v1/customers', { external_id: 'KILL-T', company_name: 'Trigger Trading Ltd' });
	for (const invoiceId of Object.values(TRIGGER).flat()) await poll('POST', '/v1/invoices', invoice(invoiceId, 'KILL-T'));
	const payInFull = async (invoiceIds) => {
		for (const invoiceId of invoiceIds) {
			await poll('PUT', `/v1/invoices/ext_${invoiceId}`, { status: 'PAID', amount_due: 0, amount_paid: 1000, fully_paid_date: today, payments: [{ amount: 1000, date: today }] });
		}
	};
	const polls = () => sandboxes.poll.requests.filter((request) => request.method === 'GET' && request.path === '/v1/invoices').length;
	const reported = () => receiver.received.filter((request) => request.path === '/paid').map((request) => request.body.invoice_id);
	const executionsOf = async (workflowId) => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { status, data } = await main.rest('GET', `/rest/executions?filter=${filter}&limit=100`);
		if (status !== 200) throw new Error(`GET /rest/executions → ${status}`);
		return data.data.results;
	};
	const allExecutions = async () => (await Promise.all(Object.values(ids).map(executionsOf))).flat();

	// Both workers up (the delta-sync test stopped one), the three workflows published.
	for (const worker of workers) if (!worker.child) await worker.start({ timeoutMs: 180000 });
	await main.publishLive(Object.values(ids));
	// The trigger's first poll after activation only notes what matches (nothing paid yet).
	await waitFor(() => polls() >= 1, { what: 'the first poll', detail: () => main.logs().slice(-3000) });

	// Hold a request of each scenario in flight. A `before` hold that outlived the kill is never applied.
	const hold = (sandbox, spec) => sandbox.injectFault({ type: 'slow', delayMs: HOLD_MS, ...spec });
	const holds = {
		// The trigger's execution, before it reported anything: its Get Customer.
		beforeReport: hold(sandboxes.poll, { method: 'GET', path: '/v1/customers/ext_KILL-T', when: 'before' }),
		// The 2,500 invoices: the first 12 bulk requests pass (faults are taken in the order they were added), the 13th lands and is not answered.
		bulkPassed: hold(sandboxes.invoices, { method: 'PUT', path: '/v1/bulk/invoices', when: 'after', delayMs: 1, count: HELD_BATCH - 1 }),
		bulk: hold(sandboxes.invoices, { method: 'PUT', path: '/v1/bulk/invoices', when: 'after' }),
		// The payments: before the notes (its first GET), between the notes and the PUT, after the PUT landed.
		beforeNotes: hold(sandboxes.payments, { method: 'GET', path: '/v1/invoices/ext_PAY-A1', when: 'before' }),
		beforePut: hold(sandboxes.payments, { method: 'PUT', path: '/v1/invoices/ext_PAY-A2', when: 'before' }),
		putLanded: hold(sandboxes.payments, { method: 'PUT', path: '/v1/invoices/ext_PAY-A3', when: 'after' }),
	};
	const heldAt = () => ({
		beforeReport: sandboxes.poll.requests.find((request) => request.fault && request.path === '/v1/customers/ext_KILL-T'),
		bulk: sandboxes.invoices.requests.filter((request) => request.method === 'PUT')[HELD_BATCH - 1],
		beforeNotes: sandboxes.payments.requests.find((request) => request.fault && request.path === '/v1/invoices/ext_PAY-A1'),
		beforePut: sandboxes.payments.requests.find((request) => request.fault && request.path === '/v1/invoices/ext_PAY-A2'),
		putLanded: sandboxes.payments.requests.find((request) => request.fault && request.path === '/v1/invoices/ext_PAY-A3'),
	});
	const rows = invoiceRows();
	const deliveries = {};
	const deliver = (path, body) => {
		const started = Date.now();
		return main.webhook('POST', path, body, { timeout: 300_000 }).then(
			(response) => ({ status: response.status, data: response.data, at: Date.now(), ms: Date.now() - started }),
			(error) => ({ status: 0, error: String(error), at: Date.now(), ms: Date.now() - started }),
		);
	};
	const waitHeld = (names) =>
		waitFor(() => names.every((name) => holds[name].hits === 1), {
			timeoutMs: 60_000,
			what: `${names.join(', ')} held mid-request`,
			detail: () => `${JSON.stringify(Object.fromEntries(Object.entries(holds).map(([name, each]) => [name, each.hits])))}\n${main.logs().slice(-3000)}`,
		});

	deliveries.invoices = deliver('kill-invoices', { rows });
	// Three invoices paid: the next poll starts an execution, held before its report.
	await payInFull(TRIGGER.beforeReport);
	await waitHeld(['beforeReport']);
	// One more: the poll after starts a second execution, whose report arrives and is not answered.
	receiver.holding = true;
	await payInFull(TRIGGER.reportArrived);
	await waitFor(() => reported().includes(TRIGGER.reportArrived[0]), { what: 'the second report to arrive', detail: () => main.logs().slice(-3000) });
	await waitHeld(['bulk']);
	for (const [moment, payment] of Object.entries(PAYMENTS)) deliveries[moment] = deliver('kill-payment', { ...payment, paid_at: today });
	await waitHeld(['beforeNotes', 'beforePut', 'putLanded']);

	// The moment of the kill: what is in flight, what Chaser holds.
	const inFlight = heldAt();
	figures.inFlightAtKill = Object.fromEntries(Object.entries(inFlight).map(([name, entry]) => [name, entry && { answered: entry.durationMs !== undefined, heldMs: Date.now() - entry.time }]));
	figures.bulkStoredAtKill = sandboxes.invoices.count('invoices');
	figures.runningAtKill = (await allExecutions()).filter((execution) => execution.status === 'running').map((execution) => execution.id);

	// SIGKILL both workers (each process group: n8n and its task runner), as an OOM kill or a lost machine would.
	const killedAt = Date.now();
	for (const worker of workers) {
		worker.killGroup('SIGKILL');
		await worker.exited;
	}
	receiver.release(); // later reports are answered
	log(`queue mode, worker killed: both workers SIGKILLed; executions ${figures.runningAtKill.join(', ')} were running`);

	// What each execution's status goes through, from the kill on.
	const timeline = {};
	let watching = true;
	const watcher = (async () => {
		while (watching) {
			for (const execution of await allExecutions().catch(() => [])) {
				const seen = (timeline[execution.id] = timeline[execution.id] || []);
				if (seen.length === 0 || seen[seen.length - 1].status !== execution.status) seen.push({ status: execution.status, afterKillMs: Date.now() - killedAt });
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	})();

	// While no worker runs, two more invoices are paid. Polls run on main, so they go on, and queue an execution.
	const pollsAtKill = polls();
	await payInFull(TRIGGER.whileDown);
	await waitFor(() => polls() >= pollsAtKill + 3, { what: 'polls while no worker runs', detail: () => main.logs().slice(-3000) });
	await waitFor(async () => (await executionsOf(ids.poll)).some((execution) => execution.status === 'new'), { what: 'an execution queued while no worker runs' });
	figures.pollsWhileDown = polls() - pollsAtKill;
	figures.reportedWhileDown = reported().length - TRIGGER.reportArrived.length;

	// A supervisor (systemd, Kubernetes) starts the workers again.
	const restartAt = Date.now();
	await Promise.all(workers.map((worker) => worker.start({ timeoutMs: 180000 })));
	figures.restartedAfterKillMs = Date.now() - killedAt;
	figures.restartMs = Date.now() - restartAt;

	// n8n's verdict: the senders' answers, and every killed execution out of "running".
	const answers = Object.fromEntries(await Promise.all(Object.entries(deliveries).map(async ([name, promise]) => [name, await promise])));
	figures.firstAnswers = Object.fromEntries(
		Object.entries(answers).map(([name, answer]) => [name, { status: answer.status, afterKillMs: answer.at - killedAt, body: JSON.stringify(answer.data ?? answer.error).slice(0, 200) }]),
	);
	await waitFor(async () => (await allExecutions()).every((execution) => !['running', 'new'].includes(execution.status)), {
		timeoutMs: 240_000,
		what: 'every execution to finish',
		detail: () => main.logs().slice(-4000),
	});
	figures.settledAfterKillMs = Date.now() - killedAt;
	const killed = figures.runningAtKill;
	figures.killed = {};
	for (const id of killed) {
		const { data } = await main.rest('GET', `/rest/executions/${id}`);
		const execution = data.data;
		const text = JSON.stringify(execution);
		const message = /This execution failed to be processed too many times[^"\\]*/.exec(text);
		figures.killed[id] = {
			workflowId: execution.workflowId,
			status: execution.status,
			message: message ? message[0] : text.slice(0, 300),
			// How many times a worker started it: n8n does not run a killed job again.
			starts: workers.reduce((sum, worker) => sum + (worker.logs().match(new RegExp(`Worker started execution ${id} \\(`, 'g')) || []).length, 0),
		};
	}
	figures.workerRecovery = workers.map((worker) => (worker.logs().match(/Found unfinished executions[^\n]*/g) || []).join('; '));

	// Chaser before any redelivery.
	const stored = (invoiceId) => sandboxes.payments.findInvoice(invoiceId);
	const paymentsOf = (invoiceId) => stored(invoiceId).payments.map((entry) => `${entry.amount} on ${entry.date.slice(0, 10)}`);
	figures.beforeRedelivery = {
		payments: Object.fromEntries(Object.values(PAYMENTS).map((payment) => [payment.invoice_id, paymentsOf(payment.invoice_id)])),
		invoicesStored: sandboxes.invoices.count('invoices'),
		reported: reported(),
	};

	// The webhook sender redelivers what it got no success for (everything: every first answer was an error)...
	const again = {};
	for (const [moment, payment] of Object.entries(PAYMENTS)) again[moment] = await deliver('kill-payment', { ...payment, paid_at: today });
	again.invoices = await deliver('kill-invoices', { rows });
	// ...and the payments once more, as a sender that missed the success would.
	const third = {};
	for (const [moment, payment] of Object.entries(PAYMENTS)) third[moment] = await deliver('kill-payment', { ...payment, paid_at: today });
	figures.redelivery = Object.fromEntries(Object.entries(again).map(([name, answer]) => [name, { status: answer.status, ms: answer.ms }]));

	// Nothing redelivers a poll. n8n's own recourse is to retry the failed execution.
	figures.retries = [];
	for (const [id, execution] of Object.entries(figures.killed)) {
		if (execution.workflowId !== ids.poll) continue;
		const response = await main.rest('POST', `/rest/executions/${id}/retry`, { loadWorkflow: false });
		const retry = response.data && response.data.data;
		figures.retries.push({ of: id, httpStatus: response.status, id: retry && retry.id, status: retry && retry.status });
	}
	await payInFull(TRIGGER.after);
	await waitFor(() => reported().includes(TRIGGER.after[0]), { what: `${TRIGGER.after[0]} reported`, detail: () => JSON.stringify(reported()) });
	const pollsNow = polls();
	await waitFor(() => polls() >= pollsNow + 2, { what: 'two more polls' });
	figures.reported = reported();
	watching = false;
	await watcher;
	figures.timeline = timeline;

	return {
		figures,
		answers,
		again,
		third,
		rows,
		stored,
		paymentsOf,
		payments: sandboxes.payments.requests,
		bulkRequests: sandboxes.invoices.requests.filter((request) => request.method === 'PUT'),
		audit: (keys) => sandboxes.invoices.audit('invoices', 'invoice_id', keys),
		invoiceCount: () => sandboxes.invoices.count('invoices'),
		findInvoice: (invoiceId) => sandboxes.invoices.findInvoice(invoiceId),
	};
}

module.exports = { createWorkerKillFixtures, runWorkerKill, PAYMENTS, TRIGGER, INVOICES, HELD_BATCH, HOLD_MS, ids };
