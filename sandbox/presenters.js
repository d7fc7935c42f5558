// @ts-check
'use strict';

/**
 * How records and envelopes look on the wire: the single, list and bulk envelopes (each built in one
 * place) and the response-only fields added to stored records (customer_name, invoice_pdf_link, the
 * customers' additional_fields).
 */

const { hashUnit: unit } = require('./random');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./schema').Resource} Resource
 *
 * @typedef {object} Reply
 * @property {number} status
 * @property {unknown} [body]                 JSON body
 * @property {Buffer} [bytes]                 raw body instead of JSON (with its Content-Type in headers)
 * @property {Record<string, string>} [headers]
 */

/**
 * `{url, object, data}`.
 * @param {string} base public base URL @param {string} path @param {string} object @param {unknown} data @param {number} [status]
 * @returns {Reply}
 */
function single(base, path, object, data, status = 200) {
	return { status, body: { url: base + path, object, data } };
}

/**
 * `{url, object:'list', page_number, page_size, total_count, data}`: the one place a list envelope is built.
 * @param {string} base @param {string} path @param {{ page: number, limit: number }} paging @param {number} total @param {unknown[]} data
 * @returns {Reply}
 */
function listEnvelope(base, path, paging, total, data) {
	return {
		status: 200,
		body: {
			url: base + path,
			object: 'list',
			page_number: paging.page,
			page_size: paging.limit,
			total_count: total,
			data,
		},
	};
}

/**
 * `{url, object:'bulk_result', data:{modified_count, inserted_count, inserted_ids}}`.
 * @param {string} base @param {string} path @param {number} modified @param {{ index: number, id: string }[]} inserted
 */
function bulkResult(base, path, modified, inserted) {
	return single(base, path, 'bulk_result', {
		modified_count: modified,
		inserted_count: inserted.length,
		inserted_ids: inserted,
	});
}

/** A customer with the asked-for additional_fields (made-up but stable values). @param {Entity} rec @param {string[]} extras */
function presentCustomer(rec, extras) {
	if (!extras.length) return rec;
	/** @type {Entity} */
	const out = { ...rec };
	if (extras.includes('payment_portal_link')) out.payment_portal_link = `https://pay.chaserhq.com/portal/${rec.id}`;
	if (extras.includes('payer_rating')) {
		out.payer_rating = Math.round((1 + unit(rec.id, 1) * 4) * 10) / 10;
		out.payer_rating_updated_at = rec.updated_at;
		out.payer_rating_number_invoices_considered = Math.floor(unit(rec.id, 2) * 40);
	}
	if (extras.includes('average_days_to_pay')) out.average_days_to_pay = Math.round(5 + unit(rec.id, 3) * 80);
	return out;
}

/**
 * A stored record as the API shows it.
 * @param {Store} store @param {Resource} res @param {Entity} rec @param {string[]} [extras] additional_fields (customers)
 */
function present(store, res, rec, extras = []) {
	if (res.name === 'customers') return presentCustomer(rec, extras);
	if (!res.refCustomer) return rec;
	const customer = store.collections.customers.getByKey(rec.customer_external_id);
	/** @type {Entity} */
	const out = { ...rec, customer_name: customer ? customer.company_name : null };
	if (res.name === 'invoices') {
		out.invoice_pdf_link = rec.invoice_pdf_link ?? null;
		out.invoice_pdf_link_updated_at = rec.invoice_pdf_link_updated_at ?? null;
	}
	return out;
}

/** Where a record lives (the `url` of its envelope). @param {Resource} res @param {Entity} rec @param {string} [customerId] */
function entityPath(res, rec, customerId) {
	return customerId ? `/v1/customers/${customerId}/contact_persons/${rec.id}` : `/v1/${res.path}/${rec.id}`;
}

module.exports = { single, listEnvelope, bulkResult, present, entityPath };
