import type { ResourceDefinition } from '../../core/registry';
import { creditNote, invoice, overpayment } from '../../core/registry';

export type EventName = 'creditNoteIssued' | 'invoiceIssued' | 'invoiceOverdue' | 'invoicePaid' | 'overpaymentReceived';

/**
 * What the trigger watches for each event: which list it reads, which records count, and the date
 * that places a record in a poll's window. Chaser has no "changed since" filter, so every event is
 * found through a calendar date that moves forward with time.
 */
export interface ChaserEvent {
	name: EventName;
	displayName: string;
	/** The record in a sentence: "invoice", "credit note". */
	noun: string;
	/** The resource's registry entry: its fields, for the output schema. */
	resource: ResourceDefinition;
	/** What the event means, for the editor. */
	description: string;
	/** The list it reads (the resource's path in the registry). */
	path: string;
	/** Your own ID of the record (Chaser's external key): what the trigger remembers, and a list filter. */
	key: string;
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
		noun: creditNote.noun,
		resource: creditNote,
		displayName: 'Credit Note Issued',
		description: 'A new Active, Authorised or Paid credit note, by its date',
		path: creditNote.path,
		key: creditNote.key.field,
		dateField: 'date',
		amountField: 'total',
		statuses: ['ACTIVE', 'AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: creditNote.summary,
	},
	invoiceIssued: {
		name: 'invoiceIssued',
		noun: invoice.noun,
		resource: invoice,
		displayName: 'Invoice Issued',
		description:
			'A new Authorised or Paid invoice, by its issue date. A draft fires once it is authorised.',
		path: invoice.path,
		key: invoice.key.field,
		dateField: 'date',
		amountField: 'total',
		statuses: ['AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: [...invoice.summary, 'date'],
	},
	invoiceOverdue: {
		name: 'invoiceOverdue',
		noun: invoice.noun,
		resource: invoice,
		displayName: 'Invoice Overdue',
		description: 'An Authorised invoice with money still due passed its due date (by Days Overdue)',
		path: invoice.path,
		key: invoice.key.field,
		dateField: 'due_date',
		amountField: 'amount_due',
		statuses: ['AUTHORISED'],
		firesAgain: true,
		summaryFields: invoice.summary,
	},
	invoicePaid: {
		name: 'invoicePaid',
		noun: invoice.noun,
		resource: invoice,
		displayName: 'Invoice Paid',
		description: 'An invoice reached status Paid, by its fully paid date',
		path: invoice.path,
		key: invoice.key.field,
		dateField: 'fully_paid_date',
		amountField: 'total',
		statuses: ['PAID'],
		firesAgain: true,
		summaryFields: [...invoice.summary, 'fully_paid_date'],
	},
	overpaymentReceived: {
		name: 'overpaymentReceived',
		noun: overpayment.noun,
		resource: overpayment,
		displayName: 'Overpayment Received',
		description: 'A new Authorised or Paid overpayment, by the date the customer paid',
		path: overpayment.path,
		key: overpayment.key.field,
		dateField: 'date',
		amountField: 'total',
		statuses: ['AUTHORISED', 'PAID'],
		firesAgain: false,
		summaryFields: overpayment.summary,
	},
};
