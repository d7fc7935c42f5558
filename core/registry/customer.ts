import type { ResourceDefinition } from './resource';
import { statusMark, text } from './labels';
import { PHONE_FIELDS, RECORD_STATUSES, RETURNED_BY_CHASER } from './shared';

export const customer = {
	value: 'customer',
	name: 'Customer',
	noun: 'customer',
	plural: 'customers',
	path: '/v1/customers',
	bulkPath: '/v1/bulk/customers',
	key: { field: 'external_id', label: 'external ID' },
	locator: { parameter: 'customer', examples: { ownId: 'CUST-0042', chaserId: 'cus_5f1c2a9b8e7d6c5b4a39' } },
	statuses: RECORD_STATUSES,
	summary: [
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
	],
	fields: {
		external_id: {
			label: 'External ID',
			kind: 'text',
			required: 'externalId',
			placeholder: 'e.g. CUST-0042',
			help: "The customer's ID in your own system (CRM or accounting), unique in Chaser. Create or Update updates the customer with this ID, or creates it.",
			updateHelp: 'A new external ID for the customer, if its ID in your own system changed',
		},
		company_name: {
			label: 'Company Name',
			kind: 'text',
			required: 'companyName',
			placeholder: 'e.g. Acme Trading Ltd',
			help: 'The name reminders and statements are addressed to',
		},
		addresses: { label: 'Addresses', kind: 'addresses' },
		contact_email_address: {
			label: 'Contact Email Address',
			kind: 'email',
			placeholder: 'e.g. accounts@example.com',
			help: 'Where Chaser sends payment reminders',
		},
		contact_first_name: { label: 'Contact First Name', kind: 'text', help: 'First name of the person reminders are addressed to' },
		contact_last_name: { label: 'Contact Last Name', kind: 'text' },
		groups: { label: 'Groups', kind: 'groups' },
		...PHONE_FIELDS,
		status: {
			label: 'Status',
			kind: 'status',
			default: 'ACTIVE',
			help: 'Archived customers are hidden in Chaser and not chased',
		},
	},
	returned: { ...RETURNED_BY_CHASER, payment_portal_link: 'string', payer_rating: 'number', payer_rating_updated_at: 'string', payer_rating_number_invoices_considered: 'number', average_days_to_pay: 'number' },
	picker: {
		method: 'searchCustomers',
		searchFields: ['company_name', 'external_id'],
		exactFields: ['external_id'],
		label: (record) => `${text(record.company_name)}${statusMark(record.status, ['ACTIVE'])} (${text(record.external_id)})`,
		sortKey: (record) => text(record.company_name),
	},
} satisfies ResourceDefinition;
