import type { IDataObject } from 'n8n-workflow';

import {
	chaserRequest,
	configureTransport,
	externalIdSegment,
	resetPacing,
	resetTransportSettings,
} from '../../../core/transport';
import type { Answer } from './fakeContext';
import { fail, fakeContext, ok, thrown } from './fakeContext';

let slept: number[];
let clock: number;

beforeEach(() => {
	resetPacing();
	slept = [];
	clock = 1_000_000;
	configureTransport({
		rateLimit: { requests: 0, windowMs: 0 },
		now: () => clock,
		sleep: async (ms: number) => {
			slept.push(ms);
			clock += ms;
		},
		random: () => 0.5,
	});
});
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

/** Answers in turn; the last answer repeats. */
const script =
	(...answers: Answer[]) =>
	(_options: unknown, index: number) =>
		answers[Math.min(index, answers.length - 1)];

const created = { data: { id: 'cus_1', external_id: 'C-1' } };
const create = { method: 'POST' as const, path: '/v1/customers', body: { external_id: 'C-1', company_name: 'Acme' } };
const createWithReadBack = { ...create, readBackPath: `/v1/customers/${externalIdSegment('C-1')}` };

describe('chaserRequest', () => {
	it('sends through httpRequestWithAuthentication with the base URL, JSON and the timeout', async () => {
		const fake = fakeContext(script(ok({ data: [] })), { timeout: 7 });
		await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers', qs: { page: 0 } });
		expect(fake.sent[0]).toMatchObject({
			method: 'GET',
			url: 'https://chaser.test/v1/customers',
			qs: { page: 0 },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 7_000,
		});
	});

	it('uses the transport timeout when the node sets none', async () => {
		configureTransport({ timeoutMs: 1_234 });
		const fake = fakeContext(script(ok({ data: [] })));
		await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers' });
		expect(fake.sent[0].timeout).toBe(1_234);
	});

	describe('429', () => {
		it('waits the Retry-After seconds, then retries', async () => {
			const fake = fakeContext(script(fail(429, { message: 'rate limit exceeded' }, { 'retry-after': '4' }), ok(created)));
			await expect(chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' })).resolves.toEqual(created);
			expect(slept).toEqual([4_000]);
			expect(fake.calls()).toEqual(['GET /v1/customers/ext_C-1', 'GET /v1/customers/ext_C-1']);
		});

		it('waits until a Retry-After HTTP date', async () => {
			const at = new Date(clock + 6_000).toUTCString();
			const fake = fakeContext(script(fail(429, {}, { 'retry-after': at }), ok(created)));
			await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' });
			expect(slept).toHaveLength(1);
			expect(slept[0]).toBeGreaterThan(5_000);
			expect(slept[0]).toBeLessThanOrEqual(6_000);
		});

		it('without Retry-After, waits until the window can have freed up rather than probing', async () => {
			configureTransport({ rateLimit: { requests: 200, windowMs: 60_000 } });
			const fake = fakeContext(script(fail(429), ok(created)));
			await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' });
			// The request it sent leaves Chaser's window a minute later (plus 1% for jitter).
			expect(slept).toEqual([60_600]);
			expect(fake.sent).toHaveLength(2);
		});

		it('reads the key\'s budget from the credential\'s "Requests per Minute"', async () => {
			configureTransport({ rateLimit: { requests: 200, windowMs: 60_000 } });
			const fake = fakeContext(script(ok(created)), {}, { requestsPerMinute: 2 });
			for (let i = 0; i < 3; i++) await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' });
			expect(slept).toEqual([60_600]);
		});

		it('never retries in a tight loop: "Retry-After: 0" still waits the minimum', async () => {
			configureTransport({ rateLimitMinWaitMs: 1_000 });
			const fake = fakeContext(script(fail(429, {}, { 'retry-after': '0' }), ok(created)));
			await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' });
			expect(slept).toEqual([1_000]);
		});

		it('a create that met a 429 is sent again (a 429 never lands)', async () => {
			const fake = fakeContext(script(fail(429, {}, { 'retry-after': '1' }), ok(created)));
			await expect(chaserRequest(fake.context, create)).resolves.toEqual(created);
			expect(fake.calls()).toEqual(['POST /v1/customers', 'POST /v1/customers']);
		});

		it('gives up with a clear error once the wait would pass Rate Limit Wait', async () => {
			const fake = fakeContext(script(fail(429, { message: 'rate limit exceeded' }, { 'retry-after': '30' })), {
				maxRateLimitWait: 100,
			});
			const error = await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers', itemIndex: 2 }).catch((e) => e);
			expect(error.message).toBe("Chaser's rate limit was still exceeded after waiting 90 s");
			expect(error.httpCode).toBe('429');
			expect(error.context.itemIndex).toBe(2);
			expect(slept).toEqual([30_000, 30_000, 30_000]);
			expect(fake.sent).toHaveLength(4);
		});

		it('defaults the budget to 300 s', async () => {
			const fake = fakeContext(script(fail(429, {}, { 'retry-after': '60' })));
			await expect(chaserRequest(fake.context, { method: 'GET', path: '/v1/customers' })).rejects.toThrow(
				'after waiting 300 s',
			);
			expect(fake.sent).toHaveLength(6);
		});

		it('Rate Limit Wait 0 fails on the first 429', async () => {
			const fake = fakeContext(script(fail(429, {}, { 'retry-after': '1' })), { maxRateLimitWait: 0 });
			await expect(chaserRequest(fake.context, { method: 'GET', path: '/v1/customers' })).rejects.toThrow(
				'after waiting 0 s',
			);
			expect(fake.sent).toHaveLength(1);
		});

		it('does not spend the 5xx retries on rate limiting', async () => {
			configureTransport({ maxRetries: 1 });
			const fake = fakeContext(
				script(fail(429, {}, { 'retry-after': '1' }), fail(429, {}, { 'retry-after': '1' }), fail(500), ok(created)),
			);
			await expect(chaserRequest(fake.context, { method: 'GET', path: '/v1/customers/ext_C-1' })).resolves.toEqual(created);
		});
	});

	describe('5xx, network failures and timeouts', () => {
		it.each([
			['500', fail(500)],
			['503', fail(503)],
			['a reset', thrown('ECONNRESET', 'socket hang up')],
			['a timeout', thrown('ECONNABORTED', 'timeout of 300ms exceeded')],
			['malformed JSON', ok('{"data":' as unknown as IDataObject)],
		])('retries a GET, PUT and DELETE after %s with back-off', async (_label, answer) => {
			for (const method of ['GET', 'PUT', 'DELETE'] as const) {
				slept = [];
				const fake = fakeContext(script(answer, answer, ok(created)));
				await expect(chaserRequest(fake.context, { method, path: '/v1/customers/ext_C-1', body: {} })).resolves.toEqual(created);
				expect(fake.sent).toHaveLength(3);
				expect(slept).toEqual([375, 750]);
			}
		});

		it('stops after maxRetries and says how often it tried', async () => {
			configureTransport({ maxRetries: 2 });
			const fake = fakeContext(script(fail(503)));
			const error = await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers' }).catch((e) => e);
			expect(fake.sent).toHaveLength(3);
			expect(error.message).toBe('Chaser had a problem handling the request (HTTP 503)');
			expect(error.description).toContain('tried 3 time(s)');
		});

		it('takes a 404 after a retried DELETE as done: the first attempt may have deleted it', async () => {
			const fake = fakeContext(script(thrown('ECONNRESET', 'socket hang up'), fail(404, { message: 'entity not found' })));
			await expect(
				chaserRequest(fake.context, { method: 'DELETE', path: '/v1/customers/ext_C-1/contact_persons/ext_P-1' }),
			).resolves.toEqual({});
			expect(fake.sent).toHaveLength(2);
		});

		it('still reports a 404 on a DELETE whose earlier attempt provably never landed', async () => {
			const fake = fakeContext(script(thrown('ECONNREFUSED'), fail(404, { message: 'entity not found' })));
			const error = await chaserRequest(fake.context, {
				method: 'DELETE',
				path: '/v1/customers/ext_C-1/contact_persons/ext_P-1',
				notFoundMessage: 'No contact person P-1',
			}).catch((e) => e);
			expect(error.message).toBe('No contact person P-1');
		});

		it('does not retry client errors', async () => {
			const fake = fakeContext(script(fail(400, { message: 'company_name is required' })));
			await expect(chaserRequest(fake.context, create)).rejects.toThrow('Chaser rejected the request: company_name is required');
			expect(fake.sent).toHaveLength(1);
		});
	});

	describe('creates (POST)', () => {
		it('without a read-back path, a failure that may have landed is not retried', async () => {
			const fake = fakeContext(script(fail(500), ok(created)));
			await expect(chaserRequest(fake.context, create)).rejects.toThrow('HTTP 500');
			expect(fake.calls()).toEqual(['POST /v1/customers']);
		});

		it('a failure that proves it never landed (connection refused) is retried without reading back', async () => {
			const fake = fakeContext(script(thrown('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), ok(created)));
			await expect(chaserRequest(fake.context, createWithReadBack)).resolves.toEqual(created);
			expect(fake.calls()).toEqual(['POST /v1/customers', 'POST /v1/customers']);
		});

		it('after an ambiguous failure, reads back and returns the record when the create landed', async () => {
			const fake = fakeContext(script(thrown('ECONNRESET', 'socket hang up'), ok(created)));
			await expect(chaserRequest(fake.context, createWithReadBack)).resolves.toEqual(created);
			expect(fake.calls()).toEqual(['POST /v1/customers', 'GET /v1/customers/ext_C-1']);
		});

		it('after an ambiguous failure, reads back and sends again when it did not land', async () => {
			const fake = fakeContext(script(fail(502), fail(404, { message: 'not found' }), ok(created)));
			await expect(chaserRequest(fake.context, createWithReadBack)).resolves.toEqual(created);
			expect(fake.calls()).toEqual(['POST /v1/customers', 'GET /v1/customers/ext_C-1', 'POST /v1/customers']);
		});

		it('a retried create that meets "already exists" returns the record it made', async () => {
			const fake = fakeContext(
				script(
					fail(429, {}, { 'retry-after': '1' }),
					fail(400, { message: 'external_id already exists' }),
					ok(created),
				),
			);
			await expect(chaserRequest(fake.context, createWithReadBack)).resolves.toEqual(created);
			expect(fake.calls()).toEqual(['POST /v1/customers', 'POST /v1/customers', 'GET /v1/customers/ext_C-1']);
		});

		it('a first-attempt "already exists" is the user\'s error, not read back', async () => {
			const fake = fakeContext(script(fail(400, { message: 'external_id already exists' })));
			await expect(chaserRequest(fake.context, createWithReadBack)).rejects.toThrow('external_id already exists');
			expect(fake.sent).toHaveLength(1);
		});

		it('a failing read-back fails the item rather than risk a duplicate', async () => {
			configureTransport({ maxRetries: 0 });
			const fake = fakeContext((options) => (options.method === 'POST' ? fail(500) : fail(403, { message: 'forbidden' })));
			await expect(chaserRequest(fake.context, { ...createWithReadBack })).rejects.toThrow(/forbidden|HTTP 500/);
			expect(fake.calls().filter((call) => call.startsWith('POST'))).toHaveLength(1);
		});
	});

	it('reads credentials and options once per execution, not per request', async () => {
		const fake = fakeContext(script(ok({ data: [] })));
		const getCredentials = jest.spyOn(fake.context, 'getCredentials');
		for (let i = 0; i < 5; i++) await chaserRequest(fake.context, { method: 'GET', path: '/v1/customers' });
		expect(getCredentials).toHaveBeenCalledTimes(1);
	});
});
