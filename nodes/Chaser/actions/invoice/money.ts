import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../helpers/validation';

/**
 * Invoice money: how an invoice's amounts must agree, and arithmetic for the amounts the node works out
 * itself (Record Payment, amounts left empty). Sums of decimal amounts in floating point drift
 * (0.1 + 0.2 = 0.30000000000000004), so every computed amount is rounded to the currency's minor unit:
 * 2 decimals for GBP, EUR or USD, 0 for JPY, 3 for KWD.
 */

const DEFAULT_DECIMALS = 2;

/** Decimals of the currency's minor unit as Intl knows them; 2 when the code is unknown. */
export function currencyDecimals(currencyCode: unknown): number {
	if (typeof currencyCode !== 'string' || !/^[A-Za-z]{3}$/.test(currencyCode.trim())) return DEFAULT_DECIMALS;
	try {
		const format = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode.trim().toUpperCase() });
		return format.resolvedOptions().maximumFractionDigits ?? DEFAULT_DECIMALS;
	} catch {
		return DEFAULT_DECIMALS;
	}
}

/** Rounds half away from zero to `decimals`, correcting binary noise first (1.005 → 1.01). */
export function roundMoney(value: number, decimals = DEFAULT_DECIMALS): number {
	const factor = 10 ** decimals;
	const scaled = Number((Math.abs(value) * factor).toPrecision(15));
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	return rounded === 0 ? 0 : rounded;
}

/** An amount as an accountant reads it: the currency's decimals and its code, e.g. "749.50 GBP". */
export function formatMoney(value: number, currencyCode: unknown): string {
	const code = typeof currencyCode === 'string' ? currencyCode : '';
	return `${value.toFixed(currencyDecimals(code))}${code ? ` ${code}` : ''}`;
}

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
	const show = (value: number) => formatMoney(value, body.currency_code);
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
				`"Total" (${formatMoney(total, body.currency_code)}) is less than what has been paid and credited on this invoice in Chaser (${formatMoney(money(paid + credited), body.currency_code)})`,
				'Check the total. If the customer has paid more than the invoice is now for, record the difference as an overpayment or a refund and set Amount Paid and Amount Due yourself.',
			);
		}
	}
	const settled = checkInvoiceAmounts({ ...body, amount_paid: paid, amount_due: due }, check, paidFrom);
	if (settled.status === 'AUTHORISED' && due === 0 && paid > 0) settled.status = 'PAID';
	return settled;
}
