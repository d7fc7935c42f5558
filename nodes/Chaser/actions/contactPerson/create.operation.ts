import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { createRecord } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { externalIdSegment } from '../../transport';
import { additionalFieldsField, optionsField, RECORDS } from '../common.descriptions';
import { contactBody, contactOptionalFields, contactsCustomerField, contactsPath } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['create'] } }, [
	contactsCustomerField,
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CONTACT-0042',
		description: "The contact person's ID in your own system. Must be unique within the customer.",
	},
	additionalFieldsField(contactOptionalFields),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = recordRef(this, itemIndex, check, RECORDS.customer);
		const externalId = check.requiredText(this.getNodeParameter('externalId', itemIndex), 'External ID');
		const body: IDataObject = {
			external_id: externalId,
			...contactBody(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, check),
		};
		return await createRecord(this, itemIndex, {
			path: contactsPath(customer),
			body,
			notFoundMessage: recordNotFound(RECORDS.customer, customer),
			readBackPath: `${contactsPath(customer)}/${externalIdSegment(externalId)}`,
		});
	});
}
