import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerNotFound, customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { customerLocator } from '../common.descriptions';
import { contactBody, contactOptionalFields, contactsPath } from './fields';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer this person works for' }),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CONTACT-0042',
		description: "The contact person's ID in your own system. Must be unique within the customer.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactOptionalFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = customerRef(this, itemIndex, check);
		const externalId = check.requiredText(this.getNodeParameter('externalId', itemIndex), 'External ID');
		const body: IDataObject = {
			external_id: externalId,
			...contactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, check),
		};
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: contactsPath(customer),
			body,
			itemIndex,
			notFoundMessage: customerNotFound(customer),
			readBackPath: contactsPath(customer, externalId),
		});
		return envelope.data as IDataObject;
	});
}
