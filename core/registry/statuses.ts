/** Chaser's status values shared by several resources, with what each means for that resource. */

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
