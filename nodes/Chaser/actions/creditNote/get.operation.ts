import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditFields, getCredit } from '../credit';
import { CREDIT_NOTE } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['get'] } },
	creditFields(CREDIT_NOTE).get,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredit(this, CREDIT_NOTE);
}
