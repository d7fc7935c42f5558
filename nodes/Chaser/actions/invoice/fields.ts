import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { payments, typedBody } from '../../helpers/body';
import { customerExternalId, locatorParts } from '../../helpers/records';
import type { InputValidator } from '../../helpers/validation';
import { isBlank } from '../../helpers/validation';
import type { ResourceInfo } from '../common.descriptions';
import {
	additionalFieldsField,
	currencyCodeField,
	customerReference,
	INVOICE_STATUSES,
	invoiceStatusOptions,
	paymentsField,
	recordLocator,
	RECORDS,
} from '../common.descriptions';

export const resource: ResourceInfo = { name: 'Invoice', value: 'invoice', noun: 'invoice', plural: 'invoices' };

export const INVOICES_PATH = '/v1/invoices';

/** Field help shared by the top-level parameters and the Update Fields collection. */
const HELP = {
	invoiceId:
		"Your own system's unique ID for the invoice (e.g. the invoice's ID in Xero, QuickBooks or your ERP). Chaser matches updates on it; it is not shown to the customer. Create or Update updates the invoice with this ID, or creates it.",
	invoiceNumber: 'The invoice number printed on the invoice and quoted to the customer in reminders',
	currencyCode: 'ISO 4217 code of the invoice currency, e.g. GBP, EUR or USD',
	total: 'The invoice total including tax, as printed on the invoice',
	amountDue:
		'What the customer still owes on this invoice: the total less payments received and credit notes applied. This is the balance Chaser chases; 0 once settled. Amount Due + Amount Paid can be less than Total (by the credit applied) but not more.',
	amountPaid:
		'What the customer has paid against this invoice so far: the sum of payments received, not counting credit notes. It cannot be more than Total.',
	date: "The date the invoice was issued. Chaser keeps the calendar date: {{ $today }} is today in the workflow's time zone.",
	dueDate:
		"The date payment is due; Chaser times its reminders from it. Chaser keeps the calendar date: {{ $today.plus(30, 'days') }} is 30 days from today in the workflow's time zone.",
	subTotal: 'The invoice total before tax',
	fullyPaidDate: 'The date the invoice was settled in full. Set it together with the status Paid.',
	status: 'Chaser only chases Authorised invoices that still have an amount due. Paid needs nothing left due.',
};

/** Help of Amount Due and Amount Paid on Create and Create or Update, where they can be left out. */
const NEW_INVOICE_HELP = {
	amountDue: `${HELP.amountDue} Left out, it is Total − Amount Paid (for an invoice already in Chaser, also less the credit already applied to it).`,
	amountPaid: `${HELP.amountPaid} Left out, it is the sum of Payments when they are given; otherwise 0 for a new invoice, and what an invoice already in Chaser has paid so far (so payments recorded with Record Payment are kept).`,
	status: `${HELP.status} An Authorised invoice with nothing left due and something paid is saved as Paid.`,
};

const AMOUNT_OPTIONS = { numberPrecision: 2 };

/**
 * Create and Create or Update in 0.1.0 had Amount Due and Amount Paid as top-level parameters. They are kept,
 * hidden, so that an amount a workflow built then set explicitly is still sent (one left at the old default, 0,
 * was never stored, and is now worked out). New workflows set them under Additional Fields.
 */
const legacyAmountFields: INodeProperties[] = [
	{ displayName: 'Amount Due', name: 'amountDue', type: 'hidden', default: '' },
	{ displayName: 'Amount Paid', name: 'amountPaid', type: 'hidden', default: '' },
];

/** The amounts a 0.1.0 workflow set as top-level parameters (see legacyAmountFields), by wire name. */
function legacyAmounts(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const amounts: IDataObject = {};
	const amountDue = context.getNodeParameter('amountDue', itemIndex, '');
	const amountPaid = context.getNodeParameter('amountPaid', itemIndex, '');
	if (!isBlank(amountDue)) amounts.amount_due = amountDue;
	if (!isBlank(amountPaid)) amounts.amount_paid = amountPaid;
	return amounts;
}

/** Optional invoice fields of Create and Create or Update ("Additional Fields"). Wire names. */
const invoiceOptionalFields: INodeProperties[] = [
	{
		displayName: 'Amount Due',
		name: 'amount_due',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: NEW_INVOICE_HELP.amountDue,
	},
	{
		displayName: 'Amount Paid',
		name: 'amount_paid',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: NEW_INVOICE_HELP.amountPaid,
	},
	{ displayName: 'Fully Paid Date', name: 'fully_paid_date', type: 'dateTime', default: '', description: HELP.fullyPaidDate },
	paymentsField,
	{
		displayName: 'Sub Total',
		name: 'sub_total',
		type: 'number',
		default: 0,
		typeOptions: AMOUNT_OPTIONS,
		description: HELP.subTotal,
	},
];

/** Every invoice field, for Update ("Update Fields"), alphabetical. Wire names. */
export const invoiceUpdateFields: INodeProperties[] = [
	{
		displayName: 'Amount Due',
		name: 'amount_due',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: HELP.amountDue,
	},
	{
		displayName: 'Amount Paid',
		name: 'amount_paid',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: HELP.amountPaid,
	},
	currencyCodeField({ description: HELP.currencyCode }),
	customerReference({ name: 'customer_external_id', description: 'Moves the invoice to another customer' }),
	{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: HELP.date },
	{ displayName: 'Due Date', name: 'due_date', type: 'dateTime', default: '', description: HELP.dueDate },
	{ displayName: 'Fully Paid Date', name: 'fully_paid_date', type: 'dateTime', default: '', description: HELP.fullyPaidDate },
	{
		displayName: 'Invoice ID',
		name: 'invoice_id',
		type: 'string',
		default: '',
		description: "A new invoice ID, if the invoice's ID in your own system changed",
	},
	{ displayName: 'Invoice Number', name: 'invoice_number', type: 'string', default: '', placeholder: 'e.g. INV-1042', description: HELP.invoiceNumber },
	paymentsField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: invoiceStatusOptions,
		default: 'AUTHORISED',
		description: HELP.status,
	},
	{
		displayName: 'Sub Total',
		name: 'sub_total',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: HELP.subTotal,
	},
	{
		displayName: 'Total',
		name: 'total',
		type: 'number',
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: HELP.total,
	},
];

/** Editor labels of the invoice fields, by kind. */
const INVOICE_KINDS = {
	texts: { customer_external_id: 'Customer', invoice_id: 'Invoice ID', invoice_number: 'Invoice Number' },
	dates: { date: 'Date', due_date: 'Due Date', fully_paid_date: 'Fully Paid Date' },
	amounts: { amount_due: 'Amount Due', amount_paid: 'Amount Paid', sub_total: 'Sub Total', total: 'Total' },
	currencies: { currency_code: 'Currency Code' },
};

/** What Create and Create or Update ask for: what Chaser requires for a new invoice, then Additional Fields. */
export const newInvoiceFields: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8f14e45f-ceea-467f-a1b2-3c4d5e6f7a8b',
		description: HELP.invoiceId,
	},
	{
		displayName: 'Invoice Number',
		name: 'invoiceNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. INV-1042',
		description: HELP.invoiceNumber,
	},
	recordLocator(RECORDS.customer, { description: 'The customer the invoice is addressed to; it must already exist in Chaser' }),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: invoiceStatusOptions,
		required: true,
		default: 'AUTHORISED',
		description: NEW_INVOICE_HELP.status,
	},
	currencyCodeField({ name: 'currencyCode', required: true, description: HELP.currencyCode }),
	{
		displayName: 'Total',
		name: 'total',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { ...AMOUNT_OPTIONS, minValue: 0 },
		description: HELP.total,
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		required: true,
		default: '',
		description: HELP.date,
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: HELP.dueDate,
	},
	additionalFieldsField(invoiceOptionalFields),
	...legacyAmountFields,
];

/**
 * Validates and shapes optional or update invoice fields (editor collection, wire names) into Chaser's body.
 * Text, numbers and dates are checked and converted; payments are unwrapped from the fixed collection.
 */
export function invoiceBody(fields: IDataObject, check: InputValidator): IDataObject {
	const { payments: paymentList, customer_external_id: customer, ...plain } = fields;
	const body = typedBody({ ...plain, customer_external_id: locatorParts(customer).value as string }, check, INVOICE_KINDS);
	if (body.status !== undefined) body.status = check.oneOf(body.status, INVOICE_STATUSES, 'Status');
	if (paymentList !== undefined) body.payments = payments(paymentList, check);
	return body;
}

/**
 * The body of a new invoice (Create, Create or Update) from the top-level parameters plus "Additional
 * Fields", its amounts passed through `amounts` (see money.ts). Every field is validated before the
 * customer is resolved, so a bad item sends nothing at all; a customer chosen by Chaser ID then costs one
 * look-up for its external ID.
 */
export async function newInvoiceBody(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	amounts: (fields: IDataObject) => IDataObject,
): Promise<IDataObject> {
	const param = (name: string) => context.getNodeParameter(name, itemIndex);
	const invoiceId = check.requiredText(param('invoiceId'), 'Invoice ID');
	const invoiceNumber = check.requiredText(param('invoiceNumber'), 'Invoice Number');
	const fields = amounts({
		status: check.oneOf(param('status'), INVOICE_STATUSES, 'Status'),
		currency_code: check.currency(param('currencyCode'), 'Currency Code'),
		total: check.amount(param('total'), 'Total', { min: 0 }),
		date: check.date(param('date'), 'Date'),
		due_date: check.date(param('dueDate'), 'Due Date'),
		...invoiceBody(
			{ ...legacyAmounts(context, itemIndex), ...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) },
			check,
		),
	});
	const customer = await customerExternalId(context, itemIndex, check, RECORDS.customer);
	return { invoice_id: invoiceId, invoice_number: invoiceNumber, customer_external_id: customer, ...fields };
}

/** Fields worth seeing at a glance; Simplify returns only these. */
export const INVOICE_SUMMARY_FIELDS = [
	'id',
	'invoice_id',
	'invoice_number',
	'customer_external_id',
	'customer_name',
	'status',
	'currency_code',
	'total',
	'amount_due',
	'due_date',
];
