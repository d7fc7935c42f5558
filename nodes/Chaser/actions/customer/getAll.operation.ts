import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { simplifyAll } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserPaginate, filterQuery } from '../../transport';
import { recordStatusOptions, returnAllOrLimit, simplifyField } from '../common.descriptions';
import { CUSTOMER_SUMMARY_FIELDS, extraFieldsOption, extraFieldsQuery, requestedExtras } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Company Name', name: 'company_name', type: 'string', default: '', description: 'Exact company name' },
			{ displayName: 'Contact Email Address', name: 'contact_email_address', type: 'string', placeholder: 'e.g. accounts@example.com', default: '' },
			{ displayName: 'External IDs', name: 'external_id', type: 'string', default: '', placeholder: 'e.g. CUST-0042,CUST-0043', description: 'One or more external IDs, separated by commas' },
			{ displayName: 'Status', name: 'status', type: 'options', options: recordStatusOptions, default: 'ACTIVE' },
		],
	},
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [extraFieldsOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const qs = {
			...filterQuery([
				{ field: 'company_name', operator: 'eq', value: check.text(filters.company_name, 'Company Name') },
				{
					field: 'contact_email_address',
					operator: 'eq',
					value: check.text(filters.contact_email_address, 'Contact Email Address'),
				},
				{ field: 'external_id', operator: 'in', value: splitList(check.text(filters.external_id, 'External IDs')) },
				{ field: 'status', operator: 'eq', value: filters.status },
			]),
			...extraFieldsQuery(options),
		};
		const customers = await chaserPaginate(this, '/v1/customers', qs, {
			max: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			itemIndex,
		});
		const extras = requestedExtras(options);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplifyAll(customers, [...CUSTOMER_SUMMARY_FIELDS, ...extras], simplify);
	});
}

function splitList(value: string | undefined): string[] | undefined {
	if (value === undefined) return undefined;
	return value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}
