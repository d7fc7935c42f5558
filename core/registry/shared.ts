/** What several resources share: status values (with what each means) and phone fields. */

import type { FieldDefinition } from './resource';

/** Customers, contact persons and customer groups. */
export const RECORD_STATUSES = { ACTIVE: '', ARCHIVED: '' };

/** Chaser's document statuses and what they mean for credit (credit notes, overpayments); invoices reword some. */
export const DOCUMENT_STATUSES = {
	AUTHORISED: 'Approved in the accounting system',
	DELETED: '',
	DRAFT: 'Not yet issued to the customer',
	PAID: 'Fully allocated to invoices or refunded',
	SUBMITTED: 'Awaiting approval in the accounting system',
	VOIDED: 'Cancelled; no longer available as credit',
};

/** What Chaser adds to every record it returns. */
export const RETURNED_BY_CHASER = { id: 'string', created_at: 'string', updated_at: 'string' } as const;

/** Statuses in which a document (invoice, credit note, overpayment) may have a Total of 0 (see `zeroTotal`). */
export const ZERO_TOTAL_ALLOWED = ['DRAFT', 'VOIDED', 'DELETED'] as const;

/** Phone numbers, on customers and their contact persons alike. */
export const PHONE_FIELDS: Record<string, FieldDefinition> = {
	mobile_number: {
		label: 'Mobile Number',
		kind: 'text',
		placeholder: 'e.g. +447700900123',
		help: 'With the country code; Chaser sends SMS reminders to it',
	},
	phone_number: { label: 'Phone Number', kind: 'text', placeholder: 'e.g. +442079460000' },
};
