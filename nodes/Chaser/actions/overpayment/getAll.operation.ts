import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { simplifyAll } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserPaginate, filterQuery } from '../../transport';
import { returnAllOrLimit, simplifyField } from '../common.descriptions';
import { creditFilterConditions, creditFilterOptions } from '../credit';
import { OVERPAYMENT, OVERPAYMENT_SUMMARY_FIELDS, overpaymentStatusOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: creditFilterOptions('overpayments', overpaymentStatusOptions, 'AUTHORISED'),
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['overpayment'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery(creditFilterConditions(filters, check, OVERPAYMENT));
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const overpayments = await chaserPaginate(this, OVERPAYMENT.collectionPath, qs, {
			max: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			itemIndex,
		});
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplifyAll(overpayments, OVERPAYMENT_SUMMARY_FIELDS, simplify);
	});
}
