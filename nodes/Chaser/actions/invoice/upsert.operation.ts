import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { invoice } from '../../../../core/registry';
import { upsertItems } from '../../helpers/upsert';
import { batchingOptions, newRecordFields } from '../fields';
import { settleInvoiceAmounts } from './amounts';
import { readInvoiceEntry } from './input';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['upsert'] } }, [
	...newRecordFields(invoice),
	optionsField(batchingOptions),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: invoice.path,
		bulkPath: invoice.bulkPath,
		keyLabel: invoice.key.label,
		buildEntry: async (itemIndex, check) => await readInvoiceEntry(this, itemIndex, check),
		// An invoice already in Chaser keeps what it has paid, and its paid date, unless the item says otherwise
		// (see amounts.ts): reading them costs one request per batch, and none when the item gives both amounts
		// and, when it is Paid, its payments or paid date.
		stored: {
			keyField: invoice.key.field,
			needed: (body) =>
				body.amount_due === undefined ||
				(body.amount_paid === undefined && body.payments === undefined) ||
				(paysInFull(body) && body.fully_paid_date === undefined && body.payments === undefined),
			finish: settleInvoiceAmounts,
		},
	});
}

/** Whether an invoice whose amounts are both given goes out as Paid. */
function paysInFull(body: IDataObject): boolean {
	return body.status === 'PAID' || (body.status === 'AUTHORISED' && body.amount_due === 0 && Number(body.amount_paid) > 0);
}
