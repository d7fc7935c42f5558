import { useSandbox } from '../../../../helpers/sandbox';
import { addCreditNote, CUSTOMERS, pairedItems } from './fixtures';

const base = { resource: 'creditNote', operation: 'getAll' };

describe('creditNote: getAll', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	describe('filters', () => {
		beforeEach(() => {
			addCreditNote(chaser, { credit_note_id: 'A', credit_note_number: 'CN-A', date: '2024-03-01T00:00:00.000Z' });
			addCreditNote(chaser, { credit_note_id: 'B', credit_note_number: 'CN-B', date: '2024-03-31T16:45:00.000Z' });
			addCreditNote(chaser, { credit_note_id: 'C', date: '2024-04-01T00:00:00.000Z' });
			addCreditNote(chaser, { credit_note_id: 'D', date: '2024-02-29T23:59:59.000Z' });
			addCreditNote(chaser, { credit_note_id: 'E', date: '2024-03-10', status: 'PAID', remaining_credit: 0 });
			addCreditNote(chaser, { credit_note_id: 'F', date: '2024-03-10', customer_external_id: 'CUST-00002' });
			addCreditNote(chaser, { credit_note_id: 'G', date: '2024-03-10', currency_code: 'EUR' });
		});

		it('sends status, date range, customer, currency and number as Chaser filters', async () => {
			const result = await chaser.run({
				parameters: {
					...base,
					filters: {
						status: 'ACTIVE',
						date_from: '2024-03-01',
						date_to: '2024-03-31',
						customer_external_id: 'CUST-00001',
						currency_code: 'gbp',
					},
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((output) => output.json.credit_note_id)).toEqual(['A', 'B']);
			expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
			expect(chaser.calls()).toEqual(['GET /v1/credit_notes']);
			// "Date To: 31 March" includes the whole of 31 March.
			expect(chaser.sandbox.requests[0].query).toEqual({
				'filter[currency_code][eq]': 'GBP',
				'filter[customer_external_id][eq]': 'CUST-00001',
				'filter[date][gte]': '2024-03-01T00:00:00.000Z',
				'filter[date][lte]': '2024-03-31T23:59:59.999Z',
				'filter[status][eq]': 'ACTIVE',
				page: '0',
				limit: '50',
			});
		});

		it('keeps a time given in Date To, and filters by credit note number', async () => {
			const byTime = await chaser.run({
				parameters: { ...base, returnAll: true, filters: { date_from: '2024-03-31T00:00:00Z', date_to: '2024-03-31T12:00:00Z' } },
			});
			expect(byTime.success).toEqual([]);
			expect(chaser.sandbox.requests[0].query).toMatchObject({
				'filter[date][gte]': '2024-03-31T00:00:00.000Z',
				'filter[date][lte]': '2024-03-31T12:00:00.000Z',
			});

			chaser.sandbox.clearLog();
			const byNumber = await chaser.run({ parameters: { ...base, filters: { credit_note_number: ' CN-B ' } } });
			expect(byNumber.success.map((output) => output.json.credit_note_id)).toEqual(['B']);
			expect(chaser.sandbox.requests[0].query).toEqual({ 'filter[credit_note_number][eq]': 'CN-B', page: '0', limit: '50' });
		});

		it('lists every credit note without filters, simplified unless Simplify is off', async () => {
			const simplified = await chaser.run({ parameters: { ...base, returnAll: true } });
			expect(simplified.success).toHaveLength(7);
			expect(Object.keys(simplified.success[0].json)).toEqual([
				'id',
				'credit_note_id',
				'credit_note_number',
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
				'"Date From" (2024-04-01T00:00:00.000Z) must be on or before "Date To" (2024-03-01T23:59:59.999Z) [item 0]',
			],
			[{ status: 'OPEN' }, '"Status" must be one of ACTIVE, AUTHORISED, DELETED, DRAFT, PAID, SUBMITTED, VOIDED, got "OPEN" [item 0]'],
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
				const errors =
					onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
				expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
					[{ item: 1 }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 1]'],
				]);
				const found = result.success.filter((output) => !output.json.error);
				expect(found.map((output) => [output.pairedItem, output.json.credit_note_id])).toEqual([
					[{ item: 0 }, 'F'],
					[{ item: 2 }, 'G'],
				]);
				expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2].map((index) => ({ item: index })));
				expect(chaser.calls()).toEqual(['GET /v1/credit_notes', 'GET /v1/credit_notes']);
			},
		);
	});

	describe('paging', () => {
		beforeEach(() => {
			chaser.sandbox.seed({ creditNotes: 250 });
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
