// @ts-check
'use strict';

/**
 * Route handlers: `(ctx) => Reply` (or a Promise of one, for the multipart upload), throwing an ApiError
 * for anything that is not a success. Generic ones are made per resource (`list(RESOURCES.invoices)`);
 * the route table in routes.js says which handler serves which method and path.
 */

const { SCHEMAS, FILTERS, RESOURCES, CONTACT_PERSONS } = require('./schema');
const { validateObject, isPlainObject, issues } = require('./validation');
const { parsePaging, parseFilters, pageOf, onlyQuery, additionalFields } = require('./query');
const { jsonObject, multipartForm } = require('./body');
const { notFound, validation, validationFromErrors, payloadTooLarge, rateLimited } = require('./errors');
const { now, newRecord, mergeRecord, referenceIssues, resolve } = require('./records');
const { single, listEnvelope, bulkResult, present, entityPath } = require('./presenters');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Collection} Collection
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./validation').Issue} Issue
 * @typedef {import('./schema').Resource} Resource
 * @typedef {import('./schema').FilterType} FilterType
 * @typedef {import('./faults').SlidingWindow} SlidingWindow
 * @typedef {import('./presenters').Reply} Reply
 * @typedef {import('./body').RequestBody} RequestBody
 *
 * @typedef {object} Ctx
 * @property {Store} store
 * @property {Record<string, string>} params  path parameters (percent-decoded)
 * @property {URLSearchParams} query
 * @property {RequestBody} body
 * @property {string} base        public base URL used in envelopes (https://openapi.chaserhq.com)
 * @property {string} serverUrl   where this sandbox listens (for links it serves itself)
 * @property {number} createStatus
 * @property {SlidingWindow | null} syncLimit
 *
 * @typedef {(ctx: Ctx) => Reply | Promise<Reply>} Handler
 */

/** Largest invoice PDF accepted (the sandbox's assumption; Chaser documents none). */
const MAX_PDF_BYTES = 10 * 1024 * 1024;

// ---------------------------------------------------------------- helpers

/** @param {Collection} coll @param {string} id */
function mustResolve(coll, id) {
	const rec = resolve(coll, id);
	if (!rec) throw notFound();
	return rec;
}

/** @param {Store} store @param {Resource} res */
function collectionOf(store, res) {
	return store.collections[/** @type {NonNullable<Resource['collection']>} */ (res.collection)];
}

/** @param {Ctx} ctx */
const body = (ctx) => jsonObject(ctx.body);

/** @param {Issue[]} list */
function throwIssues(list) {
	if (list.length) throw validationFromErrors(list.map((i) => ({ field: i.field, message: i.message })));
}

/** The customer named by `:customerId` and its contact persons. @param {Ctx} ctx */
function customerScope(ctx) {
	const customer = mustResolve(ctx.store.collections.customers, ctx.params.customerId);
	return { customer, contacts: ctx.store.contactsOf(customer.id) };
}

/** @param {Ctx} ctx */
function currentOrganisation(ctx) {
	const org = ctx.store.organisations.get(ctx.store.currentOrganisationId);
	if (!org) throw notFound();
	return org;
}

// ---------------------------------------------------------------- generic CRUD over one collection

/**
 * Every list: one page of `items` in a list envelope, with paging and filters read from the query the same way
 * on every list route. `present` turns the page's records into what is sent (default: as stored).
 * @param {Ctx} ctx @param {string} path @param {Entity[]} items @param {Record<string, FilterType>} filters
 * @param {{ reserved?: readonly string[], dateField?: string, present?: (page: Entity[]) => unknown[] }} [opts]
 */
function listOf(ctx, path, items, filters, opts = {}) {
	const paging = parsePaging(ctx.query);
	const conditions = parseFilters(ctx.query, filters, opts);
	const { total, data } = pageOf(items, conditions, paging);
	return listEnvelope(ctx.base, path, paging, total, opts.present ? opts.present(data) : data);
}

/** @param {Ctx} ctx @param {Resource} res @param {Collection} coll @param {string} path */
function listIn(ctx, res, coll, path) {
	return listOf(ctx, path, coll.order, res.filters, {
		reserved: res.additionalFields ? ['additional_fields'] : [],
		dateField: res.dateField,
		present: (page) => {
			const extras = res.additionalFields ? additionalFields(ctx.query) : [];
			return page.map((rec) => present(ctx.store, res, rec, extras));
		},
	});
}

/**
 * @param {Ctx} ctx @param {Resource} res @param {Collection} coll
 * @param {(rec: Entity) => void} insert @param {string} [customerId]
 */
function createIn(ctx, res, coll, insert, customerId) {
	onlyQuery(ctx.query);
	const { value, issues: found } = validateObject(body(ctx), res.schema, 'create');
	throwIssues([...found, ...referenceIssues(ctx.store, res, coll, value, undefined)]);
	const rec = newRecord(ctx.store, res, value);
	insert(rec);
	return single(ctx.base, entityPath(res, rec, customerId), res.object, present(ctx.store, res, rec), ctx.createStatus);
}

/** @param {Ctx} ctx @param {Resource} res @param {Entity} rec @param {string} [customerId] */
function show(ctx, res, rec, customerId) {
	onlyQuery(ctx.query, res.additionalFields ? ['additional_fields'] : []);
	const extras = res.additionalFields ? additionalFields(ctx.query) : [];
	return single(ctx.base, entityPath(res, rec, customerId), res.object, present(ctx.store, res, rec, extras));
}

/** @param {Ctx} ctx @param {Resource} res @param {Collection} coll @param {Entity} rec @param {string} [customerId] */
function updateIn(ctx, res, coll, rec, customerId) {
	onlyQuery(ctx.query);
	const { value, issues: found } = validateObject(body(ctx), res.schema, 'update');
	throwIssues([...found, ...referenceIssues(ctx.store, res, coll, value, rec)]);
	mergeRecord(ctx.store, res, coll, rec, value);
	return single(ctx.base, entityPath(res, rec, customerId), res.object, present(ctx.store, res, rec));
}

/**
 * Bulk upsert, all-or-nothing: every entry is validated (as a create when new,
 * as a partial update when it matches by `id` or external key) before anything
 * is stored. The same record twice in one request is an error.
 * @param {Ctx} ctx @param {Resource} res @param {Collection} coll
 * @param {(rec: Entity) => void} insert @param {string} path
 */
function bulkIn(ctx, res, coll, insert, path) {
	onlyQuery(ctx.query);
	const request = body(ctx);
	for (const key of Object.keys(request))
		if (key !== 'entries') throw validation(`unknown field: ${key} (the body is {"entries": [...]})`);
	const entries = request.entries;
	if (!Array.isArray(entries)) throw validation('invalid field: entries must be an array of 1 to 100 objects');
	if (entries.length < 1 || entries.length > 100)
		throw validation(`invalid field: entries must contain between 1 and 100 entries (got ${entries.length})`);

	/** @type {{ index: number, field: string, message: string }[]} */
	const errors = [];
	/** @type {{ existing: Entity | undefined, value: Record<string, unknown> }[]} */
	const plans = [];
	/** final external key → entry index, to catch the same record twice in one request */
	const claimed = new Map();
	/** @param {number} index @param {Issue} issue */
	const fail = (index, issue) =>
		errors.push({ index, field: issue.field, message: `entries[${index}].${issue.field} ${issue.detail}` });

	entries.forEach((entry, index) => {
		if (!isPlainObject(entry)) {
			errors.push({ index, field: '', message: `entries[${index}] must be an object` });
			return;
		}
		const { id, ...fields } = entry;
		/** @type {Entity | undefined} */
		let existing;
		if (id !== undefined) {
			if (typeof id !== 'string') {
				fail(index, issues.invalid('id', 'must be a string'));
				return;
			}
			existing = coll.get(id);
			if (!existing) {
				fail(index, issues.custom('id', `not found: ${id}`, ''));
				return;
			}
		} else if (typeof fields[res.key] === 'string') existing = coll.getByKey(/** @type {string} */ (fields[res.key]));

		const { value, issues: found } = validateObject(fields, res.schema, existing ? 'update' : 'create');
		found.push(...referenceIssues(ctx.store, res, coll, value, existing));
		const finalKey = value[res.key] ?? existing?.[res.key];
		const identity = existing ? existing.id : finalKey;
		if (finalKey !== undefined) {
			for (const k of new Set([finalKey, identity])) {
				if (claimed.has(k)) {
					found.push(issues.custom(res.key, `duplicates entries[${claimed.get(k)}]`, ''));
					break;
				}
			}
			claimed.set(finalKey, index);
			claimed.set(identity, index);
		}
		for (const issue of found) fail(index, issue);
		plans.push({ existing, value });
	});

	if (errors.length) throw validationFromErrors(errors);

	let modified = 0;
	/** @type {{ index: number, id: string }[]} */
	const inserted = [];
	plans.forEach(({ existing, value }, index) => {
		if (existing) {
			mergeRecord(ctx.store, res, coll, existing, value);
			modified++;
		} else {
			const rec = newRecord(ctx.store, res, value);
			insert(rec);
			inserted.push({ index, id: rec.id });
		}
	});
	return bulkResult(ctx.base, path, modified, inserted);
}

// ---------------------------------------------------------------- top-level resources (customers, invoices, …)

/**
 * Name of the id parameter in a resource's item routes: its object name in camelCase + `Id`
 * (customerId, invoiceId, creditNoteId, overpaymentId).
 * @param {Resource} res
 */
const idParam = (res) => res.object.replace(/_([a-z])/g, (_, c) => c.toUpperCase()) + 'Id';

/** @param {Resource} res */
function resourceHandlers(res) {
	const param = idParam(res);
	/** @param {Ctx} ctx */
	const coll = (ctx) => collectionOf(ctx.store, res);
	return {
		/** @type {Handler} */
		list: (ctx) => listIn(ctx, res, coll(ctx), `/v1/${res.path}`),
		/** @type {Handler} */
		create: (ctx) => createIn(ctx, res, coll(ctx), (rec) => coll(ctx).insert(rec)),
		/** @type {Handler} */
		get: (ctx) => show(ctx, res, mustResolve(coll(ctx), ctx.params[param])),
		/** @type {Handler} */
		update: (ctx) => {
			const rec = mustResolve(coll(ctx), ctx.params[param]);
			return updateIn(ctx, res, coll(ctx), rec);
		},
		/** @type {Handler} */
		bulk: (ctx) => bulkIn(ctx, res, coll(ctx), (rec) => coll(ctx).insert(rec), `/v1/bulk/${res.path}`),
	};
}

// ---------------------------------------------------------------- contact persons (scoped to a customer)

const contactPersons = {
	/** @type {Handler} */
	list(ctx) {
		const { customer, contacts } = customerScope(ctx);
		return listIn(ctx, CONTACT_PERSONS, contacts, `/v1/customers/${customer.id}/contact_persons`);
	},
	/** @type {Handler} */
	create(ctx) {
		const { customer, contacts } = customerScope(ctx);
		return createIn(ctx, CONTACT_PERSONS, contacts, (rec) => ctx.store.insertContact(customer.id, rec), customer.id);
	},
	/** @type {Handler} */
	get(ctx) {
		const { customer, contacts } = customerScope(ctx);
		return show(ctx, CONTACT_PERSONS, mustResolve(contacts, ctx.params.contactId), customer.id);
	},
	/** @type {Handler} */
	update(ctx) {
		const { customer, contacts } = customerScope(ctx);
		const cp = mustResolve(contacts, ctx.params.contactId);
		return updateIn(ctx, CONTACT_PERSONS, contacts, cp, customer.id);
	},
	/** DELETE answers 200 with `{id, deleted:true}` (the sandbox's choice; 204 is as likely). @type {Handler} */
	delete(ctx) {
		const { customer, contacts } = customerScope(ctx);
		const cp = mustResolve(contacts, ctx.params.contactId);
		onlyQuery(ctx.query);
		ctx.store.removeContact(cp);
		return single(ctx.base, entityPath(CONTACT_PERSONS, cp, customer.id), 'contact_person', { id: cp.id, deleted: true });
	},
	/** @type {Handler} */
	bulk(ctx) {
		const { customer, contacts } = customerScope(ctx);
		return bulkIn(
			ctx,
			CONTACT_PERSONS,
			contacts,
			(rec) => ctx.store.insertContact(customer.id, rec),
			`/v1/bulk/customers/${customer.id}/contact_persons`,
		);
	},
};

// ---------------------------------------------------------------- organisation, sync, tasks, health

const organisation = {
	/** @type {Handler} */
	get(ctx) {
		onlyQuery(ctx.query);
		return single(ctx.base, '/v1/organisation', 'organisation', currentOrganisation(ctx));
	},
	/** @type {Handler} */
	list(ctx) {
		return listOf(ctx, '/v1/organisations', ctx.store.collections.organisations.order, FILTERS.organisations);
	},
	/** @type {Handler} */
	sync(ctx) {
		onlyQuery(ctx.query);
		const request = jsonObject(ctx.body, { optional: true });
		const { issues: found } = validateObject(request, SCHEMAS.SYNC_REQUEST, 'update');
		throwIssues(found);
		if (ctx.syncLimit && !ctx.syncLimit.tryTake(Date.now()))
			throw rateLimited(`sync rate limit exceeded: at most ${ctx.syncLimit.capacity} sync requests per hour`);
		currentOrganisation(ctx).last_sync_date = now();
		return single(ctx.base, '/v1/organisation/sync', 'sync', { result: true });
	},
};

/** `GET /v1/tasks`: always empty (its parameters are unknown). @type {Handler} */
function tasks(ctx) {
	return listOf(ctx, '/v1/tasks', [], FILTERS.tasks);
}

/** `GET /`, `GET /status`, `GET /status/`. @type {Handler} */
const health = () => ({ status: 200, body: { status: 'ok' } });

// ---------------------------------------------------------------- invoice PDF (the upload shape is the sandbox's assumption)

/** @param {Ctx} ctx */
const invoiceOf = (ctx) => mustResolve(ctx.store.collections.invoices, ctx.params.invoiceId);

/**
 * `POST /v1/invoices/{id}/pdf`, multipart/form-data with exactly one part, `file`: a PDF file
 * (Content-Type application/pdf, a filename, content starting with %PDF-), at most 10 MiB (else 413).
 * @param {Ctx} ctx @returns {Promise<Reply>}
 */
async function uploadInvoicePdf(ctx) {
	const invoice = invoiceOf(ctx);
	onlyQuery(ctx.query);
	const form = await multipartForm(ctx.body);
	/** @type {{ field: string, message: string }[]} */
	const problems = [];
	for (const name of new Set(form.keys()))
		if (name !== 'file') problems.push({ field: name, message: `unknown part: ${name} (the only part is file)` });
	const parts = form.getAll('file');
	if (parts.length === 0) problems.push({ field: 'file', message: 'file is required' });
	if (parts.length > 1) problems.push({ field: 'file', message: `file must be sent once (got ${parts.length} parts named file)` });
	const file = parts.length === 1 ? parts[0] : undefined;
	if (typeof file === 'string') problems.push({ field: 'file', message: 'file must be a file part with a filename (got a plain form field)' });
	if (problems.length || typeof file !== 'object' || file === null) throw validationFromErrors(problems);

	if (file.size > MAX_PDF_BYTES) throw pdfTooLarge(file.size);
	const bytes = Buffer.from(await file.arrayBuffer());
	const type = file.type.split(';')[0].trim().toLowerCase();
	if (file.name === '') problems.push({ field: 'file', message: 'file needs a filename' });
	if (type !== 'application/pdf')
		problems.push({ field: 'file', message: `file must be application/pdf (got "${file.type || 'none'}")` });
	if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
		problems.push({ field: 'file', message: 'file is not a PDF: its content must start with %PDF-' });
	if (problems.length) throw validationFromErrors(problems);

	const id = invoice.id;
	ctx.store.invoicePdfs.set(id, { bytes, filename: file.name });
	invoice.invoice_pdf_link = `${ctx.serverUrl}/files/invoices/${id}.pdf`;
	invoice.invoice_pdf_link_updated_at = now();
	invoice.updated_at = invoice.invoice_pdf_link_updated_at;
	return single(ctx.base, `/v1/invoices/${id}`, 'invoice', present(ctx.store, RESOURCES.invoices, invoice));
}

/** 413 with a Chaser-style body (type validation_error: the sandbox's assumption). @param {number} size */
function pdfTooLarge(size) {
	return payloadTooLarge(`file is too large: ${size} bytes (at most ${MAX_PDF_BYTES}, 10 MiB)`, [
		{ field: 'file', message: 'file is too large (at most 10 MiB)' },
	]);
}

/** `GET /files/invoices/{id}.pdf`: the uploaded bytes, no auth (it stands for a signed link). @type {Handler} */
function invoicePdfFile(ctx) {
	const match = /^(.+)\.pdf$/.exec(ctx.params.file);
	const pdf = match ? ctx.store.invoicePdfs.get(match[1]) : undefined;
	if (!pdf) throw notFound();
	return {
		status: 200,
		bytes: pdf.bytes,
		headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${pdf.filename.replace(/["\\\r\n]/g, '_')}"` },
	};
}

// ---------------------------------------------------------------- invoice history (the entry shape is the sandbox's assumption)

const history = {
	/** `GET /v1/invoices/history`: every entry, oldest first; filters invoice_id, invoice_number, contact_id. @type {Handler} */
	list(ctx) {
		return listOf(ctx, '/v1/invoices/history', ctx.store.collections.invoiceHistory.order, FILTERS.invoiceHistory);
	},
	/** `GET /v1/invoices/{id}/history`: one invoice's entries, oldest first; paging only. @type {Handler} */
	ofInvoice(ctx) {
		const invoice = invoiceOf(ctx);
		return listOf(ctx, `/v1/invoices/${invoice.id}/history`, ctx.store.historyOf(invoice.id), FILTERS.invoiceHistoryOfInvoice);
	},
};

module.exports = {
	idParam,
	resourceHandlers,
	contactPersons,
	organisation,
	tasks,
	health,
	uploadInvoicePdf,
	invoicePdfFile,
	history,
	MAX_PDF_BYTES,
};
