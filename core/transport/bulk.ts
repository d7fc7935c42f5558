import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { rejectionHelp } from './errors';
import type { ChaserContext } from './request';
import { chaserRequest } from './request';

/** Chaser accepts at most 100 entries per bulk upsert. */
export const MAX_BULK_ENTRIES = 100;

/** A bulk upsert endpoint: a resource's `bulkPath` in the registry. */
export type BulkPath = string;

/** One record to upsert, and how an error about it names it (e.g. "item 12, invoice ID 'INV-1042'"). */
export interface BulkEntry {
	body: IDataObject;
	label: string;
}

/** What happened to one entry: Chaser's new internal id when it was inserted, or the error that kept it out. */
export type BulkEntryResult =
	| { ok: true; inserted: boolean; id?: string }
	| { ok: false; error: NodeApiError };

interface PendingEntry {
	/** Position in the caller's list, so results map back to input items. */
	position: number;
	entry: BulkEntry;
}

/**
 * Upserts entries through a bulk endpoint in batches of up to `batchSize` (≤100) and reports one
 * result per entry, in order. Chaser rejects a whole batch when any entry is invalid; the batch is then
 * split so that every good entry still lands and only the bad ones come back as errors, each naming its
 * entry by its label and never by its position in a batch.
 */
export async function chaserBulkUpsert(
	context: ChaserContext,
	path: BulkPath,
	entries: BulkEntry[],
	batchSize = MAX_BULK_ENTRIES,
	notFoundMessage?: string,
): Promise<BulkEntryResult[]> {
	const size = Math.max(1, Math.min(MAX_BULK_ENTRIES, Math.floor(batchSize)));
	const results: BulkEntryResult[] = new Array(entries.length);
	for (let start = 0; start < entries.length; start += size) {
		const batch = entries.slice(start, start + size).map((entry, offset) => ({ position: start + offset, entry }));
		await sendBatch(context, { path, notFoundMessage }, batch, results);
	}
	return results;
}

/** Where a batch goes, and what a 404 there means (the parent of contact persons does not exist). */
interface BulkTarget {
	path: BulkPath;
	notFoundMessage?: string;
}

async function sendBatch(
	context: ChaserContext,
	target: BulkTarget,
	batch: PendingEntry[],
	results: BulkEntryResult[],
): Promise<void> {
	if (batch.length === 0) return;
	try {
		const envelope = await chaserRequest(context, {
			method: 'PUT',
			path: target.path,
			notFoundMessage: target.notFoundMessage,
			body: { entries: batch.map(({ entry }) => entry.body) },
		});
		const data = (envelope.data ?? {}) as IDataObject;
		const insertedIds = new Map<number, string>();
		for (const inserted of (data.inserted_ids as IDataObject[] | undefined) ?? []) {
			insertedIds.set(Number(inserted.index), String(inserted.id));
		}
		batch.forEach(({ position }, index) => {
			const id = insertedIds.get(index);
			results[position] = { ok: true, inserted: id !== undefined, id };
		});
	} catch (error) {
		if (!isEntryRejection(error)) {
			for (const { position } of batch) results[position] = { ok: false, error: copyOf(context, error as NodeApiError) };
		} else if (batch.length === 1) {
			results[batch[0].position] = { ok: false, error: entryError(context, error as NodeApiError, 0, batch[0].entry) };
		} else {
			await isolateRejected(context, target, batch, results, error as NodeApiError);
		}
	}
}

/** A 400 means some entries are bad; anything else (auth, outage) fails the batch as a whole. */
function isEntryRejection(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '400';
}

/**
 * When Chaser names the bad entries (`errors[].index`), they fail and the rest (if any) is sent again;
 * otherwise the batch is halved until each bad entry stands alone.
 */
async function isolateRejected(
	context: ChaserContext,
	target: BulkTarget,
	batch: PendingEntry[],
	results: BulkEntryResult[],
	error: NodeApiError,
): Promise<void> {
	const named = namedIndexes(error, batch.length);
	if (named.size > 0) {
		const rest: PendingEntry[] = [];
		batch.forEach((pending, index) => {
			if (named.has(index)) results[pending.position] = { ok: false, error: entryError(context, error, index, pending.entry) };
			else rest.push(pending);
		});
		await sendBatch(context, target, rest, results);
		return;
	}
	const middle = Math.ceil(batch.length / 2);
	await sendBatch(context, target, batch.slice(0, middle), results);
	await sendBatch(context, target, batch.slice(middle), results);
}

function errorsOf(error: NodeApiError): IDataObject[] {
	const errors = (error.errorResponse as IDataObject | undefined)?.errors;
	return Array.isArray(errors) ? (errors as IDataObject[]) : [];
}

function namedIndexes(error: NodeApiError, batchLength: number): Set<number> {
	const indexes = new Set<number>();
	for (const entry of errorsOf(error)) {
		const index = Number(entry.index);
		if (Number.isInteger(index) && index >= 0 && index < batchLength) indexes.add(index);
	}
	return indexes;
}

/** The batch error narrowed to the entry at `index`, named by its label, so each failed item carries its own reason. */
function entryError(context: ChaserContext, error: NodeApiError, index: number, entry: BulkEntry): NodeApiError {
	const reasons = errorsOf(error)
		.filter((named) => Number(named.index) === index)
		.map((named) => entryReason(named));
	const chaserSays = (error.errorResponse as IDataObject | undefined)?.message;
	const reason =
		reasons.length > 0 ? reasons.join('; ') : entryReason({ message: typeof chaserSays === 'string' ? chaserSays : error.message });
	return new NodeApiError(
		context.getNode(),
		{ message: reason },
		{
			message: `Chaser rejected ${entry.label}: ${reason}`,
			description: rejectionHelp(reason),
			httpCode: '400',
		},
	);
}

/**
 * One entry's reason without its position in the batch ("entries[42]." means nothing to the user,
 * whose item number is different), prefixed with the field unless the message starts with it.
 */
function entryReason(entry: IDataObject): string {
	const field = typeof entry.field === 'string' ? entry.field : '';
	const message = (typeof entry.message === 'string' ? entry.message : '').replace(/^entries\[\d+\]\.?/, '').trim();
	if (!field) return message;
	if (!message) return field;
	return message.startsWith(field) ? message : `${field}: ${message}`;
}

/** Each entry gets its own error object: n8n records the item index on it, so one shared object would carry the last item's. */
function copyOf(context: ChaserContext, error: NodeApiError): NodeApiError {
	return new NodeApiError(context.getNode(), (error.errorResponse as JsonObject | undefined) ?? { message: error.message }, {
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode ?? undefined,
	});
}
