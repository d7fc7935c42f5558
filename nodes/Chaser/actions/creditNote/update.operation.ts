import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, updateCredit } from '../credit';
import { CREDIT_NOTE } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['update'] } },
	creditFields(CREDIT_NOTE).update,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await updateCredit(this, CREDIT_NOTE);
}
