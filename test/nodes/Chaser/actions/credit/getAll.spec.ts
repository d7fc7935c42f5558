import { useSandbox } from '../../../../helpers/sandbox';
import { addRecord, CUSTOMERS, itemIndexes, outcomes } from './fixtures';
import type { CreditProfile } from './profiles';
import { numberField } from './profiles';

/** Get Many, for credit notes and overpayments. */
export function describeGetAll(p: CreditProfile): void {
	const base = { resource: p.resource, operation: 'getAll' };

	describe(`${p.resource}: getAll`, () => {
		const chaser = useSandbox({ seed: CUSTOMERS });

		describe('filters', () => {
			beforeEach(() => {
				addRecord(chaser, p, { [p.key]: 'A', ...numberField(p, 'CN-A'), date: '2024-03-01T00:00:00.000Z' });
				addRecord(chaser, p, { [p.key]: 'B', ...numberField(p, 'CN-B'), date: '2024-03-31T16:45:00.000Z' });
				addRecord(chaser, p, { [p.key]: 'C', date: '2024-04-01T00:00:00.000Z' });
				addRecord(chaser, p, { [p.key]: 'D', date: '2024-02-29T23:59:59.000Z' });
				addRecord(chaser, p, { [p.key]: 'E', date: p.midMarch, status: 'PAID', remaining_credit: 0 });
				addRecord(chaser, p, { [p.key]: 'F', date: p.midMarch, customer_external_id: 'CUST-00002' });
				addRecord(chaser, p, { [p.key]: 'G', date: p.midMarch, currency_code: 'EUR' });
			});

			it(`sends status, date range, customer${p.number ? ', currency and number' : ' and currency'} as Chaser filters`, async () => {
				const result = await chaser.run({
					parameters: {
						...base,
						filters: {
							status: p.defaultStatus,
							date_from: '2024-03-01',
							date_to: '2024-03-31',
							customer_external_id: 'CUST-00001',
							currency_code: 'gbp',
						},
					},
				});
				expect(result.error).toBeUndefined();
				expect(result.success.map((output) => output.json[p.key])).toEqual(['A', 'B']);
				expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
				expect(chaser.calls()).toEqual([`GET /v1/${p.path}`]);
				// "Date To: 31 March" includes the whole of 31 March.
				expect(chaser.sandbox.requests[0].query).toEqual({
					'filter[currency_code][eq]': 'GBP',
					'filter[customer_external_id][eq]': 'CUST-00001',
					'filter[date][gte]': '2024-03-01T00:00:00.000Z',
					'filter[date][lte]': '2024-03-31T23:59:59.999Z',
					'filter[status][in]': p.defaultStatus,
					page: '0',
					limit: '50',
				});
			});

			it('filters by several statuses and by a customer picked from the list', async () => {
				const result = await chaser.run({
					parameters: {
						...base,
						returnAll: true,
						filters: {
							status: [p.defaultStatus, 'PAID'],
							customer_external_id: { __rl: true, mode: 'list', value: 'CUST-00001' },
						},
					},
				});
				expect(result.error).toBeUndefined();
				expect(result.success.map((output) => output.json[p.key])).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
				expect(chaser.sandbox.requests[0].query).toEqual({
					'filter[customer_external_id][eq]': 'CUST-00001',
					'filter[status][in]': `${p.defaultStatus},PAID`,
					page: '0',
					limit: '100',
				});
			});

			it('reads the date range as calendar dates: Date To covers its whole day, and either end may be open', async () => {
				// 12:00 UTC on 31 March is 31 March in London: the range is that whole day, which holds B.
				const byTime = await chaser.run({
					parameters: { ...base, returnAll: true, filters: { date_from: '2024-03-31T00:00:00Z', date_to: '2024-03-31T12:00:00Z' } },
					timezone: 'Europe/London',
				});
				expect(byTime.success.map((output) => output.json[p.key])).toEqual(['B']);
				expect(chaser.sandbox.requests[0].query).toMatchObject({
					'filter[date][gte]': '2024-03-31T00:00:00.000Z',
					'filter[date][lte]': '2024-03-31T23:59:59.999Z',
				});

				// The same instant is 1 April in Sydney.
				chaser.sandbox.clearLog();
				const since = await chaser.run({
					parameters: { ...base, filters: { date_from: '2024-03-31T14:00:00Z' } },
					timezone: 'Australia/Sydney',
				});
				expect(since.success.map((output) => output.json[p.key])).toEqual(['C']);
				expect(chaser.sandbox.requests[0].query).toEqual({ 'filter[date][gte]': '2024-04-01T00:00:00.000Z', page: '0', limit: '50' });
			});

			const number = p.number;
			if (number) {
				it(`filters by ${p.noun} number`, async () => {
					const byNumber = await chaser.run({ parameters: { ...base, filters: { [number.field]: ' CN-B ' } } });
					expect(byNumber.success.map((output) => output.json[p.key])).toEqual(['B']);
					expect(chaser.sandbox.requests[0].query).toEqual({ [`filter[${number.field}][eq]`]: 'CN-B', page: '0', limit: '50' });
				});
			}

			it(`lists every ${p.noun} without filters, simplified unless Simplify is off`, async () => {
				const simplified = await chaser.run({ parameters: { ...base, returnAll: true } });
				expect(simplified.success).toHaveLength(7);
				expect(Object.keys(simplified.success[0].json)).toEqual([
					'id',
					p.key,
					...(p.number ? [p.number.field] : []),
					'customer_external_id',
					'customer_name',
					'status',
					'currency_code',
					'total',
					'remaining_credit',
					'date',
				]);
				const raw = await chaser.run({ parameters: { ...base, returnAll: true, simplify: false } });
				expect(raw.success[0].json).toHaveProperty('created_at');
			});

			it.each([
				[{ currency_code: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
				[{ date_from: 'last week' }, '"Date From" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "last week" [item 0]'],
				[
					{ date_from: '2024-04-01', date_to: '2024-03-01' },
					'"Date From" (2024-04-01) must be on or before "Date To" (2024-03-01) [item 0]',
				],
				[{ status: 'OPEN' }, `"Status" must be one of ${p.statuses}, got "OPEN" [item 0]`],
			])('rejects filters %j before sending anything', async (filters, message) => {
				const result = await chaser.run({ parameters: { ...base, filters } });
				expect(result.error?.name).toBe('NodeOperationError');
				expect(result.error?.message).toBe(message);
				expect(chaser.calls()).toEqual([]);
			});

			it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
				'with %s, runs each item with its own filters and pairs the results',
				async (onError) => {
					const result = await chaser.run({
						parameters: { ...base, returnAll: true, filters: { customer_external_id: '={{ $json.customer }}', currency_code: '={{ $json.currency }}' } },
						items: [
							{ customer: 'CUST-00002', currency: 'GBP' },
							{ customer: 'CUST-00001', currency: 'XXZ' },
							{ customer: 'CUST-00001', currency: 'EUR' },
						],
						onError,
					});
					expect(result.error).toBeUndefined();
					const { errors, ok: found, paired } = outcomes(result, onError);
										expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
						[{ item: 1 }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 1]'],
					]);
					expect(found.map((output) => [output.pairedItem, output.json[p.key]])).toEqual([
						[{ item: 0 }, 'F'],
						[{ item: 2 }, 'G'],
					]);
					expect(paired).toEqual(itemIndexes(3));
					expect(chaser.calls()).toEqual([`GET /v1/${p.path}`, `GET /v1/${p.path}`]);
				},
			);
		});

		describe('paging', () => {
			beforeEach(() => {
				chaser.sandbox.seed({ [p.collection]: 250 });
				chaser.sandbox.clearLog();
			});

			it('Return All walks every page of 100', async () => {
				const result = await chaser.run({ parameters: { ...base, returnAll: true } });
				expect(result.error).toBeUndefined();
				expect(result.success).toHaveLength(250);
				expect(new Set(result.success.map((output) => output.json.id)).size).toBe(250);
				expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([
					{ page: '0', limit: '100' },
					{ page: '1', limit: '100' },
					{ page: '2', limit: '100' },
				]);
			});

			it('Limit asks for no more than needed', async () => {
				const small = await chaser.run({ parameters: { ...base, limit: 30 } });
				expect(small.success).toHaveLength(30);
				expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([{ page: '0', limit: '30' }]);

				chaser.sandbox.clearLog();
				const large = await chaser.run({ parameters: { ...base, limit: 120 } });
				expect(large.success).toHaveLength(120);
				expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([
					{ page: '0', limit: '100' },
					{ page: '1', limit: '100' },
				]);
			});
		});
	});
}
