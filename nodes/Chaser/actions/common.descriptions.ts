import type { INodeProperties } from 'n8n-workflow';

/**
 * Fields that several operations share, defined once. Each operation file spreads what it needs
 * and scopes it with `updateDisplayOptions`.
 */

/** Picks a customer: from a searchable list, by your own external ID, or by Chaser's internal ID. */
export function customerLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Customer',
		name: 'customer',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The customer in Chaser. "By External ID" is the ID the customer has in your own system (its external_id in Chaser).',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a customer...',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{
				displayName: 'By External ID',
				name: 'externalId',
				type: 'string',
				placeholder: 'e.g. CUST-0042',
				hint: 'The ID the customer has in your own system',
			},
			{
				displayName: 'By Chaser ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. cus_5f1c2a9b8e7d6c5b4a39',
				hint: "Chaser's internal ID for the customer",
			},
		],
		...overrides,
	};
}

/** The editor lists collection options alphabetically; shared lists merged with local ones need re-sorting. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
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

/** Options every operation understands; read once per run by the transport. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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
	],
};

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
					options: [
						{ name: 'Active', value: 'ACTIVE' },
						{ name: 'Archived', value: 'ARCHIVED' },
					],
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

export const recordStatusOptions = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Archived', value: 'ARCHIVED' },
];

export const invoiceStatusOptions = [
	{ name: 'Authorised', value: 'AUTHORISED', description: 'Approved and owed: Chaser chases it when due' },
	{ name: 'Deleted', value: 'DELETED' },
	{ name: 'Draft', value: 'DRAFT', description: 'Not yet sent to the customer; not chased' },
	{ name: 'Paid', value: 'PAID', description: 'Settled in full' },
	{ name: 'Submitted', value: 'SUBMITTED', description: 'Awaiting approval in the accounting system' },
	{ name: 'Voided', value: 'VOIDED', description: 'Cancelled; no longer owed' },
];

export const INVOICE_STATUSES = invoiceStatusOptions.map((option) => option.value);
export const RECORD_STATUSES = recordStatusOptions.map((option) => option.value);
