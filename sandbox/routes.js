// @ts-check
'use strict';

/**
 * Route table and handlers. Handlers are synchronous and return
 * `{ status, body }` or throw an ApiError; the server turns that into HTTP.
 */

const { SCHEMAS, FILTERS, ADDITIONAL_CUSTOMER_FIELDS } = require('./schema');
const { validateObject, isPlainObject, issues } = require('./validation');
const { parsePaging, parseFilters, pageOf } = require('./query');
const { notFound, validation, validationFromErrors, rateLimited } = require('./errors');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Collection} Collection
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./validation').Issue} Issue
 * @typedef {import('./schema').Schema} Schema
 * @typedef {import('./faults').SlidingWindow} SlidingWindow
 *
 * @typedef {object} Ctx
 * @property {Store} store
 * @property {string} method
 * @property {string[]} segments  decoded path segments after /v1
 * @property {URLSearchParams} params
 * @property {string} bodyText
 * @property {string} contentType
 * @property {string} base        public base URL used in envelopes
 * @property {number} createStatus
 * @property {SlidingWindow | null} syncLimit
 *
 * @typedef {{ status: number, body: unknown }} Reply
 *
 * @typedef {object} Resource
 * @property {string} path        URL segment (customers, credit_notes, …)
 * @property {'customers' | 'invoices' | 'creditNotes' | 'overpayments'} collection
 * @property {string} object      envelope object name
 * @property {string} key         external key field
 * @property {string} prefix      internal id prefix
 * @property {Schema} schema
 * @property {Record<string, import('./schema').FilterType>} filters
 * @property {boolean} refCustomer  has customer_external_id that must exist
 * @property {string} [dateField]   enables date_from / date_to
 */

/** @type {Record<string, Resource>} */
const RESOURCES = {
	customers: {
		path: 'customers',
		collection: 'customers',
		object: 'customer',
		key: 'external_id',
		prefix: 'cus_',
		schema: SCHEMAS.CUSTOMER,
		filters: FILTERS.customers,
		refCustomer: false,
	},
	invoices: {
		path: 'invoices',
		collection: 'invoices',
		object: 'invoice',
		key: 'invoice_id',
		prefix: 'inv_',
		schema: SCHEMAS.INVOICE,
		filters: FILTERS.invoices,
		refCustomer: true,
		dateField: 'date',
	},
	credit_notes: {
		path: 'credit_notes',
		collection: 'creditNotes',
		object: 'credit_note',
		key: 'credit_note_id',
		prefix: 'crn_',
		schema: SCHEMAS.CREDIT_NOTE,
		filters: FILTERS.creditNotes,
		refCustomer: true,
		dateField: 'date',
	},
	overpayments: {
		path: 'overpayments',
		collection: 'overpayments',
		object: 'overpayment',
		key: 'overpayment_id',
		prefix: 'ovp_',
		schema: SCHEMAS.OVERPAYMENT,
		filters: FILTERS.overpayments,
		refCustomer: true,
		dateField: 'date',
	},
};

/** Contact persons behave like a resource scoped to one customer. */
/** @type {Resource} */
const CONTACT_PERSONS = {
	path: 'contact_persons',
	collection: 'customers', // unused: contact persons live in per-customer collections
	object: 'contact_person',
	key: 'external_id',
	prefix: 'cp_',
	schema: SCHEMAS.CONTACT_PERSON,
	filters: FILTERS.contactPersons,
	refCustomer: false,
};

// ---------------------------------------------------------------- helpers

const now = () => new Date().toISOString();

/** @param {Ctx} ctx @param {string} path @param {string} object @param {unknown} data @param {number} [status] */
function single(ctx, path, object, data, status = 200) {
	return { status, body: { url: ctx.base + path, object, data } };
}

/** Only the given query parameters are allowed on non-list routes. */
/** @param {Ctx} ctx @param {string[]} [allowed] */
function onlyQuery(ctx, allowed = []) {
	for (const key of ctx.params.keys())
		if (!allowed.includes(key)) throw validation(`unknown query parameter: ${key}`);
}

/** The body must be a JSON object sent as application/json. */
/** @param {Ctx} ctx @param {{ optional?: boolean }} [opts] @returns {Record<string, unknown>} */
function jsonObject(ctx, opts = {}) {
	if (opts.optional && ctx.bodyText.trim() === '') return {};
	if (!/^application\/json\s*(;|$)/i.test(ctx.contentType))
		throw validation(`Content-Type must be application/json (got "${ctx.contentType || 'none'}")`);
	if (ctx.bodyText.trim() === '') throw validation('request body is empty (expected a JSON object)');
	/** @type {unknown} */
	let body;
	try {
		body = JSON.parse(ctx.bodyText);
	} catch (e) {
		throw validation(`request body is not valid JSON: ${e.message}`);
	}
	if (!isPlainObject(body)) throw validation('request body must be a JSON object');
	return body;
}

/** `id` is an internal id or `ext_` + external id (already percent-decoded). */
/** @param {Collection} coll @param {string} id */
function resolve(coll, id) {
	return id.startsWith('ext_') ? coll.getByKey(id.slice(4)) : coll.get(id);
}

/** @param {Collection} coll @param {string} id */
function mustResolve(coll, id) {
	const rec = resolve(coll, id);
	if (!rec) throw notFound();
	return rec;
}

/** Hash a string to [0, 1): deterministic "computed" extras per customer. */
/** @param {string} s @param {number} salt */
function unit(s, salt) {
	let h = 2166136261 ^ salt;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return (h >>> 0) / 4294967296;
}

/** @param {Ctx} ctx @returns {string[]} */
function additionalFields(ctx) {
	const raw = ctx.params.getAll('additional_fields');
	const names = raw.flatMap((r) => r.split(',')).map((s) => s.trim()).filter(Boolean);
	for (const n of names)
		if (!ADDITIONAL_CUSTOMER_FIELDS.includes(n))
			throw validation(
				`invalid query parameter: additional_fields contains unknown field ${n} (allowed: ${ADDITIONAL_CUSTOMER_FIELDS.join(', ')})`,
			);
	return names;
}

/** @param {Entity} rec @param {string[]} extras */
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

/** @param {Ctx} ctx @param {Resource} res @param {Entity} rec @param {string[]} [extras] */
function present(ctx, res, rec, extras = []) {
	if (res === RESOURCES.customers) return presentCustomer(rec, extras);
	if (!res.refCustomer) return rec;
	const customer = ctx.store.collections.customers.getByKey(rec.customer_external_id);
	/** @type {Entity} */
	const out = { ...rec, customer_name: customer ? customer.company_name : null };
	if (res === RESOURCES.invoices) out.invoice_pdf_link = null;
	return out;
}

/** @param {Resource} res @param {Entity} rec @param {string} [customerId] */
function entityPath(res, rec, customerId) {
	return customerId ? `/v1/customers/${customerId}/contact_persons/${rec.id}` : `/v1/${res.path}/${rec.id}`;
}

/** Groups without an id get one, so they can be addressed later. */
/** @param {Store} store @param {Record<string, unknown>} value */
function completeGroups(store, value) {
	if (!Array.isArray(value.groups)) return;
	for (const g of value.groups) if (g.id === undefined && g.group_id === undefined) g.id = store.newId('grp_');
}

/** @param {Store} store @param {Resource} res @param {Record<string, unknown>} value */
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
 * groups, payments) are replaced as a whole. Keeps key indexes in sync.
 * @param {Store} store @param {Resource} res @param {Collection} coll @param {Entity} rec @param {Record<string, unknown>} value
 */
function mergeRecord(store, res, coll, rec, value) {
	completeGroups(store, value);
	const oldKey = rec[res.key];
	Object.assign(rec, value);
	rec.updated_at = now();
	if (rec[res.key] !== oldKey) {
		coll.rekey(rec, oldKey);
		if (res === RESOURCES.customers) store.renameCustomerReferences(oldKey, rec[res.key]);
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

/** @param {Issue[]} list */
function throwIssues(list) {
	if (list.length) throw validationFromErrors(list.map((i) => ({ field: i.field, message: i.message })));
}

// ---------------------------------------------------------------- generic CRUD

/** @param {Ctx} ctx @param {Resource} res @param {Collection} coll @param {string} url */
function list(ctx, res, coll, url) {
	const isCustomers = res === RESOURCES.customers;
	const paging = parsePaging(ctx.params);
	const conditions = parseFilters(ctx.params, res.filters, {
		reserved: isCustomers ? ['additional_fields'] : [],
		dateField: res.dateField,
	});
	const extras = isCustomers ? additionalFields(ctx) : [];
	const { total, data } = pageOf(coll.order, conditions, paging);
	return {
		status: 200,
		body: {
			url: ctx.base + url,
			object: 'list',
			page_number: paging.page,
			page_size: paging.limit,
			total_count: total,
			data: data.map((rec) => present(ctx, res, rec, extras)),
		},
	};
}

/**
 * @param {Ctx} ctx @param {Resource} res @param {Collection} coll
 * @param {(rec: Entity) => void} insert @param {string} [customerId]
 */
function create(ctx, res, coll, insert, customerId) {
	onlyQuery(ctx);
	const body = jsonObject(ctx);
	const { value, issues: found } = validateObject(body, res.schema, 'create');
	throwIssues([...found, ...referenceIssues(ctx.store, res, coll, value, undefined)]);
	const rec = newRecord(ctx.store, res, value);
	insert(rec);
	return single(ctx, entityPath(res, rec, customerId), res.object, present(ctx, res, rec), ctx.createStatus);
}

/** @param {Ctx} ctx @param {Resource} res @param {Entity} rec @param {string} [customerId] */
function get(ctx, res, rec, customerId) {
	const isCustomers = res === RESOURCES.customers;
	onlyQuery(ctx, isCustomers ? ['additional_fields'] : []);
	const extras = isCustomers ? additionalFields(ctx) : [];
	return single(ctx, entityPath(res, rec, customerId), res.object, present(ctx, res, rec, extras));
}

/** @param {Ctx} ctx @param {Resource} res @param {Collection} coll @param {Entity} rec @param {string} [customerId] */
function update(ctx, res, coll, rec, customerId) {
	onlyQuery(ctx);
	const body = jsonObject(ctx);
	const { value, issues: found } = validateObject(body, res.schema, 'update');
	throwIssues([...found, ...referenceIssues(ctx.store, res, coll, value, rec)]);
	mergeRecord(ctx.store, res, coll, rec, value);
	return single(ctx, entityPath(res, rec, customerId), res.object, present(ctx, res, rec));
}

/**
 * Bulk upsert, all-or-nothing: every entry is validated (as a create when new,
 * as a partial update when it matches by `id` or external key) before anything
 * is stored.
 * @param {Ctx} ctx @param {Resource} res @param {Collection} coll
 * @param {(rec: Entity) => void} insert @param {string} url
 */
function bulk(ctx, res, coll, insert, url) {
	onlyQuery(ctx);
	const body = jsonObject(ctx);
	for (const key of Object.keys(body))
		if (key !== 'entries') throw validation(`unknown field: ${key} (the body is {"entries": [...]})`);
	const entries = body.entries;
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
	return single(ctx, url, 'bulk_result', {
		modified_count: modified,
		inserted_count: inserted.length,
		inserted_ids: inserted,
	});
}

// ---------------------------------------------------------------- organisation, sync, tasks

/** @param {Ctx} ctx */
function currentOrganisation(ctx) {
	const org = ctx.store.organisations.get(ctx.store.currentOrganisationId);
	if (!org) throw notFound();
	return org;
}

/** @param {Ctx} ctx */
function sync(ctx) {
	onlyQuery(ctx);
	const body = jsonObject(ctx, { optional: true });
	const { issues: found } = validateObject(body, SCHEMAS.SYNC_REQUEST, 'update');
	throwIssues(found);
	if (ctx.syncLimit && !ctx.syncLimit.tryTake(Date.now()))
		throw rateLimited(`sync rate limit exceeded: at most ${ctx.syncLimit.capacity} sync requests per hour`);
	currentOrganisation(ctx).last_sync_date = now();
	return single(ctx, '/v1/organisation/sync', 'sync', { result: true });
}

/** @param {Ctx} ctx @param {string} url */
function emptyList(ctx, url) {
	const paging = parsePaging(ctx.params);
	parseFilters(ctx.params, {});
	return {
		status: 200,
		body: { url: ctx.base + url, object: 'list', page_number: paging.page, page_size: paging.limit, total_count: 0, data: [] },
	};
}

// ---------------------------------------------------------------- dispatch

/**
 * Find and run the handler for `ctx` (path below /v1). Unknown routes and
 * unsupported methods are 404, as the Chaser docs say.
 * @param {Ctx} ctx @returns {Reply}
 */
function handle(ctx) {
	const { store, method: m, segments: s } = ctx;
	const n = s.length;

	if (s[0] === 'organisation') {
		if (n === 1 && m === 'GET') {
			onlyQuery(ctx);
			const org = currentOrganisation(ctx);
			return single(ctx, '/v1/organisation', 'organisation', org);
		}
		if (n === 2 && s[1] === 'sync' && m === 'POST') return sync(ctx);
		throw notFound();
	}
	if (s[0] === 'organisations' && n === 1 && m === 'GET') {
		const paging = parsePaging(ctx.params);
		const { total, data } = pageOf(store.collections.organisations.order, parseFilters(ctx.params, {}), paging);
		return {
			status: 200,
			body: {
				url: ctx.base + '/v1/organisations',
				object: 'list',
				page_number: paging.page,
				page_size: paging.limit,
				total_count: total,
				data,
			},
		};
	}
	if (s[0] === 'tasks' && n === 1 && m === 'GET') return emptyList(ctx, '/v1/tasks');

	if (s[0] === 'bulk') {
		const res = RESOURCES[s[1]];
		if (n === 2 && res && m === 'PUT') {
			const coll = store.collections[res.collection];
			return bulk(ctx, res, coll, (rec) => coll.insert(rec), `/v1/bulk/${res.path}`);
		}
		if (n === 4 && s[1] === 'customers' && s[3] === 'contact_persons' && m === 'PUT') {
			const customer = mustResolve(store.collections.customers, s[2]);
			const contacts = store.contactsOf(customer.id);
			return bulk(
				ctx,
				CONTACT_PERSONS,
				contacts,
				(rec) => store.insertContact(customer.id, rec),
				`/v1/bulk/customers/${customer.id}/contact_persons`,
			);
		}
		throw notFound();
	}

	const res = RESOURCES[s[0]];
	if (!res) throw notFound();
	const coll = store.collections[res.collection];
	if (n === 1) {
		if (m === 'GET') return list(ctx, res, coll, `/v1/${res.path}`);
		if (m === 'POST') return create(ctx, res, coll, (rec) => coll.insert(rec));
		throw notFound();
	}
	if (n === 2) {
		if (m !== 'GET' && m !== 'PUT') throw notFound();
		const rec = mustResolve(coll, s[1]);
		return m === 'GET' ? get(ctx, res, rec) : update(ctx, res, coll, rec);
	}
	if (res === RESOURCES.customers && s[2] === 'contact_persons' && (n === 3 || n === 4)) {
		const customer = mustResolve(coll, s[1]);
		const contacts = store.contactsOf(customer.id);
		if (n === 3) {
			if (m === 'GET') return list(ctx, CONTACT_PERSONS, contacts, `/v1/customers/${customer.id}/contact_persons`);
			if (m === 'POST')
				return create(ctx, CONTACT_PERSONS, contacts, (rec) => store.insertContact(customer.id, rec), customer.id);
			throw notFound();
		}
		if (m !== 'GET' && m !== 'PUT' && m !== 'DELETE') throw notFound();
		const cp = mustResolve(contacts, s[3]);
		if (m === 'GET') return get(ctx, CONTACT_PERSONS, cp, customer.id);
		if (m === 'PUT') return update(ctx, CONTACT_PERSONS, contacts, cp, customer.id);
		onlyQuery(ctx);
		store.removeContact(cp);
		return single(ctx, entityPath(CONTACT_PERSONS, cp, customer.id), 'contact_person', { id: cp.id, deleted: true });
	}
	throw notFound();
}

module.exports = { handle, RESOURCES, CONTACT_PERSONS, newRecord, present };
