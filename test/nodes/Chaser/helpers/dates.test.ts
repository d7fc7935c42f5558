import { DateTime } from 'luxon';

import { addDays, calendarDate, dateInTimeZone, daysBetween } from '../../../../nodes/Chaser/helpers/dates';

describe('calendarDate: the day a date value means', () => {
	it.each([
		['a date-only string', '2026-03-10', 'Pacific/Auckland', '2026-03-10'],
		['a date-time without a zone', '2026-03-10T23:30:00', 'Pacific/Auckland', '2026-03-10'],
		['a date-time without a zone, space-separated', '2026-03-10 23:30', 'America/Los_Angeles', '2026-03-10'],
		['a date-time with a non-UTC offset: the sender’s day', '2026-03-10T23:30:00-08:00', 'Europe/London', '2026-03-10'],
		['a date-time with an offset ahead of UTC', '2026-03-11T00:30:00+13:00', 'America/New_York', '2026-03-11'],
		['midnight UTC (how Chaser stores dates)', '2026-03-10T00:00:00.000Z', 'America/Los_Angeles', '2026-03-10'],
		['midnight written +00:00', '2026-03-10T00:00:00+00:00', 'Pacific/Auckland', '2026-03-10'],
		['a UTC instant that is not midnight: its day in the time zone', '2026-03-10T12:00:00Z', 'Pacific/Auckland', '2026-03-11'],
		['a UTC instant late in the day, west of UTC', '2026-03-10T03:00:00.000Z', 'America/Los_Angeles', '2026-03-09'],
		['a UTC instant, UTC workflow', '2026-03-10T23:59:59Z', 'UTC', '2026-03-10'],
		['surrounding blanks', '  2026-03-10  ', 'UTC', '2026-03-10'],
	])('%s', (_, value, timeZone, expected) => {
		expect(calendarDate(value, timeZone)).toBe(expected);
	});

	it('reads a JS Date as a UTC instant', () => {
		expect(calendarDate(new Date('2026-03-10T00:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-10');
		expect(calendarDate(new Date('2026-03-10T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-03-11');
	});

	it("reads a Luxon DateTime in its own zone, whatever the workflow's", () => {
		const evening = DateTime.fromISO('2026-03-10T22:00:00', { zone: 'America/New_York' });
		expect(calendarDate(evening, 'Asia/Tokyo')).toBe('2026-03-10');
		expect(calendarDate(DateTime.fromISO('2026-02-30'), 'UTC')).toBeUndefined();
	});

	it.each([
		['a date that does not exist', '2026-02-30'],
		['a time that does not exist', '2026-03-10T24:00:00Z'],
		['a month that does not exist', '2026-13-01'],
		['text', 'next Tuesday'],
		['a blank', ''],
		['a number', 20260310],
		['nothing', undefined],
		['null', null],
		['an invalid Date', new Date('nope')],
	])('is undefined for %s', (_, value) => {
		expect(calendarDate(value, 'UTC')).toBeUndefined();
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
