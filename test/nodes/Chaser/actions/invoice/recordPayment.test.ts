import type { INodeParameters } from 'n8n-workflow';

import { configureTransport, resetTransportSettings } from '../../../../../core/transport';
import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, invoiceIn } from './fixtures';

function recordPayment(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'invoice',
		operation: 'recordPayment',
		invoice: { __rl: true, mode: 'externalId', value: '={{ $json.invoice }}' },
		amount: '={{ $json.amount }}',
		paymentDate: '={{ $json.date }}',
		...extra,
	};
}

const EARLIER = { amount: 250.5, date: '2025-02-01T00:00:00.000Z' };

describe('invoice: recordPayment', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		// £1,000.00 invoice, £250.50 already paid.
		addInvoice(chaser.sandbox, 'INV-1', { amount_paid: 250.5, amount_due: 749.5, payments: [EARLIER] });
		chaser.sandbox.clearLog();
	});

	it('records a part payment: keeps earlier payments, raises amount paid, lowers amount due', async () => {
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [{ invoice: 'INV-1', amount: 100.25, date: '2025-03-05' }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1', 'PUT /v1/invoices/ext_INV-1']);
		expect(chaser.sandbox.requests[1].body).toEqual({
			payments: [EARLIER, { amount: 100.25, date: '2025-03-05T00:00:00.000Z' }],
			amount_paid: 350.75,
			amount_due: 649.25,
		});
		expect(result.success[0].json).toMatchObject({
			invoice_id: 'INV-1',
			status: 'AUTHORISED',
			amount_paid: 350.75,
			amount_due: 649.25,
			fully_paid_date: null,
			overpaid_amount: 0,
		});
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ amount_due: 649.25, status: 'AUTHORISED' });
		expect(invoiceIn(chaser.sandbox, 'INV-1').payments).toHaveLength(2);
	});

	it('marks the invoice Paid, with the payment date as fully paid date, when the payment settles it', async () => {
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [{ invoice: 'INV-1', amount: 749.5, date: '2025-03-20T14:30:00Z' }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[1].body).toEqual({
			payments: [EARLIER, { amount: 749.5, date: '2025-03-20T00:00:00.000Z' }],
			amount_paid: 1000,
			amount_due: 0,
			status: 'PAID',
			fully_paid_date: '2025-03-20T00:00:00.000Z',
		});
		expect(result.success[0].json).toMatchObject({ status: 'PAID', amount_due: 0, fully_paid_date: '2025-03-20T00:00:00.000Z', overpaid_amount: 0 });
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ status: 'PAID', amount_paid: 1000, amount_due: 0 });
	});

	it('adds up several payments to one invoice in one run without float noise', async () => {
		addInvoice(chaser.sandbox, 'INV-C', { total: 0.3, sub_total: 0.25, amount_due: 0.3, amount_paid: 0 });
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [
				{ invoice: 'INV-C', amount: 0.1, date: '2025-03-01' },
				{ invoice: 'INV-C', amount: 0.2, date: '2025-03-02' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.amount_paid, item.json.amount_due, item.json.status])).toEqual([
			[0.1, 0.2, 'AUTHORISED'],
			[0.3, 0, 'PAID'],
		]);
		expect(chaser.sandbox.findInvoice('INV-C')).toMatchObject({
			amount_paid: 0.3,
			amount_due: 0,
			fully_paid_date: '2025-03-02T00:00:00.000Z',
			payments: [
				{ amount: 0.1, date: '2025-03-01T00:00:00.000Z' },
				{ amount: 0.2, date: '2025-03-02T00:00:00.000Z' },
			],
		});
	});

	it("rounds to the currency's minor unit, not always to 2 decimals", async () => {
		addInvoice(chaser.sandbox, 'INV-KWD', { currency_code: 'KWD', total: 10.5, amount_due: 10.5 });
		addInvoice(chaser.sandbox, 'INV-JPY', { currency_code: 'JPY', total: 1000, amount_due: 1000 });
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [
				{ invoice: 'INV-KWD', amount: 0.125, date: '2025-03-01' },
				{ invoice: 'INV-JPY', amount: 333.4, date: '2025-03-01' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.amount_paid, item.json.amount_due])).toEqual([
			[0.125, 10.375],
			[333, 667],
		]);
	});

	it('refuses an overpayment before changing anything, saying what is due and by how much it is over', async () => {
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [{ invoice: 'INV-1', amount: 800, date: '2025-03-05' }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			"The payment of GBP 800.00 is more than the GBP 749.50 due on invoice N-INV-1 (invoice ID 'INV-1'): it is over by GBP 50.50 [item 0]",
		);
		expect(result.error?.description).toContain('Allow Overpayment');
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1']);
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ amount_due: 749.5, amount_paid: 250.5, payments: [EARLIER] });
	});

	it('accepts an overpayment when allowed: Paid, nothing due, and the excess in overpaid_amount', async () => {
		const stored = invoiceIn(chaser.sandbox, 'INV-1');
		const result = await chaser.run({
			parameters: recordPayment({ invoice: { __rl: true, mode: 'id', value: stored.id }, options: { allowOverpayment: true } }),
			items: [{ amount: 800, date: '2025-03-05' }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`GET /v1/invoices/${stored.id}`, `PUT /v1/invoices/${stored.id}`]);
		expect(chaser.sandbox.requests[1].body).toEqual({
			payments: [EARLIER, { amount: 800, date: '2025-03-05T00:00:00.000Z' }],
			amount_paid: 1050.5,
			amount_due: 0,
			status: 'PAID',
			fully_paid_date: '2025-03-05T00:00:00.000Z',
		});
		expect(result.success[0].json).toMatchObject({ status: 'PAID', amount_due: 0, amount_paid: 1050.5, overpaid_amount: 50.5 });
	});

	it('will not record a payment on a voided invoice', async () => {
		addInvoice(chaser.sandbox, 'INV-V', { status: 'VOIDED', amount_due: 0 });
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: recordPayment({ options: { allowOverpayment: true } }),
			items: [{ invoice: 'INV-V', amount: 10, date: '2025-03-05' }],
		});
		expect(result.error?.message).toBe(
			"Invoice N-INV-V (invoice ID 'INV-V') is VOIDED, so no payment can be recorded against it [item 0]",
		);
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-V']);
	});

	it.each([
		[{ amount: 0 }, '"Amount" must be greater than 0, got 0 [item 0]'],
		[{ amount: -20 }, '"Amount" must be greater than 0, got -20 [item 0]'],
		[{ amount: 'ten' }, '"Amount" must be a number, got "ten" [item 0]'],
		[{ amount: 0.001 }, '"Amount" must be at least GBP 0.01, got 0.001 [item 0]'],
		[{ date: '' }, '"Payment Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got nothing [item 0]'],
		[{ invoice: '' }, '"Invoice" is required [item 0]'],
	])('rejects %j without changing anything', async (fields, message) => {
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [{ invoice: 'INV-1', amount: 10, date: '2025-03-05', ...fields }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls().filter((call) => call.startsWith('PUT'))).toEqual([]);
		expect(chaser.sandbox.findInvoice('INV-1')).toMatchObject({ amount_due: 749.5 });
	});

	it('sends nothing for an invalid amount or date', async () => {
		await chaser.run({ parameters: recordPayment(), items: [{ invoice: 'INV-1', amount: -1, date: '2025-03-05' }] });
		await chaser.run({ parameters: recordPayment(), items: [{ invoice: 'INV-1', amount: 1, date: 'soon' }] });
		expect(chaser.calls()).toEqual([]);
	});

	it('says which invoice does not exist', async () => {
		const result = await chaser.run({
			parameters: recordPayment(),
			items: [{ invoice: 'INV-404', amount: 10, date: '2025-03-05' }],
		});
		expect(result.error?.message).toBe("No invoice with invoice ID 'INV-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-404']);
	});

	it('continues past bad items when set to, one paired item each', async () => {
		addInvoice(chaser.sandbox, 'INV-2', { amount_due: 50 });
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: recordPayment(),
			onError: 'continueErrorOutput',
			items: [
				{ invoice: 'INV-1', amount: 49.5, date: '2025-03-05' },
				{ invoice: 'INV-2', amount: 60, date: '2025-03-05' },
				{ invoice: 'INV-404', amount: 1, date: '2025-03-05' },
				{ invoice: 'INV-2', amount: 0, date: '2025-03-05' },
				{ invoice: 'INV-2', amount: 50, date: '2025-03-06' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_id, item.json.amount_due, item.pairedItem])).toEqual([
			['INV-1', 700, { item: 0 }],
			['INV-2', 0, { item: 4 }],
		]);
		expect(result.errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.stringContaining('it is over by GBP 10.00 [item 1]'), { item: 1 }],
			["No invoice with invoice ID 'INV-404' exists in Chaser", { item: 2 }],
			['"Amount" must be greater than 0, got 0 [item 3]', { item: 3 }],
		]);
		expect(chaser.calls()).toEqual([
			'GET /v1/invoices/ext_INV-1',
			'PUT /v1/invoices/ext_INV-1',
			'GET /v1/invoices/ext_INV-2',
			'GET /v1/invoices/ext_INV-404',
			'GET /v1/invoices/ext_INV-2',
			'PUT /v1/invoices/ext_INV-2',
		]);
		expect(chaser.sandbox.findInvoice('INV-2')).toMatchObject({ status: 'PAID', fully_paid_date: '2025-03-06T00:00:00.000Z' });
	});
});

describe('invoice: recordPayment with a Payment Reference', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addInvoice(chaser.sandbox, 'INV-1', { amount_paid: 250.5, amount_due: 749.5, payments: [EARLIER] });
		addInvoice(chaser.sandbox, 'INV-2');
		chaser.sandbox.clearLog();
	});

	const withReference = recordPayment({ options: { paymentReference: '={{ $json.reference }}' } });
	const delivery = { invoice: 'INV-1', amount: 100, date: '2025-03-05', reference: 'pi_3NkQ2x' };
	const puts = () => chaser.calls().filter((call) => call.startsWith('PUT'));

	it('records the payment once, however often the same delivery arrives', async () => {
		const first = await chaser.run({ parameters: withReference, items: [delivery] });
		const again = await chaser.run({ parameters: withReference, items: [delivery] });
		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(puts()).toEqual(['PUT /v1/invoices/ext_INV-1']);
		expect(invoiceIn(chaser.sandbox, 'INV-1')).toMatchObject({ amount_paid: 350.5, amount_due: 649.5 });
		expect(invoiceIn(chaser.sandbox, 'INV-1').payments).toHaveLength(2);
		expect(first.success[0].json).toMatchObject({ amount_paid: 350.5, overpaid_amount: 0, payment_already_recorded: false });
		// The repeat outputs the invoice as it stands, in the same shape, saying the payment was already recorded.
		expect(again.success[0].json).toMatchObject({ amount_paid: 350.5, amount_due: 649.5, overpaid_amount: 0, payment_already_recorded: true });
		expect(Object.keys(again.success[0].json).sort()).toEqual(Object.keys(first.success[0].json).sort());
		expect(again.success[0].pairedItem).toEqual({ item: 0 });
	});

	it('within one run too, and remembers a reference per invoice, as one payment can be split across invoices', async () => {
		const result = await chaser.run({
			parameters: withReference,
			items: [delivery, delivery, { ...delivery, invoice: 'INV-2', amount: 50 }, { ...delivery, reference: 'pi_other' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_id, item.json.payment_already_recorded])).toEqual([
			['INV-1', false],
			['INV-1', true],
			['INV-2', false],
			['INV-1', false],
		]);
		expect(invoiceIn(chaser.sandbox, 'INV-1')).toMatchObject({ amount_paid: 450.5 });
		expect(invoiceIn(chaser.sandbox, 'INV-2')).toMatchObject({ amount_paid: 50 });
	});

	it('forgets the reference of a payment that was refused or failed, so that it can be sent again', async () => {
		const refused = await chaser.run({ parameters: withReference, items: [{ ...delivery, amount: 800 }] });
		expect(refused.error?.message).toContain('it is over by GBP 50.50');

		const outage = chaser.sandbox.injectFault({ type: '500', method: 'PUT', count: Infinity });
		const failed = await chaser.run({ parameters: withReference, items: [delivery] });
		expect(failed.error?.message).toContain('Chaser had a problem handling the request (HTTP 500)');
		outage.cancel();

		const retried = await chaser.run({ parameters: withReference, items: [delivery] });
		expect(retried.error).toBeUndefined();
		expect(retried.success[0].json).toMatchObject({ amount_paid: 350.5, payment_already_recorded: false });
		expect(invoiceIn(chaser.sandbox, 'INV-1').payments).toHaveLength(2);
	});

	it('records every delivery when there is no reference (the payment is then not told apart from a repeat)', async () => {
		const twice = await chaser.run({ parameters: withReference, items: [{ ...delivery, reference: '' }, { ...delivery, reference: '  ' }] });
		expect(twice.success.map((item) => item.json.payment_already_recorded)).toEqual([false, false]);
		expect(invoiceIn(chaser.sandbox, 'INV-1')).toMatchObject({ amount_paid: 450.5 });
	});
});

/**
 * A process can die at any point of Record Payment. Each case stops the operation where the process would die
 * (the store holds what it held then, Chaser what it had been sent), then the webhook delivers the payment again.
 * Chaser's payments on the invoice are the truth: the payment must be there exactly once.
 */
describe('invoice: recordPayment with a Payment Reference, after a process died', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addInvoice(chaser.sandbox, 'INV-1', { amount_paid: 250.5, amount_due: 749.5, payments: [EARLIER] });
		chaser.sandbox.clearLog();
	});
	afterEach(() => resetTransportSettings());

	const withReference = recordPayment({ options: { paymentReference: '={{ $json.reference }}' } });
	const delivery = { invoice: 'INV-1', amount: 100, date: '2025-03-05', reference: 'BANK-TX-0001' };
	const paymentsOf = () => invoiceIn(chaser.sandbox, 'INV-1').payments as Array<{ amount: number }>;
	const redeliver = async () => await chaser.run({ parameters: withReference, items: [delivery] });

	/** One attempt that dies at the PUT: `before` it applied (died between the notes and the PUT), or `after`. */
	async function dieAtThePut(when: 'before' | 'after') {
		configureTransport({ maxRetries: 0 });
		const fault = chaser.sandbox.injectFault({ type: 'reset', method: 'PUT', when });
		const died = await chaser.run({ parameters: withReference, items: [delivery] });
		fault.cancel();
		resetTransportSettings();
		expect(died.error).toBeDefined();
		return died;
	}

	it('before the reference was noted: the redelivery records it', async () => {
		const fault = chaser.sandbox.injectFault({ type: 'reset', method: 'GET' });
		configureTransport({ maxRetries: 0 });
		expect((await chaser.run({ parameters: withReference, items: [delivery] })).error).toBeDefined();
		fault.cancel();
		resetTransportSettings();
		const again = await redeliver();
		expect(again.success[0].json).toMatchObject({ amount_paid: 350.5, payment_already_recorded: false });
		expect(paymentsOf()).toHaveLength(2);
	});

	it('between the noted reference and the update: the redelivery sends the update', async () => {
		await dieAtThePut('before');
		expect(paymentsOf()).toHaveLength(1);
		const again = await redeliver();
		expect(again.error).toBeUndefined();
		expect(again.success[0].json).toMatchObject({ amount_paid: 350.5, amount_due: 649.5, payment_already_recorded: false });
		expect(paymentsOf()).toHaveLength(2);
	});

	it('after the update landed, before its answer: the redelivery adds nothing and says so', async () => {
		await dieAtThePut('after');
		expect(paymentsOf()).toHaveLength(2);
		chaser.sandbox.clearLog();
		const again = await redeliver();
		expect(again.error).toBeUndefined();
		expect(again.success[0].json).toMatchObject({ amount_paid: 350.5, payment_already_recorded: true });
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1']);
		expect(paymentsOf()).toHaveLength(2);
		// And again: still once.
		await redeliver();
		expect(paymentsOf()).toHaveLength(2);
	});

	it('twice died, then delivered: once', async () => {
		await dieAtThePut('before');
		await dieAtThePut('after');
		await redeliver();
		await redeliver();
		expect(paymentsOf()).toHaveLength(2);
		expect(invoiceIn(chaser.sandbox, 'INV-1')).toMatchObject({ amount_paid: 350.5, amount_due: 649.5 });
	});

	it('two deliveries at the same instant: once', async () => {
		const [one, two] = await Promise.all([redeliver(), redeliver()]);
		expect([one.error, two.error]).toEqual([undefined, undefined]);
		expect(paymentsOf()).toHaveLength(2);
		expect(invoiceIn(chaser.sandbox, 'INV-1')).toMatchObject({ amount_paid: 350.5, amount_due: 649.5 });
	});

	it('refuses the same reference with another amount or date, naming both, and changes nothing', async () => {
		await redeliver();
		chaser.sandbox.clearLog();
		for (const [changed, now] of [
			[{ amount: 300 }, 'GBP 300.00 on 2025-03-05'],
			[{ date: '2025-03-06' }, 'GBP 100.00 on 2025-03-06'],
		] as const) {
			const result = await chaser.run({ parameters: withReference, items: [{ ...delivery, ...changed }] });
			expect(result.error?.message).toBe(
				`Payment Reference 'BANK-TX-0001' was recorded on invoice N-INV-1 (invoice ID 'INV-1') for GBP 100.00 on 2025-03-05; this item has ${now}. Nothing was changed [item 0]`,
			);
		}
		expect(chaser.calls().filter((call) => !call.startsWith('GET'))).toEqual([]);
		expect(paymentsOf()).toHaveLength(2);
	});

	it('refuses another amount for a reference whose first payment never reached Chaser, too', async () => {
		await dieAtThePut('before');
		const result = await chaser.run({ parameters: withReference, items: [{ ...delivery, amount: 300 }] });
		expect(result.error?.message).toContain("was used on invoice N-INV-1 (invoice ID 'INV-1') for another payment, which has not reached Chaser");
		expect(paymentsOf()).toHaveLength(1);
		// The payment itself, delivered again, still goes through.
		await redeliver();
		expect(paymentsOf()).toHaveLength(2);
	});
});
