import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName, currencyCodeField, customerReference, recordLocator, statusOptions } from '../../../core/fields';
import type { FieldDefinition, ResourceDefinition } from '../../../core/registry';
import { customer } from '../../../core/registry';
import { MAX_BULK_ENTRIES } from '../../../core/transport';

/**
 * Editor fields the Chaser node's operations share. A record's own fields are built from its registry entry
 * (`core/registry/<resource>.ts`): Create's top-level fields and Additional Fields, and Update Fields.
 */

const AMOUNT_OPTIONS = { numberPrecision: 2, minValue: 0 };

const addressTypes = [
	{ name: 'Billing', value: 'Billing' },
	{ name: 'Delivery', value: 'Delivery' },
	{ name: 'PO Box', value: 'POBOX' },
	{ name: 'Unknown', value: 'Unknown' },
];

const addressesField: Omit<INodeProperties, 'displayName' | 'name'> = {
	type: 'fixedCollection',
	placeholder: 'Add Address',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: 'Address',
			name: 'address',
			values: [
				{ displayName: 'Address Line 1', name: 'address_line1', type: 'string', default: '' },
				{ displayName: 'Address Line 2', name: 'address_line2', type: 'string', default: '' },
				{ displayName: 'Address Line 3', name: 'address_line3', type: 'string', default: '' },
				{ displayName: 'Address Line 4', name: 'address_line4', type: 'string', default: '' },
				{ displayName: 'Address Type', name: 'address_type', type: 'options', options: addressTypes, default: 'Billing' },
				{ displayName: 'City', name: 'city', type: 'string', default: '' },
				{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. United Kingdom' },
				{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
				{ displayName: 'Region', name: 'region', type: 'string', default: '' },
			],
		},
	],
};

const groupsField: Omit<INodeProperties, 'displayName' | 'name'> = {
	type: 'fixedCollection',
	placeholder: 'Add Group',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'Customer groups in Chaser, used to apply different chasing schedules to different customers',
	options: [
		{
			displayName: 'Group',
			name: 'group',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Key Accounts' },
				{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions(customer), default: 'ACTIVE' },
			],
		},
	],
};

const paymentsField: Omit<INodeProperties, 'displayName' | 'name'> = {
	type: 'fixedCollection',
	placeholder: 'Add Payment',
	typeOptions: { multipleValues: true },
	default: {},
	description:
		"The invoice's payment history. Sending it replaces the history Chaser holds, so include earlier payments too (Record Payment does this for you).",
	options: [
		{
			displayName: 'Payment',
			name: 'payment',
			values: [
				{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { numberPrecision: 2 } },
				{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
			],
		},
	],
};

type Context = 'new' | 'update';

/** One field of a record as the editor shows it, by its kind; `name` is the wire name, or a top-level parameter. */
function editorField(resource: ResourceDefinition, wireName: string, field: FieldDefinition, context: Context, name = wireName): INodeProperties {
	const description = (context === 'update' ? field.updateHelp : field.newHelp) ?? field.help;
	const common = {
		displayName: field.label,
		name,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(description ? { description } : {}),
	};
	switch (field.kind) {
		case 'amount':
			return { ...common, type: 'number', default: 0, typeOptions: AMOUNT_OPTIONS };
		case 'date':
			return { ...common, type: 'dateTime', default: '' };
		case 'currency':
			return currencyCodeField({ ...common });
		case 'status':
			return { ...common, type: 'options', options: statusOptions(resource), default: field.default ?? '' };
		case 'customer':
			return context === 'new' && name !== wireName
				? recordLocator(customer, { description })
				: customerReference({ name, description });
		case 'addresses':
			return { ...addressesField, ...common };
		case 'groups':
			return { ...groupsField, ...common };
		case 'payments':
			return { ...paymentsField, ...common, description: paymentsField.description };
		default:
			return { ...common, type: 'string', default: '' };
	}
}

/**
 * What Create and Create or Update ask for: the fields Chaser requires for a new record, at the top under
 * their own parameter names, then Additional Fields with the rest.
 */
export function newRecordFields(resource: ResourceDefinition): INodeProperties[] {
	const fields = Object.entries(resource.fields ?? {});
	const required = fields
		.filter(([, field]) => field.required)
		.map(([wireName, field]) => ({ ...editorField(resource, wireName, field, 'new', field.required), required: true }));
	const optional = fields
		.filter(([, field]) => !field.required && field.newRecord !== false)
		.map(([wireName, field]) => editorField(resource, wireName, field, 'new'));
	return optional.length > 0 ? [...required, additionalFieldsField(optional)] : required;
}

/** Update Fields: every field Update may change, by its wire name. */
export function updateFieldsField(resource: ResourceDefinition, description?: string): INodeProperties {
	const options = Object.entries(resource.fields ?? {})
		.filter(([, field]) => field.update !== false)
		.map(([wireName, field]) => editorField(resource, wireName, field, 'update'));
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description ? { description } : {}),
		options: byDisplayName(options),
	};
}

export function additionalFieldsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName(options),
	};
}

export function filtersField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byDisplayName(options),
	};
}

export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/**
 * A Get Many filter on a text field. Chaser's filters compare the whole value (there is no "contains"), so the
 * label says "(Exact)", the placeholder shows a whole value and the help says what it does not find.
 */
export function exactTextFilter(filter: {
	label: string;
	name: string;
	placeholder: string;
	/** What to type, e.g. "The whole company name, exactly as in Chaser". */
	help: string;
}): INodeProperties {
	return {
		displayName: `${filter.label} (Exact)`,
		name: filter.name,
		type: 'string',
		default: '',
		placeholder: filter.placeholder,
		description: `${filter.help}. Chaser matches the whole value, not part of it.`,
	};
}

/** Get Many: the records in any of the chosen statuses. */
export function statusFilter(resource: ResourceDefinition): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		options: statusOptions(resource),
		default: [],
		description: `Only ${resource.plural} in one of these statuses`,
	};
}

/** Get Many: Date From and Date To (the whole last day). */
export function dateRangeFilters(resource: ResourceDefinition, dated = 'dated'): INodeProperties[] {
	return [
		{
			displayName: 'Date From',
			name: 'date_from',
			type: 'dateTime',
			default: '',
			description: `Only ${resource.plural} ${dated} on or after this date`,
		},
		{
			displayName: 'Date To',
			name: 'date_to',
			type: 'dateTime',
			default: '',
			description: `Only ${resource.plural} ${dated} on or before this date, that whole day included`,
		},
	];
}

export const currencyFilter = currencyCodeField();

/** Get Many of records that belong to a customer: that customer's only. */
export function customerFilter(resource: ResourceDefinition): INodeProperties {
	return customerReference({ name: 'customer_external_id', description: `Only the ${resource.plural} of this customer` });
}

/** Create or Update's own options: bulk batching, on by default, and Skip Unchanged Records. */
export const batchingOptions: INodeProperties[] = [
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: MAX_BULK_ENTRIES,
		typeOptions: { minValue: 1, maxValue: MAX_BULK_ENTRIES },
		description: "Items per bulk request when Use Bulk Endpoint is on. Chaser's maximum, 100, is the fastest.",
	},
	{
		displayName: 'Skip Unchanged Records',
		name: 'skipUnchanged',
		type: 'boolean',
		default: false,
		description:
			'Whether to send only the records that changed since the last run of this node. n8n remembers what each run sent successfully (in its database, so queue-mode workers share it); an unchanged record is not sent again and its output item has skipped: true. Made for syncs that send the whole list every run: a record left out of a run is sent again the next time it comes.',
	},
	{
		displayName: 'Use Bulk Endpoint',
		name: 'useBulk',
		type: 'boolean',
		default: true,
		description:
			"Whether to send items in batches through Chaser's bulk endpoint: up to 100 records per request, so large syncs run 100× faster within Chaser's 200 requests per minute. Each output item is then the record as sent, plus Chaser's ID for a record this run created (null for one it updated) and created (true or false). Turn off to get each full record back, plus created (one or two requests per item).",
	},
];
