// @ts-check
'use strict';

/**
 * Strict body validation. Every problem becomes an Issue naming the field, so
 * the error message tells the node author exactly what went wrong on the wire.
 */

/**
 * @typedef {import('./schema').Schema} Schema
 * @typedef {import('./schema').FieldSpec} FieldSpec
 * @typedef {{ field: string, detail: string, message: string }} Issue
 *   detail = phrase after the field name (used for bulk: "entries[3].<field> <detail>");
 *   message = stand-alone message for single-entity requests.
 */

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const issues = {
	/** @param {string} field @returns {Issue} */
	missing: (field) => ({ field, detail: 'is required', message: `missing required field: ${field}` }),
	/** @param {string} field @param {string} hint @returns {Issue} */
	unknown: (field, hint) => ({
		field,
		detail: `is not a known field${hint}`,
		message: `unknown field: ${field}${hint}`,
	}),
	/** @param {string} field @returns {Issue} */
	readOnly: (field) => ({
		field,
		detail: 'is read-only and must not be sent',
		message: `read-only field: ${field} must not be sent`,
	}),
	/** @param {string} field @param {string} problem @returns {Issue} */
	invalid: (field, problem) => ({ field, detail: problem, message: `invalid field: ${field} ${problem}` }),
	/** @param {string} field @param {string} detail @param {string} message @returns {Issue} */
	custom: (field, detail, message) => ({ field, detail, message }),
};

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isPlainObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** @param {number} y @param {number} m @param {number} d */
function isCalendarDate(y, m, d) {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** RFC 3339 date-time (the OpenAPI `date-time` format): seconds and a zone are required. */
/** @param {string} s */
function isDateTime(s) {
	const m = DATE_TIME.exec(s);
	if (!m) return false;
	if (!isCalendarDate(+m[1], +m[2], +m[3])) return false;
	if (+m[4] > 23 || +m[5] > 59 || +m[6] > 59) return false;
	if (m[9] !== undefined && (+m[9] > 23 || +m[10] > 59)) return false;
	return true;
}

/** @param {string} s */
function isDateOnly(s) {
	const m = DATE_ONLY.exec(s);
	return !!m && isCalendarDate(+m[1], +m[2], +m[3]);
}

/** @param {unknown} v */
function describe(v) {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	return `a ${typeof v}`;
}

/** camelCase → snake_case, to hint at the right name when a camelCase key is sent. */
/** @param {string} key @param {Schema} schema */
function hintFor(key, schema) {
	const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
	return snake !== key && snake in schema.fields ? ` (did you mean ${snake}?)` : '';
}

/**
 * Check one value against its spec. Returns the value to store, or undefined
 * after pushing an issue.
 * @param {unknown} value @param {FieldSpec} spec @param {string} field @param {Issue[]} out
 * @returns {unknown}
 */
function checkValue(value, spec, field, out) {
	if (value === null) {
		if (spec.nullable) return null;
		out.push(issues.invalid(field, 'must not be null'));
		return undefined;
	}
	const bad = (/** @type {string} */ problem) => {
		out.push(issues.invalid(field, `${problem} (got ${describe(value)})`));
		return undefined;
	};
	switch (spec.type) {
		case 'string':
			return typeof value === 'string' ? value : bad('must be a string');
		case 'key':
			return typeof value === 'string' && value.trim() !== '' ? value : bad('must be a non-empty string');
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? value : bad('must be a finite number');
		case 'nonNegative':
			return typeof value === 'number' && Number.isFinite(value) && value >= 0
				? value
				: bad('must be a finite number >= 0');
		case 'positive':
			return typeof value === 'number' && Number.isFinite(value) && value > 0
				? value
				: bad('must be a finite number > 0');
		case 'dateTime':
			return typeof value === 'string' && isDateTime(value)
				? value
				: bad('must be an ISO 8601 date-time with seconds and a time zone, e.g. 2024-04-23T11:00:00Z');
		case 'dateOrDateTime':
			return typeof value === 'string' && (isDateTime(value) || isDateOnly(value))
				? value
				: bad('must be an ISO 8601 date (YYYY-MM-DD) or date-time (e.g. 2024-04-23T11:00:00Z)');
		case 'email':
			return typeof value === 'string' && EMAIL.test(value) ? value : bad('must be a valid email address');
		case 'enum':
			return typeof value === 'string' && spec.values && spec.values.includes(value)
				? value
				: bad(`must be one of ${(spec.values || []).join(', ')}`);
		case 'currency':
			return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value)
				? value
				: bad('must be an ISO 4217 code (three upper-case letters, e.g. GBP)');
		case 'objectArray': {
			if (!Array.isArray(value)) return bad('must be an array');
			const items = /** @type {Schema} */ (spec.items);
			const result = [];
			let ok = true;
			for (let i = 0; i < value.length; i++) {
				const prefix = `${field}[${i}]`;
				if (!isPlainObject(value[i])) {
					out.push(issues.invalid(prefix, `must be an object (got ${describe(value[i])})`));
					ok = false;
					continue;
				}
				const r = validateObject(value[i], items, 'create', prefix + '.');
				if (r.issues.length) {
					out.push(...r.issues);
					ok = false;
				} else result.push(r.value);
			}
			return ok ? result : undefined;
		}
	}
}

/**
 * Validate a request object against a schema.
 * - create: required fields must be present; absent optional fields get their default or null.
 * - update: only the given fields are checked and returned (partial merge).
 * Unknown and read-only keys are always rejected.
 * @param {Record<string, unknown>} body
 * @param {Schema} schema
 * @param {'create' | 'update'} mode
 * @param {string} [prefix] e.g. "addresses[0]." for nested objects
 * @returns {{ value: Record<string, unknown>, issues: Issue[] }}
 */
function validateObject(body, schema, mode, prefix = '') {
	/** @type {Issue[]} */
	const out = [];
	/** @type {Record<string, unknown>} */
	const value = {};
	for (const key of Object.keys(body)) {
		const spec = schema.fields[key];
		if (!spec) {
			if (schema.readOnly.includes(key)) out.push(issues.readOnly(prefix + key));
			else out.push(issues.unknown(prefix + key, hintFor(key, schema)));
			continue;
		}
		const v = checkValue(body[key], spec, prefix + key, out);
		if (v !== undefined) value[key] = v;
	}
	if (mode === 'create') {
		for (const [key, spec] of Object.entries(schema.fields)) {
			if (key in body) continue;
			if (spec.required) out.push(issues.missing(prefix + key));
			else if (spec.default !== undefined) value[key] = Array.isArray(spec.default) ? [] : spec.default;
			else if (spec.nullable) value[key] = null;
		}
	}
	return { value, issues: out };
}

module.exports = { validateObject, isPlainObject, isDateTime, isDateOnly, issues, CURRENCIES };
