import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecords, statusCondition } from '../../helpers/operations';
import { InputValidator } from '../../helpers/validation';
import { filterQuery } from '../../transport';
import {
	filtersField,
	optionsField,
	RECORD_STATUSES,
	recordStatusOptions,
	returnAllOrLimit,
	simplifyField,
	statusFilter,
} from '../common.descriptions';
import { CUSTOMER_SUMMARY_FIELDS, CUSTOMERS_PATH, extraFieldsOption, extraFieldsQuery, requestedExtras } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	filtersField([
		{ displayName: 'Company Name', name: 'company_name', type: 'string', default: '', description: 'Exact company name' },
		{ displayName: 'Contact Email Address', name: 'contact_email_address', type: 'string', placeholder: 'e.g. accounts@example.com', default: '' },
		{ displayName: 'External IDs', name: 'external_id', type: 'string', default: '', placeholder: 'e.g. CUST-0042,CUST-0043', description: 'One or more external IDs, separated by commas' },
		statusFilter('customers', recordStatusOptions),
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
				statusCondition(filters.status, RECORD_STATUSES, check),
			]),
			...extraFieldsQuery(options),
		};
		return await getRecords(this, itemIndex, { path: CUSTOMERS_PATH, qs }, [
			...CUSTOMER_SUMMARY_FIELDS,
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
