// @ts-check
'use strict';

/**
 * In-memory state. Each kind is a Collection: a Map by internal id (the
 * public `store.<kind>` Map), an insertion-ordered array (so an unfiltered
 * page is a slice: O(page), not O(n)) and an index by external key.
 */

const { mulberry32 } = require('./random');

/** @typedef {Record<string, any>} Entity */

class Collection {
	/** @param {string} keyField external key: external_id, invoice_id, … */
	constructor(keyField) {
		this.keyField = keyField;
		/** @type {Map<string, Entity>} */
		this.map = new Map();
		/** @type {Entity[]} */
		this.order = [];
		/** @type {Map<string, Entity>} */
		this.byKey = new Map();
	}

	get size() {
		return this.order.length;
	}

	/** @param {Entity} rec */
	insert(rec) {
		this.map.set(rec.id, rec);
		this.order.push(rec);
		this.byKey.set(rec[this.keyField], rec);
	}

	/**
	 * Insert keeping `order` sorted by `rank` (ascending; equal ranks stay in insertion order).
	 * @param {Entity} rec @param {(rec: Entity) => number} rank
	 */
	insertSorted(rec, rank) {
		this.map.set(rec.id, rec);
		this.byKey.set(rec[this.keyField], rec);
		insertSortedInto(this.order, rec, rank);
	}

	/** @param {string} id */
	get(id) {
		return this.map.get(id);
	}

	/** @param {string} key */
	getByKey(key) {
		return this.byKey.get(key);
	}

	/** A record by its external key, else by its internal id (how tests and seeding name records). @param {string} keyOrId */
	find(keyOrId) {
		return this.byKey.get(keyOrId) ?? this.map.get(keyOrId);
	}

	/** Keep the key index right after the external key changed. */
	/** @param {Entity} rec @param {string} oldKey */
	rekey(rec, oldKey) {
		if (this.byKey.get(oldKey) === rec) this.byKey.delete(oldKey);
		this.byKey.set(rec[this.keyField], rec);
	}

	/** O(n), only used for contact persons (small per-customer lists). */
	/** @param {Entity} rec */
	remove(rec) {
		this.map.delete(rec.id);
		this.byKey.delete(rec[this.keyField]);
		const i = this.order.indexOf(rec);
		if (i >= 0) this.order.splice(i, 1);
	}

	clear() {
		this.map.clear();
		this.order.length = 0;
		this.byKey.clear();
	}
}

/**
 * Put `rec` into the sorted array `list` after every element whose rank is <= its own (binary search).
 * @param {Entity[]} list @param {Entity} rec @param {(rec: Entity) => number} rank
 */
function insertSortedInto(list, rec, rank) {
	const r = rank(rec);
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (rank(list[mid]) <= r) lo = mid + 1;
		else hi = mid;
	}
	list.splice(lo, 0, rec);
}

/** History entries are ordered by when they were sent. @param {Entity} entry */
const sentAt = (entry) => Date.parse(entry.sent_at);

/** Canonical kind names, with the aliases count()/seed accept. */
const KIND_ALIASES = /** @type {Record<string, string>} */ ({
	organisation: 'organisations',
	organisations: 'organisations',
	customer: 'customers',
	customers: 'customers',
	contact_person: 'contactPersons',
	contact_persons: 'contactPersons',
	contactPerson: 'contactPersons',
	contactPersons: 'contactPersons',
	invoice: 'invoices',
	invoices: 'invoices',
	credit_note: 'creditNotes',
	credit_notes: 'creditNotes',
	creditNote: 'creditNotes',
	creditNotes: 'creditNotes',
	overpayment: 'overpayments',
	overpayments: 'overpayments',
	invoice_history: 'invoiceHistory',
	invoiceHistory: 'invoiceHistory',
	history: 'invoiceHistory',
});

class Store {
	/** @param {{ idSeed?: number }} [options] */
	constructor(options = {}) {
		this.idRandom = mulberry32(options.idSeed ?? 0x5eed);
		/** History ids come from their own stream, so adding history never changes the ids of other records. */
		this.historyIdRandom = mulberry32((options.idSeed ?? 0x5eed) ^ 0x41570);
		this.collections = {
			organisations: new Collection('organisation_id'),
			customers: new Collection('external_id'),
			invoices: new Collection('invoice_id'),
			creditNotes: new Collection('credit_note_id'),
			overpayments: new Collection('overpayment_id'),
			/** Invoice history entries, all invoices, ordered by sent_at. */
			invoiceHistory: new Collection('id'),
		};
		/** Invoice id (internal) → its history entries, ordered by sent_at. */
		/** @type {Map<string, Entity[]>} */
		this.historyByInvoice = new Map();
		/** Invoice id (internal) → its uploaded PDF (the last one wins). */
		/** @type {Map<string, { bytes: Buffer, filename: string }>} */
		this.invoicePdfs = new Map();
		/** All contact persons by internal id. */
		/** @type {Map<string, Entity>} */
		this.contactPersons = new Map();
		/** Contact persons are scoped to a customer: customer id → Collection. */
		/** @type {Map<string, Collection>} */
		this.contactsByCustomer = new Map();
		/** contact person id → owning customer id */
		/** @type {Map<string, string>} */
		this.contactOwner = new Map();
		/** Sequence numbers for generated external ids (seed data). */
		/** @type {Record<string, number>} */
		this.sequences = {};
		this.currentOrganisationId = '';
	}

	// Public Maps keyed by internal id (the `sandbox.store.<kind>` API).
	get organisations() {
		return this.collections.organisations.map;
	}
	get customers() {
		return this.collections.customers.map;
	}
	get invoices() {
		return this.collections.invoices.map;
	}
	get creditNotes() {
		return this.collections.creditNotes.map;
	}
	get overpayments() {
		return this.collections.overpayments.map;
	}
	get invoiceHistory() {
		return this.collections.invoiceHistory.map;
	}

	/** Deterministic internal id: prefix + 20 hex chars. */
	/** @param {string} prefix @param {() => number} [random] */
	newId(prefix, random = this.idRandom) {
		for (;;) {
			let hex = '';
			while (hex.length < 20) hex += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
			const id = prefix + hex.slice(0, 20);
			if (!this.idTaken(id)) return id;
		}
	}

	/** @param {string} id */
	idTaken(id) {
		return (
			this.contactPersons.has(id) || Object.values(this.collections).some((c) => c.map.has(id))
		);
	}

	/** Next number of a named sequence (for seeded external ids). */
	/** @param {string} name */
	next(name) {
		this.sequences[name] = (this.sequences[name] || 0) + 1;
		return this.sequences[name];
	}

	/** @param {string} customerId */
	contactsOf(customerId) {
		let c = this.contactsByCustomer.get(customerId);
		if (!c) {
			c = new Collection('external_id');
			this.contactsByCustomer.set(customerId, c);
		}
		return c;
	}

	/** @param {string} customerId @param {Entity} rec */
	insertContact(customerId, rec) {
		this.contactsOf(customerId).insert(rec);
		this.contactPersons.set(rec.id, rec);
		this.contactOwner.set(rec.id, customerId);
	}

	/** @param {Entity} rec */
	removeContact(rec) {
		const owner = this.contactOwner.get(rec.id);
		if (owner) this.contactsOf(owner).remove(rec);
		this.contactPersons.delete(rec.id);
		this.contactOwner.delete(rec.id);
	}

	/**
	 * Renaming a customer's external_id keeps its documents attached (Chaser links
	 * them by its own contact id; customer_external_id is a view of it).
	 * @param {string} oldKey @param {string} newKey
	 */
	renameCustomerReferences(oldKey, newKey) {
		for (const kind of /** @type {const} */ (['invoices', 'creditNotes', 'overpayments', 'invoiceHistory'])) {
			for (const rec of this.collections[kind].order) {
				if (rec.customer_external_id === oldKey) rec.customer_external_id = newKey;
			}
		}
	}

	/** An invoice's history follows a change of its invoice_id (it is linked by the internal id). @param {Entity} invoice */
	renameInvoiceReferences(invoice) {
		for (const entry of this.historyOf(invoice.id)) entry.invoice_id = invoice.invoice_id;
	}

	/** The history entries of one invoice (internal id), ordered by sent_at. @param {string} invoiceId @returns {Entity[]} */
	historyOf(invoiceId) {
		return this.historyByInvoice.get(invoiceId) ?? [];
	}

	/**
	 * Store a history entry of `invoice` (already complete, with its id), in sent_at order.
	 * @param {Entity} invoice @param {Entity} entry
	 */
	insertHistory(invoice, entry) {
		this.collections.invoiceHistory.insertSorted(entry, sentAt);
		let list = this.historyByInvoice.get(invoice.id);
		if (!list) this.historyByInvoice.set(invoice.id, (list = []));
		insertSortedInto(list, entry, sentAt);
	}

	/** @param {string} kind */
	count(kind) {
		const k = KIND_ALIASES[kind];
		if (!k) throw new Error(`unknown kind: ${kind}`);
		if (k === 'contactPersons') return this.contactPersons.size;
		return this.collections[/** @type {keyof Store['collections']} */ (k)].size;
	}

	/** Empty everything except organisations. */
	clear() {
		for (const [name, c] of Object.entries(this.collections)) if (name !== 'organisations') c.clear();
		this.contactPersons.clear();
		this.contactsByCustomer.clear();
		this.contactOwner.clear();
		this.historyByInvoice.clear();
		this.invoicePdfs.clear();
		this.sequences = {};
	}
}

module.exports = { Store, Collection, KIND_ALIASES };
