import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { overpayment } from '../../../../core/registry';
import { creditFields } from '../credit/fields';
import { getCredit } from '../credit/operations';

export const description = updateDisplayOptions(
	{ show: { resource: ['overpayment'], operation: ['get'] } },
	creditFields(overpayment).get,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await getCredit(this, overpayment);
}
