import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { byDisplayName } from '../common.descriptions';
import { invoiceBody, invoiceLocator, invoiceNotFound, invoiceRef, invoiceUpdateFields } from './fields';
import { checkInvoiceAmounts } from './money';

const properties: INodeProperties[] = [
	invoiceLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields set here change, and the amounts set are checked against each other (Amount Due and Amount Paid not above Total, Paid only with nothing due). To record a payment, the Record Payment operation keeps Amount Due, Amount Paid and Payments consistent for you.',
		options: byDisplayName(invoiceUpdateFields),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = invoiceRef(this, itemIndex, check);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = checkInvoiceAmounts(invoiceBody(fields, check), check);
		if (Object.keys(body).length === 0) check.fail('Set at least one field in "Update Fields"');
		const envelope = await chaserRequest(this, {
			method: 'PUT',
			path: `/v1/invoices/${ref.segment}`,
			body,
			itemIndex,
			notFoundMessage: invoiceNotFound(ref),
		});
		return envelope.data as IDataObject;
	});
}
