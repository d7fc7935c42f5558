import type { IDataObject } from 'n8n-workflow';

import { currencyDecimals, displayMoney, roundMoney } from '../../../../core/money';
import type { InputValidator } from '../../../../core/validation';

/**
 * How an invoice's amounts must agree, what the node works out when some are left out, and the paid date that
 * goes with status Paid. Every computed amount is rounded to the currency's minor unit (core/money.ts).
 */

const AMOUNTS_HELP =
	'Amount Due is what is still owed: Total less payments (Amount Paid) and credit notes applied. It can be less than Total − Amount Paid when credit has been applied, never more.';

/**
 * Checks the amounts an invoice body gives against each other, before anything is sent: neither Amount
 * Paid nor Amount Due above Total, the two together not above Total (less is fine: the gap is credit
 * applied), and no Paid status while something is still due. Fields the body does not give are not
 * checked (Update changes only what it is given). Returns the body.
 */
export function checkInvoiceAmounts(body: IDataObject, check: InputValidator, paidFrom?: string): IDataObject {
	const amount = (field: string) => (typeof body[field] === 'number' ? (body[field] as number) : undefined);
	const [total, paid, due] = [amount('total'), amount('amount_paid'), amount('amount_due')];
	const show = (value: number) => displayMoney(value, body.currency_code);
	const paidLabel = (value: number) => `"Amount Paid" (${show(value)}${paidFrom ? `, ${paidFrom}` : ''})`;
	if (total !== undefined && paid !== undefined && paid > total) {
		check.fail(`${paidLabel(paid)} cannot be more than "Total" (${show(total)})`, AMOUNTS_HELP);
	}
	if (total !== undefined && due !== undefined && due > total) {
		check.fail(`"Amount Due" (${show(due)}) cannot be more than "Total" (${show(total)})`, AMOUNTS_HELP);
	}
	if (
		total !== undefined &&
		paid !== undefined &&
		due !== undefined &&
		roundMoney(due + paid, currencyDecimals(body.currency_code)) > total
	) {
		check.fail(
			`"Amount Due" (${show(due)}) and ${paidLabel(paid)} add up to more than "Total" (${show(total)})`,
			AMOUNTS_HELP,
		);
	}
	if (body.status === 'PAID' && due !== undefined && due > 0) {
		check.fail(
			`"Status" is Paid but ${show(due)} is still due`,
			'Give the amount received in Amount Paid (or Payments) so that nothing is left due, or choose another status.',
		);
	}
	return body;
}

/**
 * Completes the amounts of a new or re-sent invoice (Create, Create or Update) so that it always says what
 * is due, then checks them (`checkInvoiceAmounts`). `stored` is the invoice as Chaser holds it, when it
 * exists already.
 * - Amount Paid left empty: the sum of Payments when they are given; otherwise what the invoice in
 *   Chaser has paid so far, so payments recorded since it was created are kept; 0 for a new invoice.
 * - Amount Due left empty: Total − Amount Paid, less the credit the invoice in Chaser already has applied
 *   (its Total − Amount Paid − Amount Due).
 * - Status Authorised with nothing left due and something paid is sent as Paid, as Record Payment does
 *   when a payment settles an invoice, so a re-sent invoice that has been paid in full stays Paid.
 */
export function settleInvoiceAmounts(
	body: IDataObject,
	stored: IDataObject | undefined,
	check: InputValidator,
	read = true,
): IDataObject {
	const money = (value: number) => roundMoney(value, currencyDecimals(body.currency_code));
	const storedAmount = (field: string) => (typeof stored?.[field] === 'number' ? (stored[field] as number) : 0);
	const total = body.total as number;
	let paid = body.amount_paid as number | undefined;
	let paidFrom: string | undefined;
	if (paid === undefined && Array.isArray(body.payments)) {
		paid = money((body.payments as IDataObject[]).reduce((sum, payment) => sum + (payment.amount as number), 0));
		paidFrom = 'the sum of Payments';
	} else if (paid === undefined && stored) {
		paid = storedAmount('amount_paid');
		paidFrom = 'already paid on this invoice in Chaser';
	}
	paid ??= 0;
	let due = body.amount_due as number | undefined;
	if (due === undefined) {
		const credited = stored
			? Math.max(0, money(storedAmount('total') - storedAmount('amount_paid') - storedAmount('amount_due')))
			: 0;
		due = money(total - paid - credited);
		if (due < 0 && paid <= total) {
			check.fail(
				`"Total" (${displayMoney(total, body.currency_code)}) is less than what has been paid and credited on this invoice in Chaser (${displayMoney(money(paid + credited), body.currency_code)})`,
				'Check the total. If the customer has paid more than the invoice is now for, record the difference as an overpayment or a refund and set Amount Paid and Amount Due yourself.',
			);
		}
	}
	const settled = checkInvoiceAmounts({ ...body, amount_paid: paid, amount_due: due }, check, paidFrom);
	if (settled.status === 'AUTHORISED' && due === 0 && paid > 0) settled.status = 'PAID';
	return withPaidDate(settled, stored, check, read);
}

/**
 * Paid always carries its date, and only Paid does (the Chaser Trigger's Invoice Paid goes by it):
 * - status Paid: the Fully Paid Date the item gives; else, for an invoice Chaser already holds as Paid, the date
 *   it has; else the latest payment's date (the item's Payments, else those in Chaser); else today in the
 *   workflow's time zone;
 * - any other status: no paid date, unless the item gives one. It is sent as null (which clears a stale one, e.g.
 *   after a total was raised) unless `stored` is known (`read`) to have none.
 * A body without a status (Update of other fields) is left as it is.
 */
export function withPaidDate(
	body: IDataObject,
	stored: IDataObject | undefined,
	check: InputValidator,
	read: boolean,
): IDataObject {
	if (body.status === undefined || body.fully_paid_date !== undefined) return body;
	if (body.status !== 'PAID') {
		const stale = !read || (stored?.fully_paid_date !== undefined && stored.fully_paid_date !== null);
		return stale ? { ...body, fully_paid_date: null } : body;
	}
	if (stored?.status === 'PAID' && typeof stored.fully_paid_date === 'string' && stored.fully_paid_date !== '') {
		return { ...body, fully_paid_date: stored.fully_paid_date };
	}
	const payments = (Array.isArray(body.payments) ? body.payments : Array.isArray(stored?.payments) ? stored?.payments : []) as IDataObject[];
	const latest = payments
		.map((payment) => payment.date)
		.filter((date): date is string => typeof date === 'string' && date !== '')
		.sort()
		.pop();
	return { ...body, fully_paid_date: latest ? check.date(latest, 'Payments > Date') : check.today() };
}

/**
 * The checks Create or Update can make before any request, on what the item gives alone: Amount Paid (given, or
 * the sum of Payments) and Amount Due against Total. What needs the invoice Chaser holds (its payments and the
 * credit applied) is checked once it is read (`settleInvoiceAmounts`).
 */
export function checkGivenAmounts(body: IDataObject, check: InputValidator): IDataObject {
	if (body.amount_paid !== undefined || !Array.isArray(body.payments)) {
		checkInvoiceAmounts(body, check);
		return body;
	}
	const paid = roundMoney(
		(body.payments as IDataObject[]).reduce((sum, payment) => sum + (payment.amount as number), 0),
		currencyDecimals(body.currency_code),
	);
	checkInvoiceAmounts({ ...body, amount_paid: paid }, check, 'the sum of Payments');
	return body;
}
