import { DateTime } from 'luxon';

import { addDays, calendarDate, dateInTimeZone, daysBetween } from '../../core/dates';

describe('calendarDate', () => {
	it.each([
		['a date', '2026-11-26'],
		["the editor's date picker (date and time, no zone)", '2026-11-26T09:30:00'],
		['a date and time with a space', '2026-11-26 23:59:59'],
		['a date and time to the minute', '2026-11-26T00:00'],
		['a non-UTC offset (what $today becomes in an item, in Sydney)', '2026-11-26T00:00:00.000+11:00'],
		['a negative offset late in the day', '2026-11-26T23:30:00-05:00'],
		['an offset without a colon', '2026-11-26T00:00:00+1100'],
		['midnight UTC (how Chaser and HubSpot write a plain date)', '2026-11-26T00:00:00.000Z'],
		['midnight at +00:00', '2026-11-26T00:00:00+00:00'],
		['text around it', '  2026-11-26  '],
	])('keeps the date as written: %s', (_what, value) => {
		expect(calendarDate(value, 'Australia/Sydney')).toBe('2026-11-26');
		expect(calendarDate(value, 'America/New_York')).toBe('2026-11-26');
	});

	it.each([
		// 13:00 UTC on 25 November is midnight on the 26th in Sydney, 08:00 on the 25th in New York.
		['2026-11-25T13:00:00.000Z', 'Australia/Sydney', '2026-11-26'],
		['2026-11-25T13:00:00.000Z', 'America/New_York', '2026-11-25'],
		['2026-11-25T13:00:00.000Z', 'UTC', '2026-11-25'],
		['2026-11-26T03:00:00Z', 'America/New_York', '2026-11-25'],
		['2026-11-26T00:00:00.001Z', 'America/New_York', '2026-11-25'],
		['2026-11-26T12:00:00-00:00', 'Pacific/Kiritimati', '2026-11-27'],
	])('reads a UTC instant that is not midnight in the time zone: %s in %s', (value, timeZone, date) => {
		expect(calendarDate(value, timeZone)).toBe(date);
	});

	it('reads a JS Date the same way: midnight UTC as that date, any other instant in the time zone', () => {
		expect(calendarDate(new Date('2026-11-26T00:00:00Z'), 'America/New_York')).toBe('2026-11-26');
		expect(calendarDate(new Date('2026-11-25T13:00:00Z'), 'Australia/Sydney')).toBe('2026-11-26');
		expect(calendarDate(new Date('2026-11-25T13:00:00Z'), 'America/New_York')).toBe('2026-11-25');
		expect(calendarDate(new Date('not a date'), 'UTC')).toBeUndefined();
	});

	it('reads a Luxon DateTime (as n8n expressions return it) as its own date, in its own zone', () => {
		const luxonLike = (isoDate: string | null, isValid = true) => ({ isValid, toISODate: () => isoDate });
		expect(calendarDate(luxonLike('2026-11-26'), 'America/New_York')).toBe('2026-11-26');
		expect(calendarDate(luxonLike(null, false), 'UTC')).toBeUndefined();
	});

	it.each([
		['30 February', '2026-02-30'],
		['31 April', '2026-04-31T10:00:00Z'],
		['24:00', '2026-03-31T24:00:00Z'],
		['month 13', '2026-13-01'],
		['a day-first date', '26/11/2026'],
		['a word', 'tomorrow'],
		['a date with something after it', '2026-11-26T10:00:00Z and more'],
		['an empty string', ''],
		['a number', 1764115200000],
		['true', true],
		['an object', { date: '2026-11-26' }],
		['nothing', undefined],
	])('is undefined for what is not a date: %s', (_what, value) => {
		expect(calendarDate(value, 'UTC')).toBeUndefined();
	});

	it('knows leap days', () => {
		expect(calendarDate('2024-02-29', 'UTC')).toBe('2024-02-29');
		expect(calendarDate('2025-02-29', 'UTC')).toBeUndefined();
	});
});

describe('calendarDate with real Luxon DateTimes', () => {
	it("reads one in its own zone, whatever the workflow's", () => {
		const evening = DateTime.fromISO('2026-03-10T22:00:00', { zone: 'America/New_York' });
		expect(calendarDate(evening, 'Asia/Tokyo')).toBe('2026-03-10');
		expect(calendarDate(DateTime.fromISO('2026-02-30'), 'UTC')).toBeUndefined();
	});
});

describe('calendar arithmetic', () => {
	it('dateInTimeZone gives the day an instant falls on where the workflow runs', () => {
		const instant = new Date('2026-03-10T11:30:00Z');
		expect(dateInTimeZone(instant, 'UTC')).toBe('2026-03-10');
		expect(dateInTimeZone(instant, 'Pacific/Kiritimati')).toBe('2026-03-11');
		expect(dateInTimeZone(instant, 'Pacific/Pago_Pago')).toBe('2026-03-10');
	});

	it('addDays and daysBetween cross months, leap days and clock changes', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-01-05', -10)).toBe('2025-12-26');
		expect(daysBetween('2026-02-20', '2026-03-10')).toBe(18);
		expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
	});
});
