import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, createCredit } from '../credit';
import { OVERPAYMENT } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['create'] } },
	creditFields(OVERPAYMENT).create,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await createCredit(this, OVERPAYMENT);
}
