import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice } from './fixtures';

const getMany = { resource: 'invoice', operation: 'getAll' };

describe('invoice: getAll', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, 'CUST-2', 'Bravo Foods plc');
	});

	describe('paging', () => {
		beforeEach(() => {
			for (let n = 0; n < 250; n++) addInvoice(chaser.sandbox, `INV-${String(n).padStart(3, '0')}`);
			chaser.sandbox.clearLog();
		});

		const pages = () => chaser.sandbox.requests.map(({ query }) => query);

		it('returns every invoice with Return All, reading pages of 100', async () => {
			const result = await chaser.run({ parameters: { ...getMany, returnAll: true } });
			expect(result.error).toBeUndefined();
			expect(result.success).toHaveLength(250);
			expect(result.success[0].json.invoice_id).toBe('INV-000');
			expect(result.success[249].json.invoice_id).toBe('INV-249');
			expect(new Set(result.success.map((item) => item.json.invoice_id)).size).toBe(250);
			expect(result.success.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
			expect(chaser.calls()).toEqual(['GET /v1/invoices', 'GET /v1/invoices', 'GET /v1/invoices']);
			expect(pages()).toEqual([
				{ page: '0', limit: '100' },
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('asks for just the Limit when it fits in one page', async () => {
			const result = await chaser.run({ parameters: { ...getMany, returnAll: false, limit: 30 } });
			expect(result.success).toHaveLength(30);
			expect(result.success[29].json.invoice_id).toBe('INV-029');
			expect(pages()).toEqual([{ page: '0', limit: '30' }]);
		});

		it('reads pages of 100 and stops at the Limit when it is larger than a page', async () => {
			const result = await chaser.run({ parameters: { ...getMany, returnAll: false, limit: 150 } });
			expect(result.success).toHaveLength(150);
			expect(result.success[149].json.invoice_id).toBe('INV-149');
			expect(pages()).toEqual([
				{ page: '0', limit: '100' },
				{ page: '1', limit: '100' },
			]);
		});

		it('returns the summary fields unless Simplify is off', async () => {
			const simplified = await chaser.run({ parameters: { ...getMany, limit: 1 } });
			expect(Object.keys(simplified.success[0].json)).toEqual([
				'id',
				'invoice_id',
				'invoice_number',
				'customer_external_id',
				'customer_name',
				'status',
				'currency_code',
				'total',
				'amount_due',
				'due_date',
			]);
			const raw = await chaser.run({ parameters: { ...getMany, limit: 1, simplify: false } });
			expect(raw.success[0].json).toMatchObject({ amount_paid: 0, sub_total: 833.33, payments: [] });
		});
	});

	describe('filters', () => {
		beforeEach(() => {
			addInvoice(chaser.sandbox, 'A', { date: '2025-03-31T15:00:00.000Z', due_date: '2025-04-30T00:00:00.000Z', amount_due: 500, invoice_number: 'INV-A' });
			addInvoice(chaser.sandbox, 'B', { date: '2025-03-15T00:00:00.000Z', status: 'PAID', amount_due: 0, amount_paid: 1000 });
			addInvoice(chaser.sandbox, 'C', { date: '2025-04-01T00:00:00.000Z', customer_external_id: 'CUST-2', currency_code: 'EUR', amount_due: 700 });
			addInvoice(chaser.sandbox, 'D', { date: '2025-02-28T00:00:00.000Z', status: 'SUBMITTED', amount_due: 2000 });
			addInvoice(chaser.sandbox, 'E', { date: '2025-03-02T00:00:00.000Z', status: 'SUBMITTED', amount_due: 1500, due_date: '2025-05-01T00:00:00.000Z' });
			chaser.sandbox.clearLog();
		});

		it('sends every filter as filter[field][op] and gets back only the matching invoices', async () => {
			const result = await chaser.run({
				parameters: {
					...getMany,
					returnAll: true,
					filters: {
						status: ['AUTHORISED', 'SUBMITTED'],
						customer_external_id: { __rl: true, mode: 'list', value: 'CUST-1', cachedResultName: 'Acme (CUST-1)' },
						currency_code: 'gbp',
						date_from: '2025-03-01',
						date_to: '2025-03-31T00:00:00',
						amount_due_min: 100,
						amount_due_max: 1000,
					},
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((item) => item.json.invoice_id)).toEqual(['A']);
			expect(chaser.calls()).toEqual(['GET /v1/invoices']);
			expect(chaser.sandbox.requests[0].query).toEqual({
				'filter[status][in]': 'AUTHORISED,SUBMITTED',
				'filter[customer_external_id][eq]': 'CUST-1',
				'filter[currency_code][eq]': 'GBP',
				'filter[date][gte]': '2025-03-01T00:00:00.000Z',
				'filter[date][lte]': '2025-03-31T23:59:59.999Z',
				'filter[amount_due][gte]': '100',
				'filter[amount_due][lte]': '1000',
				page: '0',
				limit: '100',
			});
		});

		it('filters on due date range and invoice number', async () => {
			const due = await chaser.run({
				parameters: { ...getMany, returnAll: true, filters: { due_date_from: '2025-04-01', due_date_to: '2025-04-30' } },
			});
			expect(due.success.map((item) => item.json.invoice_id)).toEqual(['A']);
			expect(chaser.sandbox.requests[0].query).toMatchObject({
				'filter[due_date][gte]': '2025-04-01T00:00:00.000Z',
				'filter[due_date][lte]': '2025-04-30T23:59:59.999Z',
			});

			const byNumber = await chaser.run({ parameters: { ...getMany, limit: 5, filters: { invoice_number: ' INV-A ' } } });
			expect(byNumber.success.map((item) => item.json.invoice_id)).toEqual(['A']);
			expect(chaser.sandbox.requests[1].query).toEqual({ 'filter[invoice_number][eq]': 'INV-A', page: '0', limit: '5' });
		});

		it('returns nothing (no items) when no invoice matches', async () => {
			const result = await chaser.run({ parameters: { ...getMany, returnAll: true, filters: { customer_external_id: 'CUST-9' } } });
			expect(result.error).toBeUndefined();
			expect(result.success).toEqual([]);
		});

		it.each([
			[{ currency_code: 'pounds' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "pounds" [item 0]'],
			[{ date_from: 'last week' }, '"Date From" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "last week" [item 0]'],
			[{ amount_due_min: 'lots' }, '"Amount Due Min" must be a number, got "lots" [item 0]'],
			[
				{ due_date_from: '2025-04-01', due_date_to: '2025-03-31' },
				'"Due Date From" (2025-04-01) must be on or before "Due Date To" (2025-03-31) [item 0]',
			],
		])('rejects filter %j before sending anything', async (filters, message) => {
			const result = await chaser.run({ parameters: { ...getMany, returnAll: true, filters } });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(message);
			expect(chaser.calls()).toEqual([]);
		});

		it('runs once per input item and, when continuing on failure, pairs a bad item with its error', async () => {
			const result = await chaser.run({
				parameters: { ...getMany, returnAll: true, filters: { customer_external_id: '={{ $json.customer }}', currency_code: '={{ $json.currency }}' } },
				onError: 'continueRegularOutput',
				items: [
					{ customer: 'CUST-1', currency: 'GBP' },
					{ customer: 'CUST-2', currency: '££' },
					{ customer: 'CUST-2', currency: 'EUR' },
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((item) => [item.json.invoice_id ?? 'error', item.pairedItem])).toEqual([
				['A', { item: 0 }],
				['B', { item: 0 }],
				['D', { item: 0 }],
				['E', { item: 0 }],
				['error', { item: 1 }],
				['C', { item: 2 }],
			]);
			expect(chaser.calls()).toEqual(['GET /v1/invoices', 'GET /v1/invoices']);
		});
	});
});
