// @ts-check
'use strict';

/**
 * Chaser sandbox: a strict, stateful stand-in of the Chaser REST API built on
 * node:http. See README.md in this folder.
 */

const { Store, KIND_ALIASES } = require('./store');
const { Seeder, seedOrganisations } = require('./seed');
const { router } = require('./routes');
const { SlidingWindow, FaultPlayer, FAULT_TYPES, busiestWindow } = require('./faults');
const { HttpServer, Exchange } = require('./server');
const { RequestLog } = require('./requestLog');
const { RequestBody } = require('./body');
const { Inspector } = require('./inspect');
const errors = require('./errors');
const schema = require('./schema');

/**
 * @typedef {import('./store').Entity} Entity
 * @typedef {import('./faults').FaultSpec} FaultSpec
 * @typedef {import('./faults').FaultHandle} FaultHandle
 * @typedef {import('./faults').RateLimit} RateLimit
 * @typedef {import('./seed').SeedSpec} SeedSpec
 * @typedef {import('./seed').HistoryInput} HistoryInput
 * @typedef {import('./requestLog').LogEntry} LogEntry
 * @typedef {import('./presenters').Reply} Reply
 * @typedef {import('./handlers').Ctx} Ctx
 * @typedef {NonNullable<ReturnType<typeof router.match>>} Match
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
 */

const DEFAULT_SYNC_LIMIT = { requests: 5, windowMs: 3600000 };
/** Raw body limit of every route but the PDF upload (which sets its own in the route table). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The sandbox: composes the store and seeder (state), the route table (behaviour), the HTTP server
 * (plumbing), the fault player (rate limit and faults), the request log and the inspector, and runs each
 * request through them in order: log → public route? → auth → rate limit → body size → fault → handler.
 */
class Sandbox {
	/** @param {SandboxOptions} options */
	constructor(options) {
		this.options = options;
		this.apiKey = options.apiKey ?? 'sandbox-key';
		this.apiSecret = options.apiSecret ?? 'sandbox-secret';
		this.expectedAuth = 'Basic ' + Buffer.from(`${this.apiKey}:${this.apiSecret}`).toString('base64');
		this.publicUrl = (options.publicUrl ?? 'https://openapi.chaserhq.com').replace(/\/$/, '');
		this.createStatus = options.createStatus ?? 200;

		this.store = new Store();
		seedOrganisations(this.store);
		/** @type {Seeder} */
		this.seeder = new Seeder(this.store, { referenceDate: options.referenceDate });
		this.requestLog = new RequestLog({ maxEntries: options.maxLogEntries, quiet: options.quiet, logger: options.logger });
		this.inspector = new Inspector(this.store);
		this.playback = new FaultPlayer();
		this.playback.setRateLimit(options.rateLimit ?? null);
		const syncLimit = options.syncRateLimit === undefined ? DEFAULT_SYNC_LIMIT : options.syncRateLimit;
		this.syncLimiter = syncLimit ? new SlidingWindow(syncLimit.requests, syncLimit.windowMs) : null;

		this.http = new HttpServer(
			(req) => this.arrive(req),
			(e) => this.bug(e).body,
		);
		this.url = '';
		this.port = 0;
		if (options.seed && options.seed !== 'none') this.seed(options.seed);
	}

	/** @param {number} port @param {string} host */
	async listen(port, host) {
		this.port = await this.http.listen(port, host);
		this.url = `http://${host}:${this.port}`;
		return this;
	}

	// ------------------------------------------------------------ request log

	/** Every request received: `[{ method, path, query, body, status, time, durationMs, fault?, error? }]` (live array). */
	get requests() {
		return this.requestLog.entries;
	}

	clearLog() {
		this.requestLog.clear();
	}

	// ------------------------------------------------------------ inspection

	/** A record of `kind` by its key (external_id, invoice_id, …) or its internal id. @param {'customers' | 'invoices' | 'creditNotes' | 'overpayments'} kind @param {string} key */
	find(kind, key) {
		return this.inspector.find(kind, key);
	}
	/** @param {string} externalId external_id (or internal id) */
	findCustomer(externalId) {
		return this.inspector.find('customers', externalId);
	}
	/** @param {string} invoiceId */
	findInvoice(invoiceId) {
		return this.inspector.find('invoices', invoiceId);
	}
	/** @param {string} creditNoteId */
	findCreditNote(creditNoteId) {
		return this.inspector.find('creditNotes', creditNoteId);
	}
	/** @param {string} overpaymentId */
	findOverpayment(overpaymentId) {
		return this.inspector.find('overpayments', overpaymentId);
	}
	/** @param {string} customerExternalId @param {string} contactExternalId */
	findContactPerson(customerExternalId, contactExternalId) {
		return this.inspector.findContactPerson(customerExternalId, contactExternalId);
	}
	/** The current organisation record (live). */
	get organisation() {
		return this.inspector.organisation;
	}
	/** @param {string} kind customers | invoices | credit_notes | creditNotes | overpayments | contact_persons | organisations | invoice_history (singular works too) */
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
		return this.inspector.audit(kind, keyField, keys);
	}
	/** The most requests received (429s included) in any window of `windowMs` in the request log. @param {number} windowMs */
	busiestWindow(windowMs) {
		return this.requestLog.busiestWindow(windowMs);
	}
	/** The bytes of the PDF last uploaded for an invoice (invoice_id or internal id), undefined if none. @param {string} invoice */
	invoicePdf(invoice) {
		return this.inspector.invoicePdf(invoice);
	}
	/** An invoice's history entries (invoice_id or internal id), oldest first. @param {string} invoice */
	invoiceHistory(invoice) {
		return this.inspector.invoiceHistory(invoice);
	}

	// ------------------------------------------------------------ seeding

	/** Add deterministic seeded data. @param {'demo' | 'none' | SeedSpec} spec */
	seed(spec) {
		return this.seeder.seed(spec);
	}
	/** Fast bulk seeding (benchmarks). @param {number} n @returns {Entity[]} */
	addCustomers(n) {
		return this.seeder.addCustomers(n);
	}
	/**
	 * Add one history entry to an invoice (invoice_id or internal id); returns the stored entry.
	 * @param {string} invoice @param {HistoryInput} entry
	 */
	addHistory(invoice, entry) {
		return this.seeder.addHistory(invoice, entry);
	}

	/** Empty the store (organisations stay, last_sync_date cleared), log, faults and rate-limit state. */
	reset() {
		this.store.clear();
		for (const org of this.store.collections.organisations.order) org.last_sync_date = null;
		this.clearLog();
		this.clearFaults();
		this.playback.resetRateLimit();
		this.syncLimiter?.reset();
	}

	// ------------------------------------------------------------ rate limit and faults

	/** @param {RateLimit | null} limit */
	setRateLimit(limit) {
		this.playback.setRateLimit(limit);
	}
	/** @param {FaultSpec} spec @returns {FaultHandle} */
	injectFault(spec) {
		return this.playback.faults.add(spec);
	}
	clearFaults() {
		this.playback.clear();
	}

	/** Stop listening, drop every connection (idle keep-alive ones too) and pending slow timers. */
	close() {
		this.playback.cancelTimers();
		return this.http.close();
	}

	// ------------------------------------------------------------ the request pipeline

	/** A bug in the sandbox itself: print its stack (unless quiet) and answer 500. @param {unknown} e @returns {Reply} */
	bug(e) {
		if (!this.requestLog.quiet) this.requestLog.logger(`sandbox error: ${e && /** @type {Error} */ (e).stack}`);
		return { status: 500, body: errors.internal().toBody() };
	}

	/**
	 * A request has arrived (its head, not yet its body): parse its URL and match its route, once, for both the
	 * body limit and the answer.
	 * @param {import('node:http').IncomingMessage} req @returns {import('./server').Arrival}
	 */
	arrive(req) {
		const method = req.method || 'GET';
		const target = new URL(req.url || '/', 'http://sandbox.invalid');
		const matched = router.match(method, target.pathname);
		return {
			maxBodyBytes: matched?.route.maxBodyBytes ?? MAX_BODY_BYTES,
			answer: (res, bytes) => this.handle(req, res, method, target, matched, bytes),
		};
	}

	/**
	 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
	 * @param {string} method @param {URL} target @param {Match | null} matched its route, null for none (404)
	 * @param {Buffer | null} bytes the body, null when over the route's limit
	 */
	async handle(req, res, method, target, matched, bytes) {
		const path = target.pathname;
		const body = bytes && new RequestBody(bytes, req.headers['content-type'] || '');
		const exchange = new Exchange(req, res, this.requestLog, this.requestLog.open(method, target, body));
		const route = matched?.route;

		if (!route?.public) {
			if (req.headers.authorization !== this.expectedAuth) return exchange.json(403, errors.forbidden().toBody());
			const limited = this.playback.admit(exchange.entry.time);
			if (limited) return exchange.send(limited);
		}
		if (body === null) {
			const tooLarge =
				route?.tooLarge === 'payload'
					? errors.payloadTooLarge(`request body too large: at most ${route.maxBodyBytes} bytes`)
					: errors.validation('request body too large');
			return exchange.json(tooLarge.status, tooLarge.toBody());
		}
		/** Run the request against the store (at most once) and get the reply (never rejects). */
		const apply = async () => this.route(method, path, target.searchParams, body, matched);
		const fault = route?.public ? undefined : this.playback.take(method, path);
		if (!fault) return exchange.send(await apply());
		return this.playback.play(fault, exchange, apply);
	}

	/**
	 * Run the handler of the route for `method` and `path` (below the host): the reply, or a Promise of it for
	 * asynchronous handlers (the multipart upload). Errors become their Chaser-style reply; no route (unknown
	 * path or method) is 404. Every request that reaches the store goes through here (tests spy on it).
	 * @param {string} method @param {string} path @param {URLSearchParams} query @param {RequestBody} body
	 * @param {Match | null} [matched] the route already matched for `method` and `path` (matched here if not given)
	 * @returns {Reply | Promise<Reply>}
	 */
	route(method, path, query, body, matched = router.match(method, path)) {
		/** @param {unknown} e @returns {Reply} */
		const failure = (e) =>
			e instanceof errors.ApiError ? { status: e.status, body: e.toBody(), headers: e.headers } : this.bug(e);
		try {
			if (!matched) throw errors.notFound();
			/** @type {Ctx} */
			const ctx = {
				store: this.store,
				params: matched.params,
				query,
				body,
				base: this.publicUrl,
				serverUrl: this.url,
				createStatus: this.createStatus,
				syncLimit: this.syncLimiter,
			};
			const reply = matched.route.handler(ctx);
			return reply instanceof Promise ? reply.catch(failure) : reply;
		} catch (e) {
			return failure(e);
		}
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
