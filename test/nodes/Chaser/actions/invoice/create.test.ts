import type { IDataObject } from 'n8n-workflow';

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
			fully_paid_date: '2025-03-20T00:00:00.000Z',
			payments: [
				{ amount: 700, date: '2025-03-10T00:00:00.000Z' },
				{ amount: 500, date: '2025-03-20T00:00:00.000Z' },
			],
		});
		expect(result.success[0].json).toMatchObject({ invoice_id: 'INV-9', status: 'PAID', amount_due: 0 });
		expect(invoiceIn(chaser.sandbox, 'INV-9').payments).toHaveLength(2);
	});

	it.each([
		[{ currency: 'POUNDS' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "POUNDS" [item 0]'],
		[{ number: ' ' }, '"Invoice Number" is required [item 0]'],
		[{ id: '' }, '"Invoice ID" is required [item 0]'],
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
			due_date: '2024-03-31T00:00:00.000Z',
		});
	});
});

describe('invoice: create, calendar dates', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		chaser.sandbox.clearLog();
	});

	/** Sydney's midnight starting 26 November 2026, picked in each way a workflow can give it. */
	const sameDay = {
		date: `={{ {
			luxon: DateTime.fromISO('2026-11-26T00:00:00', { zone: 'Australia/Sydney' }),
			jsDate: new Date('2026-11-25T13:00:00Z'),
		}[$json.form] ?? $json.date }}`,
	};

	it.each(['Australia/Sydney', 'America/New_York'])(
		'keeps the date the user picked, whichever way it was picked (workflow time zone %s)',
		async (timezone) => {
			const forms = [
				{ form: 'date', date: '2026-11-26' },
				{ form: 'picker', date: '2026-11-26T00:00:00' },
				{ form: 'offset', date: '2026-11-26T00:00:00.000+11:00' },
				{ form: 'midnightUtc', date: '2026-11-26T00:00:00.000Z' },
				{ form: 'luxon' },
			];
			const result = await chaser.run({
				parameters: newInvoiceParameters('create', sameDay),
				items: forms.map((form, n) => invoiceItem(`INV-${n}`, form)),
				timezone,
			});
			expect(result.error).toBeUndefined();
			expect(chaser.sandbox.requests.map((request) => (request.body as { date: string }).date)).toEqual(
				Array(forms.length).fill('2026-11-26T00:00:00.000Z'),
			);
		},
	);

	it("reads an instant (a JS Date, a UTC time that is not midnight) in the workflow's time zone", async () => {
		const items = [invoiceItem('INV-D', { form: 'jsDate' }), invoiceItem('INV-U', { date: '2026-11-25T13:00:00Z' })];
		await chaser.run({ parameters: newInvoiceParameters('create', sameDay), items, timezone: 'Australia/Sydney' });
		await chaser.run({
			parameters: newInvoiceParameters('create', sameDay),
			items: items.map((item) => ({ ...item, id: `${String(item.id)}-NY` })),
			timezone: 'America/New_York',
		});
		const sent = chaser.sandbox.requests.map(({ body }) => body as { invoice_id: string; date: string });
		expect(Object.fromEntries(sent.map((body) => [body.invoice_id, body.date]))).toEqual({
			'INV-D': '2026-11-26T00:00:00.000Z',
			'INV-U': '2026-11-26T00:00:00.000Z',
			'INV-D-NY': '2026-11-25T00:00:00.000Z',
			'INV-U-NY': '2026-11-25T00:00:00.000Z',
		});
	});

	it.each(['Australia/Sydney', 'America/New_York', 'Pacific/Kiritimati'])(
		'sends {{ $today }} and {{ $today.plus(30, "days") }} as the dates the expressions show (%s)',
		async (timezone) => {
			const result = await chaser.run({
				parameters: newInvoiceParameters('create', {
					date: '={{ $today }}',
					dueDate: "={{ $today.plus(30, 'days') }}",
					// What the expression editor shows for the same values, evaluated in the same run.
					invoiceNumber: "={{ $today.toISODate() + ' ' + $today.plus(30, 'days').toISODate() }}",
				}),
				items: [invoiceItem('INV-T')],
				timezone,
			});
			expect(result.error).toBeUndefined();
			const sent = chaser.sandbox.requests[0].body as { date: string; due_date: string; invoice_number: string };
			const [today, dueDay] = sent.invoice_number.split(' ');
			expect(sent.date).toBe(`${today}T00:00:00.000Z`);
			expect(sent.due_date).toBe(`${dueDay}T00:00:00.000Z`);
		},
	);
});

describe('invoice: create, amounts', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		chaser.sandbox.clearLog();
	});

	const amountsSent = () =>
		chaser.sandbox.requests.map(({ body }) => {
			const { total, amount_paid, amount_due, status } = body as Record<string, unknown>;
			return { total, amount_paid, amount_due, status };
		});

	it('works out what is left empty: Amount Paid 0 (or the sum of Payments), Amount Due the rest of Total', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [
				invoiceItem('INV-1', { due: undefined, paid: undefined }),
				invoiceItem('INV-2', { total: 100.1, due: undefined, paid: 0.2 }),
				invoiceItem('INV-3', { due: 700, paid: undefined }),
				invoiceItem('INV-4', { currency: 'JPY', total: 1000, due: undefined, paid: 333 }),
			],
		});
		const withPayments = await chaser.run({
			parameters: newInvoiceParameters('create', {
				additionalFields: {
					payments: { payment: [{ amount: 250.5, date: '2025-03-05' }, { amount: 100, date: '2025-03-06' }] },
				},
			}),
			items: [invoiceItem('INV-5', { total: 1000, due: undefined, paid: undefined })],
		});
		expect(result.error).toBeUndefined();
		expect(withPayments.error).toBeUndefined();
		expect(amountsSent()).toEqual([
			{ total: 1200, amount_paid: 0, amount_due: 1200, status: 'AUTHORISED' },
			// Rounded to the currency's minor unit: 99.9, not 99.89999999999999.
			{ total: 100.1, amount_paid: 0.2, amount_due: 99.9, status: 'AUTHORISED' },
			// Amount Due given below Total with nothing paid: the rest is credit applied.
			{ total: 1200, amount_paid: 0, amount_due: 700, status: 'AUTHORISED' },
			{ total: 1000, amount_paid: 333, amount_due: 667, status: 'AUTHORISED' },
			{ total: 1000, amount_paid: 350.5, amount_due: 649.5, status: 'AUTHORISED' },
		]);
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ amount_due: 1200, amount_paid: 0 });
	});

	it('saves an Authorised invoice with nothing left due and something paid as Paid', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [invoiceItem('INV-1', { due: undefined, paid: 1200 }), invoiceItem('INV-2', { due: 0, paid: 0 })],
		});
		expect(result.error).toBeUndefined();
		expect(amountsSent()).toEqual([
			{ total: 1200, amount_paid: 1200, amount_due: 0, status: 'PAID' },
			// Nothing paid and nothing due (fully credited): the status stays as given.
			{ total: 1200, amount_paid: 0, amount_due: 0, status: 'AUTHORISED' },
		]);
	});

	it.each([
		[{ total: -10 }, '"Total" must be at least 0, got -10 [item 0]'],
		[{ paid: -1 }, '"Amount Paid" must be at least 0, got -1 [item 0]'],
		[{ due: -0.01 }, '"Amount Due" must be at least 0, got -0.01 [item 0]'],
		[{ due: undefined, paid: 1500 }, '"Amount Paid" (GBP 1,500.00) cannot be more than "Total" (GBP 1,200.00) [item 0]'],
		[{ due: 1300, paid: undefined }, '"Amount Due" (GBP 1,300.00) cannot be more than "Total" (GBP 1,200.00) [item 0]'],
		[
			{ due: 1000, paid: 300 },
			'"Amount Due" (GBP 1,000.00) and "Amount Paid" (GBP 300.00) add up to more than "Total" (GBP 1,200.00) [item 0]',
		],
		[{ status: 'PAID', due: undefined, paid: 200 }, '"Status" is Paid but GBP 1,000.00 is still due [item 0]'],
		[{ status: 'PAID', due: undefined, paid: undefined }, '"Status" is Paid but GBP 1,200.00 is still due [item 0]'],
	])('refuses %j before sending anything', async (input: IDataObject, message) => {
		const { status, ...fields } = input;
		const result = await chaser.run({
			parameters: newInvoiceParameters('create', typeof status === 'string' ? { status } : {}),
			items: [invoiceItem('INV-1', fields)],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('accepts amounts that only add up once rounded to the currency', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create'),
			items: [invoiceItem('INV-1', { total: 0.3, due: 0.2, paid: 0.1 })],
		});
		expect(result.error).toBeUndefined();
		expect(amountsSent()).toEqual([{ total: 0.3, amount_paid: 0.1, amount_due: 0.2, status: 'AUTHORISED' }]);
	});
});
