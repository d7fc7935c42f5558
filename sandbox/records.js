// @ts-check
'use strict';

/**
 * Building and changing stored records, the same way for the HTTP handlers and the seed generator
 * (which must not depend on the HTTP layer). Nothing here knows about requests or envelopes.
 */

const { issues } = require('./validation');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Collection} Collection
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./validation').Issue} Issue
 * @typedef {import('./schema').Resource} Resource
 */

const now = () => new Date().toISOString();

/** Groups without an id get one, so they can be addressed later. */
/** @param {Store} store @param {Record<string, unknown>} value */
function completeGroups(store, value) {
	if (!Array.isArray(value.groups)) return;
	for (const g of value.groups) if (g.id === undefined && g.group_id === undefined) g.id = store.newId('grp_');
}

/**
 * A new record of `res` from validated create values: an internal id, the schema's fields, timestamps.
 * Not stored: the caller inserts it where it belongs.
 * @param {Store} store @param {Resource} res @param {Record<string, unknown>} value
 */
function newRecord(store, res, value) {
	completeGroups(store, value);
	const t = now();
	/** @type {Entity} */
	const rec = { id: store.newId(res.prefix) };
	for (const key of Object.keys(res.schema.fields)) if (value[key] !== undefined) rec[key] = value[key];
	rec.created_at = t;
	rec.updated_at = t;
	return rec;
}

/**
 * Partial merge (PUT semantics): given fields overwrite, arrays (addresses,
 * groups, payments) are replaced as a whole. Keeps key indexes and references in sync.
 * @param {Store} store @param {Resource} res @param {Collection} coll @param {Entity} rec @param {Record<string, unknown>} value
 */
function mergeRecord(store, res, coll, rec, value) {
	completeGroups(store, value);
	const oldKey = rec[res.key];
	Object.assign(rec, value);
	rec.updated_at = now();
	if (rec[res.key] !== oldKey) {
		coll.rekey(rec, oldKey);
		if (res.name === 'customers') store.renameCustomerReferences(oldKey, rec[res.key]);
		if (res.name === 'invoices') store.renameInvoiceReferences(rec);
	}
}

/**
 * Checks that need the store: unique external key and an existing customer.
 * @param {Store} store @param {Resource} res @param {Collection} coll
 * @param {Record<string, unknown>} value @param {Entity | undefined} existing
 * @returns {Issue[]}
 */
function referenceIssues(store, res, coll, value, existing) {
	/** @type {Issue[]} */
	const out = [];
	const key = value[res.key];
	if (typeof key === 'string' && (!existing || existing[res.key] !== key) && coll.getByKey(key))
		out.push(issues.custom(res.key, 'already exists', `${res.key} already exists`));
	const cust = value.customer_external_id;
	if (res.refCustomer && typeof cust === 'string' && !store.collections.customers.getByKey(cust))
		out.push(
			issues.custom('customer_external_id', `references an unknown customer: ${cust}`, `customer not found: ${cust}`),
		);
	return out;
}

/** `id` is an internal id or `ext_` + external id (already percent-decoded). */
/** @param {Collection} coll @param {string} id */
function resolve(coll, id) {
	return id.startsWith('ext_') ? coll.getByKey(id.slice(4)) : coll.get(id);
}

module.exports = { now, newRecord, mergeRecord, referenceIssues, resolve };
