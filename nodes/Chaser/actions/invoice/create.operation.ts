import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest, externalIdSegment } from '../../transport';
import { customerLocator } from '../common.descriptions';
import { invoiceOptionalFields, invoiceRequiredFields, legacyAmountFields, newInvoiceBody } from './fields';
import { settleInvoiceAmounts } from './money';

const [invoiceIdField, invoiceNumberField, ...otherRequired] = invoiceRequiredFields;

const properties: INodeProperties[] = [
	invoiceIdField,
	invoiceNumberField,
	customerLocator({
		description:
			'The customer the invoice is addressed to; it must already exist in Chaser. "By External ID" is the ID the customer has in your own system.',
	}),
	...otherRequired,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: invoiceOptionalFields,
	},
	...legacyAmountFields,
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const body = await newInvoiceBody(this, itemIndex, check, (fields) => settleInvoiceAmounts(fields, undefined, check));
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: '/v1/invoices',
			body,
			itemIndex,
			readBackPath: `/v1/invoices/${externalIdSegment(body.invoice_id as string)}`,
		});
		return envelope.data as IDataObject;
	});
}
