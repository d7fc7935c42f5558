import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { filterQuery } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { getRecords, statusCondition } from '../../helpers/operations';
import { filtersField, returnAllOrLimit, statusFilter } from '../fields';
import { contactsCustomerField, contactsOf } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['getAll'] } }, [
	contactsCustomerField,
	...returnAllOrLimit,
	filtersField([
		{
			displayName: 'Email Address',
			name: 'contact_email_address',
			type: 'string',
			placeholder: 'e.g. jane.smith@example.com',
			default: '',
		},
		{
			displayName: 'External ID',
			name: 'external_id',
			type: 'string',
			placeholder: 'e.g. CONTACT-0042',
			default: '',
			description: "The contact person's ID in your own system",
		},
		statusFilter(contactPerson),
	]),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const contacts = contactsOf(this, itemIndex, check);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			{ field: 'contact_email_address', operator: 'eq', value: check.text(filters.contact_email_address, 'Email Address') },
			{ field: 'external_id', operator: 'eq', value: check.text(filters.external_id, 'External ID') },
			statusCondition(filters.status, contactPerson, check),
		]);
		return await getRecords(this, itemIndex, {
			path: contacts.collectionPath,
			qs,
			notFoundMessage: contacts.notFoundMessage,
		});
	});
}
