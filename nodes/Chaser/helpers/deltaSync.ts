import { createHash } from 'crypto';
import type {
	ICheckProcessedOptions,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
	NodeExecutionHint,
} from 'n8n-workflow';

import { failItem } from '../../../core/items';
import { chaserKeyOf } from '../../../core/transport';
import { InputValidator } from '../../../core/validation';
import type { UpsertEntry, UpsertSpec } from './upsertSpec';

/** n8n's deduplication store, per node, as a list of values (the Remove Duplicates node's "new values" mode). */
const STORE: ICheckProcessedOptions = { mode: 'entries' };

type Built = UpsertEntry | { error: unknown };

/**
 * Create or Update with "Skip Unchanged Records": `send` (the usual Create or Update) gets only the records whose
 * content differs from what the last run of this node left in Chaser, and the others come out as they are, with
 * skipped: true.
 *
 * The memory is n8n's deduplication store for this node: fingerprints of (Chaser key, resource, record ID,
 * content) of the records the last run left in Chaser, and nothing else. Each fingerprint is stored under a label,
 * the number of values the store held when it was written, so a run reads the label (the count), checks this
 * run's fingerprints under it, and at the end replaces the whole list with this run's, under a new label. So:
 * - a record is skipped only if the last run that finished sent it (or skipped it) with this very content: a
 *   record changed and then changed back is sent, and a record whose request failed is not remembered;
 * - a run that stops half-way (an error that stops the node, a worker that dies) leaves the check's side effect,
 *   values that change the count, so the next run finds nothing under its label and sends everything again;
 * - a run remembers only the records it had: a record left out of a run is sent again the next time it comes.
 * The store costs three calls per run, whatever its size and however many batches (each reads and writes the
 * node's list once: about 2.7 MB at 100,000 records); nothing is removed item by item.
 */
export async function sendChanged(
	context: IExecuteFunctions,
	spec: UpsertSpec,
	send: (spec: UpsertSpec) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	// Every record is built (and checked) first: the store is asked once, before the first request.
	const built: Built[] = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			built.push(await spec.buildEntry(itemIndex, new InputValidator(context, itemIndex)));
		} catch (error) {
			// Stops the node here, before any request, unless it continues on errors.
			failItem(context, error, itemIndex);
			built.push({ error });
		}
	}
	const account = await chaserKeyOf(context);
	const fingerprints = built.map((entry) => ('error' in entry ? undefined : fingerprint(account, spec, entry)));

	const label = await context.helpers.getProcessedDataCount('node', STORE);
	const checked = fingerprints.filter((value): value is string => value !== undefined).map((value) => `${label}:${value}`);
	const known = new Set(checked.length > 0 ? (await context.helpers.checkProcessedAndRecord(checked, 'node', STORE)).processed : []);
	const unchanged = fingerprints.map((value) => value !== undefined && known.has(`${label}:${value}`));

	const output = await send({
		...spec,
		buildEntry: async (itemIndex) => {
			const entry = built[itemIndex];
			if ('error' in entry) throw entry.error;
			return unchanged[itemIndex] ? { ...entry, unchanged: true } : entry;
		},
	});

	// What Chaser now holds, by record: the last item with that ID, if it went through (sent or skipped).
	const synced = new Map<string, string | undefined>();
	for (const item of output) {
		const itemIndex = (item.pairedItem as IPairedItemData).item;
		const entry = built[itemIndex];
		if ('error' in entry) continue;
		// An error item (failItem) has `error` in its json; a record sent or skipped never has (Chaser has no such field).
		if (item.json.error !== undefined) synced.set(entry.key, undefined);
		else {
			synced.set(entry.key, fingerprints[itemIndex]);
			item.json.skipped = unchanged[itemIndex];
		}
	}
	await remember(context, label, [...synced.values()].filter((value): value is string => value !== undefined));
	const skipped = output.filter((item) => item.json.skipped === true).length;
	if (skipped > 0) context.addExecutionHints(skippedHint(skipped, output.length));
	return output;
}

/**
 * Said in the output pane when records were skipped: a run that sent nothing still succeeds, and without it
 * the only sign is skipped: true deep in each item.
 */
export function skippedHint(skipped: number, total: number): NodeExecutionHint {
	const which =
		skipped === total
			? total === 1
				? 'The record was'
				: `All ${total} records were`
			: `${skipped} of ${total} records ${skipped === 1 ? 'was' : 'were'}`;
	return {
		message: `${which} skipped as unchanged, so nothing was sent to Chaser for ${skipped === 1 ? 'it' : 'them'}: the last run already sent the same content (Skip Unchanged Records; see skipped: true in the output)`,
		type: 'info',
		location: 'outputPane',
	};
}

/** Replaces the node's list with `fingerprints`, under a label (their count) that no value in the list has. */
async function remember(context: IExecuteFunctions, label: number, fingerprints: string[]): Promise<void> {
	if (fingerprints.length === 0) {
		await context.helpers.clearAllProcessedItems('node', STORE);
		return;
	}
	const next = fingerprints.length === label ? label + 1 : fingerprints.length;
	const values = fingerprints.map((value) => `${next}:${value}`);
	// One value more when the count would repeat the old label, so that the count is the new label.
	if (values.length < next) values.push(`${next}:`);
	await context.helpers.checkProcessedAndRecord(values, 'node', { ...STORE, maxEntries: next });
}

/** A record's content as Chaser would get it, for this Chaser key and resource: 128 bits of SHA-256. */
function fingerprint(account: string, spec: UpsertSpec, entry: UpsertEntry): string {
	return createHash('sha256')
		.update(JSON.stringify([account, (entry.target ?? spec).collectionPath, entry.key, canonical(entry.body)]))
		.digest('base64')
		.slice(0, 22);
}

/** The value with every object's keys in order, so that the same content always reads the same. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map((key) => [key, canonical((value as IDataObject)[key])]),
	);
}
