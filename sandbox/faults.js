// @ts-check
'use strict';

/**
 * Rate limiting (sliding window) and fault injection.
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

module.exports = { SlidingWindow, Faults, FAULT_TYPES, busiestWindow };
