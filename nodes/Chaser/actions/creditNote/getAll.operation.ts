import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, getCredits } from '../credit';
import { CREDIT_NOTE } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['getAll'] } },
	creditFields(CREDIT_NOTE).getAll,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredits(this, CREDIT_NOTE);
}
