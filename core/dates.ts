/**
 * Chaser's invoice, due, fully-paid, payment, credit-note and overpayment dates are calendar dates: the
 * node sends the date the user means as midnight UTC of that date. This file decides which date is meant,
 * whatever form the value arrives in. The rule (also in the README, "Inputs and outputs"):
 *
 * - a date (`2026-11-26`), or a date and time without a zone (`2026-11-26T09:30`, what the editor's date
 *   picker gives): that date, as written;
 * - a date and time with a non-UTC offset (`2026-11-26T00:00:00.000+11:00`, what `$today` becomes once it
 *   has passed through an item or a collection field): that date, as written;
 * - a Luxon DateTime from an expression (`$today`, `$now.plus(30, 'days')`): its date in its own zone, the
 *   date the expression preview shows;
 * - a UTC instant (a JS Date, or a string ending in `Z` or `+00:00`): at exactly midnight UTC, that date (how
 *   Chaser itself, HubSpot and many other systems write a plain date, so those round-trip unchanged); at any
 *   other time, its date in the workflow's time zone.
 */

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The calendar date (`YYYY-MM-DD`) the user means by `value`, read in `timeZone` where the value is an
 * instant (see above); undefined when `value` is not a date, or names one that does not exist (30 February,
 * 24:00).
 */
export function calendarDate(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return instantDate(value, timeZone);
	if (isDateTimeLike(value)) return value.isValid === false ? undefined : isoDate(value.toISODate());
	if (typeof value !== 'string') return undefined;

	const match = DATE_TIME.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
	if (!exists(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) return undefined;
	const written = `${year}-${month}-${day}`;
	if (zone === undefined || !isUtc(zone)) return written;
	const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
	const instant = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds);
	return instantDate(new Date(instant), timeZone);
}

/** A Luxon DateTime as n8n's expressions return it (duck-typed: the node does not depend on Luxon). */
function isDateTimeLike(value: unknown): value is { toISODate: () => string | null; isValid?: boolean } {
	return typeof value === 'object' && value !== null && typeof (value as { toISODate?: unknown }).toISODate === 'function';
}

function isUtc(zone: string): boolean {
	return /^(z|[+-]00(:?00)?)$/i.test(zone);
}

function instantDate(date: Date, timeZone: string): string | undefined {
	if (Number.isNaN(date.getTime())) return undefined;
	const utcMidnight =
		date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
	return isoDate(utcMidnight ? date.toISOString().slice(0, 10) : dateInTimeZone(date, timeZone));
}

/** The calendar date of an instant in `timeZone`, e.g. today's date where the workflow runs. */
export function dateInTimeZone(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
	return `${parts.year}-${parts.month}-${parts.day}`;
}

const DAY_MS = 86_400_000;

/** The calendar date `days` days after (or, when negative, before) `date`; both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to calendar date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formatters.set(timeZone, format);
	}
	return format;
}

/** Only four-digit years: Chaser's dates are `YYYY-MM-DD…`. */
function isoDate(text: string | null): string | undefined {
	return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}

/** `Date` would roll 30 February into 1 March and 24:00 into the next day, sending a date nobody wrote. */
function exists(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}
