import { joined, money, statusMark, text } from './labels';
import type { ResourceDefinition } from './resource';
import { DOCUMENT_STATUSES, RETURNED_BY_CHASER, ZERO_TOTAL_ALLOWED } from './shared';

export const invoice = {
	value: 'invoice',
	name: 'Invoice',
	noun: 'invoice',
	plural: 'invoices',
	path: '/v1/invoices',
	bulkPath: '/v1/bulk/invoices',
	key: { field: 'invoice_id', label: 'invoice ID', note: 'not the invoice number' },
	locator: {
		parameter: 'invoice',
		examples: { ownId: '8f14e45f-ceea-467f-a1b2-3c4d5e6f7a8b', chaserId: 'inv_5f1c2a9b8e7d6c5b4a39' },
	},
	statuses: {
		...DOCUMENT_STATUSES,
		AUTHORISED: 'Approved and owed: Chaser chases it when due',
		DRAFT: 'Not yet sent to the customer; not chased',
		PAID: 'Settled in full',
		VOIDED: 'Cancelled; no longer owed',
	},
	summary: [
		'id',
		'invoice_id',
		'invoice_number',
		'customer_external_id',
		'customer_name',
		'status',
		'currency_code',
		'total',
		'amount_due',
		'due_date',
	],
	fields: {
		invoice_id: {
			label: 'Invoice ID',
			kind: 'text',
			required: 'invoiceId',
			placeholder: 'e.g. 8f14e45f-ceea-467f-a1b2-3c4d5e6f7a8b',
			help: "Your own system's unique ID for the invoice (e.g. the invoice's ID in Xero, QuickBooks or your ERP). Chaser matches updates on it; it is not shown to the customer. Create or Update updates the invoice with this ID, or creates it.",
			updateHelp: "A new invoice ID, if the invoice's ID in your own system changed",
		},
		invoice_number: {
			label: 'Invoice Number',
			kind: 'text',
			required: 'invoiceNumber',
			placeholder: 'e.g. INV-1042',
			help: 'The invoice number printed on the invoice and quoted to the customer in reminders',
		},
		customer_external_id: {
			label: 'Customer',
			kind: 'customer',
			required: 'customer',
			help: 'The customer the invoice is addressed to; it must already exist in Chaser',
			updateHelp: 'Moves the invoice to another customer',
		},
		status: {
			label: 'Status',
			kind: 'status',
			required: 'status',
			default: 'AUTHORISED',
			help: 'Chaser only chases Authorised invoices that still have an amount due. Paid needs nothing left due.',
			newHelp:
				'Chaser only chases Authorised invoices that still have an amount due. Paid needs nothing left due. An Authorised invoice with nothing left due and something paid is saved as Paid.',
		},
		currency_code: {
			label: 'Currency Code',
			kind: 'currency',
			required: 'currencyCode',
			help: 'ISO 4217 code of the invoice currency, e.g. GBP, EUR or USD',
		},
		total: {
			label: 'Total',
			kind: 'amount',
			required: 'total',
			help: 'The invoice total including tax, as printed on the invoice',
		},
		date: {
			label: 'Date',
			kind: 'date',
			required: 'date',
			help: "The date the invoice was issued. Chaser keeps the calendar date: {{ $today }} is today in the workflow's time zone.",
		},
		due_date: {
			label: 'Due Date',
			kind: 'date',
			required: 'dueDate',
			help: "The date payment is due; Chaser times its reminders from it. Chaser keeps the calendar date: {{ $today.plus(30, 'days') }} is 30 days from today in the workflow's time zone.",
		},
		amount_due: {
			label: 'Amount Due',
			kind: 'amount',
			help: 'What the customer still owes on this invoice: the total less payments received and credit notes applied. This is the balance Chaser chases; 0 once settled. Amount Due + Amount Paid can be less than Total (by the credit applied) but not more.',
			newHelp:
				'What the customer still owes on this invoice: the total less payments received and credit notes applied. This is the balance Chaser chases; 0 once settled. Amount Due + Amount Paid can be less than Total (by the credit applied) but not more. Left out, it is Total − Amount Paid (for an invoice already in Chaser, also less the credit already applied to it).',
		},
		amount_paid: {
			label: 'Amount Paid',
			kind: 'amount',
			help: 'What the customer has paid against this invoice so far: the sum of payments received, not counting credit notes. It cannot be more than Total.',
			newHelp:
				'What the customer has paid against this invoice so far: the sum of payments received, not counting credit notes. It cannot be more than Total. Left out, it is the sum of Payments when they are given; otherwise 0 for a new invoice, and what an invoice already in Chaser has paid so far (so payments recorded with Record Payment are kept).',
		},
		fully_paid_date: {
			label: 'Fully Paid Date',
			kind: 'date',
			help: "The date the invoice was settled in full, which the Chaser Trigger's Invoice Paid goes by. Left empty when the invoice is Paid, the node sets it: the latest payment's date, else today in the workflow's time zone.",
		},
		payments: { label: 'Payments', kind: 'payments' },
		sub_total: { label: 'Sub Total', kind: 'amount', help: 'The invoice total before tax' },
	},
	zeroTotal: { allowedIn: ZERO_TOTAL_ALLOWED, ask: 'enter the invoice total including tax, as printed on the invoice' },
	returned: { ...RETURNED_BY_CHASER, customer_name: 'string', invoice_pdf_link: 'string', invoice_pdf_link_updated_at: 'string' },
	picker: {
		method: 'searchInvoices',
		searchFields: ['invoice_number', 'invoice_id', 'customer_name', 'customer_external_id'],
		exactFields: ['invoice_number', 'invoice_id'],
		label: (record) =>
			joined(
				text(record.invoice_number) + statusMark(record.status, ['AUTHORISED']),
				text(record.customer_name ?? record.customer_external_id),
				`${money(record.amount_due, record.currency_code)} due`,
			),
	},
} satisfies ResourceDefinition;

/**
 * An invoice's PDF: `POST <invoice>/pdf`, multipart, one part named `file` (application/pdf, with a file name).
 * The path is in Chaser's reference; the body shape only in one weak source (README, "Where the Chaser API is
 * unsure"). Chaser answers with the invoice, whose `invoice_pdf_link` then points at the file.
 */
export const invoicePdf = {
	pathSuffix: '/pdf',
	part: 'file',
	mimeType: 'application/pdf',
	/** The largest file sent: the sandbox's limit, 10 MiB; Chaser publishes none. */
	maxBytes: 10 * 1024 * 1024,
	/** What Upload PDF's Simplify keeps: which invoice it is, and where its PDF now is. */
	summary: [
		...invoice.summary.filter((field) => field !== 'total' && field !== 'due_date'),
		'invoice_pdf_link',
		'invoice_pdf_link_updated_at',
	],
} as const;
