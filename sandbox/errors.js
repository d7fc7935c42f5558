// @ts-check
'use strict';

/** Chaser error bodies: always `{message, type, url}` (+ optional `errors`). */

const DOCS = 'https://openapi.chaserhq.com/docs/#errors/';

/**
 * @typedef {{ field: string, message: string, index?: number }} FieldError
 */

class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {string} type
	 * @param {string} anchor
	 * @param {string} message
	 * @param {FieldError[]} [errors]
	 */
	constructor(status, type, anchor, message, errors) {
		super(message);
		this.status = status;
		this.type = type;
		this.anchor = anchor;
		this.errors = errors;
		/** @type {Record<string, string>} */
		this.headers = {};
	}

	toBody() {
		/** @type {{message: string, type: string, url: string, errors?: FieldError[]}} */
		const body = { message: this.message, type: this.type, url: DOCS + this.anchor };
		if (this.errors && this.errors.length) body.errors = this.errors;
		return body;
	}
}

const forbidden = () => new ApiError(403, 'forbidden_error', 'forbidden', 'requested resource is forbidden');
const notFound = () => new ApiError(404, 'not_found_error', 'not_found', 'entity not found');
/** @param {string} message @param {FieldError[]} [errors] */
const validation = (message, errors) => new ApiError(400, 'validation_error', 'validation', message, errors);
/** 413, with a validation_error body (the sandbox's assumption). @param {string} message @param {FieldError[]} [errors] */
const payloadTooLarge = (message, errors) => new ApiError(413, 'validation_error', 'validation', message, errors);
/** @param {string} [message] */
const rateLimited = (message = 'rate limit exceeded') => new ApiError(429, 'rate_limit_error', 'rate_limit', message);
/** @param {string} [message] */
const internal = (message = 'internal server error') =>
	new ApiError(500, 'internal_server_error', 'internal_server_error', message);

/**
 * Build one validation error from many field errors; the message names every
 * offending field (capped so a 100-entry bulk request stays readable).
 * @param {FieldError[]} errors
 */
function validationFromErrors(errors) {
	const shown = errors.slice(0, 5).map((e) => e.message);
	const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
	return validation(shown.join('; ') + more, errors);
}

module.exports = { ApiError, forbidden, notFound, validation, validationFromErrors, payloadTooLarge, rateLimited, internal, DOCS };
