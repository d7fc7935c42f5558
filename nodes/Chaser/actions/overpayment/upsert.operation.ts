import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingField, upsertItems } from '../../helpers/upsert';
import { buildCreditEntry } from '../credit';
import { OVERPAYMENT, overpaymentIdField, overpaymentRequiredFields, overpaymentStatusField } from './fields';

const properties: INodeProperties[] = [
	{
		...overpaymentIdField,
		description:
			"The overpayment's ID in your own system. An overpayment with this ID is updated; otherwise one is created.",
	},
	...overpaymentRequiredFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [overpaymentStatusField],
	},
	batchingField,
];

export const description = updateDisplayOptions({ show: { resource: ['overpayment'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: OVERPAYMENT.collectionPath,
		bulkPath: OVERPAYMENT.bulkPath,
		keyLabel: `${OVERPAYMENT.noun} ID`,
		buildEntry: async (itemIndex, check) => await buildCreditEntry(this, itemIndex, check, OVERPAYMENT),
	});
}
