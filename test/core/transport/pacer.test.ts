import type { Turn } from '../../../core/transport/pacer';
import { acquireSlot, answered, keyBudget, rateLimited, resetPacing } from '../../../core/transport/pacer';
import { configureTransport, resetTransportSettings } from '../../../core/transport';
import { virtualClock } from './support/virtualClock';

const WINDOW = 60_000;
/** The window the pacer counts in: Chaser's minute plus 1% for jitter. */
const SPAN = 60_600;

let clock: ReturnType<typeof virtualClock>;

beforeEach(() => {
	resetPacing();
	clock = virtualClock();
	configureTransport({ rateLimit: { requests: 200, windowMs: WINDOW }, now: clock.now, sleep: clock.sleep });
});
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

/** `count` requests on `key`, one after the other, each answered `gapMs` after its turn; their turns. */
async function sendInTurn(key: string, count: number, { budget = 200, gapMs = 0 } = {}): Promise<Turn[]> {
	return await clock.run(
		(async () => {
			const turns: Turn[] = [];
			for (let i = 0; i < count; i++) {
				const turn = await acquireSlot(key, budget);
				if (gapMs) await clock.sleep(gapMs);
				answered(key, turn);
				turns.push(turn);
			}
			return turns;
		})(),
	);
}

const times = (turns: Turn[]) => turns.map((turn) => turn.at);

describe('pacer: a rolling window, no spacing below the budget', () => {
	it('an idle key sends its whole budget at once', async () => {
		const turns = await sendInTurn('key', 200);
		expect(new Set(times(turns))).toEqual(new Set([0]));
	});

	it('the request after the budget goes when the first one has left the window', async () => {
		const turns = await sendInTurn('key', 201);
		expect(turns[200].at).toBe(SPAN);
	});

	it('300 requests take one window plus the time to send the last 100', async () => {
		const turns = await sendInTurn('key', 300, { gapMs: 10 });
		expect(times(turns).slice(0, 200)).toEqual(Array.from({ length: 200 }, (_, i) => i * 10));
		// Each of the last 100 goes as one of the first 100 leaves the window, counted from its answer (10 ms later).
		expect(times(turns).slice(200)).toEqual(Array.from({ length: 100 }, (_, i) => 10 + SPAN + i * 10));
	});

	it('never lets more than the budget into any window, and keeps it full (1,000 requests)', async () => {
		const turns = await sendInTurn('key', 1_000, { budget: 50, gapMs: 7 });
		const at = times(turns);
		for (let i = 0; i + 50 < at.length; i++) {
			expect(at[i + 50] - at[i]).toBeGreaterThanOrEqual(SPAN);
			// ...and not a moment later than the window (counted from the answer) or the request before allow.
			expect(at[i + 50]).toBe(Math.max(at[i] + 7 + SPAN, at[i + 49] + 7));
		}
	});

	it('requests under the budget never wait, however many', async () => {
		// 150 per minute against a budget of 200.
		const turns = await sendInTurn('key', 1_000, { gapMs: 400 });
		expect(times(turns)).toEqual(Array.from({ length: 1_000 }, (_, i) => i * 400));
	});

	it('queues concurrent callers on one key in the order they asked', async () => {
		const turns = await clock.run(
			Promise.all(
				[1, 2, 3, 4, 5].map(async () => {
					const turn = await acquireSlot('key', 2);
					answered('key', turn);
					return turn;
				}),
			),
		);
		expect(times(turns)).toEqual([0, 0, SPAN, SPAN, 2 * SPAN]);
	});

	it('keeps one budget per key (base URL + API key)', async () => {
		await sendInTurn('https://a key-1', 2, { budget: 2 });
		const others = await sendInTurn('https://a key-2', 2, { budget: 2 });
		const third = await sendInTurn('https://b key-1', 2, { budget: 2 });
		expect([...times(others), ...times(third)]).toEqual([0, 0, 0, 0]);
		expect((await sendInTurn('https://a key-1', 1, { budget: 2 }))[0].at).toBe(SPAN);
	});

	it('takes a new budget as soon as the credential changes', async () => {
		await sendInTurn('key', 100, { budget: 100 });
		const more = await sendInTurn('key', 50, { budget: 150 });
		expect(new Set(times(more))).toEqual(new Set([0]));
	});

	it('is off when the window is 0, but still honours a hold after a 429', async () => {
		configureTransport({ rateLimit: { requests: 200, windowMs: 0 } });
		const [turn] = await sendInTurn('key', 1);
		expect(rateLimited('key', turn, 3_000, true)).toBe(3_000);
		expect(times(await sendInTurn('key', 3))).toEqual([3_000, 3_000, 3_000]);
	});
});

describe('pacer: after a 429', () => {
	it('with room in its own count (others use the key, or Chaser objects to bursts): half the rate, evenly spaced', async () => {
		configureTransport({ rateLimitRecovery: 0 });
		const turns = await sendInTurn('key', 50, { gapMs: 10 });
		// Chaser says no at 500 ms, with 50 of this process's requests in the window and no Retry-After.
		expect(clock.now()).toBe(500);
		const waitMs = rateLimited('key', turns[49], undefined, true);
		// Wait until the window can have freed up: the oldest request this process sent (answered at 10) leaves it.
		expect(waitMs).toBe(10 + SPAN - 500);
		const after = times(await sendInTurn('key', 4));
		// 25 per window from now on (half the 50 it was sending), and evenly: one per window / 25.
		expect(after[0]).toBe(260 + SPAN);
		expect(after.slice(1).map((at, i) => at - after[i])).toEqual([SPAN / 25, SPAN / 25, SPAN / 25]);
	});

	it('spaces evenly for five windows, then sends what the window allows at once again', async () => {
		configureTransport({ rateLimitRecovery: 0 });
		const turns = await sendInTurn('key', 50, { gapMs: 10 });
		rateLimited('key', turns[49], undefined, true);
		await clock.run(clock.sleep(500 + 5 * WINDOW - clock.now()));
		expect(new Set(times(await sendInTurn('key', 25)))).toEqual(new Set([500 + 5 * WINDOW]));
	});

	it('over its own budget already (Chaser counts differently): half the rate, no even spacing', async () => {
		configureTransport({ rateLimitRecovery: 0 });
		const turns = await sendInTurn('key', 200);
		rateLimited('key', turns[199], undefined, true);
		// 100 per window: the first 100 may follow as the first 100 leave, at once.
		const after = times(await sendInTurn('key', 100));
		expect(new Set(after)).toEqual(new Set([SPAN]));
	});

	it('climbs back by 5% of the budget per window', async () => {
		configureTransport({ evenSpacingWindows: 0 });
		const turns = await sendInTurn('key', 100);
		rateLimited('key', turns[99], undefined, true);
		// Cut to 50 at 0; when the window has freed up (60.6 s) 60, fifteen windows later the full 200 again.
		await clock.run(clock.sleep(SPAN));
		const climbing = times(await sendInTurn('key', 61));
		expect(new Set(climbing.slice(0, 60))).toEqual(new Set([SPAN]));
		expect(climbing[60]).toBe(2 * SPAN);
		await clock.run(clock.sleep(15 * WINDOW - clock.now()));
		expect(new Set(times(await sendInTurn('key', 200)))).toEqual(new Set([15 * WINDOW]));
	});

	it('cuts once per overload: the requests already on their way meet the same 429', async () => {
		configureTransport({ rateLimitRecovery: 0, evenSpacingWindows: 0 });
		const turns = await sendInTurn('key', 100);
		for (const turn of turns.slice(95)) rateLimited('key', turn, undefined, true);
		// 50 per window, not 50 / 2^5.
		await clock.run(clock.sleep(SPAN));
		expect(new Set(times(await sendInTurn('key', 50)))).toEqual(new Set([SPAN]));
		// A 429 to a request planned after the cut is news again: half of the one it was sending, but not below
		// 10% of the budget (20).
		const [late] = await sendInTurn('key', 1);
		expect(late.at).toBe(2 * SPAN);
		rateLimited('key', late, undefined, true);
		await clock.run(clock.sleep(3 * SPAN - clock.now()));
		const after = times(await sendInTurn('key', 21));
		expect(new Set(after.slice(0, 20))).toEqual(new Set([3 * SPAN]));
		expect(after[20]).toBe(4 * SPAN);
	});

	it('never cuts below 10% of the budget', async () => {
		configureTransport({ rateLimitRecovery: 0, evenSpacingWindows: 0 });
		const [turn] = await sendInTurn('key', 1);
		rateLimited('key', turn, undefined, true);
		await clock.run(clock.sleep(SPAN));
		expect(new Set(times(await sendInTurn('key', 20)))).toEqual(new Set([SPAN]));
	});

	it("waits Chaser's Retry-After when it sends one, and at least the minimum", async () => {
		const turns = await sendInTurn('key', 10);
		expect(rateLimited('key', turns[9], 5_000, true)).toBe(5_000);
		expect(rateLimited('key', turns[9], 0, true)).toBe(1_000);
		expect((await sendInTurn('key', 1))[0].at).toBe(5_000);
	});

	it('with none of its own requests in the window, waits a whole window', async () => {
		const [turn] = await sendInTurn('key', 1);
		await clock.run(clock.sleep(2 * SPAN));
		expect(rateLimited('key', turn, undefined, true)).toBe(WINDOW);
	});

	it('an endpoint with its own limit waits alone: no cut, no hold on the key', async () => {
		const turns = await sendInTurn('key', 10);
		expect(rateLimited('key', turns[9], 30_000, false)).toBe(30_000);
		expect(new Set(times(await sendInTurn('key', 190)))).toEqual(new Set([0]));
	});

	it('a request that waited through a cut plans its turn again at the lower rate', async () => {
		const settled = await clock.run(
			(async () => {
				const first: Turn[] = [];
				for (const at of [0, 10_000, 20_000, 30_000]) {
					await clock.sleep(at - clock.now());
					const turn = await acquireSlot('key', 4);
					answered('key', turn);
					first.push(turn);
				}
				// The fifth waits for the first to leave the window (60,600)...
				const fifth = acquireSlot('key', 4);
				// ...and meanwhile Chaser answers 429 to the fourth: the rate drops to 2 per window.
				await clock.sleep(100);
				rateLimited('key', first[3], undefined, true);
				return await fifth;
			})(),
		);
		// Only two may be in any window now: it goes when the third has left.
		expect(settled.at).toBe(20_000 + SPAN);
	});
});

describe('keyBudget: the credential\'s "Requests per Minute"', () => {
	it.each([
		[150, 150],
		['100', 100],
		[99.7, 99],
		[undefined, 200],
		[null, 200],
		['', 200],
		[0, 200],
		[-5, 200],
		['many', 200],
	])('%p → %p', (value, budget) => {
		expect(keyBudget(value)).toBe(budget);
	});
});
