import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { typedBody } from '../helpers/body';
import { forEachItem } from '../helpers/items';
import {
	createRecord,
	currencyCondition,
	customerCondition,
	dateConditions,
	type FilterCondition,
	getRecord,
	getRecords,
	statusCondition,
	updateRecord,
} from '../helpers/operations';
import type { RecordRef } from '../helpers/records';
import { customerExternalId, locatorParts, recordNotFound, recordRef } from '../helpers/records';
import { batchingOptions, upsertItems } from '../helpers/upsert';
import { InputValidator } from '../helpers/validation';
import type { BulkPath } from '../transport';
import { externalIdSegment, filterQuery } from '../transport';
import type { RecordKind, ResourceInfo } from './common.descriptions';
import {
	additionalFieldsField,
	currencyCodeField,
	currencyFilter,
	customerFilter,
	customerReference,
	dateRangeFilters,
	filtersField,
	optionsField,
	recordLocator,
	RECORDS,
	returnAllOrLimit,
	simplifyField,
	statusFilter,
	statusValues,
	updateFieldsField,
} from './common.descriptions';

/**
 * Credit notes and overpayments are both customer credit with the same shape (an amount, the part of it
 * not yet allocated to invoices, a currency, a date and a status), so their operations are written once,
 * here, for a `CreditResource`. Each resource's operation files hand theirs in.
 */
export interface CreditResource {
	resource: ResourceInfo;
	record: RecordKind;
	collectionPath: '/v1/credit_notes' | '/v1/overpayments';
	bulkPath: BulkPath;
	/** Chaser's field for your own ID, which also addresses the record as `ext_<id>`. */
	key: 'credit_note_id' | 'overpayment_id';
	/** The top-level parameter holding that ID on Create and Create or Update, and its label. */
	idField: INodeProperties;
	/** Further required text values on create, e.g. the credit note number: parameter, wire name, label. */
	requiredText: ReadonlyArray<{ field: INodeProperties; wireName: string }>;
	statusOptions: INodePropertyOptions[];
	/** What the status, the required amounts and the date mean for this record; the status a new one gets. */
	help: { status: string; total: string; remainingCredit: string; date: string };
	defaultStatus: string;
	/** Filters and Update Fields of this record only (the credit note number). */
	ownFilters: INodeProperties[];
	ownUpdateFields: INodeProperties[];
	summaryFields: readonly string[];
}

// ------------------------------------------------------------------ editor fields

function statusField(credit: CreditResource): INodeProperties {
	const { defaultStatus } = credit;
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: credit.statusOptions,
		default: defaultStatus,
		description: credit.help.status,
	};
}

/** Create and Create or Update: the ID, the required values, then Additional Fields (the status). */
function newCreditFields(credit: CreditResource): INodeProperties[] {
	const { noun } = credit.resource;
	return [
		credit.idField,
		...credit.requiredText.map(({ field }) => field),
		recordLocator(RECORDS.customer, { description: `The customer the ${noun} belongs to; it must already exist in Chaser` }),
		currencyCodeField({ name: 'currencyCode', required: true, description: `ISO 4217 code of the currency the ${noun} is in` }),
		{
			displayName: 'Total',
			name: 'total',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: credit.help.total,
		},
		{
			displayName: 'Remaining Credit',
			name: 'remainingCredit',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: credit.help.remainingCredit,
		},
		{ displayName: 'Date', name: 'date', type: 'dateTime', required: true, default: '', description: credit.help.date },
		additionalFieldsField([statusField(credit)]),
	];
}

/** The snake_case versions of the fields, for Update Fields. */
function creditUpdateFields(credit: CreditResource): INodeProperties[] {
	const { noun } = credit.resource;
	return [
		...credit.ownUpdateFields,
		statusField(credit),
		{ displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP' },
		customerReference({
			name: 'customer_external_id',
			description: `Moves the ${noun} to another customer, which must already exist in Chaser`,
		}),
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
		{
			displayName: 'Remaining Credit',
			name: 'remaining_credit',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: `The part of the ${noun} not yet allocated to invoices. Set it to 0 once it is fully used.`,
		},
		{ displayName: 'Total', name: 'total', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 } },
	];
}

/** The fields of each operation, by operation. */
export function creditFields(credit: CreditResource): Record<'create' | 'get' | 'getAll' | 'update' | 'upsert', INodeProperties[]> {
	const { plural } = credit.resource;
	return {
		create: [...newCreditFields(credit), optionsField()],
		upsert: [...newCreditFields(credit), optionsField(batchingOptions)],
		get: [recordLocator(credit.record), simplifyField, optionsField()],
		getAll: [
			...returnAllOrLimit,
			filtersField([
				...credit.ownFilters,
				currencyFilter,
				customerFilter(plural),
				...dateRangeFilters(plural),
				statusFilter(plural, credit.statusOptions),
			]),
			simplifyField,
			optionsField(),
		],
		update: [recordLocator(credit.record), updateFieldsField(creditUpdateFields(credit)), optionsField()],
	};
}

// ------------------------------------------------------------------ bodies

/** Editor labels of the snake_case fields, used in validation messages. */
const LABELS = {
	currency_code: 'Currency Code',
	customer_external_id: 'Customer',
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
function creditBody(fields: IDataObject, check: InputValidator, credit: CreditResource): IDataObject {
	const texts: Record<string, string> = { customer_external_id: LABELS.customer_external_id };
	for (const { field, wireName } of credit.requiredText) texts[wireName] = field.displayName;
	const { customer_external_id: customer, ...plain } = fields;
	const body = typedBody({ ...plain, customer_external_id: locatorParts(customer).value as string }, check, {
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
	if (body.status !== undefined) body.status = check.oneOf(body.status, statusValues(credit.statusOptions), LABELS.status);
	return body;
}

/**
 * The full body for Create and Create or Update: the ID, the required top-level values and
 * Additional Fields. Everything is validated before the customer is resolved, since a customer
 * picked by Chaser ID costs a request.
 */
async function newCredit(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	credit: CreditResource,
): Promise<{ key: string; body: IDataObject }> {
	const key = check.requiredText(context.getNodeParameter(credit.idField.name, itemIndex), credit.idField.displayName);
	const text: IDataObject = {};
	for (const { field, wireName } of credit.requiredText) {
		text[wireName] = check.requiredText(context.getNodeParameter(field.name, itemIndex), field.displayName);
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
	const body = creditBody({ ...additional, ...required }, check, credit);
	const customer = await customerExternalId(context, itemIndex, check, RECORDS.customer);
	return { key, body: { [credit.key]: key, ...text, ...body, customer_external_id: customer } };
}

// ------------------------------------------------------------------ operations

/** `/v1/<collection>/<segment>`: where the addressed record lives. */
function pathOf(credit: CreditResource, ref: RecordRef): string {
	return `${credit.collectionPath}/${ref.segment}`;
}

export async function createCredit(context: IExecuteFunctions, credit: CreditResource): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const { key, body } = await newCredit(context, itemIndex, new InputValidator(context, itemIndex), credit);
		return await createRecord(context, itemIndex, {
			path: credit.collectionPath,
			body,
			readBackPath: `${credit.collectionPath}/${externalIdSegment(key)}`,
		});
	});
}

export async function upsertCredits(context: IExecuteFunctions, credit: CreditResource): Promise<INodeExecutionData[]> {
	return await upsertItems(context, {
		collectionPath: credit.collectionPath,
		bulkPath: credit.bulkPath,
		keyLabel: credit.record.ownId,
		buildEntry: async (itemIndex, check) => await newCredit(context, itemIndex, check, credit),
	});
}

export async function getCredit(context: IExecuteFunctions, credit: CreditResource): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const ref = recordRef(context, itemIndex, new InputValidator(context, itemIndex), credit.record);
		return await getRecord(
			context,
			itemIndex,
			{ path: pathOf(credit, ref), notFoundMessage: recordNotFound(credit.record, ref) },
			credit.summaryFields,
		);
	});
}

export async function getCredits(context: IExecuteFunctions, credit: CreditResource): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const check = new InputValidator(context, itemIndex);
		const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			currencyCondition(filters.currency_code, check),
			customerCondition(filters.customer_external_id, check),
			...dateConditions('date', filters.date_from, filters.date_to, { from: 'Date From', to: 'Date To' }, check),
			statusCondition(filters.status, statusValues(credit.statusOptions), check),
			...credit.ownFilters.map(
				(filter): FilterCondition => ({
					field: filter.name,
					operator: 'eq',
					value: check.text(filters[filter.name], filter.displayName),
				}),
			),
		]);
		return await getRecords(context, itemIndex, { path: credit.collectionPath, qs }, credit.summaryFields);
	});
}

export async function updateCredit(context: IExecuteFunctions, credit: CreditResource): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const check = new InputValidator(context, itemIndex);
		const ref = recordRef(context, itemIndex, check, credit.record);
		const fields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		return await updateRecord(context, itemIndex, check, {
			path: pathOf(credit, ref),
			body: creditBody(fields, check, credit),
			notFoundMessage: recordNotFound(credit.record, ref),
		});
	});
}
