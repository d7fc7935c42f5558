import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { byDisplayName, customerLocator } from '../common.descriptions';
import { contactBody, contactExternalIdField, contactNotFound, contactOptionalFields, contactsPath } from './fields';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer this person works for' }),
	contactExternalIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			{
				displayName: 'External ID',
				name: 'external_id',
				type: 'string',
				default: '',
				description: "A new external ID for the contact person, if its ID in your own system changed",
			},
			...contactOptionalFields,
		]),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = customerRef(this, itemIndex, check);
		const contactExternalId = check.requiredText(
			this.getNodeParameter('contactExternalId', itemIndex),
			'Contact External ID',
		);
		const body = contactBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, check);
		if (Object.keys(body).length === 0) check.fail('Set at least one field in "Update Fields"');
		const envelope = await chaserRequest(this, {
			method: 'PUT',
			path: contactsPath(customer, contactExternalId),
			body,
			itemIndex,
			notFoundMessage: contactNotFound(customer, contactExternalId),
		});
		return envelope.data as IDataObject;
	});
}
