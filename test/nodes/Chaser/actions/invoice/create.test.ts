import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, customerIn, invoiceIn, invoiceItem, newInvoiceParameters } from './fixtures';

describe('invoice: create', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, 'CUST-2', 'Bravo Foods plc');
		chaser.sandbox.clearLog();
	});

	it("creates one invoice per item from the item's fields, paired with its item", async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [
				invoiceItem('INV-1', { total: 1200, due: 1200, paid: 0 }),
				invoiceItem('INV-2', { customer: 'CUST-2', currency: 'eur', total: 99.9, due: 49.9, paid: 50 }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: expect.stringMatching(/^inv_/),
				invoice_id: 'INV-1',
				customer_external_id: 'CUST-1',
				customer_name: 'Acme Trading Ltd',
				amount_due: 1200,
			}),
			expect.objectContaining({ invoice_id: 'INV-2', customer_name: 'Bravo Foods plc', currency_code: 'EUR' }),
		]);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['POST /v1/invoices', 'POST /v1/invoices']);
		expect(chaser.sandbox.requests[1].body).toEqual({
			invoice_id: 'INV-2',
			invoice_number: 'N-INV-2',
			customer_external_id: 'CUST-2',
			status: 'AUTHORISED',
			currency_code: 'EUR',
			total: 99.9,
			amount_due: 49.9,
			amount_paid: 50,
			date: '2025-03-01T00:00:00.000Z',
			due_date: '2025-03-31T00:00:00.000Z',
		});
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ total: 1200, amount_paid: 0, status: 'AUTHORISED' });
		expect(chaser.sandbox.findInvoice('INV-2')).toMatchObject({ amount_due: 49.9, currency_code: 'EUR' });
	});

	it('sends the additional fields and resolves a customer picked by Chaser ID to its external ID', async () => {
		const customer = customerIn(chaser.sandbox, 'CUST-2');
		const result = await chaser.run({
			parameters: newInvoiceParameters('create', {
				customer: { __rl: true, mode: 'id', value: customer.id },
				status: 'PAID',
				additionalFields: {
					sub_total: 1000,
					fully_paid_date: '2025-03-20T10:30:00',
					payments: {
						payment: [
							{ amount: 700, date: '2025-03-10' },
							{ amount: 500, date: '2025-03-20T10:30:00Z' },
						],
					},
				},
			}),
			items: [invoiceItem('INV-9', { due: 0, paid: 1200 })],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`GET /v1/customers/${customer.id}`, 'POST /v1/invoices']);
		expect(chaser.sandbox.requests[1].body).toMatchObject({
			customer_external_id: 'CUST-2',
			status: 'PAID',
			sub_total: 1000,
			fully_paid_date: '2025-03-20T10:30:00.000Z',
			payments: [
				{ amount: 700, date: '2025-03-10T00:00:00.000Z' },
				{ amount: 500, date: '2025-03-20T10:30:00.000Z' },
			],
		});
		expect(result.success[0].json).toMatchObject({ invoice_id: 'INV-9', status: 'PAID', amount_due: 0 });
		expect(invoiceIn(chaser.sandbox, 'INV-9').payments).toHaveLength(2);
	});

	it.each([
		[{ currency: 'POUNDS' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "POUNDS" [item 0]'],
		[{ number: ' ' }, '"Invoice Number" is required [item 0]'],
		[{ id: '' }, '"Invoice ID" is required [item 0]'],
		[{ due: -5 }, '"Amount Due" must be at least 0, got -5 [item 0]'],
		[{ total: 'twelve' }, '"Total" must be a number, got "twelve" [item 0]'],
		[{ total: '0x1A' }, '"Total" must be a number, got "0x1A" [item 0]'],
		[{ total: '1e3' }, '"Total" must be a number, got "1e3" [item 0]'],
		[{ dueDate: '31/03/2025' }, '"Due Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "31/03/2025" [item 0]'],
		[{ customer: '' }, '"Customer" is required [item 0]'],
	])('rejects %j before sending anything', async (fields, message) => {
		const result = await chaser.run({ parameters: newInvoiceParameters('create'), items: [invoiceItem('INV-1', fields)] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
		expect(chaser.sandbox.count('invoices')).toBe(0);
	});

	it('accepts amounts that arrive as decimal text, as they do from spreadsheets and CSV files', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [invoiceItem('INV-1', { total: '1200.50', due: ' 1200.50 ', paid: '0' })],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ total: 1200.5, amount_due: 1200.5, amount_paid: 0 });
	});

	it('says which customer is unknown', async () => {
		const byChaserId = await chaser.run({
			parameters: newInvoiceParameters('create', { customer: { __rl: true, mode: 'id', value: 'cus_missing' } }),
			items: [invoiceItem('INV-1')],
		});
		expect(byChaserId.error?.message).toBe("No customer with Chaser ID 'cus_missing' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/customers/cus_missing']);

		chaser.sandbox.clearLog();
		const byExternalId = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [invoiceItem('INV-1', { customer: 'CUST-404' })],
		});
		expect(byExternalId.error?.message).toContain('customer not found: CUST-404');
		expect(chaser.calls()).toEqual(['POST /v1/invoices']);
		expect(chaser.sandbox.count('invoices')).toBe(0);
	});

	it('continues past bad items when set to, accounting for every item', async () => {
		addInvoice(chaser.sandbox, 'INV-TAKEN');
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			onError: 'continueErrorOutput',
			items: [
				invoiceItem('INV-1'),
				invoiceItem('INV-2', { currency: 'XX' }),
				invoiceItem('INV-TAKEN'),
				invoiceItem('INV-3', { customer: 'CUST-2' }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_id, item.pairedItem])).toEqual([
			['INV-1', { item: 0 }],
			['INV-3', { item: 3 }],
		]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(result.errorOutput[0].json.error).toContain('"Currency Code" must be an ISO 4217 currency code');
		expect(result.errorOutput[1].json.error).toContain('invoice_id already exists');
		expect(chaser.calls()).toEqual(['POST /v1/invoices', 'POST /v1/invoices', 'POST /v1/invoices']);
		expect(chaser.sandbox.count('invoices')).toBe(3);
	});
	it('rejects dates that do not exist instead of rolling them into the next month or day', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			onError: 'continueRegularOutput',
			items: [
				invoiceItem('INV-1', { dueDate: '2025-02-30' }),
				invoiceItem('INV-2', { date: '2025-04-31T10:00:00Z' }),
				invoiceItem('INV-3', { dueDate: '2025-03-31T24:00:00Z' }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, '"Due Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "2025-02-30" [item 0]'],
			[
				{ item: 1 },
				'"Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "2025-04-31T10:00:00Z" [item 1]',
			],
			[
				{ item: 2 },
				'"Due Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "2025-03-31T24:00:00Z" [item 2]',
			],
		]);
		expect(chaser.calls()).toEqual([]);

		const leapDay = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [invoiceItem('INV-4', { date: '2024-02-29', dueDate: '2024-03-31 23:59:59' })],
		});
		expect(leapDay.error).toBeUndefined();
		expect(chaser.sandbox.findInvoice('INV-4')).toMatchObject({
			date: '2024-02-29T00:00:00.000Z',
			due_date: '2024-03-31T23:59:59.000Z',
		});
	});
});
