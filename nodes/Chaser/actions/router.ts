import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as contactPerson from './contactPerson';
import * as creditNote from './creditNote';
import * as customer from './customer';
import * as invoice from './invoice';
import * as organisation from './organisation';
import * as overpayment from './overpayment';

type Operation = { execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> };

/** Resource → its operations. Add a resource here and in Chaser.node.ts. */
const resources: Record<string, Record<string, unknown>> = {
	contactPerson,
	creditNote,
	customer,
	invoice,
	organisation,
	overpayment,
};

/** Hands the run to `actions/<resource>/<operation>.operation.ts`. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation] as Operation | undefined;
	if (!handler || typeof handler.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	return [await handler.execute.call(this)];
}
