// @ts-check
'use strict';

/**
 * Request bodies: a JSON object (every write but the PDF upload) or multipart/form-data (the PDF upload).
 * Multipart is parsed by the platform (the global Response's formData(), i.e. undici), not by hand.
 */

const { validation } = require('./errors');
const { isPlainObject } = require('./validation');

/**
 * The body must be a JSON object sent as application/json.
 * @param {string} contentType @param {string} bodyText @param {{ optional?: boolean }} [opts]
 * @returns {Record<string, unknown>}
 */
function jsonObject(contentType, bodyText, opts = {}) {
	if (opts.optional && bodyText.trim() === '') return {};
	if (!/^application\/json\s*(;|$)/i.test(contentType))
		throw validation(`Content-Type must be application/json (got "${contentType || 'none'}")`);
	if (bodyText.trim() === '') throw validation('request body is empty (expected a JSON object)');
	/** @type {unknown} */
	let body;
	try {
		body = JSON.parse(bodyText);
	} catch (e) {
		throw validation(`request body is not valid JSON: ${e.message}`);
	}
	if (!isPlainObject(body)) throw validation('request body must be a JSON object');
	return body;
}

/**
 * Parse a multipart/form-data body.
 * @param {string} contentType @param {Buffer} bytes
 * @returns {Promise<FormData>}
 */
async function multipartForm(contentType, bytes) {
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

module.exports = { jsonObject, multipartForm, isBinary };
