import { day, joined, money, statusMark, text } from './labels';
import type { ResourceDefinition } from './resource';
import { DOCUMENT_STATUSES, RETURNED_BY_CHASER, ZERO_TOTAL_ALLOWED } from './shared';

export const overpayment = {
	value: 'overpayment',
	name: 'Overpayment',
	noun: 'overpayment',
	plural: 'overpayments',
	path: '/v1/overpayments',
	bulkPath: '/v1/bulk/overpayments',
	key: { field: 'overpayment_id', label: 'overpayment ID' },
	locator: { parameter: 'overpaymentId', examples: { ownId: 'OVP-0042', chaserId: 'ovp_5f1c2a9b8e7d6c5b4a39' } },
	statuses: {
		...DOCUMENT_STATUSES,
		AUTHORISED: 'Recorded and available as credit',
		DRAFT: 'Not yet confirmed in the accounting system',
	},
	summary: [
		'id',
		'overpayment_id',
		'customer_external_id',
		'customer_name',
		'status',
		'currency_code',
		'total',
		'remaining_credit',
		'date',
	],
	fields: {
		overpayment_id: {
			label: 'Overpayment ID',
			kind: 'text',
			required: 'overpaymentId',
			update: false,
			placeholder: 'e.g. OVP-0042',
			help: "The overpayment's ID in your own system (accounting software). Must be unique in Chaser. Create or Update updates the overpayment with this ID, or creates it.",
		},
		customer_external_id: {
			label: 'Customer',
			kind: 'customer',
			required: 'customer',
			help: 'The customer the overpayment belongs to; it must already exist in Chaser',
			updateHelp: 'Moves the overpayment to another customer, which must already exist in Chaser',
		},
		currency_code: {
			label: 'Currency Code',
			kind: 'currency',
			required: 'currencyCode',
			help: 'ISO 4217 code of the currency the overpayment is in',
		},
		total: {
			label: 'Total',
			kind: 'amount',
			required: 'total',
			help: 'The full amount the customer paid beyond what they owed',
		},
		remaining_credit: {
			label: 'Remaining Credit',
			kind: 'amount',
			required: 'remainingCredit',
			help: 'The part of the overpayment not yet allocated to invoices or refunded. Equal to the total for a new overpayment; 0 once fully used.',
			updateHelp: 'The part of the overpayment not yet allocated to invoices. Set it to 0 once it is fully used.',
		},
		date: { label: 'Date', kind: 'date', required: 'date', help: 'The date the customer made the payment' },
		status: {
			label: 'Status',
			kind: 'status',
			default: 'AUTHORISED',
			help: "An overpayment is money the customer paid beyond what they owed. It shows as unallocated credit on the customer's statement until it is allocated to invoices.",
		},
	},
	zeroTotal: { allowedIn: ZERO_TOTAL_ALLOWED, ask: 'enter the amount the customer overpaid' },
	returned: { ...RETURNED_BY_CHASER, customer_name: 'string' },
	picker: {
		method: 'searchOverpayments',
		searchFields: ['overpayment_id', 'customer_name', 'customer_external_id'],
		exactFields: ['overpayment_id'],
		label: (record) =>
			joined(
				text(record.customer_name ?? record.customer_external_id) + statusMark(record.status, ['AUTHORISED']),
				day(record.date),
				`${money(record.remaining_credit, record.currency_code)} left`,
				text(record.overpayment_id),
			),
	},
} satisfies ResourceDefinition;
