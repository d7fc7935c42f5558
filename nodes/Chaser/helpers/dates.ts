/**
 * The calendar-date rule: which day a date value means. Chaser's dates are calendar dates, stored as
 * midnight UTC; values reaching the node come as plain dates, date-times with or without a zone,
 * Luxon DateTimes and JS Dates, and the day they mean must not shift with the server's time zone.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const UTC_ZONE = /^(Z|[+-]00:?00)$/i;
const DAY_MS = 86_400_000;

/**
 * The `YYYY-MM-DD` calendar date `value` means, or undefined if it is not a date:
 * - a date-only string, or a date-time without a zone: the date as written;
 * - a date-time with an explicit non-UTC offset: the date as written (the sender's own day);
 * - a Luxon DateTime: its date in its own zone;
 * - a UTC instant (a JS Date, or a string ending Z or +00:00): that date when it is exactly midnight UTC
 *   (how Chaser stores calendar dates), otherwise its date in `timeZone` (the workflow's time zone).
 */
export function calendarDate(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return instantDate(value, timeZone);
	if (isLuxonDateTime(value)) return value.isValid ? (value.toISODate() ?? undefined) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const dateOnly = DATE_ONLY.exec(text);
	if (dateOnly) return existing(dateOnly[1], dateOnly[2], dateOnly[3]);
	const dateTime = DATE_TIME.exec(text);
	if (!dateTime) return undefined;
	const [, year, month, day, hour, minute, second = '00', zone] = dateTime;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
	const written = existing(year, month, day);
	if (!written || !zone || !UTC_ZONE.test(zone)) return written;
	return instantDate(new Date(text.replace(' ', 'T')), timeZone);
}

/** The calendar date of an instant in `timeZone`, e.g. today's date where the workflow runs. */
export function dateInTimeZone(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
		.formatToParts(instant)
		.reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The calendar date `days` days after (or, when negative, before) `date`; both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from calendar date `from` to calendar date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

function instantDate(instant: Date, timeZone: string): string | undefined {
	if (Number.isNaN(instant.getTime())) return undefined;
	const iso = instant.toISOString();
	if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
	return dateInTimeZone(instant, timeZone);
}

/** The date as written, if it exists: 30 February does not. */
function existing(year: string, month: string, day: string): string | undefined {
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
	return valid ? `${year}-${month}-${day}` : undefined;
}

function isLuxonDateTime(value: unknown): value is { isValid: boolean; toISODate: () => string | null } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function' &&
		'isValid' in value
	);
}
