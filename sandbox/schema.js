// @ts-check
'use strict';

/**
 * The wire contract of the Chaser API as the sandbox enforces it
 * (the project's research notes on Chaser's public API, §8). One place for enums, field specs,
 * filterable fields, read-only fields and the resource table built on them, so validation,
 * filtering, the handlers and the seed generator agree.
 */

const INVOICE_STATUSES = Object.freeze(['DRAFT', 'SUBMITTED', 'AUTHORISED', 'PAID', 'VOIDED', 'DELETED']);
/** The doc found two candidate enums for credit notes; the sandbox accepts their union. */
const CREDIT_NOTE_STATUSES = Object.freeze(['ACTIVE', ...INVOICE_STATUSES]);
const OVERPAYMENT_STATUSES = INVOICE_STATUSES;
const CUSTOMER_STATUSES = Object.freeze(['ACTIVE', 'ARCHIVED']);
const ADDRESS_TYPES = Object.freeze(['POBOX', 'Unknown', 'Delivery', 'Billing']);
const SYNC_TASKS = Object.freeze([
	'CALCULATE_NEXT_CHASES',
	'UPDATE_INVOICE_INSTALMENTS',
	'CALCULATE_CONTACT_BALANCES',
	'VERIFY_CONTACT_CREDIT_LIMIT',
	'CALCULATE_TASK_REMINDERS',
	'CALCULATE_TOTAL_REVENUE',
]);
const ADDITIONAL_CUSTOMER_FIELDS = Object.freeze(['payment_portal_link', 'payer_rating', 'average_days_to_pay']);
const FILTER_OPERATORS = Object.freeze(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin']);

/**
 * @typedef {'string' | 'key' | 'number' | 'nonNegative' | 'positive' | 'dateTime' | 'dateOrDateTime'
 *   | 'email' | 'enum' | 'currency' | 'objectArray'} FieldType
 * 'key' = a non-empty string identifier (external ids, names that must not be blank).
 *
 * @typedef {object} FieldSpec
 * @property {FieldType} type
 * @property {boolean} [required]   required on create
 * @property {boolean} [nullable]   null accepted
 * @property {readonly string[]} [values]  for enums
 * @property {unknown} [default]    applied on create when absent
 * @property {Schema} [items]        for objectArray
 *
 * @typedef {object} Schema
 * @property {string} name
 * @property {Record<string, FieldSpec>} fields
 * @property {readonly string[]} readOnly  response-only fields; sending them is an error
 */

/** @type {Schema} */
const ADDRESS = {
	name: 'address',
	fields: {
		address_type: { type: 'enum', values: ADDRESS_TYPES, default: 'POBOX' },
		address_line1: { type: 'string', nullable: true },
		address_line2: { type: 'string', nullable: true },
		address_line3: { type: 'string', nullable: true },
		address_line4: { type: 'string', nullable: true },
		city: { type: 'string', nullable: true },
		region: { type: 'string', nullable: true },
		postal_code: { type: 'string', nullable: true },
		country: { type: 'string', nullable: true },
	},
	readOnly: [],
};

/** Groups: the doc found both `id` and `group_id` as the key, so both are accepted. */
/** @type {Schema} */
const GROUP = {
	name: 'group',
	fields: {
		id: { type: 'key' },
		group_id: { type: 'key' },
		name: { type: 'key', required: true },
		status: { type: 'enum', values: CUSTOMER_STATUSES, default: 'ACTIVE' },
	},
	readOnly: [],
};

const TIMESTAMPS = ['id', 'created_at', 'updated_at'];

/** @type {Schema} */
const CUSTOMER = {
	name: 'customer',
	fields: {
		external_id: { type: 'key', required: true },
		company_name: { type: 'key', required: true },
		contact_first_name: { type: 'string', nullable: true },
		contact_last_name: { type: 'string', nullable: true },
		contact_email_address: { type: 'email', nullable: true },
		phone_number: { type: 'string', nullable: true },
		mobile_number: { type: 'string', nullable: true },
		status: { type: 'enum', values: CUSTOMER_STATUSES, default: 'ACTIVE' },
		addresses: { type: 'objectArray', items: ADDRESS, default: [] },
		groups: { type: 'objectArray', items: GROUP, default: [] },
	},
	readOnly: [
		...TIMESTAMPS,
		'payment_portal_link',
		'payer_rating',
		'payer_rating_updated_at',
		'payer_rating_number_invoices_considered',
		'average_days_to_pay',
	],
};

/** @type {Schema} */
const CONTACT_PERSON = {
	name: 'contact_person',
	fields: {
		external_id: { type: 'key', required: true },
		contact_first_name: { type: 'string', nullable: true },
		contact_last_name: { type: 'string', nullable: true },
		contact_email_address: { type: 'email', nullable: true },
		phone_number: { type: 'string', nullable: true },
		mobile_number: { type: 'string', nullable: true },
		status: { type: 'enum', values: CUSTOMER_STATUSES, default: 'ACTIVE' },
	},
	readOnly: [...TIMESTAMPS, 'customer_id'],
};

/** @type {Schema} */
const PAYMENT = {
	name: 'payment',
	fields: {
		amount: { type: 'positive', required: true },
		date: { type: 'dateTime', required: true },
	},
	readOnly: [],
};

/** @type {Schema} */
const INVOICE = {
	name: 'invoice',
	fields: {
		invoice_id: { type: 'key', required: true },
		invoice_number: { type: 'key', required: true },
		status: { type: 'enum', values: INVOICE_STATUSES, required: true },
		currency_code: { type: 'currency', required: true },
		amount_due: { type: 'nonNegative', required: true },
		amount_paid: { type: 'nonNegative', required: true },
		total: { type: 'number', required: true },
		sub_total: { type: 'number', nullable: true },
		date: { type: 'dateTime', required: true },
		due_date: { type: 'dateTime', required: true },
		fully_paid_date: { type: 'dateTime', nullable: true },
		customer_external_id: { type: 'key', required: true },
		payments: { type: 'objectArray', items: PAYMENT, default: [] },
	},
	readOnly: [...TIMESTAMPS, 'customer_name', 'invoice_pdf_link', 'invoice_pdf_link_updated_at'],
};

/** @type {Schema} */
const CREDIT_NOTE = {
	name: 'credit_note',
	fields: {
		credit_note_id: { type: 'key', required: true },
		credit_note_number: { type: 'key', required: true },
		remaining_credit: { type: 'number', required: true },
		total: { type: 'number', required: true },
		// The doc has a conflict (date-time on create, date on list output): accept both, store as sent.
		date: { type: 'dateOrDateTime', required: true },
		currency_code: { type: 'currency', required: true },
		customer_external_id: { type: 'key', required: true },
		status: { type: 'enum', values: CREDIT_NOTE_STATUSES, default: 'ACTIVE' },
	},
	readOnly: [...TIMESTAMPS, 'customer_name'],
};

/** @type {Schema} */
const OVERPAYMENT = {
	name: 'overpayment',
	fields: {
		overpayment_id: { type: 'key', required: true },
		remaining_credit: { type: 'number', required: true },
		total: { type: 'number', required: true },
		date: { type: 'dateTime', required: true },
		currency_code: { type: 'currency', required: true },
		customer_external_id: { type: 'key', required: true },
		status: { type: 'enum', values: OVERPAYMENT_STATUSES, default: 'AUTHORISED' },
	},
	readOnly: [...TIMESTAMPS, 'customer_name'],
};

/** @type {Schema} */
const SYNC_TASK = {
	name: 'sync_task',
	fields: { task: { type: 'enum', values: SYNC_TASKS, required: true } },
	readOnly: [],
};

/** @type {Schema} */
const SYNC_REQUEST = {
	name: 'sync',
	fields: { tasks: { type: 'objectArray', items: SYNC_TASK } },
	readOnly: [],
};

/**
 * Filterable fields per list, with the type used to compare values.
 * @typedef {'string' | 'number' | 'date' | { enum: readonly string[] }} FilterType
 * @type {Record<string, Record<string, FilterType>>}
 */
const FILTERS = {
	customers: {
		external_id: 'string',
		company_name: 'string',
		contact_first_name: 'string',
		contact_last_name: 'string',
		contact_email_address: 'string',
		status: { enum: CUSTOMER_STATUSES },
	},
	contactPersons: {
		external_id: 'string',
		contact_first_name: 'string',
		contact_last_name: 'string',
		contact_email_address: 'string',
		status: { enum: CUSTOMER_STATUSES },
	},
	invoices: {
		invoice_id: 'string',
		invoice_number: 'string',
		status: { enum: INVOICE_STATUSES },
		currency_code: 'string',
		customer_external_id: 'string',
		amount_due: 'number',
		amount_paid: 'number',
		total: 'number',
		sub_total: 'number',
		date: 'date',
		due_date: 'date',
		fully_paid_date: 'date',
	},
	creditNotes: {
		credit_note_id: 'string',
		credit_note_number: 'string',
		status: { enum: CREDIT_NOTE_STATUSES },
		currency_code: 'string',
		customer_external_id: 'string',
		total: 'number',
		remaining_credit: 'number',
		date: 'date',
	},
	overpayments: {
		overpayment_id: 'string',
		status: { enum: OVERPAYMENT_STATUSES },
		currency_code: 'string',
		customer_external_id: 'string',
		total: 'number',
		remaining_credit: 'number',
		date: 'date',
	},
	/** GET /v1/invoices/history: the three filters the contract lists (§2.4). */
	invoiceHistory: {
		invoice_id: 'string',
		invoice_number: 'string',
		contact_id: 'string',
	},
	/** GET /v1/invoices/{id}/history: paging only (the contract names no filters for it). */
	invoiceHistoryOfInvoice: {},
	organisations: {},
	tasks: {},
};

// ---------------------------------------------------------------- invoice history (the sandbox's assumption)

const HISTORY_TYPES = Object.freeze(['reminder']);
const HISTORY_CHANNELS = Object.freeze(['email', 'sms']);
const HISTORY_STATUSES = Object.freeze(['sent', 'failed']);

/**
 * What a test may give `sandbox.addHistory(invoice, entry)`. The invoice-derived fields (invoice_id,
 * invoice_number, contact_id, customer_external_id) and `id` come from the invoice and the store.
 * The entry shape is the sandbox's own assumption: the contract has the routes and filters, not the entries.
 * @type {Schema}
 */
const HISTORY_ENTRY = {
	name: 'invoice_history',
	fields: {
		type: { type: 'enum', values: HISTORY_TYPES, default: 'reminder' },
		channel: { type: 'enum', values: HISTORY_CHANNELS, default: 'email' },
		template_name: { type: 'string', nullable: true },
		subject: { type: 'string', nullable: true },
		sent_to: { type: 'string', nullable: true },
		sent_at: { type: 'dateTime', required: true },
		status: { type: 'enum', values: HISTORY_STATUSES, default: 'sent' },
	},
	readOnly: ['id', 'invoice_id', 'invoice_number', 'contact_id', 'customer_external_id'],
};

// ---------------------------------------------------------------- the resource table

/**
 * A resource: its URL segment, where it is stored, its envelope name, its keys and the schema and filters above.
 * @typedef {object} Resource
 * @property {string} name        resource name (customers, contact_persons, invoices, credit_notes, overpayments)
 * @property {string} path        URL segment
 * @property {'customers' | 'invoices' | 'creditNotes' | 'overpayments' | null} collection
 *   store collection (null: contact persons live in per-customer collections)
 * @property {string} object      envelope object name
 * @property {string} key         external key field
 * @property {string} prefix      internal id prefix (cus_, inv_, …: the sandbox's choice, not Chaser's)
 * @property {Schema} schema
 * @property {Record<string, FilterType>} filters
 * @property {boolean} refCustomer  has customer_external_id, which must name an existing customer
 * @property {string} [dateField]   enables date_from / date_to on its list
 * @property {boolean} [additionalFields] takes additional_fields on get and list (customers)
 */

/** @type {{ customers: Resource, invoices: Resource, credit_notes: Resource, overpayments: Resource }} */
const RESOURCES = {
	customers: {
		name: 'customers',
		path: 'customers',
		collection: 'customers',
		object: 'customer',
		key: 'external_id',
		prefix: 'cus_',
		schema: CUSTOMER,
		filters: FILTERS.customers,
		refCustomer: false,
		additionalFields: true,
	},
	invoices: {
		name: 'invoices',
		path: 'invoices',
		collection: 'invoices',
		object: 'invoice',
		key: 'invoice_id',
		prefix: 'inv_',
		schema: INVOICE,
		filters: FILTERS.invoices,
		refCustomer: true,
		dateField: 'date',
	},
	credit_notes: {
		name: 'credit_notes',
		path: 'credit_notes',
		collection: 'creditNotes',
		object: 'credit_note',
		key: 'credit_note_id',
		prefix: 'crn_',
		schema: CREDIT_NOTE,
		filters: FILTERS.creditNotes,
		refCustomer: true,
		dateField: 'date',
	},
	overpayments: {
		name: 'overpayments',
		path: 'overpayments',
		collection: 'overpayments',
		object: 'overpayment',
		key: 'overpayment_id',
		prefix: 'ovp_',
		schema: OVERPAYMENT,
		filters: FILTERS.overpayments,
		refCustomer: true,
		dateField: 'date',
	},
};

/** Contact persons behave like a resource scoped to one customer. @type {Resource} */
const CONTACT_PERSONS = {
	name: 'contact_persons',
	path: 'contact_persons',
	collection: null,
	object: 'contact_person',
	key: 'external_id',
	prefix: 'cp_',
	schema: CONTACT_PERSON,
	filters: FILTERS.contactPersons,
	refCustomer: false,
};

/** Invoice history entries are read-only over HTTP; ids `his_…`. */
const HISTORY_PREFIX = 'his_';

module.exports = {
	INVOICE_STATUSES,
	CREDIT_NOTE_STATUSES,
	OVERPAYMENT_STATUSES,
	CUSTOMER_STATUSES,
	ADDRESS_TYPES,
	SYNC_TASKS,
	ADDITIONAL_CUSTOMER_FIELDS,
	FILTER_OPERATORS,
	HISTORY_PREFIX,
	SCHEMAS: {
		ADDRESS,
		GROUP,
		CUSTOMER,
		CONTACT_PERSON,
		PAYMENT,
		INVOICE,
		CREDIT_NOTE,
		OVERPAYMENT,
		SYNC_REQUEST,
		HISTORY_ENTRY,
	},
	FILTERS,
	RESOURCES,
	CONTACT_PERSONS,
};
