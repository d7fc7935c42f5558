import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingField, upsertItems } from '../../helpers/upsert';
import { customerLocator } from '../common.descriptions';
import { invoiceOptionalFields, invoiceRequiredFields, legacyAmountFields, newInvoiceBody } from './fields';
import { checkInvoiceAmounts, settleInvoiceAmounts } from './money';

const [invoiceIdField, invoiceNumberField, ...otherRequired] = invoiceRequiredFields;

const properties: INodeProperties[] = [
	{
		...invoiceIdField,
		description:
			"Your own system's unique ID for the invoice. An invoice with this ID is updated; otherwise one is created. It is not shown to the customer.",
	},
	invoiceNumberField,
	customerLocator({
		description:
			'The customer the invoice is addressed to; it must already exist in Chaser. "From List" and "By External ID" cost nothing extra; "By Chaser ID" costs one look-up per item to learn the external ID.',
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
	batchingField,
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: '/v1/invoices',
		bulkPath: '/v1/bulk/invoices',
		keyLabel: 'invoice ID',
		buildEntry: async (itemIndex, check) => {
			const body = await newInvoiceBody(this, itemIndex, check, (fields) => checkInvoiceAmounts(fields, check));
			return { key: body.invoice_id as string, body };
		},
		// An invoice already in Chaser keeps what it has paid unless the item says otherwise (see money.ts):
		// reading it costs one request per batch, and none when both amounts are given.
		stored: {
			keyField: 'invoice_id',
			needed: (body) => body.amount_due === undefined || (body.amount_paid === undefined && body.payments === undefined),
			finish: settleInvoiceAmounts,
		},
	});
}
