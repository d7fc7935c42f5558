import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { updateRecord } from '../../helpers/operations';
import { updateFieldsField } from '../fields';
import { readUpdateFields } from '../input';
import { contactRef, contactsCustomerField } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['update'] } }, [
	contactsCustomerField,
	recordLocator(contactPerson),
	updateFieldsField(contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const contact = contactRef(this, itemIndex, check);
		return await updateRecord(this, itemIndex, check, {
			...contact,
			body: readUpdateFields(this, itemIndex, check, contactPerson),
		});
	});
}
