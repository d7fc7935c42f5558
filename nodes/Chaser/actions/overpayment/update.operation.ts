import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, updateCredit } from '../credit';
import { OVERPAYMENT } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['update'] } },
	creditFields(OVERPAYMENT).update,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await updateCredit(this, OVERPAYMENT);
}
