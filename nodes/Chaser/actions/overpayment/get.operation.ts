import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, getCredit } from '../credit';
import { OVERPAYMENT } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['get'] } },
	creditFields(OVERPAYMENT).get,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredit(this, OVERPAYMENT);
}
