import type { CreditResource } from '../credit';
import { creditNoteStatusOptions, RECORDS } from '../common.descriptions';

export const CREDIT_NOTE: CreditResource = {
	resource: { name: 'Credit Note', value: 'creditNote', noun: 'credit note', plural: 'credit notes' },
	record: RECORDS.creditNote,
	collectionPath: '/v1/credit_notes',
	bulkPath: '/v1/bulk/credit_notes',
	key: 'credit_note_id',
	idField: {
		displayName: 'Credit Note ID',
		name: 'creditNoteId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CN-ID-0042',
		description:
			"The credit note's ID in your own system (accounting software), not the number printed on it. Must be unique in Chaser. Create or Update updates the credit note with this ID, or creates it.",
	},
	requiredText: [
		{
			field: {
				displayName: 'Credit Note Number',
				name: 'creditNoteNumber',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. CN-0042',
				description: 'The number printed on the credit note, which the customer sees',
			},
			wireName: 'credit_note_number',
		},
	],
	statusOptions: creditNoteStatusOptions,
	defaultStatus: 'ACTIVE',
	help: {
		status:
			"A credit note shows on the customer's statement while it is Active and has remaining credit. Once fully allocated, it appears as a payment on the invoices it was allocated to.",
		total: 'The full amount of the credit note',
		remainingCredit:
			'The part of the total not yet allocated to invoices. Equal to the total for a new credit note; 0 once fully used.',
		date: 'The date the credit note was issued',
	},
	ownFilters: [
		{
			displayName: 'Credit Note Number',
			name: 'credit_note_number',
			type: 'string',
			default: '',
			placeholder: 'e.g. CN-0042',
			description: 'The number printed on the credit note, matched exactly',
		},
	],
	ownUpdateFields: [
		{
			displayName: 'Credit Note Number',
			name: 'credit_note_number',
			type: 'string',
			default: '',
			placeholder: 'e.g. CN-0042',
			description: 'The number printed on the credit note',
		},
	],
	/** Fields worth seeing at a glance; Simplify returns only these. */
	summaryFields: [
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
	],
};
