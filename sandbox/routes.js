// @ts-check
'use strict';

/**
 * The route table: every method and path the sandbox answers, and the handler that answers it.
 * Order matters only where a literal segment competes with a parameter (the first matching row wins):
 * `/v1/invoices/history` is listed before `/v1/invoices/:invoiceId`.
 * Anything not in this table is 404 `not_found_error` (unknown path and unsupported method alike).
 * Rows marked `public` are served without authentication, rate limit or faults.
 */

const { RESOURCES } = require('./schema');
const h = require('./handlers');
const { Router } = require('./router');

/**
 * @typedef {import('./handlers').Handler} Handler
 * @typedef {import('./router').Route<Handler>} Route
 * @typedef {import('./schema').Resource} Resource
 */

/** Multipart overhead allowed on top of the 10 MiB file (part headers, boundaries). */
const PDF_UPLOAD_MAX_BODY = h.MAX_PDF_BYTES + 64 * 1024;

/**
 * The standard rows of a top-level resource, from its entry in the resource table: list and create on
 * `/v1/<path>`, get and update on `/v1/<path>/:<object>Id`, bulk upsert on `/v1/bulk/<path>`, in that order.
 * `beforeItem` rows go just before the `/:<object>Id` rows (a literal segment there would otherwise be taken
 * for an id), `afterItem` rows just after them.
 * @param {Resource} res @param {{ beforeItem?: Route[], afterItem?: Route[] }} [extra]
 * @returns {Route[]}
 */
function resourceRoutes(res, { beforeItem = [], afterItem = [] } = {}) {
	const param = h.idParam(res);
	const handlers = h.resourceHandlers(res);
	const list = `/v1/${res.path}`;
	const item = `${list}/:${param}`;
	return [
		{ method: 'GET', pattern: list, handler: handlers.list },
		{ method: 'POST', pattern: list, handler: handlers.create },
		...beforeItem,
		{ method: 'GET', pattern: item, handler: handlers.get },
		{ method: 'PUT', pattern: item, handler: handlers.update },
		...afterItem,
		{ method: 'PUT', pattern: `/v1/bulk/${res.path}`, handler: handlers.bulk },
	];
}

/** @type {Route[]} */
const ROUTES = [
	{ method: 'GET', pattern: '/', handler: h.health, public: true },
	{ method: 'GET', pattern: '/status', handler: h.health, public: true },
	{ method: 'GET', pattern: '/status/', handler: h.health, public: true },
	{ method: 'GET', pattern: '/files/invoices/:file', handler: h.invoicePdfFile, public: true },

	{ method: 'GET', pattern: '/v1/organisation', handler: h.organisation.get },
	{ method: 'POST', pattern: '/v1/organisation/sync', handler: h.organisation.sync },
	{ method: 'GET', pattern: '/v1/organisations', handler: h.organisation.list },
	{ method: 'GET', pattern: '/v1/tasks', handler: h.tasks },

	...resourceRoutes(RESOURCES.customers),

	{ method: 'GET', pattern: '/v1/customers/:customerId/contact_persons', handler: h.contactPersons.list },
	{ method: 'POST', pattern: '/v1/customers/:customerId/contact_persons', handler: h.contactPersons.create },
	{ method: 'GET', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.get },
	{ method: 'PUT', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.update },
	{ method: 'DELETE', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.delete },
	{ method: 'PUT', pattern: '/v1/bulk/customers/:customerId/contact_persons', handler: h.contactPersons.bulk },

	...resourceRoutes(RESOURCES.invoices, {
		beforeItem: [{ method: 'GET', pattern: '/v1/invoices/history', handler: h.history.list }], // not an invoice called history
		afterItem: [
			{ method: 'GET', pattern: '/v1/invoices/:invoiceId/history', handler: h.history.ofInvoice },
			{
				method: 'POST',
				pattern: '/v1/invoices/:invoiceId/pdf',
				handler: h.uploadInvoicePdf,
				maxBodyBytes: PDF_UPLOAD_MAX_BODY,
				tooLarge: 'payload',
			},
		],
	}),

	...resourceRoutes(RESOURCES.credit_notes),
	...resourceRoutes(RESOURCES.overpayments),
];

/** @type {Router<Handler>} */
const router = new Router(ROUTES);

module.exports = { ROUTES, router };
