import type { CreditResource } from '../credit';
import { overpaymentStatusOptions, RECORDS } from '../common.descriptions';

export const OVERPAYMENT: CreditResource = {
	resource: { name: 'Overpayment', value: 'overpayment', noun: 'overpayment', plural: 'overpayments' },
	record: RECORDS.overpayment,
	collectionPath: '/v1/overpayments',
	bulkPath: '/v1/bulk/overpayments',
	key: 'overpayment_id',
	idField: {
		displayName: 'Overpayment ID',
		name: 'overpaymentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. OVP-0042',
		description:
			"The overpayment's ID in your own system (accounting software). Must be unique in Chaser. Create or Update updates the overpayment with this ID, or creates it.",
	},
	requiredText: [],
	statusOptions: overpaymentStatusOptions,
	defaultStatus: 'AUTHORISED',
	help: {
		status:
			"An overpayment is money the customer paid beyond what they owed. It shows as unallocated credit on the customer's statement until it is allocated to invoices.",
		total: 'The full amount the customer paid beyond what they owed',
		remainingCredit:
			'The part of the overpayment not yet allocated to invoices or refunded. Equal to the total for a new overpayment; 0 once fully used.',
		date: 'The date the customer made the payment',
	},
	ownFilters: [],
	ownUpdateFields: [],
	/** Fields worth seeing at a glance; Simplify returns only these. */
	summaryFields: [
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
};
