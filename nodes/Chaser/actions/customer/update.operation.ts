import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerNotFound, customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { byDisplayName, customerLocator } from '../common.descriptions';
import { customerBody, customerOptionalFields } from './fields';

const properties: INodeProperties[] = [
	customerLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			{
				displayName: 'Company Name',
				name: 'company_name',
				type: 'string',
				default: '',
				description: 'The name reminders and statements are addressed to',
			},
			{
				displayName: 'External ID',
				name: 'external_id',
				type: 'string',
				default: '',
				description: 'A new external ID for the customer, if its ID in your own system changed',
			},
			...customerOptionalFields,
		]),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = customerRef(this, itemIndex, check);
		const body = customerBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, check);
		if (Object.keys(body).length === 0) check.fail('Set at least one field in "Update Fields"');
		const envelope = await chaserRequest(this, {
			method: 'PUT',
			path: `/v1/customers/${ref.segment}`,
			body,
			itemIndex,
			notFoundMessage: customerNotFound(ref),
		});
		return envelope.data as IDataObject;
	});
}
