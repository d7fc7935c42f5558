import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { updateRecord } from '../../helpers/operations';
import { recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS, updateFieldsField } from '../common.descriptions';
import { contactBody, contactNotFound, contactOptionalFields, contactsCustomerField, contactsPath } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['update'] } }, [
	contactsCustomerField,
	recordLocator(RECORDS.contactPerson),
	updateFieldsField([
		{
			displayName: 'External ID',
			name: 'external_id',
			type: 'string',
			default: '',
			description: 'A new external ID for the contact person, if its ID in your own system changed',
		},
		...contactOptionalFields,
	]),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = recordRef(this, itemIndex, check, RECORDS.customer);
		const contact = recordRef(this, itemIndex, check, RECORDS.contactPerson);
		return await updateRecord(this, itemIndex, check, {
			path: contactsPath(customer, contact),
			body: contactBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, check),
			notFoundMessage: contactNotFound(customer, contact),
		});
	});
}
