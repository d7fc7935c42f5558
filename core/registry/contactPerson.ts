import { joined, statusMark, text } from './labels';
import type { ResourceDefinition } from './resource';
import { PHONE_FIELDS, RECORD_STATUSES, RETURNED_BY_CHASER } from './shared';

/** The people at a customer who receive reminders; they live below their customer (see `contactPersonsPath`). */
export const contactPerson = {
	value: 'contactPerson',
	name: 'Contact Person',
	noun: 'contact person',
	plural: 'contact persons',
	path: '/v1/customers/{customer}/contact_persons',
	bulkPath: '/v1/bulk/customers/{customer}/contact_persons',
	key: { field: 'external_id', label: 'external ID' },
	locator: { parameter: 'contactExternalId', examples: { ownId: 'CONTACT-0042', chaserId: 'cp_5f1c2a9b8e7d6c5b4a39' } },
	statuses: RECORD_STATUSES,
	fields: {
		external_id: {
			label: 'External ID',
			kind: 'text',
			required: 'externalId',
			placeholder: 'e.g. CONTACT-0042',
			help: "The contact person's ID in your own system. Must be unique within the customer.",
			updateHelp: 'A new external ID for the contact person, if its ID in your own system changed',
		},
		contact_email_address: {
			label: 'Email Address',
			kind: 'email',
			placeholder: 'e.g. jane.smith@example.com',
			help: 'Where Chaser can send this person payment reminders',
		},
		contact_first_name: { label: 'First Name', kind: 'text', placeholder: 'e.g. Jane' },
		contact_last_name: { label: 'Last Name', kind: 'text', placeholder: 'e.g. Smith' },
		...PHONE_FIELDS,
		status: {
			label: 'Status',
			kind: 'status',
			default: 'ACTIVE',
			help: 'Archived contacts are kept in Chaser but no longer receive reminders',
		},
	},
	returned: RETURNED_BY_CHASER,
	picker: {
		method: 'searchContactPersons',
		hint: 'Lists the contact persons of the customer chosen above: choose the customer first',
		searchFields: ['contact_first_name', 'contact_last_name', 'contact_email_address', 'external_id'],
		exactFields: ['external_id'],
		label: (record) =>
			`${joined(
				[text(record.contact_first_name), text(record.contact_last_name)].filter(Boolean).join(' ') +
					statusMark(record.status, ['ACTIVE']),
				text(record.contact_email_address),
			)} (${text(record.external_id)})`,
	},
} satisfies ResourceDefinition;

/** `/v1/customers/<customer>/contact_persons`: the contact persons of one customer (a path segment). */
export function contactPersonsPath(customerSegment: string): string {
	return contactPerson.path.replace('{customer}', customerSegment);
}

/** `/v1/bulk/customers/<customer>/contact_persons`. */
export function contactPersonsBulkPath(customerSegment: string): string {
	return contactPerson.bulkPath.replace('{customer}', customerSegment);
}
