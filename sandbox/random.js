// @ts-check
'use strict';

/** Small seeded PRNG so ids and demo data are the same on every run. */

/** @param {number} seed @returns {() => number} uniform in [0, 1) */
function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Convenience helpers over a PRNG. */
class Random {
	/** @param {number} seed */
	constructor(seed) {
		this.next = mulberry32(seed);
	}
	/** @param {number} min @param {number} max inclusive */
	int(min, max) {
		return min + Math.floor(this.next() * (max - min + 1));
	}
	/** @template T @param {readonly T[]} list @returns {T} */
	pick(list) {
		return list[Math.floor(this.next() * list.length)];
	}
	/** @param {number} p */
	chance(p) {
		return this.next() < p;
	}
	/** Money with 2 decimals in [min, max]. */
	/** @param {number} min @param {number} max */
	amount(min, max) {
		return Math.round((min + this.next() * (max - min)) * 100) / 100;
	}
}

/** Hash a string to [0, 1) (FNV-1a): stable made-up values per record, without a PRNG. */
/** @param {string} s @param {number} salt */
function hashUnit(s, salt) {
	let h = 2166136261 ^ salt;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return (h >>> 0) / 4294967296;
}

module.exports = { mulberry32, Random, hashUnit };
