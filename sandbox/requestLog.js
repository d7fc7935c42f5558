// @ts-check
'use strict';

/**
 * The request log: one entry per request received (kept in `entries`, the public `sandbox.requests`),
 * an optional printed line per answered request, and the busiest window of arrivals.
 */

const { isBinary } = require('./body');
const { busiestWindow } = require('./faults');

/**
 * @typedef {import('./body').RequestBody} RequestBody
 *
 * @typedef {object} LogEntry
 * @property {string} method
 * @property {string} path        without the query string
 * @property {Record<string, string | string[]>} query
 * @property {unknown} body       parsed JSON, the raw string if not JSON, undefined if empty;
 *   a summary like "<multipart/form-data body, 1234 bytes>" for multipart and binary bodies
 * @property {number} status      0 when no response was sent (reset, client gone)
 * @property {number} time        ms epoch of arrival
 * @property {number} [durationMs] time to answer
 * @property {string} [fault]
 * @property {string} [error]     message of a JSON error answer
 */

class RequestLog {
	/** @param {{ maxEntries?: number, quiet?: boolean, logger?: (line: string) => void }} [options] */
	constructor(options = {}) {
		this.maxEntries = options.maxEntries ?? 100000;
		this.quiet = options.quiet ?? true;
		this.logger = options.logger ?? ((/** @type {string} */ line) => console.log(line));
		/** @type {LogEntry[]} */
		this.entries = [];
	}

	/**
	 * Record the arrival of a request (status 0 until it is answered).
	 * @param {string} method @param {URL} target @param {RequestBody | null} body null when over the limit
	 * @returns {LogEntry}
	 */
	open(method, target, body) {
		/** @type {LogEntry} */
		const entry = {
			method,
			path: target.pathname,
			query: queryObject(target.searchParams),
			body: bodyForLog(body),
			status: 0,
			time: Date.now(),
		};
		if (this.entries.length >= this.maxEntries)
			this.entries.splice(0, Math.max(1, Math.floor(this.maxEntries / 10)));
		this.entries.push(entry);
		return entry;
	}

	clear() {
		this.entries.length = 0;
	}

	/** The most requests received (429s included) in any window of `windowMs`. @param {number} windowMs */
	busiestWindow(windowMs) {
		return busiestWindow(
			this.entries.map((entry) => entry.time),
			windowMs,
		);
	}

	/** Print the one-line summary of an answered request (unless quiet). @param {LogEntry} entry */
	print(entry) {
		if (this.quiet) return;
		const q = Object.keys(entry.query).length ? '?' + new URLSearchParams(/** @type {any} */ (entry.query)).toString() : '';
		const fault = entry.fault ? ` [fault ${entry.fault}]` : '';
		const error = entry.error ? ` ${entry.error}` : '';
		this.logger(
			`${new Date(entry.time).toISOString()} ${entry.method} ${entry.path}${q} -> ${entry.status || 'no response'} (${entry.durationMs ?? 0} ms)${fault}${error}`,
		);
	}
}

/** @param {URLSearchParams} params */
function queryObject(params) {
	/** @type {Record<string, string | string[]>} */
	const out = {};
	for (const [k, v] of params) {
		const prev = out[k];
		out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

/** @param {RequestBody | null} body */
function bodyForLog(body) {
	if (body === null) return '<too large>';
	const { bytes, contentType } = body;
	if (bytes.length === 0) return undefined;
	if (isBinary(contentType)) return `<${contentType.split(';')[0].trim()} body, ${bytes.length} bytes>`;
	const parsed = body.json;
	return parsed.ok ? parsed.value : body.text;
}

module.exports = { RequestLog };
