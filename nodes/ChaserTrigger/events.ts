import { CREDIT_NOTE } from '../Chaser/actions/creditNote/fields';
import { INVOICE_SUMMARY_FIELDS } from '../Chaser/actions/invoice/fields';
import { OVERPAYMENT } from '../Chaser/actions/overpayment/fields';

export type EventName = 'creditNoteIssued' | 'invoiceIssued' | 'invoiceOverdue' | 'invoicePaid' | 'overpaymentReceived';

/**
 * What the trigger watches for each event: which list it reads, which records count, and the date
 * that places a record in a poll's window. Chaser has no "changed since" filter, so every event is
 * found through a calendar date that moves forward with time.
 */
export interface ChaserEvent {
	name: EventName;
	displayName: string;
	/** What the event means, for the editor. */
	description: string;
	path: '/v1/invoices' | '/v1/credit_notes' | '/v1/overpayments';
	/** Your own ID of the record (Chaser's external key): what the trigger remembers, and a list filter. */
	key: 'invoice_id' | 'credit_note_id' | 'overpayment_id';
	/** The calendar date a poll's window is over. */
	dateField: 'date' | 'due_date' | 'fully_paid_date';
	/** The amount "Minimum Amount" applies to. */
	amountField: 'amount_due' | 'total';
	/** The statuses a record must have to count. */
	statuses: readonly string[];
	/**
	 * Whether a record that stops matching (an overdue invoice that is paid, a paid invoice that is reopened)
	 * fires again when it matches again. Otherwise each record fires once.
	 */
	firesAgain: boolean;
	/** The fields Simplify keeps. */
	summaryFields: readonly string[];
}

export const EVENTS: Record<EventName, ChaserEvent> = {
	creditNoteIssued: {
		name: 'creditNoteIssued',
		displayName: 'Credit Note Issued',
		description: 'A new Active, Authorised or Paid credit note, by its date',
		path: CREDIT_NOTE.collectionPath,
		key: CREDIT_NOTE.key,
		dateField: 'date',
		amountField: 'total',
		statuses: ['ACTIVE', 'AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: CREDIT_NOTE.summaryFields,
	},
	invoiceIssued: {
		name: 'invoiceIssued',
		displayName: 'Invoice Issued',
		description:
			'A new Authorised or Paid invoice, by its issue date. A draft fires once it is authorised.',
		path: '/v1/invoices',
		key: 'invoice_id',
		dateField: 'date',
		amountField: 'total',
		statuses: ['AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: [...INVOICE_SUMMARY_FIELDS, 'date'],
	},
	invoiceOverdue: {
		name: 'invoiceOverdue',
		displayName: 'Invoice Overdue',
		description: 'An Authorised invoice with money still due passed its due date (by Days Overdue)',
		path: '/v1/invoices',
		key: 'invoice_id',
		dateField: 'due_date',
		amountField: 'amount_due',
		statuses: ['AUTHORISED'],
		firesAgain: true,
		summaryFields: INVOICE_SUMMARY_FIELDS,
	},
	invoicePaid: {
		name: 'invoicePaid',
		displayName: 'Invoice Paid',
		description: 'An invoice reached status Paid, by its fully paid date',
		path: '/v1/invoices',
		key: 'invoice_id',
		dateField: 'fully_paid_date',
		amountField: 'total',
		statuses: ['PAID'],
		firesAgain: true,
		summaryFields: [...INVOICE_SUMMARY_FIELDS, 'fully_paid_date'],
	},
	overpaymentReceived: {
		name: 'overpaymentReceived',
		displayName: 'Overpayment Received',
		description: 'A new Authorised or Paid overpayment, by the date the customer paid',
		path: OVERPAYMENT.collectionPath,
		key: OVERPAYMENT.key,
		dateField: 'date',
		amountField: 'total',
		statuses: ['AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: OVERPAYMENT.summaryFields,
	},
};
