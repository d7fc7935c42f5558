import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerNotFound, customerRef } from '../../helpers/customer';
import { forEachItem } from '../../helpers/items';
import { pick } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { customerLocator, simplifyField } from '../common.descriptions';
import { CUSTOMER_SUMMARY_FIELDS, extraFieldsOption, extraFieldsQuery, requestedExtras } from './fields';

const properties: INodeProperties[] = [
	customerLocator(),
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

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = customerRef(this, itemIndex, check);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const envelope = await chaserRequest(this, {
			method: 'GET',
			path: `/v1/customers/${ref.segment}`,
			qs: extraFieldsQuery(options),
			itemIndex,
			notFoundMessage: customerNotFound(ref),
		});
		const customer = envelope.data as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplify ? pick(customer, [...CUSTOMER_SUMMARY_FIELDS, ...requestedExtras(options)]) : customer;
	});
}
