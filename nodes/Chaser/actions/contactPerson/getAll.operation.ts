import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { filterQuery } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { getRecords, statusCondition } from '../../helpers/operations';
import { exactTextFilter, filtersField, returnAllOrLimit, statusFilter } from '../fields';
import { contactsCustomerField, contactsOf } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['getAll'] } }, [
	contactsCustomerField,
	...returnAllOrLimit,
	filtersField([
		exactTextFilter({
			label: 'Email Address',
			name: 'contact_email_address',
			placeholder: 'e.g. jane.smith@oakridge.example',
			help: "The contact person's whole email address, exactly as in Chaser (a domain alone finds nothing)",
		}),
		exactTextFilter({
			label: 'External ID',
			name: 'external_id',
			placeholder: 'e.g. CONTACT-0042',
			help: "The contact person's whole ID in your own system, exactly as in Chaser",
		}),
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
