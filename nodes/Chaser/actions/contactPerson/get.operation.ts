import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecord } from '../../helpers/operations';
import { recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS } from '../common.descriptions';
import { contactNotFound, contactsCustomerField, contactsPath } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['get'] } }, [
	contactsCustomerField,
	recordLocator(RECORDS.contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = recordRef(this, itemIndex, check, RECORDS.customer);
		const contact = recordRef(this, itemIndex, check, RECORDS.contactPerson);
		return await getRecord(this, itemIndex, {
			path: contactsPath(customer, contact),
			notFoundMessage: contactNotFound(customer, contact),
		});
	});
}
