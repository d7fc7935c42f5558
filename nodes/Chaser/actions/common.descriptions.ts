import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { AddressedRecord } from '../helpers/records';

/**
 * Fields that several operations share, defined once. Each operation file spreads what it needs
 * and scopes it with `updateDisplayOptions`.
 */

// ------------------------------------------------------------------ resources and their operations

/** One resource: its name in the editor and the words its actions use. */
export interface ResourceInfo {
	name: string;
	value: string;
	noun: string;
	plural: string;
}

/** What every `<operation>.operation.ts` exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

/** The Operation options of the operations every resource words alike. */
const STANDARD_OPERATIONS: Record<string, (resource: ResourceInfo) => INodePropertyOptions> = {
	create: ({ noun }) => ({ name: 'Create', value: 'create', description: `Create ${withArticle(noun)}`, action: `Create ${withArticle(noun)}` }),
	delete: ({ noun }) => ({ name: 'Delete', value: 'delete', description: `Delete ${withArticle(noun)}`, action: `Delete ${withArticle(noun)}` }),
	get: ({ noun }) => ({ name: 'Get', value: 'get', description: `Get ${withArticle(noun)}`, action: `Get ${withArticle(noun)}` }),
	getAll: ({ plural }) => ({ name: 'Get Many', value: 'getAll', description: `Get many ${plural}`, action: `Get many ${plural}` }),
	update: ({ noun }) => ({ name: 'Update', value: 'update', description: `Update ${withArticle(noun)}`, action: `Update ${withArticle(noun)}` }),
	upsert: ({ noun }) => ({
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: `Create or update ${withArticle(noun)}`,
	}),
};

/**
 * A resource's part of the node description: its Operation field (the standard wording, or `custom`
 * options for operations of its own, alphabetical; Create first chosen when there is one) and every
 * operation's fields.
 */
export function resourceDescription(
	resource: ResourceInfo,
	operations: Record<string, OperationModule>,
	custom: Record<string, Omit<INodePropertyOptions, 'value'>> = {},
): INodeProperties[] {
	const options = Object.keys(operations)
		.map((value) => (custom[value] ? { ...custom[value], value } : STANDARD_OPERATIONS[value](resource)))
		.sort((a, b) => a.name.localeCompare(b.name));
	const firstChoice = 'create' in operations ? 'create' : options[0].value;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: firstChoice,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}

// ------------------------------------------------------------------ records and how to pick one

/** A record an operation addresses: what its resource locator says and offers. */
export interface RecordKind extends AddressedRecord {
	displayName: string;
	/** Chaser's field for the ID from your own system, e.g. invoice_id. */
	ownIdField: string;
	/** What to tell it apart from, e.g. "not the invoice number". */
	ownIdNote?: string;
	/** The picker in methods/listSearch.ts. */
	searchListMethod: string;
	examples: { ownId: string; chaserId: string };
}

/**
 * Every record one operation can address. The parameter names are those 0.1.0 workflows saved
 * (credit notes and overpayments held plain text), so those workflows keep working: a plain text
 * value is read as "Your ID".
 */
export const RECORDS = {
	contactPerson: {
		displayName: 'Contact Person',
		noun: 'contact person',
		parameter: 'contactExternalId',
		ownId: 'external ID',
		ownIdField: 'external_id',
		searchListMethod: 'searchContactPersons',
		examples: { ownId: 'CONTACT-0042', chaserId: 'cp_5f1c2a9b8e7d6c5b4a39' },
	},
	creditNote: {
		displayName: 'Credit Note',
		noun: 'credit note',
		parameter: 'creditNoteId',
		ownId: 'credit note ID',
		ownIdField: 'credit_note_id',
		ownIdNote: 'not the number printed on it',
		searchListMethod: 'searchCreditNotes',
		examples: { ownId: 'CN-ID-0042', chaserId: 'crn_5f1c2a9b8e7d6c5b4a39' },
	},
	customer: {
		displayName: 'Customer',
		noun: 'customer',
		parameter: 'customer',
		ownId: 'external ID',
		ownIdField: 'external_id',
		searchListMethod: 'searchCustomers',
		examples: { ownId: 'CUST-0042', chaserId: 'cus_5f1c2a9b8e7d6c5b4a39' },
	},
	invoice: {
		displayName: 'Invoice',
		noun: 'invoice',
		parameter: 'invoice',
		ownId: 'invoice ID',
		ownIdField: 'invoice_id',
		ownIdNote: 'not the invoice number',
		searchListMethod: 'searchInvoices',
		examples: { ownId: '8f14e45f-ceea-467f-a1b2-3c4d5e6f7a8b', chaserId: 'inv_5f1c2a9b8e7d6c5b4a39' },
	},
	overpayment: {
		displayName: 'Overpayment',
		noun: 'overpayment',
		parameter: 'overpaymentId',
		ownId: 'overpayment ID',
		ownIdField: 'overpayment_id',
		searchListMethod: 'searchOverpayments',
		examples: { ownId: 'OVP-0042', chaserId: 'ovp_5f1c2a9b8e7d6c5b4a39' },
	},
} satisfies Record<string, RecordKind>;

/** "an invoice", "a customer". */
function withArticle(noun: string): string {
	return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Picks a record: from a searchable list, by the ID it has in your own system, or by Chaser's own ID.
 * The mode names stay those of 0.1.0 (list, externalId, id). n8n labels a mode named `id` "By ID" and
 * gives the mode 92 pixels, so the other labels are short enough to show whole: "From list", "Your ID".
 */
export function recordLocator(kind: RecordKind, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const note = kind.ownIdNote ? `, ${kind.ownIdNote}` : '';
	return {
		displayName: kind.displayName,
		name: kind.parameter,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: `The ${kind.noun}. "Your ID" is its ${kind.ownId} from your own system (${kind.ownIdField} in Chaser)${note}; "By ID" is the ID Chaser gave it.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(kind.noun)}...`,
				typeOptions: { searchListMethod: kind.searchListMethod, searchable: true },
			},
			{
				displayName: 'Your ID',
				name: 'externalId',
				type: 'string',
				placeholder: `e.g. ${kind.examples.ownId}`,
				hint: `The ${kind.ownId} from your own system (${kind.ownIdField} in Chaser)${note}`,
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${kind.examples.chaserId}`,
				hint: `Chaser's own ID for the ${kind.noun}: the id in Chaser's output`,
			},
		],
		...overrides,
	};
}

/**
 * A customer as other records refer to it (their customer_external_id): from the list or by your ID.
 * Chaser filters and links by the external ID, so "By ID" is not offered here.
 */
export function customerReference(overrides: Partial<INodeProperties>): INodeProperties {
	const locator = recordLocator(RECORDS.customer, { required: false, ...overrides });
	return { ...locator, modes: locator.modes?.filter((mode) => mode.name !== 'id') };
}

// ------------------------------------------------------------------ statuses

/** Options for a status: Chaser's values, named in Title Case, with what each means for this record. */
function statusOptions(meanings: Record<string, string>): INodePropertyOptions[] {
	return Object.entries(meanings)
		.map(([value, description]) => ({
			name: `${value.charAt(0)}${value.slice(1).toLowerCase()}`,
			value,
			...(description ? { description } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export function statusValues(options: INodePropertyOptions[]): string[] {
	return options.map((option) => String(option.value));
}

/** Customers, contact persons and customer groups. */
export const recordStatusOptions = statusOptions({ ACTIVE: '', ARCHIVED: '' });

/** Chaser's document statuses and what they mean for credit (credit notes, overpayments); invoices reword some. */
const CREDIT_STATUSES = {
	AUTHORISED: 'Approved in the accounting system',
	DELETED: '',
	DRAFT: 'Not yet issued to the customer',
	PAID: 'Fully allocated to invoices or refunded',
	SUBMITTED: 'Awaiting approval in the accounting system',
	VOIDED: 'Cancelled; no longer available as credit',
};

export const invoiceStatusOptions = statusOptions({
	...CREDIT_STATUSES,
	AUTHORISED: 'Approved and owed: Chaser chases it when due',
	DRAFT: 'Not yet sent to the customer; not chased',
	PAID: 'Settled in full',
	VOIDED: 'Cancelled; no longer owed',
});

export const creditNoteStatusOptions = statusOptions({
	ACTIVE: "Open credit: shown on the customer's statement while it has remaining credit",
	...CREDIT_STATUSES,
});

export const overpaymentStatusOptions = statusOptions({
	...CREDIT_STATUSES,
	AUTHORISED: 'Recorded and available as credit',
	DRAFT: 'Not yet confirmed in the accounting system',
});

export const INVOICE_STATUSES = statusValues(invoiceStatusOptions);
export const RECORD_STATUSES = statusValues(recordStatusOptions);

/** Get Many: the records in any of the chosen statuses. */
export function statusFilter(plural: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		options,
		default: [],
		description: `Only ${plural} in one of these statuses`,
	};
}

/** Get Many: Date From and Date To (the whole last day). */
export function dateRangeFilters(plural: string, dated = 'dated'): INodeProperties[] {
	return [
		{
			displayName: 'Date From',
			name: 'date_from',
			type: 'dateTime',
			default: '',
			description: `Only ${plural} ${dated} on or after this date`,
		},
		{
			displayName: 'Date To',
			name: 'date_to',
			type: 'dateTime',
			default: '',
			description: `Only ${plural} ${dated} on or before this date, that whole day included`,
		},
	];
}

/** A currency by its ISO 4217 code: on records, in filters and in the trigger's options alike. */
export function currencyCodeField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP', ...overrides };
}

export const currencyFilter = currencyCodeField();

/** Get Many of records that belong to a customer: that customer's only. */
export function customerFilter(plural: string): INodeProperties {
	return customerReference({ name: 'customer_external_id', description: `Only the ${plural} of this customer` });
}

// ------------------------------------------------------------------ fields

/** The editor lists collection options alphabetically; shared lists merged with local ones need re-sorting. */
function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Phone numbers, on customers and their contact persons alike. */
export const mobileNumberField: INodeProperties = {
	displayName: 'Mobile Number',
	name: 'mobile_number',
	type: 'string',
	placeholder: 'e.g. +447700900123',
	default: '',
	description: 'With the country code; Chaser sends SMS reminders to it',
};

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phone_number',
	type: 'string',
	placeholder: 'e.g. +442079460000',
	default: '',
};

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

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

// ------------------------------------------------------------------ the collections every operation has

/** What every operation's Options offers: how the node talks to Chaser (read once per run by the transport). */
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Max Rate Limit Wait (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		default: 300,
		typeOptions: { minValue: 0 },
		description:
			"Chaser allows 200 requests per minute per API key. The node paces itself to that limit and, if Chaser still answers 'too many requests', waits and tries again for up to this long before the item fails.",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description:
			'How long to wait for Chaser to answer one request. Reads and updates that time out are retried; a create is retried only once the node has checked it did not land.',
	},
];

/** An operation's one Options collection: its own options and the request options, alphabetical. */
export function optionsField(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: byDisplayName([...own, ...requestOptions]),
	};
}

/**
 * 0.1.0 had the request options in a second collection, Request Options. Kept hidden so that what a
 * workflow saved there is still read (Options wins); new workflows set them in Options.
 */
export const legacyRequestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'hidden',
	default: {},
};

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

export function updateFieldsField(options: INodeProperties[], description?: string): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
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

const addressTypes = [
	{ name: 'Billing', value: 'Billing' },
	{ name: 'Delivery', value: 'Delivery' },
	{ name: 'PO Box', value: 'POBOX' },
	{ name: 'Unknown', value: 'Unknown' },
];

export const addressesField: INodeProperties = {
	displayName: 'Addresses',
	name: 'addresses',
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

export const groupsField: INodeProperties = {
	displayName: 'Groups',
	name: 'groups',
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
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: recordStatusOptions,
					default: 'ACTIVE',
				},
			],
		},
	],
};

export const paymentsField: INodeProperties = {
	displayName: 'Payments',
	name: 'payments',
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
