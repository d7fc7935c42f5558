import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { optionsField, recordLocator, RECORDS } from '../common.descriptions';
import { contactNotFound, contactsCustomerField, contactsPath } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['delete'] } }, [
	contactsCustomerField,
	recordLocator(RECORDS.contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = recordRef(this, itemIndex, check, RECORDS.customer);
		const contact = recordRef(this, itemIndex, check, RECORDS.contactPerson);
		await chaserRequest(this, {
			method: 'DELETE',
			path: contactsPath(customer, contact),
			itemIndex,
			notFoundMessage: contactNotFound(customer, contact),
		});
		return { deleted: true };
	});
}
