import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { buildCreditEntry, creditPath } from '../credit';
import { OVERPAYMENT, overpaymentIdField, overpaymentRequiredFields, overpaymentStatusField } from './fields';

const properties: INodeProperties[] = [
	overpaymentIdField,
	...overpaymentRequiredFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [overpaymentStatusField],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['overpayment'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const { key, body } = await buildCreditEntry(this, itemIndex, check, OVERPAYMENT);
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: OVERPAYMENT.collectionPath,
			body,
			itemIndex,
			readBackPath: creditPath(OVERPAYMENT, key),
		});
		return envelope.data as IDataObject;
	});
}
