import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditNote } from '../../../../core/registry';
import { creditFields } from '../credit/fields';
import { updateCredit } from '../credit/operations';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['update'] } },
	creditFields(creditNote).update,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await updateCredit(this, creditNote);
}
