import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { typedBody } from '../helpers/body';
import { customerExternalId } from '../helpers/customer';
import type { InputValidator } from '../helpers/validation';
import { isBlank } from '../helpers/validation';
import type { BulkPath, FilterOperator } from '../transport';
import { externalIdSegment } from '../transport';

/**
 * Credit notes and overpayments are both customer credit with the same shape (an amount, the part
 * of it not yet allocated to invoices, a currency, a date and a status), so they share the body
 * builder, the amount fields and the list filters here. Each resource keeps its own operation files.
 */
export interface CreditResource {
	/** Singular noun for messages, e.g. "credit note". */
	noun: string;
	collectionPath: '/v1/credit_notes' | '/v1/overpayments';
	bulkPath: BulkPath;
	/** Chaser's field for your own ID, which also addresses the record as `ext_<id>`. */
	key: 'credit_note_id' | 'overpayment_id';
	/** The top-level parameter holding that ID, and its label. */
	idParameter: 'creditNoteId' | 'overpaymentId';
	idLabel: string;
	statuses: readonly string[];
	/** Further required text values on create, e.g. the credit note number: parameter, wire name, label. */
	requiredText: ReadonlyArray<{ parameter: string; field: string; label: string }>;
}

/** `/v1/<collection>/ext_<id>`: where the record with your own ID lives. */
export function creditPath(resource: CreditResource, id: string): string {
	return `${resource.collectionPath}/${externalIdSegment(id)}`;
}

export function creditNotFound(resource: CreditResource, id: string): string {
	return `No ${resource.noun} with ${resource.noun} ID '${id}' exists in Chaser`;
}

/** Reads and checks the record's own ID (the top-level ID parameter). */
export function readCreditId(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: CreditResource,
): string {
	return check.requiredText(context.getNodeParameter(resource.idParameter, itemIndex), resource.idLabel);
}

/** Editor labels of the snake_case fields, used in validation messages. */
const LABELS = {
	currency_code: 'Currency Code',
	customer_external_id: 'Customer External ID',
	date: 'Date',
	remaining_credit: 'Remaining Credit',
	status: 'Status',
	total: 'Total',
};

/**
 * Validates credit fields given under Chaser's wire names (Additional Fields, Update Fields, or the
 * top-level values gathered under those names) and returns the body. Amounts must be 0 or more and
 * the remaining credit cannot exceed the total when both are given.
 */
function creditBody(fields: IDataObject, check: InputValidator, resource: CreditResource): IDataObject {
	const texts: Record<string, string> = { customer_external_id: LABELS.customer_external_id };
	for (const { field, label } of resource.requiredText) texts[field] = label;
	const body = typedBody(fields, check, {
		texts,
		dates: { date: LABELS.date },
		amounts: { total: LABELS.total, remaining_credit: LABELS.remaining_credit },
		currencies: { currency_code: LABELS.currency_code },
	});
	if (
		typeof body.total === 'number' &&
		typeof body.remaining_credit === 'number' &&
		body.remaining_credit > body.total
	) {
		check.fail(
			`"Remaining Credit" (${body.remaining_credit}) cannot be more than "Total" (${body.total})`,
			'Remaining Credit is the part of the total not yet allocated to invoices.',
		);
	}
	if (body.status !== undefined) body.status = check.oneOf(body.status, resource.statuses, LABELS.status);
	return body;
}

/**
 * The full body for Create and Create or Update: the ID, the required top-level values and
 * Additional Fields. Everything is validated before the customer is resolved, since a customer
 * picked by Chaser ID costs a request.
 */
export async function buildCreditEntry(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: CreditResource,
): Promise<{ key: string; body: IDataObject }> {
	const key = readCreditId(context, itemIndex, check, resource);
	const text: IDataObject = {};
	for (const { parameter, field, label } of resource.requiredText) {
		text[field] = check.requiredText(context.getNodeParameter(parameter, itemIndex), label);
	}
	const required = {
		currency_code: check.currency(context.getNodeParameter('currencyCode', itemIndex), LABELS.currency_code),
		total: check.amount(context.getNodeParameter('total', itemIndex), LABELS.total, { min: 0 }),
		remaining_credit: check.amount(context.getNodeParameter('remainingCredit', itemIndex), LABELS.remaining_credit, {
			min: 0,
		}),
		date: check.date(context.getNodeParameter('date', itemIndex), LABELS.date),
	};
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = creditBody({ ...additional, ...required }, check, resource);
	const customer = await customerExternalId(context, itemIndex, check);
	return { key, body: { [resource.key]: key, ...text, ...body, customer_external_id: customer } };
}

/** Updates: at least one field, validated like a create. */
export function creditUpdateBody(fields: IDataObject, check: InputValidator, resource: CreditResource): IDataObject {
	const body = creditBody(fields, check, resource);
	if (Object.keys(body).length === 0) check.fail('Set at least one field in "Update Fields"');
	return body;
}

// ------------------------------------------------------------------ editor fields

export function currencyCodeField(noun: string): INodeProperties {
	return {
		displayName: 'Currency Code',
		name: 'currencyCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GBP',
		description: `ISO 4217 code of the currency the ${noun} is in`,
	};
}

export function totalField(description: string): INodeProperties {
	return {
		displayName: 'Total',
		name: 'total',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description,
	};
}

export function remainingCreditField(description: string): INodeProperties {
	return {
		displayName: 'Remaining Credit',
		name: 'remainingCredit',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description,
	};
}

export function dateField(description: string): INodeProperties {
	return { displayName: 'Date', name: 'date', type: 'dateTime', required: true, default: '', description };
}

/** The snake_case versions of the amount fields, for Update Fields. */
export function creditUpdateOptions(noun: string): INodeProperties[] {
	return [
		{ displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP' },
		{
			displayName: 'Customer External ID',
			name: 'customer_external_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. CUST-0042',
			description: `Moves the ${noun} to another customer: that customer's ID in your own system. The customer must already exist in Chaser.`,
		},
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
		{
			displayName: 'Remaining Credit',
			name: 'remaining_credit',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: `The part of the ${noun} not yet allocated to invoices. Set it to 0 once it is fully used.`,
		},
		{
			displayName: 'Total',
			name: 'total',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
		},
	];
}

// ------------------------------------------------------------------ Get Many filters

/** Filters both lists share, alphabetical; each resource adds its own and re-sorts. */
export function creditFilterOptions(
	plural: string,
	statusOptions: INodeProperties['options'],
	defaultStatus: string,
): INodeProperties[] {
	return [
		{ displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP' },
		{
			displayName: 'Customer External ID',
			name: 'customer_external_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. CUST-0042',
			description: `Only the ${plural} of this customer: its ID in your own system`,
		},
		{
			displayName: 'Date From',
			name: 'date_from',
			type: 'dateTime',
			default: '',
			description: `Only ${plural} dated on or after this date`,
		},
		{
			displayName: 'Date To',
			name: 'date_to',
			type: 'dateTime',
			default: '',
			description: `Only ${plural} dated on or before this date, that whole day included`,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: statusOptions,
			default: defaultStatus,
			description: `Only ${plural} in this status`,
		},
	];
}

/** Validates the shared filters and returns the `{ field, operator, value }` conditions for `filterQuery`. */
export function creditFilterConditions(
	filters: IDataObject,
	check: InputValidator,
	resource: CreditResource,
): Array<{ field: string; operator: FilterOperator; value: unknown }> {
	const { from, to } = check.dateRange(filters.date_from, filters.date_to, { from: 'Date From', to: 'Date To' });
	return [
		{
			field: 'currency_code',
			operator: 'eq',
			value: isBlank(filters.currency_code) ? undefined : check.currency(filters.currency_code, 'Currency Code'),
		},
		{
			field: 'customer_external_id',
			operator: 'eq',
			value: check.text(filters.customer_external_id, 'Customer External ID'),
		},
		{ field: 'date', operator: 'gte', value: from },
		{ field: 'date', operator: 'lte', value: to },
		{
			field: 'status',
			operator: 'eq',
			value: isBlank(filters.status) ? undefined : check.oneOf(filters.status, resource.statuses, 'Status'),
		},
	];
}
