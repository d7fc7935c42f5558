import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, simplifyField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { customer } from '../../../../core/registry';
import { filterQuery } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { getRecords, statusCondition } from '../../helpers/operations';
import { exactTextFilter, filtersField, returnAllOrLimit, statusFilter } from '../fields';
import { extraFieldsOption } from './extraFields';
import { extraFieldsQuery, requestedExtras } from './input';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	filtersField([
		exactTextFilter({
			label: 'Company Name',
			name: 'company_name',
			placeholder: 'e.g. Oakridge Trading Ltd',
			help: 'The whole company name, exactly as in Chaser: "Oakridge" finds no "Oakridge Trading Ltd". To find customers by part of a name, type it in the search of a Customer field\'s list (e.g. Customer > Get, From List), or get them all and keep the ones you want with n8n\'s Filter node',
		}),
		exactTextFilter({
			label: 'Contact Email',
			name: 'contact_email_address',
			placeholder: 'e.g. accounts@oakridge.example',
			help: 'The whole email address reminders go to, exactly as in Chaser (a domain alone finds nothing)',
		}),
		exactTextFilter({
			label: 'External IDs',
			name: 'external_id',
			placeholder: 'e.g. CUST-0042,CUST-0043',
			help: 'One or more whole external IDs, separated by commas, each exactly as in Chaser',
		}),
		statusFilter(customer),
	]),
	simplifyField,
	optionsField([extraFieldsOption]),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs = {
			...filterQuery([
				{ field: 'company_name', operator: 'eq', value: check.text(filters.company_name, 'Company Name') },
				{
					field: 'contact_email_address',
					operator: 'eq',
					value: check.text(filters.contact_email_address, 'Contact Email Address'),
				},
				{ field: 'external_id', operator: 'in', value: splitList(check.text(filters.external_id, 'External IDs')) },
				statusCondition(filters.status, customer, check),
			]),
			...extraFieldsQuery(options),
		};
		return await getRecords(this, itemIndex, { path: customer.path, qs }, [
			...customer.summary,
			...requestedExtras(options),
		]);
	});
}

function splitList(value: string | undefined): string[] | undefined {
	if (value === undefined) return undefined;
	return value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
