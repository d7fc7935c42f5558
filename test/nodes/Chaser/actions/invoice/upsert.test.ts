import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, customerIn, invoiceIn, invoiceItem, newInvoiceParameters } from './fixtures';

describe('invoice: upsert', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, 'CUST-2', 'Bravo Foods plc');
		addInvoice(chaser.sandbox, 'INV-1', { amount_due: 1000 });
		chaser.sandbox.clearLog();
	});

	it('updates and inserts through the bulk endpoint; a rejected entry fails only its own item', async () => {
		const existing = invoiceIn(chaser.sandbox, 'INV-1');
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			onError: 'continueRegularOutput',
			items: [
				invoiceItem('INV-1', { total: 1000, due: 400, paid: 600 }),
				invoiceItem('INV-NEW'),
				invoiceItem('INV-BAD', { customer: 'CUST-404' }),
				invoiceItem('INV-LOCAL', { currency: 'XX' }),
				invoiceItem('INV-NEW2', { customer: 'CUST-2', currency: 'EUR' }),
			],
		});
		expect(result.error).toBeUndefined();
		// The batch was refused for entry 2 alone; the rest went again. Item 3 never left n8n.
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/invoices', 'PUT /v1/bulk/invoices']);
		const sent = (index: number) =>
			(chaser.sandbox.requests[index].body as { entries: Array<{ invoice_id: string }> }).entries.map((entry) => entry.invoice_id);
		expect(sent(0)).toEqual(['INV-1', 'INV-NEW', 'INV-BAD', 'INV-NEW2']);
		expect(sent(1)).toEqual(['INV-1', 'INV-NEW', 'INV-NEW2']);
		expect(chaser.sandbox.requests[1].body).toMatchObject({
			entries: [
				{
					invoice_id: 'INV-1',
					invoice_number: 'N-INV-1',
					customer_external_id: 'CUST-1',
					status: 'AUTHORISED',
					currency_code: 'GBP',
					total: 1000,
					amount_due: 400,
					amount_paid: 600,
					date: '2025-03-01T00:00:00.000Z',
					due_date: '2025-03-31T00:00:00.000Z',
				},
				{ invoice_id: 'INV-NEW' },
				{ invoice_id: 'INV-NEW2', currency_code: 'EUR' },
			],
		});

		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
		const [updated, inserted, rejected, invalid, inserted2] = result.success.map((item) => item.json);
		expect(updated).toMatchObject({ invoice_id: 'INV-1', amount_due: 400 });
		expect(inserted).toMatchObject({ invoice_id: 'INV-NEW', id: invoiceIn(chaser.sandbox, 'INV-NEW').id });
		expect(rejected.error).toContain('references an unknown customer: CUST-404');
		expect(invalid.error).toBe('"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XX" [item 3]');
		expect(inserted2).toMatchObject({ invoice_id: 'INV-NEW2', id: expect.stringMatching(/^inv_/) });

		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ id: existing.id, amount_due: 400, amount_paid: 600 });
		expect(chaser.sandbox.findInvoice('INV-NEW2')).toMatchObject({ customer_external_id: 'CUST-2', currency_code: 'EUR' });
		expect(chaser.sandbox.findInvoice('INV-BAD')).toBeUndefined();
		expect(chaser.sandbox.count('invoices')).toBe(3);
	});

	it('splits large runs into batches of the chosen size', async () => {
		const items = Array.from({ length: 5 }, (_, n) => invoiceItem(`B-${n}`));
		// Batch Size is shown (and read) only once "Use Bulk Endpoint" is in the options.
		const options = { useBulk: true, batchSize: 2 };
		const result = await chaser.run({ parameters: newInvoiceParameters('upsert', { options }), items });
		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(5);
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/invoices', 'PUT /v1/bulk/invoices', 'PUT /v1/bulk/invoices']);
		expect(chaser.sandbox.requests.map(({ body }) => (body as { entries: unknown[] }).entries.length)).toEqual([2, 2, 1]);
		expect(chaser.sandbox.count('invoices')).toBe(6);
	});

	it('looks up a customer given by Chaser ID (one request per item) and no one else', async () => {
		const customer = customerIn(chaser.sandbox, 'CUST-2');
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { customer: { __rl: true, mode: 'id', value: customer.id } }),
			items: [invoiceItem('INV-1'), invoiceItem('INV-3')],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`GET /v1/customers/${customer.id}`, `GET /v1/customers/${customer.id}`, 'PUT /v1/bulk/invoices']);
		expect(invoiceIn(chaser.sandbox, 'INV-1').customer_external_id).toBe('CUST-2');
		expect(invoiceIn(chaser.sandbox, 'INV-3').customer_external_id).toBe('CUST-2');
	});

	it('one item at a time without the bulk endpoint: PUT, and POST when the invoice is new', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { options: { useBulk: false } }),
			items: [invoiceItem('INV-1', { due: 10, paid: 1190 }), invoiceItem('INV-4')],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/invoices/ext_INV-1', 'PUT /v1/invoices/ext_INV-4', 'POST /v1/invoices']);
		expect(result.success.map((item) => item.json)).toEqual([
			expect.objectContaining({ invoice_id: 'INV-1', amount_due: 10, customer_name: 'Acme Trading Ltd' }),
			expect.objectContaining({ invoice_id: 'INV-4', id: expect.stringMatching(/^inv_/), created_at: expect.any(String) }),
		]);
	});

	it('validates every item before sending anything when not continuing on failure', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			items: [invoiceItem('INV-5'), invoiceItem('INV-6', { date: 'yesterday' })],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "yesterday" [item 1]');
		expect(chaser.calls()).toEqual([]);
		expect(chaser.sandbox.count('invoices')).toBe(1);
	});
});
