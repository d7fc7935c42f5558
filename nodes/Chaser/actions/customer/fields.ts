import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addresses, groups, typedBody } from '../../helpers/body';
import type { InputValidator } from '../../helpers/validation';
import type { ResourceInfo } from '../common.descriptions';
import {
	additionalFieldsField,
	addressesField,
	groupsField,
	mobileNumberField,
	phoneNumberField,
	RECORD_STATUSES,
	recordStatusOptions,
} from '../common.descriptions';

export const resource: ResourceInfo = { name: 'Customer', value: 'customer', noun: 'customer', plural: 'customers' };

export const CUSTOMERS_PATH = '/v1/customers';

/** Customer fields shared by Create, Update and Create or Update. Names are Chaser's wire names. */
export const customerOptionalFields: INodeProperties[] = [
	addressesField,
	{
		displayName: 'Contact Email Address',
		name: 'contact_email_address',
		type: 'string',
		placeholder: 'e.g. accounts@example.com',
		default: '',
		description: 'Where Chaser sends payment reminders',
	},
	{ displayName: 'Contact First Name', name: 'contact_first_name', type: 'string', default: '', description: 'First name of the person reminders are addressed to' },
	{ displayName: 'Contact Last Name', name: 'contact_last_name', type: 'string', default: '' },
	groupsField,
	mobileNumberField,
	phoneNumberField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: recordStatusOptions,
		default: 'ACTIVE',
		description: 'Archived customers are hidden in Chaser and not chased',
	},
];

const companyNameField: INodeProperties = {
	displayName: 'Company Name',
	name: 'companyName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Acme Trading Ltd',
	description: 'The name reminders and statements are addressed to',
};

/** Create and Create or Update ask for the same fields. */
export const newCustomerFields: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CUST-0042',
		description:
			"The customer's ID in your own system (CRM or accounting), unique in Chaser. Create or Update updates the customer with this ID, or creates it.",
	},
	companyNameField,
	additionalFieldsField(customerOptionalFields),
];

/** Editor labels of the customer fields Chaser types as text. */
const CUSTOMER_TEXTS = {
	company_name: 'Company Name',
	contact_email_address: 'Contact Email Address',
	contact_first_name: 'Contact First Name',
	contact_last_name: 'Contact Last Name',
	external_id: 'External ID',
	mobile_number: 'Mobile Number',
	phone_number: 'Phone Number',
};

/** Validates and shapes the optional customer fields into Chaser's body. */
export function customerBody(fields: IDataObject, check: InputValidator): IDataObject {
	const { addresses: addressList, groups: groupList, ...plain } = fields;
	const body = typedBody(plain, check, { texts: CUSTOMER_TEXTS });
	if (body.contact_email_address !== undefined) {
		body.contact_email_address = check.email(body.contact_email_address, CUSTOMER_TEXTS.contact_email_address);
	}
	if (body.status !== undefined) body.status = check.oneOf(body.status, RECORD_STATUSES, 'Status');
	if (addressList !== undefined) body.addresses = addresses(addressList, check);
	if (groupList !== undefined) body.groups = groups(groupList, check);
	return body;
}

/** A new customer from Create's (or Create or Update's) fields: its external ID and body. */
export function newCustomer(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
): { key: string; body: IDataObject } {
	const key = check.requiredText(context.getNodeParameter('externalId', itemIndex), 'External ID');
	const body: IDataObject = {
		external_id: key,
		company_name: check.requiredText(context.getNodeParameter('companyName', itemIndex), 'Company Name'),
		...customerBody(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, check),
	};
	return { key, body };
}

/** Fields worth seeing at a glance; Simplify returns only these. */
export const CUSTOMER_SUMMARY_FIELDS = [
	'id',
	'external_id',
	'company_name',
	'contact_first_name',
	'contact_last_name',
	'contact_email_address',
	'phone_number',
	'mobile_number',
	'status',
	'payment_portal_link',
];

/** Extra, computed fields Chaser returns only when asked (`additional_fields`). */
export const extraFieldsOption: INodeProperties = {
	displayName: 'Include Extra Fields',
	name: 'extraFields',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: 'Average Days to Pay', value: 'average_days_to_pay', description: 'How late this customer pays on average' },
		{ name: 'Payer Rating', value: 'payer_rating', description: "Chaser's rating of how reliably the customer pays" },
		{ name: 'Payment Portal Link', value: 'payment_portal_link', description: 'Link to the customer\'s payment portal, for emails' },
	],
	description: 'Computed fields Chaser adds only when asked',
};

/** The extra fields chosen in Options (named apart from Create's "Additional Fields" collection). */
export function requestedExtras(options: IDataObject): string[] {
	return Array.isArray(options.extraFields) ? (options.extraFields as string[]) : [];
}

export function extraFieldsQuery(options: IDataObject): IDataObject {
	const extras = requestedExtras(options);
	return extras.length > 0 ? { additional_fields: extras.join(',') } : {};
}
