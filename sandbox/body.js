// @ts-check
'use strict';

/**
 * Request bodies: a JSON object (every write but the PDF upload) or multipart/form-data (the PDF upload).
 * Multipart is parsed by the platform (the global Response's formData(), i.e. undici), not by hand.
 */

const { validation } = require('./errors');
const { isPlainObject } = require('./validation');

/**
 * A request body as read: its bytes and Content-Type, and its text and JSON parse, each worked out at most
 * once and only when asked for. The request log and the JSON handlers read the same parse; a multipart
 * upload is never decoded as text.
 */
class RequestBody {
	/** @param {Buffer} bytes @param {string} contentType */
	constructor(bytes, contentType) {
		this.bytes = bytes;
		this.contentType = contentType;
		/** @type {string | undefined} */
		this.decoded = undefined;
		/** @type {{ ok: true, value: unknown } | { ok: false, error: string } | undefined} */
		this.parse = undefined;
	}

	/** The body as UTF-8 text. */
	get text() {
		if (this.decoded === undefined) this.decoded = this.bytes.toString('utf8');
		return this.decoded;
	}

	/** The JSON parse of the text (the parsed value is shared: read it, never change it). */
	get json() {
		if (!this.parse) {
			try {
				this.parse = { ok: true, value: JSON.parse(this.text) };
			} catch (e) {
				this.parse = { ok: false, error: /** @type {Error} */ (e).message };
			}
		}
		return this.parse;
	}
}

/**
 * The body must be a JSON object sent as application/json.
 * @param {RequestBody} body @param {{ optional?: boolean }} [opts]
 * @returns {Record<string, unknown>}
 */
function jsonObject(body, opts = {}) {
	const { contentType } = body;
	if (opts.optional && body.text.trim() === '') return {};
	if (!/^application\/json\s*(;|$)/i.test(contentType))
		throw validation(`Content-Type must be application/json (got "${contentType || 'none'}")`);
	if (body.text.trim() === '') throw validation('request body is empty (expected a JSON object)');
	const parsed = body.json;
	if (!parsed.ok) throw validation(`request body is not valid JSON: ${parsed.error}`);
	if (!isPlainObject(parsed.value)) throw validation('request body must be a JSON object');
	return parsed.value;
}

/**
 * Parse a multipart/form-data body.
 * @param {RequestBody} body
 * @returns {Promise<FormData>}
 */
async function multipartForm({ contentType, bytes }) {
	if (!/^multipart\/form-data\s*;/i.test(contentType) || !/;\s*boundary=/i.test(contentType))
		throw validation(`Content-Type must be multipart/form-data with a boundary (got "${contentType || 'none'}")`);
	try {
		return await new Response(/** @type {any} */ (bytes), { headers: { 'content-type': contentType } }).formData();
	} catch {
		throw validation('request body is not valid multipart/form-data');
	}
}

/** Content types whose bodies the request log summarises instead of keeping as text. */
/** @param {string} contentType */
function isBinary(contentType) {
	return /^(multipart\/|application\/pdf|application\/octet-stream)/i.test(contentType);
}

module.exports = { RequestBody, jsonObject, multipartForm, isBinary };
