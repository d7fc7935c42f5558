import { useSandbox } from '../../helpers/sandbox';
import { addCustomer, addInvoice } from '../Chaser/actions/invoice/fixtures';
import { chaserTrigger, day, emitted, useClock } from './support/trigger';

describe('Chaser Trigger: settings', () => {
	const chaser = useSandbox();
	const clock = useClock();
	const queries = () => chaser.sandbox.requests.map(({ query }) => query);

	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, '1042', 'Numbered Ltd');
		clock.at('2026-03-10T09:00:00Z');
	});

	it('sends Customer, Currency Code and Minimum Amount as list filters', async () => {
		addInvoice(chaser.sandbox, 'INV-MATCH', { customer_external_id: '1042', currency_code: 'EUR', total: 250 });
		addInvoice(chaser.sandbox, 'INV-OTHER-CUSTOMER', { currency_code: 'EUR', total: 250 });
		addInvoice(chaser.sandbox, 'INV-GBP', { customer_external_id: '1042', total: 250 });
		addInvoice(chaser.sandbox, 'INV-SMALL', { customer_external_id: '1042', currency_code: 'EUR', total: 249.99 });
		const trigger = chaserTrigger(chaser, {
			event: 'invoiceIssued',
			// Real-world input: an ID that arrives as a number from an expression, a lower-case currency, an amount as text.
			customer: { __rl: true, mode: 'externalId', value: '={{ 1042 }}' },
			options: { currencyCode: ' eur ', minimumAmount: '={{ "250.00" }}' },
		});
		await trigger.poll();

		for (const invoice of chaser.sandbox.store.collections.invoices.order) invoice.date = day('2026-03-10');
		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual(['INV-MATCH']);
		expect(queries()[0]).toEqual({
			'filter[status][in]': 'AUTHORISED,PAID',
			'filter[date][gte]': '2026-03-03T00:00:00.000Z',
			'filter[total][gte]': '250',
			'filter[customer_external_id][eq]': '1042',
			'filter[currency_code][eq]': 'EUR',
			page: '0',
			limit: '100',
		});
	});

	it('leaves blank options out, as a customer picked from the list', async () => {
		const trigger = chaserTrigger(chaser, {
			event: 'invoicePaid',
			customer: { __rl: true, mode: 'list', value: 'CUST-1', cachedResultName: 'Acme Trading Ltd (CUST-1)' },
			options: { currencyCode: '  ', minimumAmount: 0 },
		});
		await trigger.poll();
		expect(queries()[0]).toEqual({
			'filter[status][in]': 'PAID',
			'filter[fully_paid_date][gte]': '2026-03-03T00:00:00.000Z',
			'filter[customer_external_id][eq]': 'CUST-1',
			page: '0',
			limit: '100',
		});
	});

	it.each([
		[{ event: 'invoicePaid', options: { currencyCode: 'XYZ' } }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XYZ"'],
		[{ event: 'invoicePaid', options: { minimumAmount: -5 } }, '"Minimum Amount" must be at least 0, got -5'],
		[{ event: 'invoicePaid', options: { minimumAmount: '={{ "ten" }}' } }, '"Minimum Amount" must be a number, got "ten"'],
		[{ event: 'invoicePaid', options: { lookBackDays: 2.5 } }, '"Look Back (Days)" must be a whole number of days, got 2.5'],
		[{ event: 'invoiceOverdue', daysOverdue: -1 }, '"Days Overdue" must be at least 0, got -1'],
		[{ event: 'invoiceDeleted' }, '"Event" must be one of creditNoteIssued, invoiceIssued, invoiceOverdue, invoicePaid, overpaymentReceived, got "invoiceDeleted"'],
	])('rejects bad settings before any request: %j', async (parameters, message) => {
		const trigger = chaserTrigger(chaser, parameters);
		const result = await trigger.poll();
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
		expect(trigger.staticData).toEqual({});
	});

	it('starts again from now when the event or an option changes, without replaying what matched before', async () => {
		addInvoice(chaser.sandbox, 'INV-1', { status: 'PAID', amount_due: 0, fully_paid_date: day('2026-03-09') });
		const paid = chaserTrigger(chaser, { event: 'invoicePaid' });
		await paid.poll();

		// The user edits the active workflow: n8n activates it again ('update') with the static data it saved.
		const narrowed = chaserTrigger(chaser, { event: 'invoicePaid', options: { lookBackDays: 30 } });
		narrowed.activate('update', paid.staticData);
		addInvoice(chaser.sandbox, 'INV-2', { status: 'PAID', amount_due: 0, fully_paid_date: day('2026-02-20') });
		expect(emitted(await narrowed.poll())).toEqual([]);

		const issued = chaserTrigger(chaser, { event: 'invoiceIssued' });
		issued.activate('update', narrowed.staticData);
		expect(emitted(await issued.poll())).toEqual([]);
		addInvoice(chaser.sandbox, 'INV-3', { date: day('2026-03-10') });
		expect(emitted(await issued.poll())).toEqual(['INV-3']);
	});

	it('returns the whole record with Simplify off', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		const trigger = chaserTrigger(chaser, { event: 'invoicePaid', simplify: false });
		await trigger.poll();
		Object.assign(chaser.sandbox.findInvoice('INV-1')!, { status: 'PAID', amount_due: 0, fully_paid_date: day('2026-03-10') });
		const result = await trigger.poll();
		// Every field Chaser sent, the ones Simplify drops included.
		expect(result.items![0].json).toMatchObject({
			event: 'invoicePaid',
			invoice_id: 'INV-1',
			customer_name: 'Acme Trading Ltd',
			sub_total: 833.33,
			amount_paid: 0,
			date: '2025-01-10T00:00:00.000Z',
			payments: [],
			invoice_pdf_link: null,
			created_at: '2026-03-10T09:00:00.000Z',
		});
	});
});
