// @ts-check
'use strict';

/**
 * Chaser sandbox: a strict, stateful stand-in of the Chaser REST API built on
 * node:http. See README.md in this folder.
 */

const http = require('node:http');
const { Store, KIND_ALIASES } = require('./store');
const { Seeder, seedOrganisations } = require('./seed');
const { handle } = require('./routes');
const { SlidingWindow, Faults, FAULT_TYPES, busiestWindow } = require('./faults');
const errors = require('./errors');
const schema = require('./schema');

/**
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./faults').FaultSpec} FaultSpec
 * @typedef {import('./faults').FaultHandle} FaultHandle
 * @typedef {import('./seed').SeedSpec} SeedSpec
 *
 * @typedef {{ requests: number, windowMs: number, retryAfter?: boolean }} RateLimit
 *
 * @typedef {object} SandboxOptions
 * @property {number} [port]            0 (default) = ephemeral
 * @property {string} [host]            default 127.0.0.1 (loopback only)
 * @property {string} [apiKey]          default 'sandbox-key'
 * @property {string} [apiSecret]       default 'sandbox-secret'
 * @property {'none' | 'demo' | SeedSpec} [seed]  default 'none'
 * @property {RateLimit | null} [rateLimit]       default null (off)
 * @property {{ requests: number, windowMs: number } | null} [syncRateLimit] default 5 per hour
 * @property {200 | 201} [createStatus] status of POST creates (default 200)
 * @property {string} [publicUrl]       base of `url` in envelopes (default https://openapi.chaserhq.com)
 * @property {Date | string | number} [referenceDate] "today" for seeded dates (default 2025-06-30, for determinism)
 * @property {number} [maxLogEntries]   request log cap (oldest dropped), default 100000
 * @property {boolean} [quiet]          default true; false logs one line per request
 * @property {(line: string) => void} [logger] where request lines go when not quiet (default console.log)
 *
 * @typedef {object} LogEntry
 * @property {string} method
 * @property {string} path        without the query string
 * @property {Record<string, string | string[]>} query
 * @property {unknown} body       parsed JSON, the raw string if not JSON, undefined if empty
 * @property {number} status      0 when no response was sent (reset, client gone)
 * @property {number} time        ms epoch of arrival
 * @property {number} [durationMs] time to answer
 * @property {string} [fault]
 * @property {string} [error]     message of a JSON error answer
 */

const DEFAULT_SYNC_LIMIT = { requests: 5, windowMs: 3600000 };
const MAX_BODY_BYTES = 10 * 1024 * 1024;

class Sandbox {
	/** @param {SandboxOptions} options */
	constructor(options) {
		this.options = options;
		this.apiKey = options.apiKey ?? 'sandbox-key';
		this.apiSecret = options.apiSecret ?? 'sandbox-secret';
		this.expectedAuth = 'Basic ' + Buffer.from(`${this.apiKey}:${this.apiSecret}`).toString('base64');
		this.publicUrl = (options.publicUrl ?? 'https://openapi.chaserhq.com').replace(/\/$/, '');
		this.createStatus = options.createStatus ?? 200;
		this.maxLogEntries = options.maxLogEntries ?? 100000;
		this.quiet = options.quiet ?? true;
		this.logger = options.logger ?? ((/** @type {string} */ line) => console.log(line));

		this.store = new Store();
		seedOrganisations(this.store);
		/** @type {Seeder} */
		this.seeder = new Seeder(this.store, { referenceDate: options.referenceDate });
		/** @type {LogEntry[]} */
		this.requests = [];
		this.faults = new Faults();
		/** @type {SlidingWindow | null} */
		this.rateLimiter = null;
		this.retryAfter = false;
		this.setRateLimit(options.rateLimit ?? null);
		const syncLimit = options.syncRateLimit === undefined ? DEFAULT_SYNC_LIMIT : options.syncRateLimit;
		this.syncLimiter = syncLimit ? new SlidingWindow(syncLimit.requests, syncLimit.windowMs) : null;
		/** Timers of slow faults, cleared on close so nothing hangs. */
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();

		this.server = http.createServer((req, res) => this.receive(req, res));
		// Longer than typical client agents' idle timeout, so a reused socket is not closed under them.
		this.server.keepAliveTimeout = 30000;
		this.url = '';
		this.port = 0;
		if (options.seed && options.seed !== 'none') this.seed(options.seed);
	}

	/** @param {number} port @param {string} host */
	listen(port, host) {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				const addr = /** @type {import('node:net').AddressInfo} */ (this.server.address());
				this.port = addr.port;
				this.url = `http://${host}:${addr.port}`;
				resolve(this);
			});
		});
	}

	// ------------------------------------------------------------ public helpers

	/** A record of `kind` by its key (external_id, invoice_id, …) or its internal id. @param {'customers' | 'invoices' | 'creditNotes' | 'overpayments'} kind @param {string} key */
	find(kind, key) {
		const c = this.store.collections[kind];
		return c.getByKey(key) ?? c.get(key);
	}
	/** @param {string} externalId external_id (or internal id) */
	findCustomer(externalId) {
		return this.find('customers', externalId);
	}
	/** @param {string} invoiceId */
	findInvoice(invoiceId) {
		return this.find('invoices', invoiceId);
	}
	/** @param {string} creditNoteId */
	findCreditNote(creditNoteId) {
		return this.find('creditNotes', creditNoteId);
	}
	/** @param {string} overpaymentId */
	findOverpayment(overpaymentId) {
		return this.find('overpayments', overpaymentId);
	}
	/** @param {string} customerExternalId @param {string} contactExternalId */
	findContactPerson(customerExternalId, contactExternalId) {
		const customer = this.findCustomer(customerExternalId);
		return customer ? this.store.contactsOf(customer.id).getByKey(contactExternalId) : undefined;
	}
	/** The current organisation record (live). */
	get organisation() {
		return /** @type {Entity} */ (this.store.organisations.get(this.store.currentOrganisationId));
	}

	/** @param {string} kind customers | invoices | credit_notes | creditNotes | overpayments | contact_persons | organisations (singular works too) */
	count(kind) {
		return this.store.count(kind);
	}

	/**
	 * Whether each of `keys` is stored exactly once in `kind` (matched on `keyField`, e.g. external_id): the keys it
	 * does not hold, and those it holds more than once.
	 * @param {string} kind @param {string} keyField @param {string[]} keys
	 * @returns {{ missing: string[], duplicated: string[] }}
	 */
	audit(kind, keyField, keys) {
		const collection = this.store.collections[/** @type {keyof Store['collections']} */ (KIND_ALIASES[kind])];
		if (!collection) throw new Error(`unknown kind: ${kind}`);
		const times = new Map();
		for (const record of collection.order) times.set(record[keyField], (times.get(record[keyField]) || 0) + 1);
		return {
			missing: keys.filter((key) => !times.has(key)),
			duplicated: keys.filter((key) => times.get(key) > 1),
		};
	}

	/** The most requests received (429s included) in any window of `windowMs` in the request log. @param {number} windowMs */
	busiestWindow(windowMs) {
		return busiestWindow(
			this.requests.map((request) => request.time),
			windowMs,
		);
	}

	/** Add deterministic seeded data. @param {'demo' | 'none' | SeedSpec} spec */
	seed(spec) {
		return this.seeder.seed(spec);
	}

	/** Fast bulk seeding (benchmarks). @param {number} n @returns {Entity[]} */
	addCustomers(n) {
		return this.seeder.addCustomers(n);
	}

	/** Empty the store (organisations stay, last_sync_date cleared), log, faults and rate-limit state. */
	reset() {
		this.store.clear();
		for (const org of this.store.collections.organisations.order) org.last_sync_date = null;
		this.clearLog();
		this.clearFaults();
		this.rateLimiter?.reset();
		this.syncLimiter?.reset();
	}

	clearLog() {
		this.requests.length = 0;
	}

	/** @param {RateLimit | null} limit */
	setRateLimit(limit) {
		this.rateLimiter = limit ? new SlidingWindow(limit.requests, limit.windowMs) : null;
		this.retryAfter = !!limit?.retryAfter;
	}

	/** @param {FaultSpec} spec @returns {FaultHandle} */
	injectFault(spec) {
		return this.faults.add(spec);
	}

	clearFaults() {
		this.faults.clear();
	}

	/** Stop listening, drop every connection (idle keep-alive ones too) and pending slow timers. */
	close() {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		return new Promise((resolve) => {
			if (!this.server.listening) return resolve(undefined);
			this.server.close(() => resolve(undefined));
			this.server.closeAllConnections();
		});
	}

	// ------------------------------------------------------------ HTTP

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	receive(req, res) {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => {
			try {
				this.dispatch(req, res, tooLarge ? null : Buffer.concat(chunks).toString('utf8'));
			} catch (e) {
				// Bugs in the sandbox itself: answer 500 rather than hang the client.
				if (!this.quiet) this.logger(`sandbox error: ${e && e.stack}`);
				if (!res.headersSent) this.sendJson(res, 500, errors.internal().toBody());
			}
		});
		req.on('error', () => res.destroy());
	}

	/**
	 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string | null} bodyText
	 */
	dispatch(req, res, bodyText) {
		const method = req.method || 'GET';
		const target = new URL(req.url || '/', 'http://sandbox.invalid');
		const path = target.pathname;
		/** @type {LogEntry} */
		const entry = {
			method,
			path,
			query: queryObject(target.searchParams),
			body: parseForLog(bodyText),
			status: 0,
			time: Date.now(),
		};
		this.log(entry);
		/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
		const reply = (status, body, headers) => {
			entry.status = status;
			entry.durationMs = Date.now() - entry.time;
			if (status >= 400 && body && typeof (/** @type {any} */ (body).message) === 'string')
				entry.error = /** @type {any} */ (body).message;
			this.sendJson(res, status, body, headers);
			this.printLine(entry);
		};

		// Unauthenticated health routes.
		if (method === 'GET' && (path === '/' || path === '/status/' || path === '/status'))
			return reply(200, { status: 'ok' });

		if (req.headers.authorization !== this.expectedAuth) return reply(403, errors.forbidden().toBody());

		if (this.rateLimiter && !this.rateLimiter.tryTake(entry.time)) {
			const err = errors.rateLimited();
			/** @type {Record<string, string>} */
			const headers = {};
			if (this.retryAfter)
				headers['Retry-After'] = String(Math.max(1, Math.ceil(this.rateLimiter.msUntilFree(entry.time) / 1000)));
			return reply(429, err.toBody(), headers);
		}

		if (bodyText === null) return reply(400, errors.validation('request body too large').toBody());

		const fault = this.faults.take(method, path);
		/** Run the request against the store and get the reply (never throws). */
		const apply = () => this.route(method, path, target.searchParams, bodyText, req.headers['content-type'] || '');

		if (!fault) {
			const r = apply();
			return reply(r.status, r.body, r.headers);
		}
		entry.fault = fault.type;
		if (fault.type === '429' && fault.when === 'before') this.rateLimiter?.untake(); // a rejected request does not count

		if (fault.type === 'slow') {
			const delay = fault.delayMs ?? 2000;
			const early = fault.when === 'after' ? apply() : null;
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				// 'before': if the client gave up while we waited, the request is never applied.
				if (res.destroyed || req.socket.destroyed) {
					entry.durationMs = Date.now() - entry.time;
					return this.printLine(entry);
				}
				const r = early ?? apply();
				reply(r.status, r.body, r.headers);
			}, delay);
			timer.unref();
			this.timers.add(timer);
			return;
		}

		if (fault.when === 'after') apply(); // the mutation lands; its response is lost
		this.sendFault(fault, entry, res, reply);
	}

	/**
	 * @param {string} method @param {string} path @param {URLSearchParams} params @param {string} bodyText @param {string} contentType
	 * @returns {{ status: number, body: unknown, headers?: Record<string, string> }}
	 */
	route(method, path, params, bodyText, contentType) {
		try {
			if (!path.startsWith('/v1/')) throw errors.notFound();
			/** @type {string[]} */
			let segments;
			try {
				segments = path.slice(4).split('/').map(decodeURIComponent);
			} catch {
				throw errors.notFound();
			}
			if (segments.some((s) => s === '')) throw errors.notFound(); // no empty ids, no trailing slashes
			return handle({
				store: this.store,
				method,
				segments,
				params,
				bodyText,
				contentType,
				base: this.publicUrl,
				createStatus: this.createStatus,
				syncLimit: this.syncLimiter,
			});
		} catch (e) {
			if (e instanceof errors.ApiError) return { status: e.status, body: e.toBody(), headers: e.headers };
			if (!this.quiet) this.logger(`sandbox error: ${e && e.stack}`);
			return { status: 500, body: errors.internal().toBody() };
		}
	}

	/**
	 * @param {import('./faults').FaultSpec & { type: string }} fault @param {LogEntry} entry
	 * @param {http.ServerResponse} res @param {(status: number, body: unknown, headers?: Record<string, string>) => void} reply
	 */
	sendFault(fault, entry, res, reply) {
		switch (fault.type) {
			case 'reset':
				entry.status = 0;
				entry.durationMs = Date.now() - entry.time;
				this.printLine(entry);
				res.socket?.destroy();
				return;
			case 'malformed': {
				entry.status = 200;
				const text = '{"url":"https://openapi.chaserhq.com/v1","object":"list","data":[{"id":"cus_';
				res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
				res.end(text);
				this.printLine(entry);
				return;
			}
			case '429': {
				/** @type {Record<string, string>} */
				const headers = {};
				if (fault.retryAfter === 'date') headers['Retry-After'] = new Date(Date.now() + 1000).toUTCString();
				else if (typeof fault.retryAfter === 'number') headers['Retry-After'] = String(fault.retryAfter);
				return reply(429, errors.rateLimited().toBody(), headers);
			}
			case '500':
				return reply(500, errors.internal().toBody());
			default: {
				const status = Number(fault.type);
				if (fault.format === 'json') {
					const err = new errors.ApiError(status, 'internal_server_error', 'internal_server_error', http.STATUS_CODES[status] || 'error');
					return reply(status, err.toBody());
				}
				// What a proxy / load balancer in front of the API would send.
				const html = `<html><head><title>${status} ${http.STATUS_CODES[status]}</title></head><body><center><h1>${status} ${http.STATUS_CODES[status]}</h1></center></body></html>\n`;
				entry.status = status;
				entry.durationMs = Date.now() - entry.time;
				res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
				res.end(html);
				this.printLine(entry);
			}
		}
	}

	/** @param {http.ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
	sendJson(res, status, body, headers) {
		if (res.destroyed) return;
		const text = JSON.stringify(body);
		res.writeHead(status, {
			...headers,
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(text),
		});
		res.end(text);
	}

	/** @param {LogEntry} entry */
	log(entry) {
		if (this.requests.length >= this.maxLogEntries)
			this.requests.splice(0, Math.max(1, Math.floor(this.maxLogEntries / 10)));
		this.requests.push(entry);
	}

	/** @param {LogEntry} entry */
	printLine(entry) {
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

/** @param {string | null} text */
function parseForLog(text) {
	if (text === null) return '<too large>';
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Start a sandbox on 127.0.0.1.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function createSandbox(options = {}) {
	const sandbox = new Sandbox(options);
	await sandbox.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	return sandbox;
}

module.exports = {
	createSandbox,
	Sandbox,
	FAULT_TYPES,
	busiestWindow,
	KIND_ALIASES,
	INVOICE_STATUSES: schema.INVOICE_STATUSES,
	CREDIT_NOTE_STATUSES: schema.CREDIT_NOTE_STATUSES,
	OVERPAYMENT_STATUSES: schema.OVERPAYMENT_STATUSES,
	CUSTOMER_STATUSES: schema.CUSTOMER_STATUSES,
	ADDRESS_TYPES: schema.ADDRESS_TYPES,
	SYNC_TASKS: schema.SYNC_TASKS,
	ADDITIONAL_CUSTOMER_FIELDS: schema.ADDITIONAL_CUSTOMER_FIELDS,
	FILTER_OPERATORS: schema.FILTER_OPERATORS,
	SCHEMAS: schema.SCHEMAS,
	FILTERS: schema.FILTERS,
};
