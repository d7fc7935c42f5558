import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { getRecord } from '../../helpers/operations';
import { contactRef, contactsCustomerField } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['get'] } }, [
	contactsCustomerField,
	recordLocator(contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		return await getRecord(this, itemIndex, contactRef(this, itemIndex, new InputValidator(this, itemIndex)));
	});
}
