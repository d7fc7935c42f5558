import { joined, money, statusMark, text } from './labels';
import type { ResourceDefinition } from './resource';
import { DOCUMENT_STATUSES, RETURNED_BY_CHASER, ZERO_TOTAL_ALLOWED } from './shared';

export const creditNote = {
	value: 'creditNote',
	name: 'Credit Note',
	noun: 'credit note',
	plural: 'credit notes',
	path: '/v1/credit_notes',
	bulkPath: '/v1/bulk/credit_notes',
	key: { field: 'credit_note_id', label: 'credit note ID', note: 'not the number printed on it' },
	locator: { parameter: 'creditNoteId', examples: { ownId: 'CN-ID-0042', chaserId: 'crn_5f1c2a9b8e7d6c5b4a39' } },
	statuses: {
		ACTIVE: "Open credit: shown on the customer's statement while it has remaining credit",
		...DOCUMENT_STATUSES,
	},
	summary: [
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
	fields: {
		credit_note_id: {
			label: 'Credit Note ID',
			kind: 'text',
			required: 'creditNoteId',
			update: false,
			placeholder: 'e.g. CN-ID-0042',
			help: "The credit note's ID in your own system (accounting software), not the number printed on it. Must be unique in Chaser. Create or Update updates the credit note with this ID, or creates it.",
		},
		credit_note_number: {
			label: 'Credit Note Number',
			kind: 'text',
			required: 'creditNoteNumber',
			placeholder: 'e.g. CN-0042',
			help: 'The number printed on the credit note, which the customer sees',
		},
		customer_external_id: {
			label: 'Customer',
			kind: 'customer',
			required: 'customer',
			help: 'The customer the credit note belongs to; it must already exist in Chaser',
			updateHelp: 'Moves the credit note to another customer, which must already exist in Chaser',
		},
		currency_code: {
			label: 'Currency Code',
			kind: 'currency',
			required: 'currencyCode',
			help: 'ISO 4217 code of the currency the credit note is in',
		},
		total: { label: 'Total', kind: 'amount', required: 'total', help: 'The full amount of the credit note' },
		remaining_credit: {
			label: 'Remaining Credit',
			kind: 'amount',
			required: 'remainingCredit',
			help: 'The part of the total not yet allocated to invoices. Equal to the total for a new credit note; 0 once fully used.',
			updateHelp: 'The part of the credit note not yet allocated to invoices. Set it to 0 once it is fully used.',
		},
		date: { label: 'Date', kind: 'date', required: 'date', help: 'The date the credit note was issued' },
		status: {
			label: 'Status',
			kind: 'status',
			default: 'ACTIVE',
			help: "A credit note shows on the customer's statement while it is Active and has remaining credit. Once fully allocated, it appears as a payment on the invoices it was allocated to.",
		},
	},
	zeroTotal: { allowedIn: ZERO_TOTAL_ALLOWED, ask: 'enter the credit note total including tax' },
	returned: { ...RETURNED_BY_CHASER, customer_name: 'string' },
	picker: {
		method: 'searchCreditNotes',
		searchFields: ['credit_note_number', 'credit_note_id', 'customer_name', 'customer_external_id'],
		exactFields: ['credit_note_number', 'credit_note_id'],
		label: (record) =>
			joined(
				text(record.credit_note_number) + statusMark(record.status, ['ACTIVE', 'AUTHORISED']),
				text(record.customer_name ?? record.customer_external_id),
				`${money(record.remaining_credit, record.currency_code)} left`,
			),
	},
} satisfies ResourceDefinition;
