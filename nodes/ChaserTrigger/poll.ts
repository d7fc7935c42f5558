import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarDate, dateInTimeZone, daysBetween } from '../../core/dates';
import { displayMoney } from '../../core/money';
import { pick } from '../../core/simplify';
import type { FilterOperator } from '../../core/transport';
import { chaserPaginate, filterQuery } from '../../core/transport';
import type { TriggerSettings } from './settings';
import { readSettings } from './settings';
import type { DateWindow } from './state';
import { inWindow, overdueThreshold, pollWindow, SAMPLE_WINDOW_DAYS, sampleWindow, savedPosition, savePosition } from './state';

/** Remembered IDs checked per request when records drop out of a poll's results. */
const CONFIRM_BATCH = 50;

/** Polls running now, by workflow and node: one that starts while the previous one still runs returns nothing. */
const running = new Set<string>();

/**
 * The poll contexts that have polled. n8n runs the first poll when the workflow is activated and the later ones
 * with the same context; after a restart or an edit it activates again with another activation mode.
 */
const polled = new WeakSet<IPollFunctions>();

/**
 * One poll: the records that started to match since the last poll, one item each. The first poll
 * after the workflow is activated only notes what already matches (also when an earlier activation left a
 * position: a workflow switched off for a month does not replay that month); after a restart of n8n or an
 * edit of the active workflow the trigger carries on from its saved position. "Fetch Test Event" returns
 * the latest matching record and leaves the saved position alone. A poll that fails changes nothing, so
 * the next one reads the same records again.
 */
export async function pollChaser(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const today = dateInTimeZone(new Date(), settings.timeZone);
	if (this.getMode() === 'manual') {
		const latest = await latestRecord(this, settings, today);
		if (!latest) throw nothingToFetch(this, settings, today);
		return [this.helpers.returnJsonArray([toItem(latest, settings, today, simplify)])];
	}

	const pollKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (running.has(pollKey)) return null;
	running.add(pollKey);
	try {
		const activated = this.getActivationMode() === 'activate' && !polled.has(this);
		const fresh = await advance(this, settings, today, activated);
		polled.add(this);
		return fresh.length > 0
			? [this.helpers.returnJsonArray(fresh.map((record) => toItem(record, settings, today, simplify)))]
			: null;
	} finally {
		running.delete(pollKey);
	}
}

/**
 * Reads the window since the saved position, saves the new position, and returns the records not reported yet.
 * Without a saved position (`activated`, or none for these settings) it only notes what already matches.
 */
async function advance(
	context: IPollFunctions,
	settings: TriggerSettings,
	today: string,
	activated: boolean,
): Promise<IDataObject[]> {
	const staticData = context.getWorkflowStaticData('node');
	const saved = activated ? undefined : savedPosition(staticData, settings);
	const lastDay = saved && saved.day < today ? saved.day : today;
	const window = pollWindow(settings, lastDay, today);
	const present = byKey(await readWindow(context, settings, window), settings);

	const seen: Record<string, string> = {};
	const fresh: IDataObject[] = [];
	for (const [key, record] of present) {
		seen[key] = recordDay(record, settings) ?? today;
		if (saved && !(key in saved.seen)) fresh.push(record);
	}
	if (saved) {
		const absent = Object.keys(saved.seen).filter((key) => !present.has(key));
		// A record that dropped out may have stopped matching, or only slipped between two pages while the list
		// changed: ask for it by ID before forgetting it, or it would fire a second time.
		const dropped = settings.event.firesAgain ? absent.filter((key) => inWindow(saved.seen[key], window)) : [];
		const stillMatching = await confirm(context, settings, window, dropped);
		const forgotten = new Set(dropped.filter((key) => !stillMatching.has(key)));
		for (const key of absent) if (!forgotten.has(key)) seen[key] = saved.seen[key];
	}
	// What the next poll cannot read any more need not be remembered.
	const reach = { from: pollWindow(settings, today, today).from };
	savePosition(staticData, settings, {
		day: today,
		seen: Object.fromEntries(Object.entries(seen).filter(([, day]) => inWindow(day, reach))),
	});
	return fresh.sort((a, b) => (recordDay(a, settings) ?? '').localeCompare(recordDay(b, settings) ?? ''));
}

/** Every record in the window, all pages. */
async function readWindow(context: IPollFunctions, settings: TriggerSettings, window: DateWindow): Promise<IDataObject[]> {
	return await chaserPaginate(context, settings.event.path, filterQuery(conditions(settings, window)));
}

/** Which of `keys` still match: one request per batch of IDs, with the poll's own filters. */
async function confirm(
	context: IPollFunctions,
	settings: TriggerSettings,
	window: DateWindow,
	keys: string[],
): Promise<Set<string>> {
	const matching = new Set<string>();
	for (let start = 0; start < keys.length; start += CONFIRM_BATCH) {
		const batch = keys.slice(start, start + CONFIRM_BATCH);
		const qs = filterQuery([...conditions(settings, window), { field: settings.event.key, operator: 'in', value: batch }]);
		for (const key of byKey(await chaserPaginate(context, settings.event.path, qs), settings).keys()) matching.add(key);
	}
	return matching;
}

/** The most recent matching record, for "Fetch Test Event": the narrowest window that holds one, one page of it. */
async function latestRecord(
	context: IPollFunctions,
	settings: TriggerSettings,
	today: string,
): Promise<IDataObject | undefined> {
	for (const days of SAMPLE_WINDOW_DAYS) {
		const qs = filterQuery(conditions(settings, sampleWindow(settings, today, days)));
		const records = await chaserPaginate(context, settings.event.path, qs, { max: 100 });
		if (records.length > 0) {
			return records.reduce((latest, record) =>
				(recordDay(record, settings) ?? '') > (recordDay(latest, settings) ?? '') ? record : latest,
			);
		}
	}
	return undefined;
}

/** The list filters of an event and the user's options, over `window`. */
function conditions(
	settings: TriggerSettings,
	window: DateWindow,
): Array<{ field: string; operator: FilterOperator; value: unknown }> {
	const { event, minimumAmount } = settings;
	const amount =
		event.name === 'invoiceOverdue' && !minimumAmount
			? { field: event.amountField, operator: 'gt' as const, value: 0 }
			: { field: event.amountField, operator: 'gte' as const, value: minimumAmount };
	return [
		{ field: 'status', operator: 'in', value: event.statuses },
		// Chaser's dates are calendar dates at midnight UTC; the upper bound takes in that whole day.
		{ field: event.dateField, operator: 'gte', value: window.from && `${window.from}T00:00:00.000Z` },
		{ field: event.dateField, operator: 'lte', value: window.to && `${window.to}T23:59:59.999Z` },
		amount,
		{ field: 'customer_external_id', operator: 'eq', value: settings.customerExternalId },
		{ field: 'currency_code', operator: 'eq', value: settings.currencyCode },
	];
}

/** Records by their own ID (a record read twice while pages shift counts once). */
function byKey(records: IDataObject[], settings: TriggerSettings): Map<string, IDataObject> {
	const keyed = new Map<string, IDataObject>();
	for (const record of records) {
		const key = record[settings.event.key];
		if (key !== undefined && key !== null) keyed.set(String(key), record);
	}
	return keyed;
}

function recordDay(record: IDataObject, settings: TriggerSettings): string | undefined {
	return calendarDate(record[settings.event.dateField], settings.timeZone);
}

/** The output item: the event's name, then the record (its summary fields with Simplify). */
function toItem(record: IDataObject, settings: TriggerSettings, today: string, simplify: boolean): IDataObject {
	const { event } = settings;
	const item: IDataObject = { event: event.name };
	const dueDay = event.name === 'invoiceOverdue' ? recordDay(record, settings) : undefined;
	if (dueDay) item.days_overdue = daysBetween(dueDay, today);
	return { ...item, ...(simplify ? pick(record, event.summaryFields) : record) };
}

/**
 * "Fetch Test Event" found nothing: what was searched, in the editor's words, and what to change. Without it n8n
 * would say "No Chaser data found … Please create one in Chaser", as if Chaser were empty.
 */
export function nothingToFetch(context: IPollFunctions, settings: TriggerSettings, today: string): NodeOperationError {
	const { event, daysOverdue, customerExternalId, currencyCode, minimumAmount } = settings;
	const { noun } = event;
	const searched = [event.displayName];
	if (event.name === 'invoiceOverdue') {
		searched.push(daysOverdue === 0 ? `past its due date (due on or before ${overdueThreshold(today, 0)})` : `more than ${daysOverdue} days overdue (due on or before ${overdueThreshold(today, daysOverdue)})`);
	}
	if (customerExternalId) searched.push(`customer '${customerExternalId}'`);
	if (currencyCode) searched.push(`in ${currencyCode}`);
	if (minimumAmount) {
		const amount = currencyCode ? displayMoney(minimumAmount, currencyCode) : String(minimumAmount);
		searched.push(`${event.amountField === 'amount_due' ? 'amount due' : 'total'} at least ${amount}`);
	}
	const changeable = [
		event.name === 'invoiceOverdue' ? 'Days Overdue' : undefined,
		customerExternalId ? 'Customer' : undefined,
		currencyCode ? 'Currency Code' : undefined,
		minimumAmount ? 'Minimum Amount' : undefined,
	].filter((name): name is string => name !== undefined);
	return new NodeOperationError(
		context.getNode(),
		`No ${noun} matched: ${searched.join(', ')}, at any date in Chaser — nothing to show as a test event`,
		{
			description: `Fetch Test Event shows the latest ${noun} that matches the trigger's settings, and none does yet. ${
				changeable.length > 0 ? `Try a wider setting (${changeable.join(', ')}) or another Event` : 'Try another Event'
			}, or test with a record that matches. Once the workflow is active, the trigger fires for records that match from then on.`,
		},
	);
}

