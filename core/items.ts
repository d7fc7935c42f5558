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
 * The error item for `itemIndex` when the node continues on failure; rethrows otherwise. It is the input
 * row plus `error` (what happened) and, when there is advice, `details` (what to do), paired with its input
 * item, in both continue modes:
 * - "Continue": the row plus `error` and `details`, on the main output.
 * - "Continue (using error output)": n8n moves an item to the error output when its json holds nothing but
 *   `error` and `details` (n8n 1.x: nothing but `error`), and adds the input row itself. n8n would replace the
 *   json of an item that carries an `error` property with `{ error }`, so no item carries one.
 */
export function failItem(context: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	const nodeError = asNodeError(context, error, itemIndex);
	if (!context.continueOnFail()) throw nodeError;
	const json: IDataObject = { error: nodeError.message };
	if (nodeError.description) json.details = nodeError.description;
	const pairedItem = { item: itemIndex };
	if (context.getNode().onError === 'continueErrorOutput') {
		return { json: routesErrorsWithDetails(context) ? json : { error: json.error }, pairedItem };
	}
	return { json: { ...context.getInputData()[itemIndex]?.json, ...json }, pairedItem };
}

/**
 * Whether n8n moves an item whose json holds `error` and `details` to the error output (n8n 2.x) or only one
 * that holds `error` alone (n8n 1.x). Told apart by a method of n8n 2.x's execution context that 1.x lacks.
 */
function routesErrorsWithDetails(context: IExecuteFunctions): boolean {
	return 'getWorkflowSettings' in context;
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
