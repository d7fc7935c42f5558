import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CustomerRef } from '../../helpers/customer';
import { typedBody } from '../../helpers/body';
import type { InputValidator } from '../../helpers/validation';
import { externalIdSegment } from '../../transport';
import { mobileNumberField, phoneNumberField, RECORD_STATUSES, recordStatusOptions } from '../common.descriptions';

/** Contact person fields shared by Create and Update. Names are Chaser's wire names. */
export const contactOptionalFields: INodeProperties[] = [
	{
		displayName: 'Email Address',
		name: 'contact_email_address',
		type: 'string',
		placeholder: 'e.g. jane.smith@example.com',
		default: '',
		description: 'Where Chaser can send this person payment reminders',
	},
	{ displayName: 'First Name', name: 'contact_first_name', type: 'string', default: '', placeholder: 'e.g. Jane' },
	{ displayName: 'Last Name', name: 'contact_last_name', type: 'string', default: '', placeholder: 'e.g. Smith' },
	mobileNumberField,
	phoneNumberField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: recordStatusOptions,
		default: 'ACTIVE',
		description: 'Archived contacts are kept in Chaser but no longer receive reminders',
	},
];

export const contactExternalIdField: INodeProperties = {
	displayName: 'Contact External ID',
	name: 'contactExternalId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. CONTACT-0042',
	description: "The contact person's ID in your own system, as given when the contact was created",
};

/** Editor labels of the contact person fields Chaser types as text. */
const CONTACT_TEXTS = {
	contact_email_address: 'Email Address',
	contact_first_name: 'First Name',
	contact_last_name: 'Last Name',
	external_id: 'External ID',
	mobile_number: 'Mobile Number',
	phone_number: 'Phone Number',
};

/** Validates and shapes the contact fields into Chaser's body. */
export function contactBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body = typedBody(fields, check, { texts: CONTACT_TEXTS });
	if (body.contact_email_address !== undefined) {
		body.contact_email_address = check.email(body.contact_email_address, CONTACT_TEXTS.contact_email_address);
	}
	if (body.status !== undefined) body.status = check.oneOf(body.status, RECORD_STATUSES, 'Status');
	return body;
}

/** `/v1/customers/<customer>/contact_persons`, optionally followed by one contact's `ext_` segment. */
export function contactsPath(customer: CustomerRef, contactExternalId?: string): string {
	const collection = `/v1/customers/${customer.segment}/contact_persons`;
	return contactExternalId === undefined ? collection : `${collection}/${externalIdSegment(contactExternalId)}`;
}

export function contactNotFound(customer: CustomerRef, contactExternalId: string): string {
	return `No contact person with external ID '${contactExternalId}' exists for the customer with ${customer.label} in Chaser (or that customer does not exist)`;
}
