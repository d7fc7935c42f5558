import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, upsertCredits } from '../credit';
import { OVERPAYMENT } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['upsert'] } },
	creditFields(OVERPAYMENT).upsert,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertCredits(this, OVERPAYMENT);
}
