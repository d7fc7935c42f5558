import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { customerLocator } from '../common.descriptions';
import { contactExternalIdField, contactNotFound, contactsPath } from './fields';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer this person works for' }),
	contactExternalIdField,
];

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = customerRef(this, itemIndex, check);
		const contactExternalId = check.requiredText(
			this.getNodeParameter('contactExternalId', itemIndex),
			'Contact External ID',
		);
		const envelope = await chaserRequest(this, {
			method: 'GET',
			path: contactsPath(customer, contactExternalId),
			itemIndex,
			notFoundMessage: contactNotFound(customer, contactExternalId),
		});
		return envelope.data as IDataObject;
	});
}
