'use strict';
/**
 * A simulated wall clock for the whole process, for the trigger part: while installed, `Date.now()`, `new Date()`
 * and `Date()` read real time shifted by an offset, so that code deciding "today" from the current time (the
 * Chaser Trigger does, in the workflow's time zone) runs at a simulated instant without being changed. Real time
 * keeps flowing from the instant set (durations measured with Date stay true), timers are untouched, and
 * `new Date(x)`, `Date.parse`, `Date.UTC` and `instanceof Date` behave as usual (the global becomes a Proxy of
 * the real Date). The same idea as jest's modern fake timers with only Date faked, which the trigger's own tests
 * use, without jest.
 */
const RealDate = Date;
let offset = 0;
let installed = false;

const now = () => RealDate.now() + offset;

const SimulatedDate = new Proxy(RealDate, {
	construct(target, args, newTarget) {
		return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
	},
	apply() {
		return new RealDate(now()).toString();
	},
	get(target, property) {
		return property === 'now' ? now : Reflect.get(target, property, target);
	},
});

const clock = {
	/** Replaces the global Date; from now on the clock reads `instant` (ms since the epoch) and runs on from there. */
	install(instant) {
		if (installed) throw new Error('the simulated clock is already installed');
		offset = instant - RealDate.now();
		globalThis.Date = SimulatedDate;
		installed = true;
	},
	/**
	 * Moves the clock on to `instant`. Never backwards, since code may have kept earlier readings: if real time
	 * spent since the last move has already carried the clock past `instant`, it stays where it is.
	 */
	advanceTo(instant) {
		if (!installed) throw new Error('clock.advanceTo before clock.install');
		if (instant > now()) offset = instant - RealDate.now();
	},
	now,
	/** The real Date again. */
	restore() {
		globalThis.Date = RealDate;
		offset = 0;
		installed = false;
	},
};

module.exports = { clock, RealDate };
