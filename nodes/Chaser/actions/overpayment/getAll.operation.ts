import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { overpayment } from '../../../../core/registry';
import { creditFields } from '../credit/fields';
import { getCredits } from '../credit/operations';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['getAll'] } },
	creditFields(overpayment).getAll,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredits(this, overpayment);
}
