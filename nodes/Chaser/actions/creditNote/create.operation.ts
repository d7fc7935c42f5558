import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creditNote } from '../../../../core/registry';
import { creditFields } from '../credit/fields';
import { createCredit } from '../credit/operations';

export const description = updateDisplayOptions(
	{ show: { resource: ['creditNote'], operation: ['create'] } },
	creditFields(creditNote).create,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await createCredit(this, creditNote);
}
