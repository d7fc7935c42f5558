import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, createCredit } from '../credit';
import { CREDIT_NOTE } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['create'] } },
	creditFields(CREDIT_NOTE).create,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await createCredit(this, CREDIT_NOTE);
}
