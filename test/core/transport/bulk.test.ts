import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	chaserBulkUpsert,
	configureTransport,
	resetPacing,
	resetTransportSettings,
} from '../../../core/transport';
import type { Answer } from './fakeContext';
import { fail, fakeContext, ok } from './fakeContext';

beforeEach(() => {
	resetPacing();
	configureTransport({ rateLimit: { requests: 0, windowMs: 0 }, sleep: async () => {}, random: () => 0.5 });
});
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

const entries = (n: number, bad: number[] = []) =>
	Array.from({ length: n }, (_, i) => ({
		body: { external_id: `C-${i}`, company_name: `Company ${i}`, ...(bad.includes(i) ? { bad: true } : {}) },
		label: `item ${i}, external ID 'C-${i}'`,
	}));

const batchOf = (options: IHttpRequestOptions) => (options.body as { entries: IDataObject[] }).entries;

/** A bulk endpoint that is all-or-nothing, like Chaser's: any bad entry rejects the request. */
function bulkEndpoint(options: { nameIndexes: boolean }) {
	const stored: string[] = [];
	const respond = (request: IHttpRequestOptions): Answer => {
		const batch = batchOf(request);
		const bad = batch.flatMap((entry, index) => (entry.bad ? [index] : []));
		if (bad.length > 0) {
			const errors = bad.map((index) => ({ index, field: 'company_name', message: `entries[${index}].company_name is invalid` }));
			return fail(400, { message: 'validation failed', type: 'validation_error', ...(options.nameIndexes ? { errors } : {}) });
		}
		const inserted_ids = batch.map((entry, index) => {
			stored.push(String(entry.external_id));
			return { index, id: `cus_${String(entry.external_id)}` };
		});
		return ok({ data: { inserted_count: batch.length, modified_count: 0, inserted_ids } });
	};
	return { stored, respond };
}

describe('chaserBulkUpsert', () => {
	it('sends at most 100 entries per request and returns one result per entry, in order', async () => {
		const endpoint = bulkEndpoint({ nameIndexes: true });
		const fake = fakeContext(endpoint.respond);
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(250));
		expect(fake.sent.map((request) => batchOf(request).length)).toEqual([100, 100, 50]);
		expect(fake.calls()).toEqual(Array(3).fill('PUT /v1/bulk/customers'));
		expect(results).toHaveLength(250);
		expect(results[0]).toEqual({ ok: true, inserted: true, id: 'cus_C-0' });
		expect(results[249]).toEqual({ ok: true, inserted: true, id: 'cus_C-249' });
		expect(endpoint.stored).toHaveLength(250);
	});

	it.each([
		[0, 1],
		[1, 1],
		[30, 30],
		[250, 100],
	])('batch size %i is sent as batches of %i', async (batchSize, expected) => {
		const fake = fakeContext(bulkEndpoint({ nameIndexes: true }).respond);
		await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(60), batchSize);
		expect(batchOf(fake.sent[0])).toHaveLength(Math.min(expected, 60));
	});

	it('reports updated entries (no inserted id) as ok without an id', async () => {
		const fake = fakeContext(() => ok({ data: { inserted_count: 1, modified_count: 1, inserted_ids: [{ index: 1, id: 'cus_new' }] } }));
		expect(await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(2))).toEqual([
			{ ok: true, inserted: false, id: undefined },
			{ ok: true, inserted: true, id: 'cus_new' },
		]);
	});

	it('gives every entry of a batch that failed as a whole its own error object', async () => {
		const fake = fakeContext(() => fail(403, { message: 'requested resource is forbidden' }));
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(3));
		const errors = results.map((result) => (result.ok ? undefined : result.error));
		expect(errors.map((error) => error?.httpCode)).toEqual(['403', '403', '403']);
		expect(errors.map((error) => error?.message)).toEqual(Array(3).fill(errors[0]?.message));
		expect(new Set(errors).size).toBe(3);
	});

	it('sends nothing for no entries', async () => {
		const fake = fakeContext(() => ok({ data: {} }));
		expect(await chaserBulkUpsert(fake.context, '/v1/bulk/customers', [])).toEqual([]);
		expect(fake.sent).toHaveLength(0);
	});

	it('when Chaser names the bad entries, fails only those and sends the rest once more', async () => {
		const endpoint = bulkEndpoint({ nameIndexes: true });
		const fake = fakeContext(endpoint.respond);
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(150, [3, 42, 120]));
		// batch 1 rejected, batch 1 without 3 and 42, batch 2 rejected, batch 2 without 120
		expect(fake.sent.map((request) => batchOf(request).length)).toEqual([100, 98, 50, 49]);
		expect(results.flatMap((result, index) => (result.ok ? [] : [index]))).toEqual([3, 42, 120]);
		expect(endpoint.stored).toHaveLength(147);
		expect(new Set(endpoint.stored).size).toBe(147);
		// Named by the entry's label, never by its position in the batch (entries[42]).
		const failed = results[42] as { ok: false; error: { message: string; httpCode: string } };
		expect(failed.error.message).toBe("Chaser rejected item 42, external ID 'C-42': company_name is invalid");
		expect(failed.error.httpCode).toBe('400');
		expect((results[120] as { ok: false; error: { message: string } }).error.message).toBe(
			"Chaser rejected item 120, external ID 'C-120': company_name is invalid",
		);
	});

	it('when every entry is named, fails them all without sending them again', async () => {
		const fake = fakeContext(bulkEndpoint({ nameIndexes: true }).respond);
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(3, [0, 1, 2]));
		expect(fake.sent).toHaveLength(1);
		expect(results.every((result) => !result.ok)).toBe(true);
	});

	it('when Chaser does not name them, halves the batch until each bad entry stands alone', async () => {
		const endpoint = bulkEndpoint({ nameIndexes: false });
		const fake = fakeContext(endpoint.respond);
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(100, [7, 61]));
		expect(results.flatMap((result, index) => (result.ok ? [] : [index]))).toEqual([7, 61]);
		expect(endpoint.stored).toHaveLength(98);
		expect(new Set(endpoint.stored).size).toBe(98);
		// Each bad entry ends up sent on its own; the cost is logarithmic, not one request per entry.
		const rejectedAlone = fake.sent.filter((request) => batchOf(request).length === 1 && batchOf(request)[0].bad);
		expect(rejectedAlone).toHaveLength(2);
		expect(fake.sent.length).toBeLessThanOrEqual(2 * 2 * Math.ceil(Math.log2(100)) + 1);
		// Rejected on its own, the entry is still named by its label, not as entries[0] of a one-entry batch.
		expect((results[61] as { ok: false; error: { message: string } }).error.message).toBe(
			"Chaser rejected item 61, external ID 'C-61': validation failed",
		);
	});

	it('a batch that fails for another reason fails as a whole, and the next batches still go', async () => {
		configureTransport({ maxRetries: 1 });
		const endpoint = bulkEndpoint({ nameIndexes: true });
		const fake = fakeContext((request, index) => (index < 2 ? fail(503) : endpoint.respond(request)));
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(150));
		expect(fake.sent.map((request) => batchOf(request).length)).toEqual([100, 100, 50]);
		expect(results.slice(0, 100).every((result) => !result.ok)).toBe(true);
		expect(results.slice(100).every((result) => result.ok)).toBe(true);
		expect((results[0] as { error: Error }).error.message).toBe('Chaser had a problem handling the request (HTTP 503)');
	});

	it('a credentials error (403) fails the batch without splitting it', async () => {
		const fake = fakeContext(() => fail(403, { message: 'forbidden' }));
		const results = await chaserBulkUpsert(fake.context, '/v1/bulk/customers', entries(10));
		expect(fake.sent).toHaveLength(1);
		expect(results.every((result) => !result.ok)).toBe(true);
	});
});
