import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, upsertCredits } from '../credit';
import { CREDIT_NOTE } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['upsert'] } },
	creditFields(CREDIT_NOTE).upsert,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertCredits(this, CREDIT_NOTE);
}
