import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { chaserRequest } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { contactRef, contactsCustomerField } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['delete'] } }, [
	contactsCustomerField,
	recordLocator(contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const contact = contactRef(this, itemIndex, new InputValidator(this, itemIndex));
		await chaserRequest(this, { method: 'DELETE', ...contact, itemIndex });
		return { deleted: true };
	});
}
