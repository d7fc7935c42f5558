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
 */

const customers = h.resourceHandlers(RESOURCES.customers, 'customerId');
const invoices = h.resourceHandlers(RESOURCES.invoices, 'invoiceId');
const creditNotes = h.resourceHandlers(RESOURCES.credit_notes, 'creditNoteId');
const overpayments = h.resourceHandlers(RESOURCES.overpayments, 'overpaymentId');

/** Multipart overhead allowed on top of the 10 MiB file (part headers, boundaries). */
const PDF_UPLOAD_MAX_BODY = h.MAX_PDF_BYTES + 64 * 1024;

/** @type {Route[]} */
const ROUTES = [
	// method  pattern                                                  handler                     options
	{ method: 'GET', pattern: '/', handler: h.health, public: true },
	{ method: 'GET', pattern: '/status', handler: h.health, public: true },
	{ method: 'GET', pattern: '/status/', handler: h.health, public: true },
	{ method: 'GET', pattern: '/files/invoices/:file', handler: h.invoicePdfFile, public: true },

	{ method: 'GET', pattern: '/v1/organisation', handler: h.organisation.get },
	{ method: 'POST', pattern: '/v1/organisation/sync', handler: h.organisation.sync },
	{ method: 'GET', pattern: '/v1/organisations', handler: h.organisation.list },
	{ method: 'GET', pattern: '/v1/tasks', handler: h.tasks },

	{ method: 'GET', pattern: '/v1/customers', handler: customers.list },
	{ method: 'POST', pattern: '/v1/customers', handler: customers.create },
	{ method: 'GET', pattern: '/v1/customers/:customerId', handler: customers.get },
	{ method: 'PUT', pattern: '/v1/customers/:customerId', handler: customers.update },
	{ method: 'PUT', pattern: '/v1/bulk/customers', handler: customers.bulk },

	{ method: 'GET', pattern: '/v1/customers/:customerId/contact_persons', handler: h.contactPersons.list },
	{ method: 'POST', pattern: '/v1/customers/:customerId/contact_persons', handler: h.contactPersons.create },
	{ method: 'GET', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.get },
	{ method: 'PUT', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.update },
	{ method: 'DELETE', pattern: '/v1/customers/:customerId/contact_persons/:contactId', handler: h.contactPersons.delete },
	{ method: 'PUT', pattern: '/v1/bulk/customers/:customerId/contact_persons', handler: h.contactPersons.bulk },

	{ method: 'GET', pattern: '/v1/invoices', handler: invoices.list },
	{ method: 'POST', pattern: '/v1/invoices', handler: invoices.create },
	{ method: 'GET', pattern: '/v1/invoices/history', handler: h.history.list }, // before /v1/invoices/:invoiceId
	{ method: 'GET', pattern: '/v1/invoices/:invoiceId', handler: invoices.get },
	{ method: 'PUT', pattern: '/v1/invoices/:invoiceId', handler: invoices.update },
	{ method: 'GET', pattern: '/v1/invoices/:invoiceId/history', handler: h.history.ofInvoice },
	{
		method: 'POST',
		pattern: '/v1/invoices/:invoiceId/pdf',
		handler: h.uploadInvoicePdf,
		maxBodyBytes: PDF_UPLOAD_MAX_BODY,
		tooLarge: 'payload',
	},
	{ method: 'PUT', pattern: '/v1/bulk/invoices', handler: invoices.bulk },

	{ method: 'GET', pattern: '/v1/credit_notes', handler: creditNotes.list },
	{ method: 'POST', pattern: '/v1/credit_notes', handler: creditNotes.create },
	{ method: 'GET', pattern: '/v1/credit_notes/:creditNoteId', handler: creditNotes.get },
	{ method: 'PUT', pattern: '/v1/credit_notes/:creditNoteId', handler: creditNotes.update },
	{ method: 'PUT', pattern: '/v1/bulk/credit_notes', handler: creditNotes.bulk },

	{ method: 'GET', pattern: '/v1/overpayments', handler: overpayments.list },
	{ method: 'POST', pattern: '/v1/overpayments', handler: overpayments.create },
	{ method: 'GET', pattern: '/v1/overpayments/:overpaymentId', handler: overpayments.get },
	{ method: 'PUT', pattern: '/v1/overpayments/:overpaymentId', handler: overpayments.update },
	{ method: 'PUT', pattern: '/v1/bulk/overpayments', handler: overpayments.bulk },
];

/** @type {Router<Handler>} */
const router = new Router(ROUTES);

module.exports = { ROUTES, router };
