/**
 * Invoice history: the reminders Chaser sent about invoices (channel, template, to whom, when, whether it went).
 * Chaser's reference has the two routes and the three filters of the list across invoices, not the shape of an
 * entry (README, "Where the Chaser API is unsure"), so entries are output as Chaser sends them.
 */
export const invoiceHistory = {
	noun: 'history entry',
	plural: 'history entries',
	/** Every invoice's history. */
	path: '/v1/invoices/history',
	/** One invoice's history, below the invoice's own path. */
	pathSuffix: '/history',
	/** The filters of the list across invoices, by wire name. `contact_id` is the customer's Chaser ID. */
	filters: { invoiceId: 'invoice_id', invoiceNumber: 'invoice_number', customer: 'contact_id' },
	/** An entry's fields, as the sandbox reads them (Chaser documents none): what the output schema lists. */
	entryFields: [
		'id',
		'invoice_id',
		'invoice_number',
		'contact_id',
		'customer_external_id',
		'type',
		'channel',
		'template_name',
		'subject',
		'sent_to',
		'sent_at',
		'status',
	],
	/** What an entry is, in the editor's help. */
	help: 'Each entry is one reminder Chaser sent about an invoice: by which channel (email or SMS), with which template and subject, to whom, when, and whether it was sent or failed.',
} as const;
