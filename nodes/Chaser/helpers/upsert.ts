import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { failItem, forEachItem, pairWith } from '../../../core/items';
import { chaserBulkUpsert, chaserPaginate, chaserRequest, externalIdSegment, filterQuery, MAX_BULK_ENTRIES } from '../../../core/transport';
import { InputValidator } from '../../../core/validation';
import { sendChanged } from './deltaSync';
import type { UpsertEntry, UpsertSpec, UpsertTarget } from './upsertSpec';

export type { UpsertEntry, UpsertSpec, UpsertTarget };

interface Entry {
	itemIndex: number;
	key: string;
	body: IDataObject;
	target: UpsertTarget;
	check: InputValidator;
}

function targetOf(spec: UpsertSpec, entry: UpsertEntry): UpsertTarget {
	return entry.target ?? { collectionPath: spec.collectionPath, bulkPath: spec.bulkPath, notFoundMessage: spec.notFoundMessage };
}

/**
 * Create or Update: through the bulk endpoint in batches (the default), or one item at a time with
 * PUT by external key and, on 404, POST. Either way each input item yields exactly one paired
 * output item or error item, and each item is validated before any request that carries it is sent.
 */
export async function upsertItems(context: IExecuteFunctions, spec: UpsertSpec): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.skipUnchanged === true) {
		return await sendChanged(context, spec, async (changed) => await upsert(context, changed, options));
	}
	return await upsert(context, spec, options);
}

async function upsert(context: IExecuteFunctions, spec: UpsertSpec, options: IDataObject): Promise<INodeExecutionData[]> {
	if (options.useBulk === false) {
		return await forEachItem(context, async (itemIndex) => {
			const check = new InputValidator(context, itemIndex);
			const built = await spec.buildEntry(itemIndex, check);
			if (built.unchanged) return built.body;
			return await upsertOne(context, spec, { itemIndex, key: built.key, body: built.body, target: targetOf(spec, built), check });
		});
	}

	const items = context.getInputData();
	const batchSize = Math.max(
		1,
		Math.min(MAX_BULK_ENTRIES, typeof options.batchSize === 'number' ? options.batchSize : MAX_BULK_ENTRIES),
	);
	const output: INodeExecutionData[] = new Array(items.length);
	// One batch per bulk endpoint (contact persons of different customers go to different ones).
	const batches = new Map<string, Entry[]>();

	// A batch goes out as soon as it is full rather than after every item is built, so the first
	// records land early and a failure that stops the node leaves fewer items unsent.
	const flush = async (bulkPath: string) => {
		const batch = batches.get(bulkPath) ?? [];
		batches.delete(bulkPath);
		if (batch.length === 0) return;
		const sent = await finishBatch(context, spec, batch, output);
		const target = batch[0].target;
		const results = await chaserBulkUpsert(
			context,
			bulkPath,
			sent.map(({ itemIndex, key, body }) => ({ body, label: `item ${itemIndex}, ${spec.keyLabel} '${key}'` })),
			batchSize,
			target.notFoundMessage,
		);
		results.forEach((result, position) => {
			const { itemIndex, body } = sent[position];
			output[itemIndex] = result.ok
				? pairWith(context, { ...body, id: result.id ?? null, created: result.inserted }, itemIndex)[0]
				: failItem(context, result.error, itemIndex);
		});
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let entry: Entry | undefined;
		try {
			const check = new InputValidator(context, itemIndex);
			const built = await spec.buildEntry(itemIndex, check);
			if (built.unchanged) output[itemIndex] = pairWith(context, built.body, itemIndex)[0];
			else entry = { itemIndex, key: built.key, body: built.body, target: targetOf(spec, built), check };
		} catch (error) {
			output[itemIndex] = failItem(context, error, itemIndex);
		}
		if (entry) {
			const { bulkPath } = entry.target;
			// Chaser refuses the same record twice in one request; sending the batch first applies the two in order.
			const key = entry.key;
			if (batches.get(bulkPath)?.some((pending) => pending.key === key)) await flush(bulkPath);
			const batch = batches.get(bulkPath) ?? [];
			batch.push(entry);
			batches.set(bulkPath, batch);
			if (batch.length === batchSize) await flush(bulkPath);
		}
	}
	for (const bulkPath of [...batches.keys()]) await flush(bulkPath);
	return output;
}

/**
 * The batch's entries with their bodies finished (`spec.stored`), reading the records they depend on in
 * one request; an entry whose body cannot be finished becomes its item's error and is not sent.
 */
async function finishBatch(
	context: IExecuteFunctions,
	spec: UpsertSpec,
	batch: Entry[],
	output: INodeExecutionData[],
): Promise<Entry[]> {
	const { stored } = spec;
	if (!stored) return batch;
	let records: Map<string, IDataObject>;
	try {
		const keys = batch.filter(({ body }) => stored.needed(body)).map(({ key }) => key);
		records = await readStored(context, batch[0].target, stored.keyField, keys);
	} catch (error) {
		for (const { itemIndex } of batch) output[itemIndex] = failItem(context, error, itemIndex);
		return [];
	}
	const finished: Entry[] = [];
	for (const entry of batch) {
		try {
			finished.push({ ...entry, body: stored.finish(entry.body, records.get(entry.key), entry.check, stored.needed(entry.body)) });
		} catch (error) {
			output[entry.itemIndex] = failItem(context, error, entry.itemIndex);
		}
	}
	return finished;
}

/**
 * The records Chaser holds under `keys`, by key: one list request for up to 100 keys. The list filter
 * takes a comma-separated list, so a key with a comma in it is read on its own.
 */
async function readStored(
	context: IExecuteFunctions,
	target: UpsertTarget,
	keyField: string,
	keys: string[],
): Promise<Map<string, IDataObject>> {
	const records = new Map<string, IDataObject>();
	const listable = keys.filter((key) => !key.includes(','));
	if (listable.length > 0) {
		const qs = filterQuery([{ field: keyField, operator: 'in', value: listable }]);
		for (const record of await chaserPaginate(context, target.collectionPath, qs, { max: listable.length })) {
			records.set(String(record[keyField]), record);
		}
	}
	for (const key of keys.filter((candidate) => candidate.includes(','))) {
		const record = await readRecord(context, recordPath(target, key));
		if (record) records.set(key, record);
	}
	return records;
}

function recordPath(target: UpsertTarget, key: string): string {
	return `${target.collectionPath}/${externalIdSegment(key)}`;
}

function isNotFound(error: unknown): boolean {
	return (error as { httpCode?: string }).httpCode === '404';
}

/** The record at `path`, or undefined when Chaser has none there. */
async function readRecord(context: IExecuteFunctions, path: string, itemIndex?: number): Promise<IDataObject | undefined> {
	try {
		return (await chaserRequest(context, { method: 'GET', path, itemIndex })).data as IDataObject;
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
	}
}

/**
 * One item without the bulk endpoint. When its body depends on the stored record, the record is read
 * first and then updated (PUT) or created (POST); otherwise the node tries PUT and, on 404, POST.
 */
async function upsertOne(context: IExecuteFunctions, spec: UpsertSpec, entry: Entry): Promise<IDataObject> {
	const { itemIndex, key, check, target } = entry;
	const path = recordPath(target, key);
	const post = async (body: IDataObject) => {
		const created = await chaserRequest(context, {
			method: 'POST',
			path: target.collectionPath,
			body,
			itemIndex,
			readBackPath: path,
			notFoundMessage: target.notFoundMessage,
		});
		return { ...(created.data as IDataObject), created: true };
	};
	const put = async (body: IDataObject) => {
		const updated = await chaserRequest(context, { method: 'PUT', path, body, itemIndex });
		return { ...(updated.data as IDataObject), created: false };
	};

	if (spec.stored?.needed(entry.body)) {
		const stored = await readRecord(context, path, itemIndex);
		const body = spec.stored.finish(entry.body, stored, check, true);
		return stored ? await put(body) : await post(body);
	}
	const body = spec.stored ? spec.stored.finish(entry.body, undefined, check, false) : entry.body;
	try {
		return await put(body);
	} catch (error) {
		if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
	}
	return await post(body);
}
