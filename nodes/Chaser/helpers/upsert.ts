import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BulkPath } from '../transport';
import { chaserBulkUpsert, chaserRequest, externalIdSegment, MAX_BULK_ENTRIES } from '../transport';
import { sendChanged, skipUnchangedOption } from './deltaSync';
import { failItem, forEachItem, pairWith } from './items';
import { InputValidator } from './validation';

/** How one resource is created or updated by its external key. */
export interface UpsertSpec {
	/** e.g. `/v1/customers`; records live at `<collectionPath>/ext_<key>`. */
	collectionPath: string;
	bulkPath: BulkPath;
	/**
	 * Validates one item and returns its external key and full body (key included); `unchanged` when
	 * "Skip Unchanged Records" leaves it out (it is then output as it is, not sent).
	 */
	buildEntry: (
		itemIndex: number,
		check: InputValidator,
	) => Promise<{ key: string; body: IDataObject; unchanged?: boolean }>;
}

const batchingOptions: INodeProperties[] = [
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
			"Whether to send items in batches through Chaser's bulk endpoint: up to 100 records per request, so large syncs run 100× faster within Chaser's 200 requests per minute. The output then holds the fields sent plus Chaser's ID for new records. Turn off to get each full record back (one or two requests per item).",
	},
];

/** The Options collection every Create or Update shows: bulk batching on by default. */
export const batchingField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: batchingOptions,
};

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
			const { key, body, unchanged } = await spec.buildEntry(itemIndex, new InputValidator(context.getNode(), itemIndex));
			return unchanged ? body : await upsertOne(context, spec, key, body, itemIndex);
		});
	}

	const items = context.getInputData();
	const batchSize = Math.max(
		1,
		Math.min(MAX_BULK_ENTRIES, typeof options.batchSize === 'number' ? options.batchSize : MAX_BULK_ENTRIES),
	);
	const output: INodeExecutionData[] = new Array(items.length);
	let batch: Array<{ itemIndex: number; entry: IDataObject }> = [];

	// A batch goes out as soon as it is full rather than after every item is built, so the first
	// records land early and a failure that stops the node leaves fewer items unsent.
	const flush = async () => {
		const sent = batch;
		batch = [];
		const results = await chaserBulkUpsert(
			context,
			spec.bulkPath,
			sent.map(({ entry }) => entry),
			batchSize,
		);
		results.forEach((result, position) => {
			const { itemIndex, entry } = sent[position];
			if (result.ok) {
				const record = result.id !== undefined ? { ...entry, id: result.id } : entry;
				output[itemIndex] = pairWith(context, record, itemIndex)[0];
			} else {
				output[itemIndex] = failItem(context, result.error, itemIndex);
			}
		});
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { body, unchanged } = await spec.buildEntry(itemIndex, new InputValidator(context.getNode(), itemIndex));
			if (unchanged) output[itemIndex] = pairWith(context, body, itemIndex)[0];
			else batch.push({ itemIndex, entry: body });
		} catch (error) {
			output[itemIndex] = failItem(context, error, itemIndex);
		}
		if (batch.length === batchSize) await flush();
	}
	if (batch.length > 0) await flush();
	return output;
}

async function upsertOne(
	context: IExecuteFunctions,
	spec: UpsertSpec,
	key: string,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const recordPath = `${spec.collectionPath}/${externalIdSegment(key)}`;
	try {
		const updated = await chaserRequest(context, { method: 'PUT', path: recordPath, body, itemIndex });
		return updated.data as IDataObject;
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode !== '404') {
			throw new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
		}
	}
	const created = await chaserRequest(context, {
		method: 'POST',
		path: spec.collectionPath,
		body,
		itemIndex,
		readBackPath: recordPath,
	});
	return created.data as IDataObject;
}
