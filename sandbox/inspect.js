// @ts-check
'use strict';

/**
 * Looking at the store from a test, the benchmark or the e2e suite: records by key, audits of stored keys,
 * uploaded PDFs and invoice history. Reads only; nothing here changes the store.
 */

const { KIND_ALIASES } = require('./store');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Entity} Entity
 */

class Inspector {
	/** @param {Store} store */
	constructor(store) {
		this.store = store;
	}

	/** A record of `kind` by its key (external_id, invoice_id, …) or its internal id. @param {'customers' | 'invoices' | 'creditNotes' | 'overpayments'} kind @param {string} key */
	find(kind, key) {
		return this.store.collections[kind].find(key);
	}

	/** @param {string} customerExternalId @param {string} contactExternalId */
	findContactPerson(customerExternalId, contactExternalId) {
		const customer = this.find('customers', customerExternalId);
		return customer ? this.store.contactsOf(customer.id).getByKey(contactExternalId) : undefined;
	}

	/** The current organisation record (live). */
	get organisation() {
		return /** @type {Entity} */ (this.store.organisations.get(this.store.currentOrganisationId));
	}

	/**
	 * Whether each of `keys` is stored exactly once in `kind` (matched on `keyField`, e.g. external_id): the keys it
	 * does not hold, and those it holds more than once.
	 * @param {string} kind @param {string} keyField @param {string[]} keys
	 * @returns {{ missing: string[], duplicated: string[] }}
	 */
	audit(kind, keyField, keys) {
		const collection = this.store.collections[/** @type {keyof Store['collections']} */ (KIND_ALIASES[kind])];
		if (!collection) throw new Error(`unknown kind: ${kind}`);
		const times = new Map();
		for (const record of collection.order) times.set(record[keyField], (times.get(record[keyField]) || 0) + 1);
		return {
			missing: keys.filter((key) => !times.has(key)),
			duplicated: keys.filter((key) => times.get(key) > 1),
		};
	}

	/** The bytes of the PDF last uploaded for an invoice (invoice_id or internal id). @param {string} invoice */
	invoicePdf(invoice) {
		const rec = this.find('invoices', invoice);
		return rec ? this.store.invoicePdfs.get(rec.id)?.bytes : undefined;
	}

	/** An invoice's history entries (invoice_id or internal id), oldest first; [] for an unknown invoice. @param {string} invoice */
	invoiceHistory(invoice) {
		const rec = this.find('invoices', invoice);
		return rec ? [...this.store.historyOf(rec.id)] : [];
	}
}

module.exports = { Inspector };
