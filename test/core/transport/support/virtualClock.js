'use strict';
/**
 * Virtual time for pacing tests: `sleep(ms)` resolves only when `run()` moves the clock to its wake-up, so hours of
 * rate limiting take milliseconds and every wait is exact. Plain JavaScript because it needs setImmediate, which the
 * lint forbids in TypeScript tests.
 */
function virtualClock(start = 0) {
	let now = start;
	let order = 0;
	/** @type {Array<{ at: number, order: number, wake: () => void }>} */
	const timers = [];
	const settle = () => new Promise((resolve) => setImmediate(resolve));
	return {
		now: () => now,
		/** @param {number} ms */
		sleep: (ms) =>
			new Promise((resolve) => {
				timers.push({ at: now + Math.max(0, ms), order: order++, wake: () => resolve(undefined) });
			}),
		/**
		 * Lets everything that is ready run, then jumps to the next wake-up, until `work` settles.
		 * @template T @param {Promise<T>} work @returns {Promise<T>}
		 */
		async run(work) {
			let settled = false;
			work.then(
				() => (settled = true),
				() => (settled = true),
			);
			for (let steps = 0; ; steps++) {
				await settle();
				if (settled) return await work;
				if (timers.length === 0) throw new Error('virtual clock: nothing left to wake, but the work is not done');
				if (steps > 1_000_000) throw new Error('virtual clock: a million wake-ups and the work is not done');
				timers.sort((a, b) => a.at - b.at || a.order - b.order);
				const next = /** @type {{ at: number, wake: () => void }} */ (timers.shift());
				now = Math.max(now, next.at);
				next.wake();
			}
		},
	};
}

module.exports = { virtualClock };
