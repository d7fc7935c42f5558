// @ts-check
'use strict';

/**
 * A small router over a route table: `{ method, pattern, handler, … }` rows, where a pattern is a path with
 * `:name` segments (e.g. `/v1/customers/:customerId/contact_persons/:contactId`).
 *
 * Matching works on percent-decoded segments, split before decoding (so `ext_A%2FB` is one segment, `A/B`).
 * A `:name` segment matches any non-empty segment; literal segments must be equal. Rows are tried in table
 * order, so a literal row listed first wins over a parameter row (`/v1/invoices/history` before
 * `/v1/invoices/:invoiceId`). No row for the path, or none for the method, or a segment that does not
 * decode → no match: the sandbox answers 404 for all three, as Chaser's docs say (no 405).
 */

/**
 * @template H
 * @typedef {object} Route
 * @property {string} method
 * @property {string} pattern
 * @property {H} handler
 * @property {boolean} [public]        served without authentication (no rate limit, no faults)
 * @property {number} [maxBodyBytes]   raw body limit, if not the server's default
 * @property {string} [tooLarge]       'validation' (400, the default) or 'payload' (413) when over the limit
 */

/**
 * @template H
 * @typedef {Route<H> & { segments: string[] }} CompiledRoute
 */

/** @param {string} path @returns {string[] | null} decoded segments, null if one does not decode */
function decodeSegments(path) {
	try {
		return path.split('/').map(decodeURIComponent);
	} catch {
		return null;
	}
}

/** @template H */
class Router {
	/** @param {Route<H>[]} routes */
	constructor(routes) {
		/** @type {CompiledRoute<H>[]} */
		this.routes = routes.map((r) => ({ ...r, segments: r.pattern.split('/') }));
	}

	/**
	 * The first row matching `method` and `path` (the path without its query), with its path parameters.
	 * @param {string} method @param {string} path
	 * @returns {{ route: CompiledRoute<H>, params: Record<string, string> } | null}
	 */
	match(method, path) {
		const segments = decodeSegments(path);
		if (!segments) return null;
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const params = matchSegments(route.segments, segments);
			if (params) return { route, params };
		}
		return null;
	}
}

/**
 * @param {string[]} pattern @param {string[]} segments
 * @returns {Record<string, string> | null}
 */
function matchSegments(pattern, segments) {
	if (pattern.length !== segments.length) return null;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < pattern.length; i++) {
		const p = pattern[i];
		if (p.startsWith(':')) {
			if (segments[i] === '') return null; // no empty ids
			params[p.slice(1)] = segments[i];
		} else if (p !== segments[i]) return null;
	}
	return params;
}

module.exports = { Router };
