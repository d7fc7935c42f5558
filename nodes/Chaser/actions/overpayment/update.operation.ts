import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { byDisplayName } from '../common.descriptions';
import { creditNotFound, creditPath, creditUpdateBody, creditUpdateOptions, readCreditId } from '../credit';
import { OVERPAYMENT, overpaymentIdField, overpaymentStatusField } from './fields';

const properties: INodeProperties[] = [
	{ ...overpaymentIdField, description: 'The ID in your own system of the overpayment to update (its overpayment_id in Chaser)' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([overpaymentStatusField, ...creditUpdateOptions('overpayment')]),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['overpayment'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const id = readCreditId(this, itemIndex, check, OVERPAYMENT);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = creditUpdateBody(fields, check, OVERPAYMENT);
		const envelope = await chaserRequest(this, {
			method: 'PUT',
			path: creditPath(OVERPAYMENT, id),
			body,
			itemIndex,
			notFoundMessage: creditNotFound(OVERPAYMENT, id),
		});
		return envelope.data as IDataObject;
	});
}
