/**
 * Paid always carries its date (amounts.ts, `withPaidDate`): the Chaser Trigger's Invoice Paid, and any report of
 * what was paid when, goes by fully_paid_date, so every way the node sends status Paid or turns an invoice Paid
 * sets it, and turning an invoice back to Authorised clears the stale one.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, invoiceIn, invoiceItem, newInvoiceParameters } from './fixtures';

const NOV_10 = '2026-11-10T00:00:00.000Z';
const NOV_20 = '2026-11-20T00:00:00.000Z';

/** 800 in two payments, the later one last or first: the paid date is the latest, whatever the order. */
const twoPayments = (order: 'asc' | 'desc' = 'asc') => {
	const payments = [
		{ amount: 300, date: '={{ "2026-11-10" }}' },
		{ amount: 500, date: '={{ "2026-11-20" }}' },
	];
	return { payment: order === 'asc' ? payments : payments.reverse() };
};

/** Today in the workflow's time zone, as the node sends a calendar date. */
function today(timeZone = 'America/New_York'): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
			.formatToParts(new Date())
			.map((part) => [part.type, part.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day}T00:00:00.000Z`;
}

describe('invoice amounts: Paid always carries its date', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		chaser.sandbox.clearLog();
	});

	const settledBy = (operation: 'create' | 'upsert', extra: INodeParameters = {}) =>
		newInvoiceParameters(operation, { additionalFields: { payments: twoPayments('desc') }, ...extra });
	const item = (id: string) => invoiceItem(id, { total: 800, due: undefined, paid: undefined });

	it.each([
		['Create', 'create', {}],
		['Create or Update, bulk', 'upsert', {}],
		['Create or Update, one by one', 'upsert', { options: { useBulk: false } }],
	] as const)('%s: payments that settle an Authorised invoice make it Paid on the latest payment date', async (_, operation, extra) => {
		const result = await chaser.run({ parameters: settledBy(operation, extra), items: [item('INV-800')] });
		expect(result.error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-800')).toMatchObject({
			status: 'PAID',
			amount_paid: 800,
			amount_due: 0,
			fully_paid_date: NOV_20,
		});
	});

	it('Create: status Paid without payments is paid today, in the workflow time zone', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('create', { status: 'PAID' }),
			items: [invoiceItem('INV-P', { due: 0, paid: 1200 })],
			timezone: 'America/New_York',
		});
		expect(result.error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-P')).toMatchObject({ status: 'PAID', fully_paid_date: today() });
	});

	it('keeps the Fully Paid Date the item gives', async () => {
		const result = await chaser.run({
			parameters: settledBy('create', { additionalFields: { payments: twoPayments(), fully_paid_date: '2026-11-21' } }),
			items: [item('INV-G')],
		});
		expect(result.error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-G')).toMatchObject({ status: 'PAID', fully_paid_date: '2026-11-21T00:00:00.000Z' });
	});

	it('Create or Update of an invoice already Paid keeps the date Chaser has, and sends no date for an open one', async () => {
		addInvoice(chaser.sandbox, 'INV-KEEP', { status: 'PAID', total: 800, amount_paid: 800, amount_due: 0, fully_paid_date: NOV_10, payments: [{ amount: 800, date: NOV_10 }] });
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert'),
			items: [invoiceItem('INV-KEEP', { total: 800, due: undefined, paid: undefined }), invoiceItem('INV-OPEN', { due: undefined, paid: undefined })],
		});
		expect(result.error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-KEEP')).toMatchObject({ status: 'PAID', fully_paid_date: NOV_10 });
		expect(invoiceIn(chaser.sandbox, 'INV-OPEN')).toMatchObject({ status: 'AUTHORISED', fully_paid_date: null });
		const entries = (chaser.sandbox.requests.find((request) => request.method === 'PUT')?.body as { entries: Array<Record<string, unknown>> }).entries;
		expect(entries.find((entry) => entry.invoice_id === 'INV-OPEN')).not.toHaveProperty('fully_paid_date');
	});

	it.each([true, false])('a total raised on a Paid invoice turns it back to Authorised and clears the stale date (bulk: %s)', async (useBulk) => {
		addInvoice(chaser.sandbox, 'INV-RAISED', { status: 'PAID', total: 800, amount_paid: 800, amount_due: 0, fully_paid_date: NOV_10, payments: [{ amount: 800, date: NOV_10 }] });
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { options: { useBulk } }),
			items: [invoiceItem('INV-RAISED', { total: 1000, due: undefined, paid: undefined })],
		});
		expect(result.error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-RAISED')).toMatchObject({ status: 'AUTHORISED', amount_paid: 800, amount_due: 200, fully_paid_date: null });
	});

	it('Update: status Paid gets its date (the latest of the Payments given, else today); Authorised clears it', async () => {
		addInvoice(chaser.sandbox, 'INV-U1');
		addInvoice(chaser.sandbox, 'INV-U2');
		addInvoice(chaser.sandbox, 'INV-U3', { status: 'PAID', amount_due: 0, amount_paid: 1000, fully_paid_date: NOV_10 });
		const update = (invoice: string, updateFields: INodeParameters) =>
			chaser.run({
				parameters: { resource: 'invoice', operation: 'update', invoice: { __rl: true, mode: 'externalId', value: invoice }, updateFields },
				timezone: 'Pacific/Auckland',
			});
		expect((await update('INV-U1', { status: 'PAID', amount_due: 0, amount_paid: 1000, payments: { payment: [{ amount: 1000, date: '2026-11-20' }] } })).error).toBeUndefined();
		expect((await update('INV-U2', { status: 'PAID', amount_due: 0, amount_paid: 1000 })).error).toBeUndefined();
		expect((await update('INV-U3', { status: 'AUTHORISED', amount_due: 1000, amount_paid: 0 })).error).toBeUndefined();
		expect(invoiceIn(chaser.sandbox, 'INV-U1')).toMatchObject({ status: 'PAID', fully_paid_date: NOV_20 });
		expect(invoiceIn(chaser.sandbox, 'INV-U2')).toMatchObject({ status: 'PAID', fully_paid_date: today('Pacific/Auckland') });
		expect(invoiceIn(chaser.sandbox, 'INV-U3')).toMatchObject({ status: 'AUTHORISED', fully_paid_date: null });
	});

	it('Create or Update refuses payments above the total before any request, bulk included', async () => {
		const result = await chaser.run({
			parameters: newInvoiceParameters('upsert', { additionalFields: { payments: { payment: [{ amount: 900, date: '2026-11-20' }] } } }),
			items: [invoiceItem('INV-OVER', { total: 800, due: undefined, paid: undefined })],
		});
		expect(result.error?.message).toBe('"Amount Paid" (GBP 900.00, the sum of Payments) cannot be more than "Total" (GBP 800.00) [item 0]');
		expect(chaser.calls()).toEqual([]);
	});
});
