import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { currencyDecimals, displayMoney, roundMoney } from '../../../../core/money';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { invoice as invoices } from '../../../../core/registry';
import { chaserRequest } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';

const properties: INodeProperties[] = [
	recordLocator(invoices),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description:
			"The amount received, in the invoice's currency. It is added to the invoice's payments, added to Amount Paid and taken off Amount Due; when nothing is left due the invoice becomes Paid.",
	},
	{
		displayName: 'Payment Date',
		name: 'paymentDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"The date the money was received, e.g. the date on the bank statement. It also becomes the fully paid date when this payment settles the invoice. Chaser keeps the calendar date: {{ $today }} is today in the workflow's time zone.",
	},
	optionsField([
		{
			displayName: 'Allow Overpayment',
			name: 'allowOverpayment',
			type: 'boolean',
			default: false,
			description:
				"Whether to accept a payment larger than the amount due. The invoice is then marked Paid with nothing due, and the output's overpaid_amount says how much was paid over, so you can record it as an overpayment or refund it. When off, such a payment fails the item and the invoice is left unchanged.",
		},
		{
			displayName: 'Payment Reference',
			name: 'paymentReference',
			type: 'string',
			default: '',
			placeholder: 'e.g. pi_3NkQ2x2eZvKYlo2C1a2b3c4d',
			description:
				"Your payment provider's or bank's ID for this payment. With it, a payment delivered again (a retried webhook, a re-run execution, one that stopped half-way) is recorded once: the item then outputs the invoice as it stands, with payment_already_recorded true. The same reference with another amount or date is refused.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['recordPayment'] } },
	properties,
);

/**
 * n8n's deduplication store (the Remove Duplicates node's, kept in n8n's database and shared by queue-mode
 * workers) holds what this node knows of the payments it recorded with a reference: per node, the last 30,000
 * entries (three per payment).
 */
const STORE = { scope: 'node', options: { mode: 'entries', maxEntries: 30_000 } } as const;

/**
 * Adds a payment to an invoice: reads it, appends `{amount, date}` to its payments (keeping earlier ones, as
 * Chaser replaces the list it is sent), updates amount_paid and amount_due, and marks it Paid, with its paid
 * date, when nothing is left due. Outputs the updated invoice plus `overpaid_amount` and
 * `payment_already_recorded`.
 *
 * With a Payment Reference the payment is recorded once, whatever stopped an earlier attempt (see `settle`).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	let alreadyRecorded = 0;
	const output = await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, invoices);
		const amount = check.amount(this.getNodeParameter('amount', itemIndex), 'Amount', { positive: true });
		const date = check.date(this.getNodeParameter('paymentDate', itemIndex), 'Payment Date');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const reference = check.text(options.paymentReference, 'Payment Reference');
		const path = recordPath(invoices, ref);
		const notFoundMessage = recordNotFound(invoices, ref);

		const invoice = (await chaserRequest(this, { method: 'GET', path, itemIndex, notFoundMessage })).data as IDataObject;
		const payment = { amount: roundMoney(amount, currencyDecimals(invoice.currency_code)), date };
		const record = async () => {
			const { body, overpaid } = applyPayment(invoice, payment, amount, options.allowOverpayment === true, check);
			const updated = await chaserRequest(this, { method: 'PUT', path, body, itemIndex, notFoundMessage });
			return { ...(updated.data as IDataObject), overpaid_amount: overpaid, payment_already_recorded: false };
		};
		if (reference === undefined) return await record();

		const outcome = await settle(this, invoice, payment, reference, record, check);
		if (outcome.payment_already_recorded === true) alreadyRecorded++;
		return outcome;
	});
	if (alreadyRecorded > 0) {
		this.addExecutionHints({
			message: `${alreadyRecorded} ${alreadyRecorded === 1 ? 'payment was' : 'payments were'} already recorded, so nothing was added: their Payment Reference had been recorded on the invoice before (see payment_already_recorded)`,
			type: 'info',
			location: 'outputPane',
		});
	}
	return output;
}

interface Payment {
	amount: number;
	date: string;
}

/**
 * A payment with a reference, recorded once. Chaser's own payments on the invoice are the truth; n8n's store
 * only remembers what this node set out to do. Before the update it notes, in one call, that the reference was
 * used on this invoice, for this amount and date, when the invoice held `n` payments like it (same amount and
 * date). A later delivery of the same payment then tells, from the invoice as Chaser holds it now:
 * - the reference is new: the payment is recorded;
 * - noted with the same count as now: the earlier attempt stopped before its update reached Chaser (or is
 *   sending it right now, with the very same payments list), so it is sent (again);
 * - noted with another count: the earlier update reached Chaser, whose payments now hold it: nothing is added;
 * - the reference was used for another amount or date: refused, nothing changed.
 * A definite refusal (Chaser rejects the update, or the payment is not acceptable) forgets the notes, so the
 * payment can be corrected and sent again; an update that may have landed (timed out, no answer) keeps them.
 */
async function settle(
	context: IExecuteFunctions,
	invoice: IDataObject,
	payment: Payment,
	reference: string,
	record: () => Promise<IDataObject>,
	check: InputValidator,
): Promise<IDataObject> {
	const keys = {
		reference: note(invoice, reference),
		payment: note(invoice, reference, payment),
		state: note(invoice, reference, payment, countOf(invoice, payment)),
	};
	const all = Object.values(keys);
	const { processed } = await context.helpers.checkProcessedAndRecord(all, STORE.scope, STORE.options);
	const known = new Set(processed);
	const forget = async (values: string[]) => await context.helpers.removeProcessed(values, STORE.scope, STORE.options);

	if (known.has(keys.reference) && !known.has(keys.payment)) {
		await forget([keys.payment, keys.state]);
		return check.fail(...(await mismatch(context, invoice, payment, reference)));
	}
	if (known.has(keys.payment) && !known.has(keys.state)) {
		await forget([keys.state]);
		return { ...invoice, overpaid_amount: 0, payment_already_recorded: true };
	}
	// record() throws only the node's own errors (the transport's, the checks'); forEachItem pairs them with the item.
	return await record().catch(async (error: unknown) => {
		if (refusedForSure(error)) await forget(all);
		throw error;
	});
}

/** Whether a failure proves the update did not reach Chaser: a refusal of the payment, or Chaser's 4xx answer. */
function refusedForSure(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return true;
	const status = Number(error.httpCode);
	return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** What the store remembers, per invoice (one bank payment can be split across invoices). */
function note(invoice: IDataObject, reference: string, payment?: Payment, count?: number): string {
	return JSON.stringify([invoice.id, reference, ...(payment ? [payment.amount, payment.date.slice(0, 10)] : []), ...(count === undefined ? [] : [count])]);
}

/** How many of the invoice's payments are for this amount on this date. */
function countOf(invoice: IDataObject, payment: Payment): number {
	return payments(invoice).filter((entry) => Number(entry.amount) === payment.amount && sameDay(entry.date, payment.date)).length;
}

function payments(invoice: IDataObject): IDataObject[] {
	return Array.isArray(invoice.payments) ? (invoice.payments as IDataObject[]) : [];
}

function sameDay(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && a.slice(0, 10) === b.slice(0, 10);
}

/**
 * The error for a reference used before with another amount or date, naming the earlier payment when Chaser
 * holds it (found by asking the store about each payment on the invoice).
 */
async function mismatch(
	context: IExecuteFunctions,
	invoice: IDataObject,
	payment: Payment,
	reference: string,
): Promise<[string, string]> {
	const show = (candidate: Payment) => `${displayMoney(candidate.amount, invoice.currency_code)} on ${candidate.date.slice(0, 10)}`;
	const candidates = payments(invoice)
		.map((entry) => ({ amount: Number(entry.amount), date: String(entry.date) }))
		.filter((entry, index, all) => all.findIndex((other) => note(invoice, reference, other) === note(invoice, reference, entry)) === index);
	let earlier: Payment | undefined;
	if (candidates.length > 0) {
		const values = candidates.map((candidate) => note(invoice, reference, candidate));
		const { processed } = await context.helpers.checkProcessedAndRecord(values, STORE.scope, STORE.options);
		const fresh = values.filter((value) => !processed.includes(value));
		if (fresh.length > 0) await context.helpers.removeProcessed(fresh, STORE.scope, STORE.options);
		earlier = candidates.find((candidate) => processed.includes(note(invoice, reference, candidate)));
	}
	const which = describeInvoice(invoice);
	const before = earlier ? `was recorded on ${which} for ${show(earlier)}` : `was used on ${which} for another payment, which has not reached Chaser`;
	return [
		`Payment Reference '${reference}' ${before}; this item has ${show(payment)}. Nothing was changed`,
		'A reference names one payment. If this is another payment, give it its own reference; if the earlier amount or date was wrong, correct the invoice in Chaser (Update) rather than recording the payment again.',
	];
}

/** An invoice as the user knows it: its number, and your ID for it. */
function describeInvoice(invoice: IDataObject): string {
	const number = invoice.invoice_number ? `invoice ${String(invoice.invoice_number)}` : 'the invoice';
	return invoice.invoice_id ? `${number} (invoice ID '${String(invoice.invoice_id)}')` : number;
}

function applyPayment(
	invoice: IDataObject,
	payment: Payment,
	rawAmount: number,
	allowOverpayment: boolean,
	check: InputValidator,
): { body: IDataObject; overpaid: number } {
	const decimals = currencyDecimals(invoice.currency_code);
	const money = (value: number) => roundMoney(value, decimals);
	const show = (value: number) => displayMoney(value, invoice.currency_code);
	const which = describeInvoice(invoice);

	const { amount, date } = payment;
	if (amount <= 0) check.fail(`"Amount" must be at least ${show(10 ** -decimals)}, got ${rawAmount}`);
	if (invoice.status === 'VOIDED' || invoice.status === 'DELETED') {
		check.fail(
			`${capitalised(which)} is ${String(invoice.status)}, so no payment can be recorded against it`,
			'A voided or deleted invoice is no longer owed. Record the money as an overpayment instead, or restore the invoice first.',
		);
	}
	const amountDue = storedAmount(invoice.amount_due, 'amount_due', which, check);
	const amountPaid =
		invoice.amount_paid === undefined || invoice.amount_paid === null
			? 0
			: storedAmount(invoice.amount_paid, 'amount_paid', which, check);

	const overpaid = Math.max(0, money(amount - amountDue));
	if (overpaid > 0 && !allowOverpayment) {
		check.fail(
			`The payment of ${show(amount)} is more than the ${show(amountDue)} due on ${which}: it is over by ${show(overpaid)}`,
			'Check the amount, or turn on "Allow Overpayment" in Options to record it anyway; the invoice is then marked Paid and the output shows the overpaid amount. Nothing was changed in Chaser.',
		);
	}

	const body: IDataObject = {
		payments: [...payments(invoice).map((entry) => ({ amount: entry.amount, date: entry.date })), { amount, date }],
		amount_paid: money(amountPaid + amount),
		amount_due: Math.max(0, money(amountDue - amount)),
	};
	if (amountDue > 0 && body.amount_due === 0) {
		body.status = 'PAID';
		body.fully_paid_date = date;
	}
	return { body, overpaid };
}

function capitalised(text: string): string {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function storedAmount(value: unknown, field: string, which: string, check: InputValidator): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		check.fail(`${capitalised(which)} has no usable ${field} in Chaser, so the payment cannot be applied`);
	}
	return number as number;
}
