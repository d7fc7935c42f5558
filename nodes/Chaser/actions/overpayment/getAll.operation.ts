import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, getCredits } from '../credit';
import { OVERPAYMENT } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['getAll'] } },
	creditFields(OVERPAYMENT).getAll,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredits(this, OVERPAYMENT);
}
