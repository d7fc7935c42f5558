import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Runs `handle` for every input item and pairs what it returns with that item.
 * With "On Error: Continue" a failing item becomes one paired error item and the rest go on;
 * otherwise the first failure stops the node, labelled with its item.
 */
export async function forEachItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handle(itemIndex);
			output.push(...pairWith(context, result, itemIndex));
		} catch (error) {
			output.push(failItem(context, error, itemIndex));
		}
	}
	return output;
}

export function pairWith(
	context: IExecuteFunctions,
	result: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(result), {
		itemData: { item: itemIndex },
	});
}

/**
 * The error item for `itemIndex` when the node continues on failure; rethrows otherwise.
 * The item holds only `error` and `details`, which is what n8n needs to route it to the error output.
 */
export function failItem(context: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = asNodeError(context, error, itemIndex);
	if (!context.continueOnFail()) throw nodeError;
	const json: IDataObject = { error: nodeError.message };
	if (nodeError.description) json.details = nodeError.description;
	return { json, error: nodeError, pairedItem: { item: itemIndex } };
}

function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		if (error instanceof NodeOperationError) return new NodeOperationError(context.getNode(), error, { itemIndex });
		return new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
