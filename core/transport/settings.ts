import { sleep } from 'n8n-workflow';

/**
 * Every number and clock the transport uses, in one object, so tests and benchmarks can
 * compress time (a "minute" of rate limit in a second) and skip real waits.
 * Production code never changes these; `configureTransport` is for tests and the benchmark.
 */
export interface TransportSettings {
	/**
	 * Chaser's published limit: 200 requests per minute, per API key. `requests` is the budget of a key whose
	 * credential sets none; `windowMs` is the window every budget is counted in (0 turns pacing off, for tests).
	 */
	rateLimit: { requests: number; windowMs: number };
	/** Spare time added to the window, as a share of it, for clock and network jitter between n8n and Chaser. */
	windowMargin: number;
	/** On a 429 a key's rate drops to this share of what it was sending in the window (multiplicative decrease). */
	rateLimitDecrease: number;
	/** ...but never below this share of its budget. */
	rateLimitFloor: number;
	/** ...and climbs back by this share of its budget per window (additive increase). */
	rateLimitRecovery: number;
	/** After a 429 that came while this process still had room, requests on the key are spaced evenly for this many windows. */
	evenSpacingWindows: number;
	/** Time allowed for one HTTP request before it counts as a timeout. */
	timeoutMs: number;
	/** Retries for 5xx and network failures (rate limiting has its own, time-based budget). */
	maxRetries: number;
	backoffBaseMs: number;
	backoffMaxMs: number;
	/** Least wait after any 429, so "Retry-After: 0" or a past date cannot turn into a tight retry loop. */
	rateLimitMinWaitMs: number;
	/** Total time one request may spend waiting out 429s before it fails. */
	maxRateLimitWaitMs: number;
	sleep: (ms: number) => Promise<void>;
	now: () => number;
	random: () => number;
}

export const defaultTransportSettings: Readonly<TransportSettings> = Object.freeze({
	rateLimit: { requests: 200, windowMs: 60_000 },
	windowMargin: 0.01,
	rateLimitDecrease: 0.5,
	rateLimitFloor: 0.1,
	rateLimitRecovery: 0.05,
	evenSpacingWindows: 5,
	timeoutMs: 60_000,
	maxRetries: 4,
	backoffBaseMs: 500,
	backoffMaxMs: 30_000,
	rateLimitMinWaitMs: 1_000,
	maxRateLimitWaitMs: 300_000,
	sleep: async (ms: number) => await sleep(ms),
	now: () => Date.now(),
	random: () => Math.random(),
});

export const transportSettings: TransportSettings = { ...defaultTransportSettings };

export function configureTransport(overrides: Partial<TransportSettings>): void {
	Object.assign(transportSettings, overrides);
}

export function resetTransportSettings(): void {
	Object.assign(transportSettings, defaultTransportSettings);
}
