import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { addRecord } from '../Chaser/actions/credit/fixtures';
import { CREDIT_NOTE, OVERPAYMENT } from '../Chaser/actions/credit/profiles';
import { addCustomer, addInvoice } from '../Chaser/actions/invoice/fixtures';
import { chaserTrigger, day, emitted, useClock } from './support/trigger';

describe('Chaser Trigger: events', () => {
	const chaser = useSandbox();
	const clock = useClock();
	const queries = () => chaser.sandbox.requests.map(({ query }) => query);
	const invoice = (invoiceId: string) => chaser.sandbox.findInvoice(invoiceId) as IDataObject;

	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		clock.at('2026-03-10T09:00:00Z');
	});

	describe('Invoice Overdue', () => {
		const overdue = (daysOverdue = 0) => ({ event: 'invoiceOverdue', daysOverdue });

		it('fires the day after the due date, once, with the days overdue', async () => {
			addInvoice(chaser.sandbox, 'INV-DUE-TODAY', { due_date: day('2026-03-10'), amount_due: 400 });
			addInvoice(chaser.sandbox, 'INV-LONG-OVERDUE', { due_date: day('2026-01-10') });
			const trigger = chaserTrigger(chaser, overdue());
			chaser.sandbox.clearLog();
			expect((await trigger.poll()).items).toBeNull();
			expect(queries()).toEqual([
				{
					'filter[status][in]': 'AUTHORISED',
					'filter[due_date][gte]': '2026-03-02T00:00:00.000Z',
					'filter[due_date][lte]': '2026-03-09T23:59:59.999Z',
					'filter[amount_due][gt]': '0',
					page: '0',
					limit: '100',
				},
			]);
			expect(emitted(await trigger.poll())).toEqual([]);

			clock.at('2026-03-11T00:05:00Z');
			const next = await trigger.poll();
			expect(next.items!.map((item) => item.json)).toEqual([
				expect.objectContaining({
					event: 'invoiceOverdue',
					days_overdue: 1,
					invoice_id: 'INV-DUE-TODAY',
					amount_due: 400,
					due_date: '2026-03-10T00:00:00.000Z',
				}),
			]);
			expect(emitted(await trigger.poll())).toEqual([]);
			clock.at('2026-03-12T09:00:00Z');
			expect(emitted(await trigger.poll())).toEqual([]);
		});

		it('with Days Overdue 7, fires on the 8th day after the due date', async () => {
			addInvoice(chaser.sandbox, 'INV-1', { due_date: day('2026-03-03') });
			const trigger = chaserTrigger(chaser, overdue(7));
			await trigger.poll(); // 10 March: 7 days overdue, not more
			expect(emitted(await trigger.poll())).toEqual([]);
			clock.at('2026-03-11T09:00:00Z');
			const result = await trigger.poll();
			expect(emitted(result)).toEqual(['INV-1']);
			expect(result.items![0].json.days_overdue).toBe(8);
		});

		it('counts only Authorised invoices with money still due, and Minimum Amount applies to what is due', async () => {
			addInvoice(chaser.sandbox, 'INV-SMALL', { due_date: day('2026-03-10'), amount_due: 20 });
			addInvoice(chaser.sandbox, 'INV-BIG', { due_date: day('2026-03-10'), amount_due: 600, total: 600 });
			addInvoice(chaser.sandbox, 'INV-PART-PAID', { due_date: day('2026-03-10'), amount_due: 500, total: 5000 });
			addInvoice(chaser.sandbox, 'INV-DRAFT', { due_date: day('2026-03-10'), status: 'DRAFT' });
			addInvoice(chaser.sandbox, 'INV-PAID', { due_date: day('2026-03-10'), status: 'PAID', amount_due: 0 });
			addInvoice(chaser.sandbox, 'INV-SETTLED', { due_date: day('2026-03-10'), amount_due: 0 });
			const trigger = chaserTrigger(chaser, { ...overdue(), options: { minimumAmount: 500 } });
			await trigger.poll();
			clock.at('2026-03-11T09:00:00Z');
			chaser.sandbox.clearLog();
			expect(emitted(await trigger.poll())).toEqual(['INV-BIG', 'INV-PART-PAID']);
			expect(queries()[0]).toMatchObject({ 'filter[amount_due][gte]': '500' });
		});

		it('fires again when a paid invoice is reopened, or its due date is moved and passes again', async () => {
			addInvoice(chaser.sandbox, 'INV-REOPENED', { due_date: day('2026-03-10') });
			addInvoice(chaser.sandbox, 'INV-EXTENDED', { due_date: day('2026-03-10') });
			addInvoice(chaser.sandbox, 'INV-MOVED-BACK', { due_date: day('2026-03-10') });
			const trigger = chaserTrigger(chaser, overdue());
			await trigger.poll();
			clock.at('2026-03-11T09:00:00Z');
			expect(emitted(await trigger.poll())).toEqual(['INV-REOPENED', 'INV-EXTENDED', 'INV-MOVED-BACK']);

			Object.assign(invoice('INV-REOPENED'), { status: 'PAID', amount_due: 0, fully_paid_date: day('2026-03-11') });
			Object.assign(invoice('INV-EXTENDED'), { due_date: day('2026-03-13') }); // the customer got a few more days
			Object.assign(invoice('INV-MOVED-BACK'), { due_date: day('2026-03-05') }); // corrected, still overdue
			expect(emitted(await trigger.poll())).toEqual([]);

			clock.at('2026-03-12T09:00:00Z');
			Object.assign(invoice('INV-REOPENED'), { status: 'AUTHORISED', amount_due: 1000, fully_paid_date: null });
			expect(emitted(await trigger.poll())).toEqual(['INV-REOPENED']);

			clock.at('2026-03-14T09:00:00Z');
			expect(emitted(await trigger.poll())).toEqual(['INV-EXTENDED']);
			expect(emitted(await trigger.poll())).toEqual([]);
		});

		it('does not fire twice for an invoice that slipped between two pages while the list changed', async () => {
			for (let n = 0; n < 150; n++) addInvoice(chaser.sandbox, `INV-${String(n).padStart(3, '0')}`, { due_date: day('2026-03-10') });
			const trigger = chaserTrigger(chaser, overdue());
			await trigger.poll();
			clock.at('2026-03-11T09:00:00Z');
			expect(new Set(emitted(await trigger.poll())).size).toBe(150);

			// INV-000 is paid just after the first page is read: every later invoice moves up one place, and
			// INV-100, first on the second page until then, is on neither page this time.
			const route = chaser.sandbox.route.bind(chaser.sandbox);
			const spy = jest.spyOn(chaser.sandbox, 'route').mockImplementation((...args: Parameters<typeof route>) => {
				const answer = route(...args);
				if (args[2].get('page') === '0') Object.assign(invoice('INV-000'), { status: 'PAID', amount_due: 0 });
				return answer;
			});
			chaser.sandbox.clearLog();
			try {
				expect(emitted(await trigger.poll())).toEqual([]);
			} finally {
				spy.mockRestore();
			}
			// Before forgetting it, the trigger asks for it by ID: it still matches, so it stays remembered.
			expect(queries()[2]).toMatchObject({ 'filter[invoice_id][in]': 'INV-100' });
			chaser.sandbox.clearLog();
			expect(emitted(await trigger.poll())).toEqual([]);
			expect(queries()[2]).toMatchObject({ 'filter[invoice_id][in]': 'INV-000' }); // paid: forgotten
		});

		it("counts days in the workflow's time zone", async () => {
			addInvoice(chaser.sandbox, 'INV-1', { due_date: day('2026-03-10') });
			const auckland = chaserTrigger(chaser, overdue(), { timezone: 'Pacific/Auckland' });
			const losAngeles = chaserTrigger(chaser, overdue(), { timezone: 'America/Los_Angeles' });
			clock.at('2026-03-10T09:00:00Z'); // 10 March, 22:00 in Auckland (UTC+13) and 02:00 in Los Angeles (UTC-7)
			await auckland.poll();
			await losAngeles.poll();

			clock.at('2026-03-10T12:00:00Z'); // already 11 March in Auckland
			expect(emitted(await auckland.poll())).toEqual(['INV-1']);
			expect(emitted(await losAngeles.poll())).toEqual([]);

			clock.at('2026-03-11T06:59:00Z'); // still 10 March in Los Angeles
			expect(emitted(await losAngeles.poll())).toEqual([]);
			clock.at('2026-03-11T07:00:00Z'); // midnight: 11 March in Los Angeles
			expect(emitted(await losAngeles.poll())).toEqual(['INV-1']);
			expect(emitted(await auckland.poll())).toEqual([]);
		});
	});

	describe('Invoice Issued', () => {
		it('fires for a new invoice by its issue date, not for a back-dated import, and a draft once it is authorised', async () => {
			const trigger = chaserTrigger(chaser, { event: 'invoiceIssued' });
			chaser.sandbox.clearLog();
			await trigger.poll();
			expect(queries()[0]).toEqual({
				'filter[status][in]': 'AUTHORISED,PAID',
				'filter[date][gte]': '2026-03-03T00:00:00.000Z',
				page: '0',
				limit: '100',
			});

			addInvoice(chaser.sandbox, 'INV-NEW', { date: day('2026-03-10') });
			addInvoice(chaser.sandbox, 'INV-ENTERED-LATE', { date: day('2026-03-06') });
			addInvoice(chaser.sandbox, 'INV-ALREADY-PAID', { date: day('2026-03-09'), status: 'PAID', amount_due: 0 });
			addInvoice(chaser.sandbox, 'INV-DRAFT', { date: day('2026-03-10'), status: 'DRAFT' });
			for (let n = 0; n < 300; n++) addInvoice(chaser.sandbox, `HIST-${n}`, { date: day('2025-06-01') }); // last year's ledger
			const result = await trigger.poll();
			expect(emitted(result)).toEqual(['INV-ENTERED-LATE', 'INV-ALREADY-PAID', 'INV-NEW']);
			expect(result.items![0].json).toMatchObject({ event: 'invoiceIssued', date: '2026-03-06T00:00:00.000Z' });

			invoice('INV-DRAFT').status = 'AUTHORISED';
			expect(emitted(await trigger.poll())).toEqual(['INV-DRAFT']);

			// Voided by mistake and restored: still the same invoice, it does not fire again.
			invoice('INV-NEW').status = 'VOIDED';
			expect(emitted(await trigger.poll())).toEqual([]);
			invoice('INV-NEW').status = 'AUTHORISED';
			expect(emitted(await trigger.poll())).toEqual([]);
		});
	});

	describe('Credit Note Issued and Overpayment Received', () => {
		it.each([
			['creditNoteIssued', CREDIT_NOTE, '/v1/credit_notes', 'ACTIVE,AUTHORISED,PAID'],
			['overpaymentReceived', OVERPAYMENT, '/v1/overpayments', 'AUTHORISED,PAID'],
		] as const)('%s fires once for each new record, by its date', async (event, profile, path, statuses) => {
			addRecord(chaser, profile, { [profile.key]: profile.id(1), date: day('2026-03-01') });
			const trigger = chaserTrigger(chaser, { event });
			await trigger.poll();

			addRecord(chaser, profile, { [profile.key]: profile.id(2), date: day('2026-03-10'), total: 75.5, remaining_credit: 75.5 });
			addRecord(chaser, profile, { [profile.key]: profile.id(3), date: day('2026-03-10'), status: 'DRAFT' });
			chaser.sandbox.clearLog();
			const result = await trigger.poll();
			expect(chaser.calls()).toEqual([`GET ${path}`]);
			expect(queries()[0]).toMatchObject({ 'filter[status][in]': statuses, 'filter[date][gte]': '2026-03-03T00:00:00.000Z' });
			expect(result.items!.map((item) => item.json)).toEqual([
				expect.objectContaining({ event, [profile.key]: profile.id(2), total: 75.5, remaining_credit: 75.5 }),
			]);
			expect(Object.keys(result.items![0].json)).toHaveLength(profile === CREDIT_NOTE ? 11 : 10);
			expect(emitted(await trigger.poll(), profile.key)).toEqual([]);
		});
	});
});
