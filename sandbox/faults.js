// @ts-check
'use strict';

/**
 * Rate limiting (sliding window) and fault injection: the Faults list, and the FaultPlayer that applies
 * the rate limit and plays a fault on one request.
 */

const http = require('node:http');
const errors = require('./errors');

/**
 * @typedef {import('./server').Exchange} Exchange
 * @typedef {import('./presenters').Reply} Reply
 * @typedef {{ requests: number, windowMs: number, retryAfter?: boolean }} RateLimit
 */

/**
 * Sliding window over arrival times, stored in a ring buffer of `capacity`
 * timestamps: O(1) amortised per request, no allocation per request.
 */
class SlidingWindow {
	/** @param {number} capacity @param {number} windowMs */
	constructor(capacity, windowMs) {
		if (!(capacity >= 1) || !(windowMs > 0)) throw new Error('rate limit needs requests >= 1 and windowMs > 0');
		this.capacity = Math.floor(capacity);
		this.windowMs = windowMs;
		this.times = new Float64Array(this.capacity);
		this.head = 0; // index of the oldest timestamp
		this.size = 0;
	}

	/** @param {number} now */
	evict(now) {
		while (this.size > 0 && this.times[this.head] <= now - this.windowMs) {
			this.head = (this.head + 1) % this.capacity;
			this.size--;
		}
	}

	/** Record an arrival if a slot is free. Rejected arrivals are not recorded. */
	/** @param {number} now @returns {boolean} */
	tryTake(now) {
		this.evict(now);
		if (this.size >= this.capacity) return false;
		this.times[(this.head + this.size) % this.capacity] = now;
		this.size++;
		return true;
	}

	/** Forget the latest arrival (used when an injected 429 answers it). */
	untake() {
		if (this.size > 0) this.size--;
	}

	/** Milliseconds until the oldest arrival leaves the window. */
	/** @param {number} now */
	msUntilFree(now) {
		return this.size ? Math.max(0, this.times[this.head] + this.windowMs - now) : 0;
	}

	reset() {
		this.head = 0;
		this.size = 0;
	}
}

/**
 * @typedef {'429' | '500' | '502' | '503' | '504' | 'reset' | 'slow' | 'malformed'} FaultType
 *
 * @typedef {object} FaultSpec
 * @property {FaultType | number} type
 * @property {string} [method]            only this HTTP method
 * @property {string | RegExp} [path]     path prefix, or a RegExp tested on the path (no query)
 * @property {number} [count]             how many matching requests get the fault (default 1; Infinity allowed)
 * @property {'before' | 'after'} [when]  before: the request is not applied; after: applied, then the response is replaced
 * @property {number | 'date'} [retryAfter] for 429: Retry-After in seconds, or 'date' for an HTTP-date ~1 s ahead
 * @property {number} [delayMs]           for slow (default 2000)
 * @property {'json' | 'html'} [format]   body of 5xx faults (default json for 500, html for 502/503/504)
 *
 * @typedef {object} FaultHandle
 * @property {number} id
 * @property {number} remaining  requests still to be faulted
 * @property {number} hits       requests faulted so far
 * @property {() => void} cancel
 */

const FAULT_TYPES = ['429', '500', '502', '503', '504', 'reset', 'slow', 'malformed'];

class Faults {
	constructor() {
		/** @type {(Required<Pick<FaultSpec, 'method' | 'when'>> & FaultSpec & { handle: FaultHandle, type: FaultType })[]} */
		this.active = [];
		this.nextId = 1;
	}

	/** @param {FaultSpec} spec @returns {FaultHandle} */
	add(spec) {
		const type = /** @type {FaultType} */ (String(spec.type));
		if (!FAULT_TYPES.includes(type)) throw new Error(`unknown fault type: ${spec.type} (use ${FAULT_TYPES.join(', ')})`);
		const when = spec.when ?? 'before';
		if (when !== 'before' && when !== 'after') throw new Error(`fault "when" must be before or after`);
		const count = spec.count ?? 1;
		const faults = this;
		/** @type {FaultHandle} */
		const handle = {
			id: this.nextId++,
			remaining: count,
			hits: 0,
			cancel() {
				handle.remaining = 0;
				faults.active = faults.active.filter((f) => f.handle !== handle);
			},
		};
		this.active.push({ ...spec, type, when, method: (spec.method || '').toUpperCase(), handle });
		return handle;
	}

	/**
	 * Take the first fault matching this request (and count it down).
	 * @param {string} method @param {string} path
	 */
	take(method, path) {
		if (!this.active.length) return undefined;
		for (const f of this.active) {
			if (f.handle.remaining <= 0) continue;
			if (f.method && f.method !== method) continue;
			if (f.path !== undefined) {
				if (typeof f.path !== 'string') f.path.lastIndex = 0; // /g regexps are stateful
				if (typeof f.path === 'string' ? !path.startsWith(f.path) : !f.path.test(path)) continue;
			}
			f.handle.remaining--;
			f.handle.hits++;
			if (f.handle.remaining <= 0) this.active = this.active.filter((x) => x !== f);
			return f;
		}
		return undefined;
	}

	clear() {
		for (const f of this.active) f.handle.remaining = 0;
		this.active = [];
	}
}

/**
 * The most arrivals in any window of `windowMs` (each window ends at an arrival): what a client fleet's traffic
 * looks like to Chaser's limit. @param {number[]} times @param {number} windowMs
 */
function busiestWindow(times, windowMs) {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let end = 0, start = 0; end < sorted.length; end++) {
		while (sorted[start] <= sorted[end] - windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/** What the truncated 'malformed' answer sends. */
const MALFORMED = '{"url":"https://openapi.chaserhq.com/v1","object":"list","data":[{"id":"cus_';

/**
 * Everything between an authenticated request and its handler: the rate limit, and the faults
 * injected for it (what they answer, whether the request is applied, slow timers).
 */
class FaultPlayer {
	constructor() {
		this.faults = new Faults();
		/** @type {SlidingWindow | null} */
		this.rateLimiter = null;
		this.retryAfter = false;
		/** Timers of slow faults, cleared on close so nothing hangs. */
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
	}

	/** @param {RateLimit | null} limit */
	setRateLimit(limit) {
		this.rateLimiter = limit ? new SlidingWindow(limit.requests, limit.windowMs) : null;
		this.retryAfter = !!limit?.retryAfter;
	}

	/**
	 * Count an arrival against the rate limit: null when admitted, else the 429 to answer.
	 * @param {number} time @returns {Reply | null}
	 */
	admit(time) {
		if (!this.rateLimiter || this.rateLimiter.tryTake(time)) return null;
		/** @type {Record<string, string>} */
		const headers = {};
		if (this.retryAfter)
			headers['Retry-After'] = String(Math.max(1, Math.ceil(this.rateLimiter.msUntilFree(time) / 1000)));
		return { status: 429, body: errors.rateLimited().toBody(), headers };
	}

	/** @param {string} method @param {string} path */
	take(method, path) {
		return this.faults.take(method, path);
	}

	/**
	 * Answer `exchange` with `fault`. `apply` runs the request against the store (once at most).
	 * @param {NonNullable<ReturnType<Faults['take']>>} fault @param {Exchange} exchange @param {() => Promise<Reply>} apply
	 */
	async play(fault, exchange, apply) {
		exchange.entry.fault = fault.type;
		if (fault.type === '429' && fault.when === 'before') this.rateLimiter?.untake(); // a rejected request does not count

		if (fault.type === 'slow') {
			const early = fault.when === 'after' ? apply() : null;
			const timer = setTimeout(async () => {
				this.timers.delete(timer);
				// 'before': if the client gave up while we waited, the request is never applied.
				if (exchange.gone) return exchange.abandon();
				exchange.send(await (early ?? apply()));
			}, fault.delayMs ?? 2000);
			timer.unref();
			this.timers.add(timer);
			return;
		}

		if (fault.when === 'after') await apply(); // the mutation lands; its response is lost
		switch (fault.type) {
			case 'reset':
				return exchange.drop();
			case 'malformed':
				return exchange.raw(200, 'application/json; charset=utf-8', MALFORMED);
			case '429': {
				/** @type {Record<string, string>} */
				const headers = {};
				if (fault.retryAfter === 'date') headers['Retry-After'] = new Date(Date.now() + 1000).toUTCString();
				else if (typeof fault.retryAfter === 'number') headers['Retry-After'] = String(fault.retryAfter);
				return exchange.json(429, errors.rateLimited().toBody(), headers);
			}
			case '500':
				return exchange.json(500, errors.internal().toBody());
			default: {
				const status = Number(fault.type);
				const reason = http.STATUS_CODES[status];
				if (fault.format === 'json') {
					const err = new errors.ApiError(status, 'internal_server_error', 'internal_server_error', reason || 'error');
					return exchange.json(status, err.toBody());
				}
				// What a proxy / load balancer in front of the API would send.
				const html = `<html><head><title>${status} ${reason}</title></head><body><center><h1>${status} ${reason}</h1></center></body></html>\n`;
				return exchange.raw(status, 'text/html', html);
			}
		}
	}

	/** Forget rate-limit arrivals (faults stay: clear() drops them). */
	resetRateLimit() {
		this.rateLimiter?.reset();
	}

	clear() {
		this.faults.clear();
	}

	/** Cancel pending slow answers (on close). */
	cancelTimers() {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}
}

module.exports = { SlidingWindow, Faults, FaultPlayer, FAULT_TYPES, busiestWindow };
