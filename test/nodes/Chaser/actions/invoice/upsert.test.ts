import type { IDataObject } from 'n8n-workflow';

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
		// Inserted and updated records have the same keys: id is null for a record that already existed.
		expect(updated).toMatchObject({ invoice_id: 'INV-1', amount_due: 400, id: null, created: false });
		expect(inserted).toMatchObject({ invoice_id: 'INV-NEW', id: invoiceIn(chaser.sandbox, 'INV-NEW').id, created: true });
		expect(Object.keys(updated).sort()).toEqual(Object.keys(inserted).sort());
		expect(rejected).toMatchObject({
			id: 'INV-BAD',
			customer: 'CUST-404',
			error: "Chaser rejected item 2, invoice ID 'INV-BAD': customer_external_id references an unknown customer: CUST-404",
		});
		expect(invalid.error).toBe('"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XX" [item 3]');
		expect(inserted2).toMatchObject({ invoice_id: 'INV-NEW2', id: expect.stringMatching(/^inv_/) });

		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ id: existing.id, amount_due: 400, amount_paid: 600 });
		expect(chaser.sandbox.findInvoice('INV-NEW2')).toMatchObject({ customer_external_id: 'CUST-2', currency_code: 'EUR' });
		expect(chaser.sandbox.findInvoice('INV-BAD')).toBeUndefined();
		expect(chaser.sandbox.count('invoices')).toBe(3);
	});

	it('names a rejected row by its input item and invoice ID, not by its place in a split batch', async () => {
		const items = Array.from({ length: 15 }, (_, n) => invoiceItem(`B-${n}`, n === 12 ? { customer: 'CUST-404' } : {}));
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { options: { useBulk: true, batchSize: 5 } }),
			items,
			onError: 'continueErrorOutput',
		});
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 12 }, "Chaser rejected item 12, invoice ID 'B-12': customer_external_id references an unknown customer: CUST-404"],
		]);
		expect(result.success).toHaveLength(14);
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
			expect.objectContaining({ invoice_id: 'INV-1', amount_due: 10, customer_name: 'Acme Trading Ltd', created: false }),
			expect.objectContaining({ invoice_id: 'INV-4', id: expect.stringMatching(/^inv_/), created_at: expect.any(String), created: true }),
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

describe('invoice: upsert, an invoice that already has payments', () => {
	const chaser = useSandbox();
	const PAYMENT = { amount: 500, date: '2025-03-10T00:00:00.000Z' };
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		// £1,000.00, half paid.
		addInvoice(chaser.sandbox, 'PART', { payments: [PAYMENT], amount_paid: 500, amount_due: 500 });
		// £1,000.00 with £300.00 of credit applied and £200.00 paid.
		addInvoice(chaser.sandbox, 'CREDITED', { payments: [{ amount: 200, date: PAYMENT.date }], amount_paid: 200, amount_due: 500 });
		addInvoice(chaser.sandbox, 'SETTLED', {
			payments: [{ amount: 1000, date: PAYMENT.date }],
			amount_paid: 1000,
			amount_due: 0,
			status: 'PAID',
			fully_paid_date: PAYMENT.date,
		});
		chaser.sandbox.clearLog();
	});

	const resent = (id: string, total = 1000) => invoiceItem(id, { total, due: undefined, paid: undefined });
	const sentEntries = () => (chaser.sandbox.requests.find((request) => request.method === 'PUT')?.body as { entries: IDataObject[] }).entries;

	it('keeps what it has paid and works out what is due, with one read per batch', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			items: [resent('PART'), resent('CREDITED'), resent('SETTLED'), resent('NEW'), resent('PART-RAISED', 1500)].map((item, n) =>
				n === 4 ? { ...item, id: 'PART' } : item,
			),
		});
		expect(result.error).toBeUndefined();
		// The same invoice twice: the second row goes in a second batch, read again after the first was written.
		expect(chaser.calls()).toEqual(['GET /v1/invoices', 'PUT /v1/bulk/invoices', 'GET /v1/invoices', 'PUT /v1/bulk/invoices']);
		expect(chaser.sandbox.requests[0].query).toMatchObject({ 'filter[invoice_id][in]': 'PART,CREDITED,SETTLED,NEW' });
		expect(sentEntries().map(({ invoice_id, amount_paid, amount_due, status }) => ({ invoice_id, amount_paid, amount_due, status }))).toEqual([
			{ invoice_id: 'PART', amount_paid: 500, amount_due: 500, status: 'AUTHORISED' },
			{ invoice_id: 'CREDITED', amount_paid: 200, amount_due: 500, status: 'AUTHORISED' },
			{ invoice_id: 'SETTLED', amount_paid: 1000, amount_due: 0, status: 'PAID' },
			{ invoice_id: 'NEW', amount_paid: 0, amount_due: 1000, status: 'AUTHORISED' },
		]);
		// The deal grew to £1,500.00: £500.00 paid, so £1,000.00 is due.
		expect(invoiceIn(chaser.sandbox, 'PART')).toMatchObject({ total: 1500, amount_paid: 500, amount_due: 1000, payments: [PAYMENT] });
		expect(invoiceIn(chaser.sandbox, 'SETTLED')).toMatchObject({ status: 'PAID', amount_due: 0, fully_paid_date: PAYMENT.date });
		expect(result.success.map((item) => [item.json.invoice_id, item.json.created])).toEqual([
			['PART', false],
			['CREDITED', false],
			['SETTLED', false],
			['NEW', true],
			['PART', false],
		]);
	});

	it('replaces the amounts when the item gives them, and then reads nothing', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			items: [invoiceItem('PART', { total: 1000, due: 1000, paid: 0 })],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/invoices']);
		expect(invoiceIn(chaser.sandbox, 'PART')).toMatchObject({ amount_paid: 0, amount_due: 1000 });
	});

	it('refuses a Total below what the invoice has already been paid, naming the item', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			items: [resent('NEW'), resent('PART', 400), resent('CREDITED', 450)],
			onError: 'continueErrorOutput',
		});
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, '"Amount Paid" (GBP 500.00, already paid on this invoice in Chaser) cannot be more than "Total" (GBP 400.00) [item 1]'],
			[{ item: 2 }, '"Total" (GBP 450.00) is less than what has been paid and credited on this invoice in Chaser (GBP 500.00) [item 2]'],
		]);
		expect(chaser.calls()).toEqual(['GET /v1/invoices', 'PUT /v1/bulk/invoices']);
		expect(sentEntries().map((entry) => entry.invoice_id)).toEqual(['NEW']);
		expect(invoiceIn(chaser.sandbox, 'PART')).toMatchObject({ total: 1000, amount_paid: 500 });
	});

	it('one item at a time: reads the invoice, then updates it or creates it', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { options: { useBulk: false } }),
			items: [resent('PART', 1500), resent('NEW'), invoiceItem('CREDITED', { due: 0, paid: 700 })],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([
			'GET /v1/invoices/ext_PART',
			'PUT /v1/invoices/ext_PART',
			'GET /v1/invoices/ext_NEW',
			'POST /v1/invoices',
			// Given as settled, it goes out Paid: read first, for the paid date (the stored one, or its last payment's).
			'GET /v1/invoices/ext_CREDITED',
			'PUT /v1/invoices/ext_CREDITED',
		]);
		expect(result.success.map((item) => [item.json.invoice_id, item.json.amount_paid, item.json.amount_due, item.json.status, item.json.created])).toEqual([
			['PART', 500, 1000, 'AUTHORISED', false],
			['NEW', 0, 1000, 'AUTHORISED', true],
			['CREDITED', 700, 0, 'PAID', false],
		]);
	});

	it.each([true, false])(
		'keeps payments, amount paid and amount due in agreement through deal won, payment, deal won again, payment (bulk: %s)',
		async (useBulk) => {
			const dealWon = async () =>
				await chaser.run({ parameters: newInvoiceParameters('upsert', { options: { useBulk } }), items: [resent('DEAL-1')] });
			const payment = async (amount: number, date: string) =>
				await chaser.run({
					parameters: {
						resource: 'invoice',
						operation: 'recordPayment',
						invoice: { __rl: true, mode: 'externalId', value: 'DEAL-1' },
						amount,
						paymentDate: date,
					},
				});
			const agree = () => {
				const invoice = invoiceIn(chaser.sandbox, 'DEAL-1');
				const paid = (invoice.payments as Array<{ amount: number }>).reduce((sum, { amount }) => sum + amount, 0);
				expect(invoice.amount_paid).toBe(paid);
				expect((invoice.amount_due as number) + paid).toBe(invoice.total);
				return invoice;
			};
			for (const step of [dealWon, () => payment(500, '2025-03-10'), dealWon, () => payment(300, '2025-03-20'), dealWon]) {
				expect((await step()).error).toBeUndefined();
				agree();
			}
			expect(agree()).toMatchObject({ amount_paid: 800, amount_due: 200, status: 'AUTHORISED' });
			expect((await payment(200, '2025-03-30')).error).toBeUndefined();
			expect((await dealWon()).error).toBeUndefined();
			expect(agree()).toMatchObject({ amount_paid: 1000, amount_due: 0, status: 'PAID', fully_paid_date: '2025-03-30T00:00:00.000Z' });
		},
	);

	it('reads an invoice ID with a comma in it on its own, as the list filter cannot hold it', async () => {
		addInvoice(chaser.sandbox, 'A,B', { payments: [PAYMENT], amount_paid: 500, amount_due: 500 });
		chaser.sandbox.clearLog();
		const result = await chaser.run({ parameters: newInvoiceParameters('upsert'), items: [resent('A,B'), resent('PART')] });
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['GET /v1/invoices', `GET /v1/invoices/ext_${encodeURIComponent('A,B')}`, 'PUT /v1/bulk/invoices']);
		expect(invoiceIn(chaser.sandbox, 'A,B')).toMatchObject({ amount_paid: 500, amount_due: 500 });
	});
});
