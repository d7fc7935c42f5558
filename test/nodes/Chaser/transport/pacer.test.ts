import { acquireSlot, holdUntil, resetPacing, slotIntervalMs } from '../../../../nodes/Chaser/transport/pacer';
import { configureTransport, resetTransportSettings } from '../../../../nodes/Chaser/transport';

/** A clock that only moves when the pacer sleeps, and a log of the sleeps. */
function fakeClock(start = 1_000_000) {
	const clock = { now: start, slept: [] as number[] };
	configureTransport({
		now: () => clock.now,
		sleep: async (ms: number) => {
			clock.slept.push(ms);
			clock.now += ms;
		},
	});
	return clock;
}

beforeEach(() => resetPacing());
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

describe('pacer', () => {
	it("spaces Chaser's 200 per minute evenly, 1% apart for jitter", () => {
		configureTransport({ rateLimit: { requests: 200, windowMs: 60_000 } });
		expect(slotIntervalMs()).toBeCloseTo(303, 6);
	});

	it('is off when the limit is 0', () => {
		configureTransport({ rateLimit: { requests: 0, windowMs: 0 } });
		expect(slotIntervalMs()).toBe(0);
	});

	it('lets the first request go at once and spaces the next ones one slot apart', async () => {
		configureTransport({ rateLimit: { requests: 200, windowMs: 60_000 } });
		const clock = fakeClock();
		const sentAt: number[] = [];
		for (let i = 0; i < 5; i++) {
			await acquireSlot('key');
			sentAt.push(clock.now);
		}
		expect(clock.slept).toEqual([303, 303, 303, 303].map((ms) => expect.closeTo(ms, 6)));
		expect(sentAt.map((t) => t - sentAt[0])).toEqual([0, 303, 606, 909, 1212].map((ms) => expect.closeTo(ms, 6)));
	});

	it('never lets more than the limit into any window (checked over 1,000 slots)', async () => {
		const limit = { requests: 20, windowMs: 1_000 };
		configureTransport({ rateLimit: limit });
		const clock = fakeClock();
		const sentAt: number[] = [];
		for (let i = 0; i < 1_000; i++) {
			await acquireSlot('key');
			sentAt.push(clock.now);
		}
		// Request i and request i + limit must be more than a window apart.
		for (let i = 0; i + limit.requests < sentAt.length; i++) {
			expect(sentAt[i + limit.requests] - sentAt[i]).toBeGreaterThan(limit.windowMs);
		}
		// ...and not much more: the pacer runs at 99% of the limit.
		expect(sentAt[sentAt.length - 1] - sentAt[0]).toBeCloseTo((999 * limit.windowMs * 1.01) / limit.requests, 3);
	});

	it('queues concurrent callers on one key into successive slots', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const slept: number[] = [];
		configureTransport({ now: () => 0, sleep: async (ms: number) => void slept.push(ms) });
		await Promise.all([acquireSlot('key'), acquireSlot('key'), acquireSlot('key'), acquireSlot('key')]);
		expect(slept).toEqual([101, 202, 303].map((ms) => expect.closeTo(ms, 6)));
	});

	it('keeps one budget per key (base URL + API key)', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const slept: number[] = [];
		configureTransport({ now: () => 0, sleep: async (ms: number) => void slept.push(ms) });
		await acquireSlot('https://a key-1');
		await acquireSlot('https://a key-2');
		await acquireSlot('https://b key-1');
		expect(slept).toEqual([]);
		await acquireSlot('https://a key-1');
		expect(slept).toEqual([expect.closeTo(101, 6)]);
	});

	it('does not save up unused slots: after a pause requests are spaced again', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const clock = fakeClock();
		await acquireSlot('key');
		clock.now += 60_000;
		await acquireSlot('key');
		await acquireSlot('key');
		expect(clock.slept).toEqual([expect.closeTo(101, 6)]);
	});

	it('holds the key after a 429 until the time the server gave, then paces from there', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const clock = fakeClock(0);
		await acquireSlot('key');
		holdUntil('key', 5_000);
		await acquireSlot('key');
		expect(clock.now).toBe(5_000);
		await acquireSlot('key');
		expect(clock.slept).toEqual([5_000, expect.closeTo(101, 6)]);
	});

	it('a hold earlier than the next slot changes nothing', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const clock = fakeClock(0);
		await acquireSlot('key');
		holdUntil('key', 50);
		await acquireSlot('key');
		expect(clock.slept).toEqual([expect.closeTo(101, 6)]);
	});

	it('honours a hold even with pacing off, and then stops waiting', async () => {
		configureTransport({ rateLimit: { requests: 0, windowMs: 0 } });
		const clock = fakeClock(0);
		await acquireSlot('key');
		holdUntil('key', 3_000);
		await acquireSlot('key');
		await acquireSlot('key');
		await acquireSlot('key');
		expect(clock.slept).toEqual([3_000]);
	});

	it('resetPacing forgets every reservation and hold', async () => {
		configureTransport({ rateLimit: { requests: 10, windowMs: 1_000 } });
		const clock = fakeClock(0);
		await acquireSlot('key');
		holdUntil('other', 10_000);
		resetPacing();
		await acquireSlot('key');
		await acquireSlot('other');
		expect(clock.slept).toEqual([]);
	});
});
