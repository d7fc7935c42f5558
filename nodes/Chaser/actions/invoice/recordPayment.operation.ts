import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import type { RecordRef } from '../../helpers/records';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { optionsField, recordLocator, RECORDS } from '../common.descriptions';
import { INVOICES_PATH } from './fields';
import { currencyDecimals, formatMoney, roundMoney } from './money';

const properties: INodeProperties[] = [
	recordLocator(RECORDS.invoice),
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
				"Your payment provider's or bank's ID for this payment. This node remembers the references it has recorded on each invoice (the last 10,000), so when a webhook delivers the same payment again it is not recorded twice: the item then outputs the invoice as it stands with payment_already_recorded true. If the payment cannot be recorded, its reference is forgotten so that it can be sent again.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['recordPayment'] } },
	properties,
);

/**
 * How n8n's deduplication store (the one the Remove Duplicates node uses, kept in n8n's database) holds
 * the payment references this node has recorded: per node, the last 10,000.
 */
const REFERENCES = { scope: 'node', options: { mode: 'entries', maxEntries: 10_000 } } as const;

/**
 * Adds a payment to an invoice: reads it, appends `{amount, date}` to its payments (keeping earlier
 * ones, as Chaser replaces the list it is sent), updates amount_paid and amount_due, and marks it Paid
 * when nothing is left due. Outputs the updated invoice plus `overpaid_amount` and
 * `payment_already_recorded`.
 *
 * With a Payment Reference, the reference is recorded in n8n's deduplication store before the update
 * (so a second delivery arriving while the first is being written finds it) and forgotten again if the
 * payment is refused or the update fails (so that it can be retried). A reference already recorded means
 * the payment is not applied again.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, RECORDS.invoice);
		const amount = check.amount(this.getNodeParameter('amount', itemIndex), 'Amount', { positive: true });
		const date = check.date(this.getNodeParameter('paymentDate', itemIndex), 'Payment Date');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const reference = check.text(options.paymentReference, 'Payment Reference');

		const current = await chaserRequest(this, {
			method: 'GET',
			path: `${INVOICES_PATH}/${ref.segment}`,
			itemIndex,
			notFoundMessage: recordNotFound(RECORDS.invoice, ref),
		});
		const invoice = current.data as IDataObject;
		// One bank payment can be split across invoices, so a reference is remembered per invoice.
		const references = reference === undefined ? [] : [JSON.stringify([invoice.id, reference])];
		if (references.length > 0) {
			const { processed } = await this.helpers.checkProcessedAndRecord(references, REFERENCES.scope, REFERENCES.options);
			if (processed.length > 0) return { ...invoice, overpaid_amount: 0, payment_already_recorded: true };
		}
		let recordedNow = false;
		try {
			const { body, overpaid } = applyPayment(invoice, ref, amount, date, options.allowOverpayment === true, check);
			const updated = await chaserRequest(this, {
				method: 'PUT',
				path: `${INVOICES_PATH}/${ref.segment}`,
				body,
				itemIndex,
				notFoundMessage: recordNotFound(RECORDS.invoice, ref),
			});
			recordedNow = true;
			return { ...(updated.data as IDataObject), overpaid_amount: overpaid, payment_already_recorded: false };
		} finally {
			if (!recordedNow && references.length > 0) {
				await this.helpers.removeProcessed(references, REFERENCES.scope, REFERENCES.options);
			}
		}
	});
}

function applyPayment(
	invoice: IDataObject,
	ref: RecordRef,
	rawAmount: number,
	date: string,
	allowOverpayment: boolean,
	check: InputValidator,
): { body: IDataObject; overpaid: number } {
	const decimals = currencyDecimals(invoice.currency_code);
	const money = (value: number) => roundMoney(value, decimals);
	const show = (value: number) => formatMoney(value, invoice.currency_code);

	const amount = money(rawAmount);
	if (amount <= 0) check.fail(`"Amount" must be at least ${show(10 ** -decimals)}, got ${rawAmount}`);
	if (invoice.status === 'VOIDED' || invoice.status === 'DELETED') {
		check.fail(
			`The invoice with ${ref.label} is ${String(invoice.status)}, so no payment can be recorded against it`,
			'A voided or deleted invoice is no longer owed. Record the money as an overpayment instead, or restore the invoice first.',
		);
	}
	const amountDue = storedAmount(invoice.amount_due, 'amount_due', ref, check);
	const amountPaid = invoice.amount_paid === undefined || invoice.amount_paid === null
		? 0
		: storedAmount(invoice.amount_paid, 'amount_paid', ref, check);

	const overpaid = Math.max(0, money(amount - amountDue));
	if (overpaid > 0 && !allowOverpayment) {
		check.fail(
			`The payment of ${show(amount)} is more than the ${show(amountDue)} due on the invoice with ${ref.label}: it is over by ${show(overpaid)}`,
			'Check the amount, or turn on "Allow Overpayment" in Options to record it anyway; the invoice is then marked Paid and the output shows the overpaid amount. Nothing was changed in Chaser.',
		);
	}

	const previous = Array.isArray(invoice.payments) ? (invoice.payments as IDataObject[]) : [];
	const body: IDataObject = {
		payments: [...previous.map((payment) => ({ amount: payment.amount, date: payment.date })), { amount, date }],
		amount_paid: money(amountPaid + amount),
		amount_due: Math.max(0, money(amountDue - amount)),
	};
	if (amountDue > 0 && body.amount_due === 0) {
		body.status = 'PAID';
		body.fully_paid_date = date;
	}
	return { body, overpaid };
}

function storedAmount(value: unknown, field: string, ref: RecordRef, check: InputValidator): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		check.fail(`The invoice with ${ref.label} has no usable ${field} in Chaser, so the payment cannot be applied`);
	}
	return number as number;
}
