import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { typedBody } from '../../helpers/body';
import type { RecordRef } from '../../helpers/records';
import type { InputValidator } from '../../helpers/validation';
import type { ResourceInfo } from '../common.descriptions';
import {
	mobileNumberField,
	phoneNumberField,
	RECORD_STATUSES,
	recordLocator,
	RECORDS,
	recordStatusOptions,
} from '../common.descriptions';

export const resource: ResourceInfo = {
	name: 'Contact Person',
	value: 'contactPerson',
	noun: 'contact person',
	plural: 'contact persons',
};

/** Every contact person operation first picks the customer the person works for. */
export const contactsCustomerField = recordLocator(RECORDS.customer, {
	description: 'The customer the contact person works for',
});

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

/** `/v1/customers/<customer>/contact_persons`, optionally followed by one contact's segment. */
export function contactsPath(customer: RecordRef, contact?: RecordRef): string {
	const collection = `/v1/customers/${customer.segment}/contact_persons`;
	return contact === undefined ? collection : `${collection}/${contact.segment}`;
}

export function contactNotFound(customer: RecordRef, contact: RecordRef): string {
	return `No contact person with ${contact.label} exists for the customer with ${customer.label} in Chaser (or that customer does not exist)`;
}
