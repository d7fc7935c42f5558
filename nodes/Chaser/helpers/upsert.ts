import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BulkPath } from '../transport';
import { chaserBulkUpsert, chaserPaginate, chaserRequest, externalIdSegment, filterQuery, MAX_BULK_ENTRIES } from '../transport';
import { sendChanged, skipUnchangedOption } from './deltaSync';
import { failItem, forEachItem, pairWith } from './items';
import { InputValidator } from './validation';

/** How one resource is created or updated by its external key. */
export interface UpsertSpec {
	/** e.g. `/v1/customers`; records live at `<collectionPath>/ext_<key>`. */
	collectionPath: string;
	bulkPath: BulkPath;
	/** How an error names a record's key, e.g. "invoice ID". */
	keyLabel: string;
	/**
	 * Validates one item and returns its external key and full body (key included); `unchanged` when
	 * "Skip Unchanged Records" leaves it out (it is then output as it is, not sent).
	 */
	buildEntry: (
		itemIndex: number,
		check: InputValidator,
	) => Promise<{ key: string; body: IDataObject; unchanged?: boolean }>;
	/**
	 * For records whose body depends on the record Chaser already holds (an invoice's amounts on the
	 * payments it has): the field the key is stored in, whether an entry needs the stored record, and how
	 * its body is finished once the stored record (or its absence) is known.
	 */
	stored?: {
		keyField: string;
		needed: (body: IDataObject) => boolean;
		finish: (body: IDataObject, stored: IDataObject | undefined, check: InputValidator) => IDataObject;
	};
}

/** Create or Update's own options (in its Options collection: see `optionsField`): bulk batching, on by default, and Skip Unchanged Records. */
export const batchingOptions: INodeProperties[] = [
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: MAX_BULK_ENTRIES,
		typeOptions: { minValue: 1, maxValue: MAX_BULK_ENTRIES },
		description:
			"Items per bulk request when Use Bulk Endpoint is on. Chaser's maximum, 100, is the fastest.",
	},
	skipUnchangedOption,
	{
		displayName: 'Use Bulk Endpoint',
		name: 'useBulk',
		type: 'boolean',
		default: true,
		description:
			"Whether to send items in batches through Chaser's bulk endpoint: up to 100 records per request, so large syncs run 100× faster within Chaser's 200 requests per minute. Each output item is then the record as sent, plus Chaser's ID for a record this run created (null for one it updated) and created (true or false). Turn off to get each full record back, plus created (one or two requests per item).",
	},
];

interface Entry {
	itemIndex: number;
	key: string;
	body: IDataObject;
	check: InputValidator;
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
			const { key, body, unchanged } = await spec.buildEntry(itemIndex, check);
			return unchanged ? body : await upsertOne(context, spec, { itemIndex, key, body, check });
		});
	}

	const items = context.getInputData();
	const batchSize = Math.max(
		1,
		Math.min(MAX_BULK_ENTRIES, typeof options.batchSize === 'number' ? options.batchSize : MAX_BULK_ENTRIES),
	);
	const output: INodeExecutionData[] = new Array(items.length);
	let batch: Entry[] = [];

	// A batch goes out as soon as it is full rather than after every item is built, so the first
	// records land early and a failure that stops the node leaves fewer items unsent.
	const flush = async () => {
		const sent = await finishBatch(context, spec, batch, output);
		batch = [];
		const results = await chaserBulkUpsert(
			context,
			spec.bulkPath,
			sent.map(({ itemIndex, key, body }) => ({ body, label: `item ${itemIndex}, ${spec.keyLabel} '${key}'` })),
			batchSize,
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
			const { unchanged, ...built } = await spec.buildEntry(itemIndex, check);
			if (unchanged) output[itemIndex] = pairWith(context, built.body, itemIndex)[0];
			else entry = { itemIndex, ...built, check };
		} catch (error) {
			output[itemIndex] = failItem(context, error, itemIndex);
		}
		if (entry) {
			// Chaser refuses the same record twice in one request; sending the batch first applies the two in order.
			const key = entry.key;
			if (batch.some((pending) => pending.key === key)) await flush();
			batch.push(entry);
		}
		if (batch.length === batchSize) await flush();
	}
	if (batch.length > 0) await flush();
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
		records = await readStored(context, spec, stored.keyField, keys);
	} catch (error) {
		for (const { itemIndex } of batch) output[itemIndex] = failItem(context, error, itemIndex);
		return [];
	}
	const finished: Entry[] = [];
	for (const entry of batch) {
		try {
			finished.push({ ...entry, body: stored.finish(entry.body, records.get(entry.key), entry.check) });
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
	spec: UpsertSpec,
	keyField: string,
	keys: string[],
): Promise<Map<string, IDataObject>> {
	const records = new Map<string, IDataObject>();
	const listable = keys.filter((key) => !key.includes(','));
	if (listable.length > 0) {
		const qs = filterQuery([{ field: keyField, operator: 'in', value: listable }]);
		for (const record of await chaserPaginate(context, spec.collectionPath, qs, { max: listable.length })) {
			records.set(String(record[keyField]), record);
		}
	}
	for (const key of keys.filter((candidate) => candidate.includes(','))) {
		const record = await readRecord(context, recordPath(spec, key));
		if (record) records.set(key, record);
	}
	return records;
}

function recordPath(spec: UpsertSpec, key: string): string {
	return `${spec.collectionPath}/${externalIdSegment(key)}`;
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
	const { itemIndex, key, check } = entry;
	const path = recordPath(spec, key);
	const post = async (body: IDataObject) => {
		const created = await chaserRequest(context, {
			method: 'POST',
			path: spec.collectionPath,
			body,
			itemIndex,
			readBackPath: path,
		});
		return { ...(created.data as IDataObject), created: true };
	};
	const put = async (body: IDataObject) => {
		const updated = await chaserRequest(context, { method: 'PUT', path, body, itemIndex });
		return { ...(updated.data as IDataObject), created: false };
	};

	if (spec.stored?.needed(entry.body)) {
		const stored = await readRecord(context, path, itemIndex);
		const body = spec.stored.finish(entry.body, stored, check);
		return stored ? await put(body) : await post(body);
	}
	const body = spec.stored ? spec.stored.finish(entry.body, undefined, check) : entry.body;
	try {
		return await put(body);
	} catch (error) {
		if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
	}
	return await post(body);
}
