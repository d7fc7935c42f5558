import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, invoiceIn } from './fixtures';

const byInvoiceId = (value: string) => ({ __rl: true, mode: 'externalId', value });

describe('invoice: update', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, 'CUST-2', 'Bravo Foods plc');
		addInvoice(chaser.sandbox, 'INV-1', { payments: [{ amount: 100, date: '2025-01-15T09:00:00.000Z' }], amount_paid: 100, amount_due: 900 });
		addInvoice(chaser.sandbox, 'INV-2');
		chaser.sandbox.clearLog();
	});

	it('sends only the fields set, with the full payments list, and returns the updated invoice', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'invoice',
				operation: 'update',
				invoice: byInvoiceId('={{ $json.id }}'),
				updateFields: {
					payments: {
						payment: [
							{ amount: 100, date: '2025-01-15T09:00:00Z' },
							{ amount: '={{ $json.paid }}', date: '2025-02-01' },
						],
					},
					amount_paid: '={{ 100 + $json.paid }}',
					amount_due: '={{ 900 - $json.paid }}',
					due_date: '2025-03-01',
					currency_code: 'gbp',
				},
			},
			items: [{ id: 'INV-1', paid: 250.5 }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/invoices/ext_INV-1']);
		expect(chaser.sandbox.requests[0].body).toEqual({
			payments: [
				{ amount: 100, date: '2025-01-15T00:00:00.000Z' },
				{ amount: 250.5, date: '2025-02-01T00:00:00.000Z' },
			],
			amount_paid: 350.5,
			amount_due: 649.5,
			due_date: '2025-03-01T00:00:00.000Z',
			currency_code: 'GBP',
		});
		expect(result.success[0].json).toMatchObject({ invoice_id: 'INV-1', amount_due: 649.5, amount_paid: 350.5, status: 'AUTHORISED' });
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(invoiceIn(chaser.sandbox, 'INV-1').payments).toEqual([
			{ amount: 100, date: '2025-01-15T00:00:00.000Z' },
			{ amount: 250.5, date: '2025-02-01T00:00:00.000Z' },
		]);
	});

	it('updates status, numbers, customer and renames the invoice ID, addressed by Chaser ID', async () => {
		const stored = invoiceIn(chaser.sandbox, 'INV-2');
		const result = await chaser.run({
			parameters: {
				resource: 'invoice',
				operation: 'update',
				invoice: { __rl: true, mode: 'id', value: stored.id },
				updateFields: {
					status: 'VOIDED',
					invoice_number: 'INV-2-R',
					invoice_id: 'INV-2B',
					customer_external_id: { __rl: true, mode: 'externalId', value: 'CUST-2' },
					total: 0,
					sub_total: 0,
					amount_due: 0,
					fully_paid_date: '2025-04-01T12:00:00Z',
					date: '2025-01-11',
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`PUT /v1/invoices/${stored.id}`]);
		expect(result.success[0].json).toMatchObject({
			id: stored.id,
			invoice_id: 'INV-2B',
			invoice_number: 'INV-2-R',
			status: 'VOIDED',
			customer_name: 'Bravo Foods plc',
			total: 0,
			fully_paid_date: '2025-04-01T00:00:00.000Z',
		});
		expect(chaser.sandbox.findInvoice('INV-2')).toBeUndefined();
		expect(chaser.sandbox.findInvoice('INV-2B')).toMatchObject({ customer_external_id: 'CUST-2', date: '2025-01-11T00:00:00.000Z' });
	});

	it.each([
		[{}, '"Update Fields"', 'Set at least one field in "Update Fields" [item 0]'],
		[{ amount_paid: -1 }, 'negative', '"Amount Paid" must be at least 0, got -1 [item 0]'],
		[{ payments: { payment: [{ amount: 0, date: '2025-02-01' }] } }, 'payment', '"Payments > Payment 1 > Amount" must be greater than 0, got 0 [item 0]'],
		[{ payments: { payment: [{ amount: 10, date: '' }] } }, 'payment date', '"Payments > Payment 1 > Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got nothing [item 0]'],
		[{ currency_code: 'STERLING' }, 'currency', '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "STERLING" [item 0]'],
		[{ total: 500, amount_paid: 600 }, 'paid above total', '"Amount Paid" (600.00) cannot be more than "Total" (500.00) [item 0]'],
		[
			{ total: 500, amount_due: 400, amount_paid: 200, currency_code: 'EUR' },
			'due and paid above total',
			'"Amount Due" (EUR 400.00) and "Amount Paid" (EUR 200.00) add up to more than "Total" (EUR 500.00) [item 0]',
		],
		[{ status: 'PAID', amount_due: 10 }, 'paid with something due', '"Status" is Paid but 10.00 is still due [item 0]'],
	])('rejects %j (%s) before sending anything', async (updateFields, _what, message) => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'update', invoice: byInvoiceId('INV-1'), updateFields },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('changes only the amounts it is given, checking only those against each other', async () => {
		// Amount Due alone is not checked against the stored Total: Update reads nothing first.
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'update', invoice: byInvoiceId('INV-1'), updateFields: { amount_due: 500, status: 'AUTHORISED' } },
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/invoices/ext_INV-1']);
		// An Authorised invoice has no paid date: a stale one (from when it was Paid) is cleared.
		expect(chaser.sandbox.requests[0].body).toEqual({ amount_due: 500, status: 'AUTHORISED', fully_paid_date: null });
	});

	it('says which invoice does not exist', async () => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'update', invoice: byInvoiceId('INV-404'), updateFields: { total: 5 } },
		});
		expect(result.error?.message).toBe("No invoice with invoice ID 'INV-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['PUT /v1/invoices/ext_INV-404']);
	});

	it('continues past bad items when set to, one paired item each', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'invoice',
				operation: 'update',
				invoice: byInvoiceId('={{ $json.id }}'),
				updateFields: { invoice_number: '={{ $json.number }}', customer_external_id: '={{ $json.customer }}' },
			},
			onError: 'continueErrorOutput',
			items: [
				{ id: 'INV-1', number: 'X-1', customer: 'CUST-2' },
				{ id: 'INV-404', number: 'X-404', customer: 'CUST-1' },
				{ id: 'INV-2', number: 'X-2', customer: 'CUST-404' },
				{ id: 'INV-2', number: 'X-2', customer: 'CUST-1' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_number, item.pairedItem])).toEqual([
			['X-1', { item: 0 }],
			['X-2', { item: 3 }],
		]);
		expect(result.errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			["No invoice with invoice ID 'INV-404' exists in Chaser", { item: 1 }],
			[expect.stringContaining('customer not found: CUST-404'), { item: 2 }],
		]);
		expect(chaser.calls()).toHaveLength(4);
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ invoice_number: 'X-1', customer_external_id: 'CUST-2' });
	});
});
