/**
 * The fault matrix: every fault the network or Chaser can throw at a request, against every kind of
 * request the node makes, before and after the request is applied. Whatever happens, each input item
 * ends exactly once (one output or one paired error item), and the sandbox holds every record once.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { configureTransport, resetTransportSettings } from '../../../core/transport';
import type { RunResult } from '../../helpers/engine';
import { useSandbox } from '../../helpers/sandbox';

type When = 'before' | 'after';
type Kind = 'rateLimited' | 'ambiguous';

interface Fault {
	name: string;
	spec: IDataObject;
	kind: Kind;
	/** What the transport waits before the retry (random fixed at 0.5); undefined: checked separately. */
	waitMs?: number;
}

const TIMEOUT_MS = 300;

const FAULTS: Fault[] = [
	{ name: '429 with Retry-After seconds', spec: { type: '429', retryAfter: 2 }, kind: 'rateLimited', waitMs: 2_000 },
	{ name: '429 with Retry-After HTTP date', spec: { type: '429', retryAfter: 'date' }, kind: 'rateLimited' },
	// Pacing is off here, so there is no window to wait for: the minimum wait (pacer.test.ts has the window).
	{ name: '429 without Retry-After', spec: { type: '429' }, kind: 'rateLimited', waitMs: 1_000 },
	{ name: '500', spec: { type: '500' }, kind: 'ambiguous', waitMs: 375 },
	{ name: '502', spec: { type: '502' }, kind: 'ambiguous', waitMs: 375 },
	{ name: '503', spec: { type: '503' }, kind: 'ambiguous', waitMs: 375 },
	{ name: '504', spec: { type: '504' }, kind: 'ambiguous', waitMs: 375 },
	{ name: 'connection reset', spec: { type: 'reset' }, kind: 'ambiguous', waitMs: 375 },
	{ name: 'slow response past the timeout', spec: { type: 'slow', delayMs: 2 * TIMEOUT_MS }, kind: 'ambiguous', waitMs: 375 },
	{ name: 'malformed JSON', spec: { type: 'malformed' }, kind: 'ambiguous', waitMs: 375 },
];

const WHENS: When[] = ['before', 'after'];
const readCases = FAULTS.map((fault) => [fault.name, fault] as const);
const writeCases = FAULTS.flatMap((fault) => WHENS.map((when) => [fault.name, when, fault] as const));

const byExternalId = (id: string) => ({ __rl: true, mode: 'externalId', value: id });

/** Every input item is accounted for exactly once, on the main or the error output. */
function expectEachItemOnce(result: RunResult, itemCount: number) {
	const items = [...result.success, ...result.errorOutput].map((item) => pairedIndex(item));
	expect(items.sort((a, b) => a - b)).toEqual(Array.from({ length: itemCount }, (_, i) => i));
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? -1);
}

describe('fault matrix', () => {
	const chaser = useSandbox();
	let slept: number[];

	beforeEach(() => {
		slept = [];
		let clock = Date.now();
		resetTransportSettings();
		configureTransport({
			rateLimit: { requests: 0, windowMs: 0 },
			timeoutMs: TIMEOUT_MS,
			random: () => 0.5,
			now: () => clock,
			// Waits are recorded and skipped: the fake clock moves on instead.
			sleep: async (ms: number) => {
				slept.push(ms);
				clock += ms;
			},
		});
	});

	/** The sandbox's customers by external ID, each listed once per record it holds. */
	const storedExternalIds = () =>
		[...(chaser.sandbox.store.collections.customers.order as IDataObject[])].map((customer) => String(customer.external_id));

	const expectWait = (fault: Fault) => {
		if (fault.waitMs !== undefined) expect(slept).toEqual([fault.waitMs]);
		else {
			// An HTTP date has whole seconds and is ~1 s ahead; the transport waits at least 1 s after a 429.
			expect(slept).toHaveLength(1);
			expect(slept[0]).toBeGreaterThanOrEqual(1_000);
			expect(slept[0]).toBeLessThanOrEqual(2_000);
		}
	};

	describe('read: customer get', () => {
		it.each(readCases)('%s', async (_name, fault) => {
			const [a, b, c] = chaser.sandbox.seed({ customers: 3 }).customers.map((customer: IDataObject) => String(customer.external_id));
			chaser.sandbox.clearLog();
			const handle = chaser.sandbox.injectFault({ ...fault.spec, method: 'GET', path: `/v1/customers/ext_${b}`, count: 1 } as never);

			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'get', customer: byExternalId('={{ $json.id }}') } as INodeParameters,
				items: [{ id: a }, { id: b }, { id: c }],
			});

			expect(result.error).toBeUndefined();
			expect(handle.hits).toBe(1);
			expect(result.success.map((item) => item.json.external_id)).toEqual([a, b, c]);
			expectEachItemOnce(result, 3);
			expect(chaser.calls()).toEqual([
				`GET /v1/customers/ext_${a}`,
				`GET /v1/customers/ext_${b}`,
				`GET /v1/customers/ext_${b}`,
				`GET /v1/customers/ext_${c}`,
			]);
			expectWait(fault);
		});
	});

	describe('read: customer get many (Return All over 3 pages)', () => {
		it.each(readCases)('%s', async (_name, fault) => {
			const seeded = chaser.sandbox.seed({ customers: 250 }).customers.map((customer: IDataObject) => customer.external_id);
			chaser.sandbox.clearLog();
			// The second page fails once: faults apply in the order injected, and a "slow" of 0 ms is a normal answer.
			chaser.sandbox.injectFault({ type: 'slow', delayMs: 0, when: 'after', method: 'GET', path: '/v1/customers', count: 1 });
			chaser.sandbox.injectFault({ ...fault.spec, method: 'GET', path: '/v1/customers', count: 1 } as never);

			const result = await chaser.run({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true, simplify: false } });

			expect(result.error).toBeUndefined();
			expect(result.success.map((item) => item.json.external_id)).toEqual(seeded);
			expect((chaser.sandbox.requests as Array<{ query: IDataObject }>).map((request) => request.query.page)).toEqual(['0', '1', '1', '2']);
			expect(result.success.every((item) => pairedIndex(item) === 0)).toBe(true);
			expectWait(fault);
		});
	});

	describe('single write: customer create (POST, settled by reading back)', () => {
		it.each(writeCases)('%s, %s the create is applied', async (_name, when, fault) => {
			chaser.sandbox.injectFault({ ...fault.spec, method: 'POST', path: '/v1/customers', count: 1, when } as never);

			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: '={{ $json.name }}' },
				items: [
					{ id: 'N-1', name: 'First Ltd' },
					{ id: 'N-2', name: 'Second Ltd' },
				],
			});

			expect(result.error).toBeUndefined();
			expectEachItemOnce(result, 2);
			expect(result.success.map((item) => item.json.external_id)).toEqual(['N-1', 'N-2']);
			// Nothing lost, nothing duplicated.
			expect(storedExternalIds()).toEqual(['N-1', 'N-2']);
			expect(result.success[0].json.id).toBe(chaser.sandbox.findCustomer('N-1')?.id);
			expect(chaser.sandbox.findCustomer('N-1')).toMatchObject({ company_name: 'First Ltd' });

			const first =
				fault.kind === 'rateLimited'
					? when === 'before'
						? ['POST /v1/customers', 'POST /v1/customers'] // a 429 never lands: just send again
						: ['POST /v1/customers', 'POST /v1/customers', 'GET /v1/customers/ext_N-1'] // "already exists" → read back
					: when === 'before'
						? ['POST /v1/customers', 'GET /v1/customers/ext_N-1', 'POST /v1/customers'] // not there → send again
						: ['POST /v1/customers', 'GET /v1/customers/ext_N-1']; // there → done, not posted twice
			expect(chaser.calls()).toEqual([...first, 'POST /v1/customers']);
			if (fault.kind === 'rateLimited') expectWait(fault);
			else expect(slept).toEqual(when === 'before' ? [375] : []);
		});
	});

	describe('single write: customer update (PUT, safe to repeat)', () => {
		it.each(writeCases)('%s, %s the update is applied', async (_name, when, fault) => {
			const ids = chaser.sandbox.seed({ customers: 3 }).customers.map((customer: IDataObject) => String(customer.external_id));
			chaser.sandbox.clearLog();
			chaser.sandbox.injectFault({ ...fault.spec, method: 'PUT', path: `/v1/customers/ext_${ids[0]}`, count: 1, when } as never);

			const result = await chaser.run({
				parameters: {
					resource: 'customer',
					operation: 'update',
					customer: byExternalId('={{ $json.id }}'),
					updateFields: { company_name: '={{ $json.name }}' },
				} as INodeParameters,
				items: ids.map((id, i) => ({ id, name: `Renamed ${i}` })),
			});

			expect(result.error).toBeUndefined();
			expectEachItemOnce(result, 3);
			expect(result.success.map((item) => item.json.company_name)).toEqual(['Renamed 0', 'Renamed 1', 'Renamed 2']);
			expect(storedExternalIds()).toEqual(ids);
			ids.forEach((id, i) => expect(chaser.sandbox.findCustomer(id)?.company_name).toBe(`Renamed ${i}`));
			expect(chaser.calls()).toEqual([
				`PUT /v1/customers/ext_${ids[0]}`,
				`PUT /v1/customers/ext_${ids[0]}`,
				`PUT /v1/customers/ext_${ids[1]}`,
				`PUT /v1/customers/ext_${ids[2]}`,
			]);
			expectWait(fault);
		});
	});

	describe('bulk write: customer create or update, 150 items in 2 batches', () => {
		it.each(writeCases)('%s, %s the batch is applied', async (_name, when, fault) => {
			// 50 customers exist (updated), 100 are new (inserted).
			const existing = chaser.sandbox.seed({ customers: 50 }).customers.map((customer: IDataObject) => String(customer.external_id));
			const ids = [...existing, ...Array.from({ length: 100 }, (_, i) => `NEW-${i}`)];
			chaser.sandbox.clearLog();
			chaser.sandbox.injectFault({ ...fault.spec, method: 'PUT', path: '/v1/bulk/customers', count: 1, when } as never);

			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'upsert', externalId: '={{ $json.id }}', companyName: '={{ $json.name }}' },
				items: ids.map((id) => ({ id, name: `Company ${id}` })),
			});

			expect(result.error).toBeUndefined();
			expectEachItemOnce(result, 150);
			expect(result.success.map((item) => item.json.external_id)).toEqual(ids);
			expect(storedExternalIds().sort()).toEqual([...ids].sort());
			ids.forEach((id) => expect(chaser.sandbox.findCustomer(id)?.company_name).toBe(`Company ${id}`));
			expect(chaser.calls()).toEqual(Array(3).fill('PUT /v1/bulk/customers'));
			const bodies = (chaser.sandbox.requests as Array<{ body: { entries: unknown[] } }>).map((request) => request.body.entries.length);
			expect(bodies).toEqual([100, 100, 50]);
			expectWait(fault);
		});
	});

	describe('a fault that outlasts the retries fails only its item, clearly, and duplicates nothing', () => {
		beforeEach(() => configureTransport({ maxRetries: 2 }));

		it('create: 500 on every attempt for the first item', async () => {
			// 3 attempts = 1 + maxRetries; the read-backs in between find nothing.
			chaser.sandbox.injectFault({ type: '500', method: 'POST', path: '/v1/customers', count: 3 });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: [{ id: 'N-1' }, { id: 'N-2' }],
				onError: 'continueRegularOutput',
			});
			expectEachItemOnce(result, 2);
			// The error item is the input row plus what happened and what to do.
			expect(result.success[0].json).toEqual({
				id: 'N-1',
				error: 'Chaser had a problem handling the request (HTTP 500): internal server error',
				details: 'This is usually temporary. The node tried 3 time(s); run it again later.',
			});
			expect(result.success[1].json.external_id).toBe('N-2');
			expect(storedExternalIds()).toEqual(['N-2']);
			expect(chaser.calls()).toEqual([
				'POST /v1/customers',
				'GET /v1/customers/ext_N-1',
				'POST /v1/customers',
				'GET /v1/customers/ext_N-1',
				'POST /v1/customers',
				'POST /v1/customers',
			]);
		});

		it('create: resets after every applied attempt still create the record once', async () => {
			chaser.sandbox.injectFault({ type: 'reset', method: 'POST', path: '/v1/customers', count: Infinity, when: 'after' });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: [{ id: 'N-1' }, { id: 'N-2' }],
				onError: 'continueRegularOutput',
			});
			expect(result.success.map((item) => item.json.external_id)).toEqual(['N-1', 'N-2']);
			expect(storedExternalIds()).toEqual(['N-1', 'N-2']);
			expect(chaser.calls()).toEqual([
				'POST /v1/customers',
				'GET /v1/customers/ext_N-1',
				'POST /v1/customers',
				'GET /v1/customers/ext_N-2',
			]);
		});

		it('update: 503 on every attempt for the second item', async () => {
			const ids = chaser.sandbox.seed({ customers: 3 }).customers.map((customer: IDataObject) => String(customer.external_id));
			chaser.sandbox.injectFault({ type: '503', method: 'PUT', path: `/v1/customers/ext_${ids[1]}`, count: Infinity });
			const result = await chaser.run({
				parameters: {
					resource: 'customer',
					operation: 'update',
					customer: byExternalId('={{ $json.id }}'),
					updateFields: { company_name: 'Renamed' },
				} as INodeParameters,
				items: ids.map((id) => ({ id })),
				onError: 'continueErrorOutput',
			});
			expectEachItemOnce(result, 3);
			expect(result.success.map((item) => pairedIndex(item))).toEqual([0, 2]);
			expect(result.errorOutput).toHaveLength(1);
			expect(pairedIndex(result.errorOutput[0])).toBe(1);
			expect(result.errorOutput[0].json.error).toBe('Chaser had a problem handling the request (HTTP 503)');
			expect(chaser.calls().filter((call) => call.endsWith(ids[1]))).toHaveLength(3);
		});

		it('get: the connection resets every time', async () => {
			const [id] = chaser.sandbox.seed({ customers: 1 }).customers.map((customer: IDataObject) => String(customer.external_id));
			chaser.sandbox.injectFault({ type: 'reset', method: 'GET', count: Infinity });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'get', customer: byExternalId(id) } as INodeParameters,
				onError: 'continueRegularOutput',
			});
			expect(result.success).toHaveLength(1);
			expect(result.success[0].json.error).toBe('Could not reach Chaser: the connection was closed before Chaser answered');
			expect(result.success[0].json.details).toContain('ECONNRESET');
			expect(result.success[0].json.details).toContain('tried 3 time(s)');
		});

		it('get: Chaser never answers within the timeout', async () => {
			const [id] = chaser.sandbox.seed({ customers: 1 }).customers.map((customer: IDataObject) => String(customer.external_id));
			configureTransport({ timeoutMs: 150 });
			chaser.sandbox.injectFault({ type: 'slow', method: 'GET', count: Infinity, delayMs: 400 });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'get', customer: byExternalId(id) } as INodeParameters,
				onError: 'continueRegularOutput',
			});
			expect(result.success[0].json.error).toBe('Chaser did not answer within 0.15 s');
			expect(result.success[0].json.details).toContain('"Timeout"');
			expect(chaser.calls()).toHaveLength(3);
		});

		it.each([
			['the Timeout option of the node', { options: { timeout: 1 } }],
		])('is used: %s', async (_, settings) => {
			const [id] = chaser.sandbox.seed({ customers: 1 }).customers.map((customer: IDataObject) => String(customer.external_id));
			configureTransport({ maxRetries: 0 });
			chaser.sandbox.injectFault({ type: 'slow', method: 'GET', count: Infinity, delayMs: 1_500 });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'get', customer: byExternalId(id), ...settings } as INodeParameters,
				onError: 'continueRegularOutput',
			});
			expect(result.success[0].json.error).toBe('Chaser did not answer within 1 s');
		});

		it('get: malformed JSON every time', async () => {
			const [id] = chaser.sandbox.seed({ customers: 1 }).customers.map((customer: IDataObject) => String(customer.external_id));
			chaser.sandbox.injectFault({ type: 'malformed', method: 'GET', count: Infinity });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'get', customer: byExternalId(id) } as INodeParameters,
				onError: 'continueRegularOutput',
			});
			expect(result.success[0].json.error).toBe('Chaser sent a response that is not valid JSON');
		});

		it('429 beyond Rate Limit Wait', async () => {
			chaser.sandbox.injectFault({ type: '429', method: 'POST', count: Infinity, retryAfter: 2 });
			const result = await chaser.run({
				parameters: {
					resource: 'customer',
					operation: 'create',
					externalId: '={{ $json.id }}',
					companyName: 'Acme',
					options: { maxRateLimitWait: 5 },
				},
				items: [{ id: 'N-1' }, { id: 'N-2' }],
				onError: 'continueRegularOutput',
			});
			expectEachItemOnce(result, 2);
			expect(result.success.map((item) => item.json.error)).toEqual([
				"Chaser's rate limit was still exceeded after waiting 4 s",
				"Chaser's rate limit was still exceeded after waiting 4 s",
			]);
			expect(result.success[0].json.details).toContain('Rate Limit Wait (Seconds)');
			expect(chaser.sandbox.count('customers')).toBe(0);
			// Item 2 first waits out the hold item 1's last 429 left on the key, then its own two.
			expect(slept).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
		});

		it('bulk: the first batch fails every time; its items fail, the second batch lands', async () => {
			chaser.sandbox.injectFault({ type: '500', method: 'PUT', path: '/v1/bulk/customers', count: 3 });
			const ids = Array.from({ length: 150 }, (_, i) => `NEW-${i}`);
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'upsert', externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: ids.map((id) => ({ id })),
				onError: 'continueErrorOutput',
			});
			expectEachItemOnce(result, 150);
			expect(result.errorOutput.map((item) => pairedIndex(item))).toEqual(ids.slice(0, 100).map((_, i) => i));
			expect(result.errorOutput[0].json.error).toBe('Chaser had a problem handling the request (HTTP 500): internal server error');
			expect(result.success.map((item) => item.json.external_id)).toEqual(ids.slice(100));
			expect(storedExternalIds()).toEqual(ids.slice(100));
			expect(chaser.calls()).toEqual(Array(4).fill('PUT /v1/bulk/customers'));
		});

		it('bulk: the same external ID twice is sent in order, in separate requests, and nothing is rejected', async () => {
			// Chaser refuses the same record twice in one request, so the batch goes out before item 20 joins it.
			const ids = Array.from({ length: 150 }, (_, i) => (i === 20 ? 'NEW-10' : `NEW-${i}`));
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'upsert', externalId: '={{ $json.id }}', companyName: '={{ $json.id }}' },
				items: ids.map((id) => ({ id })),
				onError: 'continueErrorOutput',
			});
			expectEachItemOnce(result, 150);
			expect(result.errorOutput).toEqual([]);
			expect(result.success[20].json).toMatchObject({ external_id: 'NEW-10', created: false });
			expect(storedExternalIds().sort()).toEqual([...new Set(ids)].sort());
			expect((chaser.sandbox.requests as Array<{ body: { entries: unknown[] } }>).map((request) => request.body.entries.length)).toEqual([
				20, 100, 30,
			]);
		});

		it('without continue-on-fail the node stops with the same clear error', async () => {
			chaser.sandbox.injectFault({ type: '500', method: 'POST', path: '/v1/customers', count: Infinity });
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: 'N-1', companyName: 'Acme' },
			});
			expect(result.error?.message).toBe('Chaser had a problem handling the request (HTTP 500): internal server error');
			expect(chaser.sandbox.count('customers')).toBe(0);
		});
	});

	describe('against a rate-limited Chaser (real waits, time compressed)', () => {
		const statuses = () => (chaser.sandbox.requests as Array<{ status: number }>).map((request) => request.status);

		beforeEach(() => {
			resetTransportSettings();
			configureTransport({ timeoutMs: 5_000, sleep: async (ms: number) => await sleep(ms) });
		});

		it('paced to the same limit: the budget at once, then as the window frees up, never a 429', async () => {
			// A request counts from its answer, so however slow the first (cold) requests are, none can push the
			// sandbox over: no warm-up needed.
			const limit = { requests: 10, windowMs: 2_000 };
			chaser.sandbox.setRateLimit({ ...limit, retryAfter: true });
			let arrivedBeforeFirstWait: number | undefined;
			configureTransport({
				rateLimit: limit,
				sleep: async (ms: number) => {
					arrivedBeforeFirstWait ??= chaser.sandbox.requests.length;
					await sleep(ms);
				},
			});
			const ids = Array.from({ length: 14 }, (_, i) => `N-${i}`);
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: ids.map((id) => ({ id })),
			});
			expect(result.error).toBeUndefined();
			expect(statuses().filter((status) => status === 429)).toEqual([]);
			expect(storedExternalIds()).toEqual(ids);
			// No spacing below the budget: the first wait came only after ten requests.
			expect(arrivedBeforeFirstWait).toBe(10);
		});

		it.each([
			['creates, one request per item', 'create', 20],
			['bulk create or update', 'upsert', 250],
		])('unpaced, %s: the 429s are waited out and nothing is lost', async (_label, operation, count) => {
			chaser.sandbox.setRateLimit({ requests: operation === 'create' ? 5 : 1, windowMs: 250, retryAfter: false });
			configureTransport({ rateLimit: { requests: 0, windowMs: 0 }, rateLimitMinWaitMs: 50, backoffMaxMs: 400 });
			const ids = Array.from({ length: count as number }, (_, i) => `N-${i}`);
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: operation as string, externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: ids.map((id) => ({ id })),
			});
			expect(result.error).toBeUndefined();
			expectEachItemOnce(result, ids.length);
			expect(statuses().filter((status) => status === 429).length).toBeGreaterThan(0);
			expect(storedExternalIds()).toEqual(ids);
		});

		it('honours a real Retry-After from the sandbox', async () => {
			chaser.sandbox.setRateLimit({ requests: 2, windowMs: 500, retryAfter: true });
			configureTransport({ rateLimit: { requests: 0, windowMs: 0 } });
			const started = Date.now();
			const result = await chaser.run({
				parameters: { resource: 'customer', operation: 'create', externalId: '={{ $json.id }}', companyName: 'Acme' },
				items: [{ id: 'N-1' }, { id: 'N-2' }, { id: 'N-3' }],
			});
			expect(result.error).toBeUndefined();
			expect(statuses()).toEqual([200, 200, 429, 200]);
			// Retry-After: 1 (whole seconds, rounded up)
			expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
			expect(storedExternalIds()).toEqual(['N-1', 'N-2', 'N-3']);
		});
	});
});
