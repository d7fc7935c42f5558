import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecords, statusCondition } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { filterQuery } from '../../transport';
import {
	filtersField,
	optionsField,
	RECORD_STATUSES,
	RECORDS,
	recordStatusOptions,
	returnAllOrLimit,
	statusFilter,
} from '../common.descriptions';
import { contactsCustomerField, contactsPath } from './fields';

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
		statusFilter('contact persons', recordStatusOptions),
	]),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = recordRef(this, itemIndex, check, RECORDS.customer);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			{ field: 'contact_email_address', operator: 'eq', value: check.text(filters.contact_email_address, 'Email Address') },
			{ field: 'external_id', operator: 'eq', value: check.text(filters.external_id, 'External ID') },
			statusCondition(filters.status, RECORD_STATUSES, check),
		]);
		// The list itself always exists, so a 404 means the customer does not.
		return await getRecords(this, itemIndex, {
			path: contactsPath(customer),
			qs,
			notFoundMessage: recordNotFound(RECORDS.customer, customer),
		});
	});
}
