import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
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

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = customerRef(this, itemIndex, check);
		const contactExternalId = check.requiredText(
			this.getNodeParameter('contactExternalId', itemIndex),
			'Contact External ID',
		);
		await chaserRequest(this, {
			method: 'DELETE',
			path: contactsPath(customer, contactExternalId),
			itemIndex,
			notFoundMessage: contactNotFound(customer, contactExternalId),
		});
		return { deleted: true };
	});
}
