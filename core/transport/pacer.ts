import { transportSettings } from './settings';

/**
 * Keeps one API key inside Chaser's rate limit, across items, executions and nodes in this process: never more
 * than the key's budget in any rolling window, and no wait at all while the window has room. A small flow on an
 * idle key sends at once; a large one sends its first budget at once and then one request for each that leaves
 * the window. Requests on a key take their turns in the order they asked.
 *
 * A request counts from its turn until its answer, and then at the time of its answer, which is never earlier
 * than Chaser saw it: however long requests take on the way, Chaser never sees more than the budget in a window.
 *
 * Several processes can share a key (n8n queue mode runs one per worker; other tools may use it too) and none of
 * them sees the others' requests, so a 429 is taken as news about everyone else:
 * - this process lowers its own rate on the key (to half of what it was sending, once per overload) and climbs
 *   back slowly, so processes sharing a key settle under the limit with rare 429s;
 * - a 429 that came while this process still had room in its own count means Chaser (or someone else) objects
 *   to bursts: requests on the key are then spaced evenly for a while;
 * - the key is held until the window can have freed up (the time Chaser gives in Retry-After, or when the oldest
 *   request this process has in the window leaves it), rather than probing with requests that would meet 429s.
 */
interface KeyPace {
	/** When this process's answered requests on the key were answered, ascending, from `head` on. */
	answered: number[];
	head: number;
	/** Requests sent and not answered yet. */
	inFlight: number;
	/** When the requests waiting for their turn expect it, ascending. */
	booked: number[];
	/** When the last request was let go. */
	lastTurn: number;
	budget: number;
	/** Requests per window this process allowed itself at `since`: the budget, or less after a 429. */
	rate: number;
	since: number;
	evenUntil: number;
	holdUntil: number;
	/** How many times the rate was lowered. */
	cuts: number;
}

/** A request's turn: when it was let go, how many cuts the key had seen then, and whether the pacer counts it. */
export interface Turn {
	at: number;
	cuts: number;
	counted: boolean;
}

const paceByKey = new Map<string, KeyPace>();

function paceOf(key: string, budget: number, now: number): KeyPace {
	let pace = paceByKey.get(key);
	if (!pace) {
		pace = {
			answered: [],
			head: 0,
			inFlight: 0,
			booked: [],
			lastTurn: -Infinity,
			budget,
			rate: budget,
			since: now,
			evenUntil: 0,
			holdUntil: 0,
			cuts: 0,
		};
		paceByKey.set(key, pace);
	} else if (pace.budget !== budget) {
		// The credential's budget was edited: start again from the new one.
		Object.assign(pace, { budget, rate: budget, since: now });
	}
	return pace;
}

/** The window with its margin for jitter: what the pacer counts in. */
function span(): number {
	return transportSettings.rateLimit.windowMs * (1 + transportSettings.windowMargin);
}

/** Requests per window this process allows itself now: the lowered rate plus what it has climbed back since. */
function allowance(pace: KeyPace, now: number): number {
	const { windowMs } = transportSettings.rateLimit;
	const climbed = (pace.budget * transportSettings.rateLimitRecovery * (now - pace.since)) / windowMs;
	return Math.max(1, Math.floor(Math.min(pace.budget, pace.rate + climbed)));
}

/** Drops answers that have left the window; returns how many are still in it. */
function answeredInWindow(pace: KeyPace, now: number): number {
	const window = span();
	while (pace.head < pace.answered.length && pace.answered[pace.head] <= now - window) pace.head++;
	if (pace.head > 1024 && pace.head * 2 > pace.answered.length) {
		pace.answered = pace.answered.slice(pace.head);
		pace.head = 0;
	}
	return pace.answered.length - pace.head;
}

/**
 * The earliest time a request may go: after the hold, after the even spacing, and when fewer than the allowance
 * would be in the window. Requests on their way count as answered now; with `queue`, the requests already waiting
 * go first and count at their turns.
 */
function earliestTurn(pace: KeyPace, now: number, queue: boolean): number {
	const window = span();
	const limit = allowance(pace, now);
	let at = Math.max(now, pace.holdUntil);
	if (pace.evenUntil > now) at = Math.max(at, pace.lastTurn + window / limit);
	const booked = queue ? pace.booked : [];
	if (booked.length > 0) at = Math.max(at, booked[booked.length - 1]);
	// Everything that will be in the window, oldest first: answers, requests on their way, requests waiting.
	const answered = answeredInWindow(pace, now);
	const count = answered + pace.inFlight + booked.length;
	if (count >= limit) {
		const index = count - limit;
		const oldest =
			index < answered
				? pace.answered[pace.head + index]
				: index < answered + pace.inFlight
					? now
					: booked[index - answered - pace.inFlight];
		at = Math.max(at, oldest + window);
	}
	return at;
}

function book(pace: KeyPace, at: number): void {
	let index = pace.booked.length;
	while (index > 0 && pace.booked[index - 1] > at) index--;
	pace.booked.splice(index, 0, at);
}

function unbook(pace: KeyPace, at: number): void {
	const index = pace.booked.indexOf(at);
	if (index >= 0) pace.booked.splice(index, 1);
}

/**
 * Waits until this key may send its next request and returns the request's turn; call `answered` with it when
 * the answer (or the failure) comes. `budget` is the key's requests per window, from its credential. A hold set
 * after a 429 is honoured even when pacing is off, so a Retry-After is always waited out.
 */
export async function acquireSlot(key: string, budget: number): Promise<Turn> {
	let now = transportSettings.now();
	const pace = paceOf(key, budget, now);
	if (transportSettings.rateLimit.windowMs <= 0) {
		if (pace.holdUntil > now) await transportSettings.sleep(pace.holdUntil - now);
		return { at: Math.max(now, pace.holdUntil), cuts: pace.cuts, counted: false };
	}
	let at = earliestTurn(pace, now, true);
	for (;;) {
		if (at <= now) {
			pace.inFlight++;
			pace.lastTurn = now;
			return { at: now, cuts: pace.cuts, counted: true };
		}
		book(pace, at);
		await transportSettings.sleep(at - now);
		now = transportSettings.now();
		unbook(pace, at);
		// This request's turn has come; whether it may go depends on what happened meanwhile (answers that
		// came later than expected, a 429 that lowered the rate).
		at = earliestTurn(pace, now, false);
	}
}

/** The request sent at `turn` has its answer (or failed): from now on it counts at this time. */
export function answered(key: string, turn: Turn): void {
	const pace = paceByKey.get(key);
	if (!pace || !turn.counted) return;
	pace.inFlight = Math.max(0, pace.inFlight - 1);
	pace.answered.push(transportSettings.now());
}

/**
 * Chaser answered 429 to the request sent at `turn` (already `answered`). Returns how long that request waits
 * before trying again: the Retry-After if Chaser sent one, otherwise until the window can have freed up (at least
 * the minimum wait). With `adapt` (every endpoint bound by the per-minute limit) the key also lowers its rate,
 * spaces evenly if it still had room, and holds every request on the key until then; without it (an endpoint with
 * a limit of its own) only this request waits.
 */
export function rateLimited(key: string, turn: Turn, retryAfterMs: number | undefined, adapt: boolean): number {
	const now = transportSettings.now();
	const { windowMs } = transportSettings.rateLimit;
	const pace = paceByKey.get(key);
	let freeAt = now + windowMs;
	if (pace && windowMs > 0) {
		const answers = answeredInWindow(pace, now);
		if (answers > 0) freeAt = pace.answered[pace.head] + span();
		// Other requests already on their way when the rate was cut meet the same overload: cut once.
		if (adapt && turn.cuts === pace.cuts) {
			const inWindow = answers + pace.inFlight;
			const allowed = allowance(pace, now);
			if (inWindow < allowed) pace.evenUntil = now + transportSettings.evenSpacingWindows * windowMs;
			const floor = Math.max(1, pace.budget * transportSettings.rateLimitFloor);
			pace.rate = Math.max(floor, Math.min(allowed, inWindow) * transportSettings.rateLimitDecrease);
			pace.since = now;
			pace.cuts++;
		}
	}
	if (retryAfterMs !== undefined) freeAt = now + retryAfterMs;
	const until = Math.max(now + transportSettings.rateLimitMinWaitMs, freeAt);
	if (adapt && pace) pace.holdUntil = Math.max(pace.holdUntil, until);
	return until - now;
}

/**
 * What is wrong with the credential's "Requests per Minute", if anything: it must be a number of at least 1. Left
 * empty (a credential saved before the field existed) means Chaser's 200. The node refuses a bad value before any
 * request, and the credential test says the same; 0 would otherwise have been read as 1 without a word.
 */
export function requestsPerMinuteProblem(requestsPerMinute: unknown): string | undefined {
	if (requestsPerMinute === undefined || requestsPerMinute === null || requestsPerMinute === '') return undefined;
	const value = typeof requestsPerMinute === 'string' ? Number(requestsPerMinute.trim()) : requestsPerMinute;
	if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return undefined;
	const shown = typeof requestsPerMinute === 'string' ? `"${requestsPerMinute}"` : String(requestsPerMinute);
	return `"Requests per Minute" in the Chaser credential is ${shown}: enter how many requests a minute n8n may send with this key, at least 1 (Chaser allows 200 per API key; 200 is the default)`;
}

/** Requests per window for a key: the credential's "Requests per Minute", or Chaser's 200 when it sets none. */
export function keyBudget(requestsPerMinute: unknown): number {
	const budget = Math.floor(Number(requestsPerMinute));
	return Number.isFinite(budget) && budget >= 1 ? budget : transportSettings.rateLimit.requests;
}

export function resetPacing(): void {
	paceByKey.clear();
}
