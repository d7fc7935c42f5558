import type { IDataObject } from 'n8n-workflow';

import { addDays } from '../../core/dates';
import type { TriggerSettings } from './settings';
import { settingsKey } from './settings';

/**
 * The calendar dates a poll reads, inclusive: records whose date is on or after `from` and, when `to`
 * is set, on or before `to`.
 */
export interface DateWindow {
	from?: string;
	to?: string;
}

/**
 * What the trigger keeps in the workflow's static data between polls: the day of the last poll, and the
 * records already reported (or already there at activation) that a later poll can still read, by their
 * own ID, with the date that keeps them in reach.
 */
export interface PollPosition {
	day: string;
	seen: Record<string, string>;
}

/**
 * The position saved for these settings; none on the first poll after activation, or after the event or
 * its options changed (the position was read for other records, so the trigger starts again from now).
 */
export function savedPosition(staticData: IDataObject, settings: TriggerSettings): PollPosition | undefined {
	const { settings: key, day, seen } = staticData;
	if (key !== settingsKey(settings) || typeof day !== 'string' || typeof seen !== 'object' || seen === null) {
		return undefined;
	}
	return { day, seen: seen as Record<string, string> };
}

/** Stores the new position. Whole values are assigned, so that n8n notices the change and saves it. */
export function savePosition(staticData: IDataObject, settings: TriggerSettings, position: PollPosition): void {
	staticData.settings = settingsKey(settings);
	staticData.day = position.day;
	staticData.seen = position.seen;
}

/**
 * The last due date an invoice can have and count as overdue on `day`: with Days Overdue 0, any due
 * date before `day`; with 7, a due date more than 7 days before it.
 */
export function overdueThreshold(day: string, daysOverdue: number): string {
	return addDays(day, -(daysOverdue + 1));
}

/**
 * The window a poll on `today` reads when the previous poll ran on `lastDay`: from the last poll's day,
 * less the look-back, onwards. For Invoice Overdue it is over due dates, up to the latest one that counts
 * as overdue today.
 */
export function pollWindow(settings: TriggerSettings, lastDay: string, today: string): DateWindow {
	if (settings.event.name !== 'invoiceOverdue') return { from: addDays(lastDay, -settings.lookBackDays) };
	return {
		from: addDays(overdueThreshold(lastDay, settings.daysOverdue), -settings.lookBackDays),
		to: overdueThreshold(today, settings.daysOverdue),
	};
}

/** The windows "Fetch Test Event" tries in turn until one holds a record: their widths in days, the narrowest first. */
export const SAMPLE_WINDOW_DAYS = [1, 7, 31, 366, undefined] as const;

/** A window of `days` days up to today (for Invoice Overdue, up to the latest due date that counts); all time when undefined. */
export function sampleWindow(settings: TriggerSettings, today: string, days: number | undefined): DateWindow {
	const overdue = settings.event.name === 'invoiceOverdue';
	const latest = overdue ? overdueThreshold(today, settings.daysOverdue) : today;
	return { from: days === undefined ? undefined : addDays(latest, -days), to: overdue ? latest : undefined };
}

/** Whether a calendar date lies in `window` (`YYYY-MM-DD` dates compare as text). */
export function inWindow(day: string, window: DateWindow): boolean {
	return (window.from === undefined || day >= window.from) && (window.to === undefined || day <= window.to);
}
