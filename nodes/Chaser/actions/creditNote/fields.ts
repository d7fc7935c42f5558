import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../common.descriptions';
import type { CreditResource } from '../credit';
import { currencyCodeField, dateField, remainingCreditField, totalField } from '../credit';

export const creditNoteStatusOptions = [
	{
		name: 'Active',
		value: 'ACTIVE',
		description: "Open credit: shown on the customer's statement while it has remaining credit",
	},
	{ name: 'Authorised', value: 'AUTHORISED', description: 'Approved in the accounting system' },
	{ name: 'Deleted', value: 'DELETED' },
	{ name: 'Draft', value: 'DRAFT', description: 'Not yet issued to the customer' },
	{ name: 'Paid', value: 'PAID', description: 'Fully allocated to invoices or refunded' },
	{ name: 'Submitted', value: 'SUBMITTED', description: 'Awaiting approval in the accounting system' },
	{ name: 'Voided', value: 'VOIDED', description: 'Cancelled; no longer available as credit' },
];

export const CREDIT_NOTE: CreditResource = {
	noun: 'credit note',
	collectionPath: '/v1/credit_notes',
	bulkPath: '/v1/bulk/credit_notes',
	key: 'credit_note_id',
	idParameter: 'creditNoteId',
	idLabel: 'Credit Note ID',
	statuses: creditNoteStatusOptions.map((option) => option.value),
	requiredText: [{ parameter: 'creditNoteNumber', field: 'credit_note_number', label: 'Credit Note Number' }],
};

export const creditNoteIdField: INodeProperties = {
	displayName: 'Credit Note ID',
	name: 'creditNoteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. CN-ID-0042',
	description:
		"The credit note's ID in your own system (accounting software), not the number printed on it. Must be unique in Chaser.",
};

export const creditNoteNumberField: INodeProperties = {
	displayName: 'Credit Note Number',
	name: 'creditNoteNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. CN-0042',
	description: 'The number printed on the credit note, which the customer sees',
};

/** The required values every create (and Create or Update) asks for, after the IDs. */
export const creditNoteRequiredFields: INodeProperties[] = [
	customerLocator(),
	currencyCodeField('credit note'),
	totalField('The full amount of the credit note'),
	remainingCreditField(
		'The part of the total not yet allocated to invoices. Equal to the total for a new credit note; 0 once fully used.',
	),
	dateField('The date the credit note was issued'),
];

export const creditNoteStatusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: creditNoteStatusOptions,
	default: 'ACTIVE',
	description:
		"A credit note shows on the customer's statement while it is Active and has remaining credit. Once fully allocated, it appears as a payment on the invoices it was allocated to.",
};

/** Fields worth seeing at a glance; Simplify returns only these. */
export const CREDIT_NOTE_SUMMARY_FIELDS = [
	'id',
	'credit_note_id',
	'credit_note_number',
	'customer_external_id',
	'customer_name',
	'status',
	'currency_code',
	'total',
	'remaining_credit',
	'date',
];
