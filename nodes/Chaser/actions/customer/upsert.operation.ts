import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingField, upsertItems } from '../../helpers/upsert';
import { companyNameField, customerBody, customerOptionalFields, externalIdField } from './fields';

const properties: INodeProperties[] = [
	{ ...externalIdField, description: 'The customer\'s ID in your own system. A customer with this external ID is updated; otherwise one is created.' },
	companyNameField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerOptionalFields,
	},
	batchingField,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: '/v1/customers',
		bulkPath: '/v1/bulk/customers',
		keyLabel: 'external ID',
		buildEntry: async (itemIndex, check) => {
			const key = check.requiredText(this.getNodeParameter('externalId', itemIndex), 'External ID');
			const body: IDataObject = {
				external_id: key,
				company_name: check.requiredText(this.getNodeParameter('companyName', itemIndex), 'Company Name'),
				...customerBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, check),
			};
			return { key, body };
		},
	});
}
