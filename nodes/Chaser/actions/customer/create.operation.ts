import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest, externalIdSegment } from '../../transport';
import { companyNameField, customerBody, customerOptionalFields, externalIdField } from './fields';

const properties: INodeProperties[] = [
	externalIdField,
	companyNameField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerOptionalFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const externalId = check.requiredText(this.getNodeParameter('externalId', itemIndex), 'External ID');
		const body: IDataObject = {
			external_id: externalId,
			company_name: check.requiredText(this.getNodeParameter('companyName', itemIndex), 'Company Name'),
			...customerBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, check),
		};
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: '/v1/customers',
			body,
			itemIndex,
			readBackPath: `/v1/customers/${externalIdSegment(externalId)}`,
		});
		return envelope.data as IDataObject;
	});
}
