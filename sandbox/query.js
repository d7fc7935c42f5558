// @ts-check
'use strict';

/**
 * List queries: paging (`page`, `limit`) and filters in the three spellings
 * seen in the wild: `filter[field][op]=v`, `field[op]=v` and `field=v`.
 */

const { FILTER_OPERATORS, ADDITIONAL_CUSTOMER_FIELDS } = require('./schema');
const { validation } = require('./errors');
const { isDateTime, isDateOnly } = require('./validation');

/**
 * @typedef {import('./schema').FilterType} FilterType
 * @typedef {{ field: string, op: string, test: (v: unknown) => boolean }} Condition
 */

const DAY_MS = 86400000;
const FILTER_KEY = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/;
const FIELD_OP_KEY = /^([^\][]+)\[([^\][]+)\]$/;
const PLAIN_KEY = /^[^\][]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * @param {URLSearchParams} params
 * @param {string} name
 */
function single(params, name) {
	const all = params.getAll(name);
	if (all.length > 1) throw validation(`invalid query parameter: ${name} given more than once`);
	return all[0];
}

/** @param {URLSearchParams} params @returns {{ page: number, limit: number }} */
function parsePaging(params) {
	const page = single(params, 'page');
	const limit = single(params, 'limit');
	let p = 0;
	let l = 100;
	if (page !== undefined) {
		if (!/^\d+$/.test(page)) throw validation(`invalid query parameter: page must be an integer >= 0 (got "${page}")`);
		p = Number(page);
	}
	if (limit !== undefined) {
		if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100)
			throw validation(`invalid query parameter: limit must be an integer between 1 and 100 (got "${limit}")`);
		l = Number(limit);
	}
	return { page: p, limit: l };
}

/**
 * A date filter value covers a range [lo, hi): a whole UTC day for YYYY-MM-DD,
 * one millisecond for a date-time. So `date[lte]=2024-03-31` includes that day.
 * @param {string} field @param {string} raw
 */
function dateRange(field, raw) {
	if (isDateOnly(raw)) {
		const lo = Date.parse(raw + 'T00:00:00Z');
		return { lo, hi: lo + DAY_MS };
	}
	if (isDateTime(raw)) {
		const lo = Date.parse(raw);
		return { lo, hi: lo + 1 };
	}
	throw validation(`invalid filter value for ${field}: must be an ISO 8601 date or date-time (got "${raw}")`);
}

/**
 * @param {string} field @param {string} op @param {string} raw @param {FilterType} type
 * @returns {(v: unknown) => boolean}
 */
function buildTest(field, op, raw, type) {
	if (!FILTER_OPERATORS.includes(op))
		throw validation(`invalid filter operator for ${field}: ${op} (use one of ${FILTER_OPERATORS.join(', ')})`);
	const multi = op === 'in' || op === 'nin';
	const raws = multi ? raw.split(',') : [raw];

	if (type === 'date') {
		const ranges = raws.map((r) => dateRange(field, r));
		const { lo, hi } = ranges[0];
		/** @param {unknown} v */
		const t = (v) => (typeof v === 'string' ? Date.parse(v) : NaN);
		/** @param {number} x */
		const inAny = (x) => ranges.some((r) => r.lo <= x && x < r.hi);
		switch (op) {
			case 'eq':
			case 'in':
				return (v) => inAny(t(v));
			case 'ne':
			case 'nin':
				return (v) => !inAny(t(v));
			case 'gt':
				return (v) => t(v) >= hi;
			case 'gte':
				return (v) => t(v) >= lo;
			case 'lt':
				return (v) => t(v) < lo;
			default: // lte
				return (v) => t(v) < hi;
		}
	}

	/** @type {(string | number)[]} */
	let values;
	if (type === 'number') {
		values = raws.map((r) => {
			if (!NUMBER.test(r)) throw validation(`invalid filter value for ${field}: must be a number (got "${r}")`);
			return Number(r);
		});
	} else {
		if (typeof type === 'object') {
			for (const r of raws)
				if (!type.enum.includes(r))
					throw validation(`invalid filter value for ${field}: must be one of ${type.enum.join(', ')} (got "${r}")`);
		}
		values = raws;
	}
	const x = values[0];
	switch (op) {
		case 'eq':
			return (v) => v === x;
		case 'ne':
			return (v) => v !== x;
		case 'in':
			return (v) => values.includes(/** @type {any} */ (v));
		case 'nin':
			return (v) => !values.includes(/** @type {any} */ (v));
		// null never orders against a value
		case 'gt':
			return (v) => v !== null && v !== undefined && /** @type {any} */ (v) > x;
		case 'gte':
			return (v) => v !== null && v !== undefined && /** @type {any} */ (v) >= x;
		case 'lt':
			return (v) => v !== null && v !== undefined && /** @type {any} */ (v) < x;
		default:
			return (v) => v !== null && v !== undefined && /** @type {any} */ (v) <= x;
	}
}

/**
 * Turn the query string into filter conditions. `reserved` names are handled
 * by the route (page, limit, additional_fields). `dateField` enables the
 * `date_from` / `date_to` convenience parameters.
 * @param {URLSearchParams} params
 * @param {Record<string, FilterType>} fields
 * @param {{ reserved?: readonly string[], dateField?: string }} [opts]
 * @returns {Condition[]}
 */
function parseFilters(params, fields, opts = {}) {
	const reserved = ['page', 'limit', ...(opts.reserved || [])];
	/** @type {Condition[]} */
	const conditions = [];
	for (const [key, raw] of params) {
		if (reserved.includes(key)) continue;
		/** @type {string} */
		let field;
		let op = 'eq';
		if (opts.dateField && (key === 'date_from' || key === 'date_to')) {
			field = opts.dateField;
			op = key === 'date_from' ? 'gte' : 'lte';
		} else {
			const m = FILTER_KEY.exec(key) || FIELD_OP_KEY.exec(key);
			if (m) {
				field = m[1];
				op = m[2] || 'eq';
			} else if (PLAIN_KEY.test(key)) field = key;
			else throw validation(`invalid query parameter: ${key}`);
		}
		const type = fields[field];
		if (!type) {
			const known = Object.keys(fields);
			throw validation(
				`unknown filter field: ${field}` + (known.length ? ` (filterable: ${known.join(', ')})` : ' (this list has no filters)'),
			);
		}
		conditions.push({ field, op, test: buildTest(field, op, raw, type) });
	}
	return conditions;
}

/**
 * One page of `items` (insertion order). Without conditions this is a slice.
 * @template T
 * @param {T[]} items @param {Condition[]} conditions @param {{ page: number, limit: number }} paging
 * @returns {{ total: number, data: T[] }}
 */
function pageOf(items, conditions, { page, limit }) {
	const matching = conditions.length
		? items.filter((it) => conditions.every((c) => c.test(/** @type {any} */ (it)[c.field])))
		: items;
	const start = page * limit;
	return { total: matching.length, data: matching.slice(start, start + limit) };
}

/** Only the given query parameters are allowed on non-list routes. */
/** @param {URLSearchParams} params @param {readonly string[]} [allowed] */
function onlyQuery(params, allowed = []) {
	for (const key of params.keys()) if (!allowed.includes(key)) throw validation(`unknown query parameter: ${key}`);
}

/** The customers' `additional_fields` (comma-separated, may repeat). @param {URLSearchParams} params @returns {string[]} */
function additionalFields(params) {
	const raw = params.getAll('additional_fields');
	const names = raw.flatMap((r) => r.split(',')).map((s) => s.trim()).filter(Boolean);
	for (const n of names)
		if (!ADDITIONAL_CUSTOMER_FIELDS.includes(n))
			throw validation(
				`invalid query parameter: additional_fields contains unknown field ${n} (allowed: ${ADDITIONAL_CUSTOMER_FIELDS.join(', ')})`,
			);
	return names;
}

module.exports = { parsePaging, parseFilters, pageOf, onlyQuery, additionalFields };
