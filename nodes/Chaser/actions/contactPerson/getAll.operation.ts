import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerNotFound, customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserPaginate, filterQuery } from '../../transport';
import { customerLocator, recordStatusOptions, returnAllOrLimit } from '../common.descriptions';
import { contactsPath } from './fields';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer whose contact people to list' }),
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
			{ displayName: 'Status', name: 'status', type: 'options', options: recordStatusOptions, default: 'ACTIVE' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const customer = customerRef(this, itemIndex, check);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const qs = filterQuery([
			{ field: 'contact_email_address', operator: 'eq', value: check.text(filters.contact_email_address, 'Email Address') },
			{ field: 'external_id', operator: 'eq', value: check.text(filters.external_id, 'External ID') },
			{ field: 'status', operator: 'eq', value: filters.status },
		]);
		return await chaserPaginate(this, contactsPath(customer), qs, {
			max: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			itemIndex,
			// The list itself always exists, so a 404 means the customer does not.
			notFoundMessage: customerNotFound(customer),
		});
	});
}
