import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../common.descriptions';
import type { CreditResource } from '../credit';
import { currencyCodeField, dateField, remainingCreditField, totalField } from '../credit';

export const overpaymentStatusOptions = [
	{ name: 'Authorised', value: 'AUTHORISED', description: 'Recorded and available as credit' },
	{ name: 'Deleted', value: 'DELETED' },
	{ name: 'Draft', value: 'DRAFT', description: 'Not yet confirmed in the accounting system' },
	{ name: 'Paid', value: 'PAID', description: 'Fully allocated to invoices or refunded' },
	{ name: 'Submitted', value: 'SUBMITTED', description: 'Awaiting approval in the accounting system' },
	{ name: 'Voided', value: 'VOIDED', description: 'Cancelled; no longer available as credit' },
];

export const OVERPAYMENT: CreditResource = {
	noun: 'overpayment',
	collectionPath: '/v1/overpayments',
	bulkPath: '/v1/bulk/overpayments',
	key: 'overpayment_id',
	idParameter: 'overpaymentId',
	idLabel: 'Overpayment ID',
	statuses: overpaymentStatusOptions.map((option) => option.value),
	requiredText: [],
};

export const overpaymentIdField: INodeProperties = {
	displayName: 'Overpayment ID',
	name: 'overpaymentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. OVP-0042',
	description: "The overpayment's ID in your own system (accounting software). Must be unique in Chaser.",
};

/** The required values every create (and Create or Update) asks for, after the ID. */
export const overpaymentRequiredFields: INodeProperties[] = [
	customerLocator(),
	currencyCodeField('overpayment'),
	totalField('The full amount the customer paid beyond what they owed'),
	remainingCreditField(
		'The part of the overpayment not yet allocated to invoices or refunded. Equal to the total for a new overpayment; 0 once fully used.',
	),
	dateField('The date the customer made the payment'),
];

export const overpaymentStatusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: overpaymentStatusOptions,
	default: 'AUTHORISED',
	description:
		"An overpayment is money the customer paid beyond what they owed. It shows as unallocated credit on the customer's statement until it is allocated to invoices.",
};

/** Fields worth seeing at a glance; Simplify returns only these. */
export const OVERPAYMENT_SUMMARY_FIELDS = [
	'id',
	'overpayment_id',
	'customer_external_id',
	'customer_name',
	'status',
	'currency_code',
	'total',
	'remaining_credit',
	'date',
];
