import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingOptions, upsertItems } from '../../helpers/upsert';
import { optionsField } from '../common.descriptions';
import { INVOICES_PATH, newInvoiceBody, newInvoiceFields } from './fields';
import { checkInvoiceAmounts, settleInvoiceAmounts } from './money';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['upsert'] } }, [
	...newInvoiceFields,
	optionsField(batchingOptions),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: INVOICES_PATH,
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
