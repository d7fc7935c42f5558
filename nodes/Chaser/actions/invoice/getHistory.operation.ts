import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { invoice } from '../../../../core/registry';
import { invoiceHistory } from '../../../../core/registry/invoiceHistory';
import { InputValidator } from '../../../../core/validation';
import { getRecords } from '../../helpers/operations';
import { returnAllOrLimit } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: `The reminders Chaser sent for this invoice, one item each, in the order Chaser lists them. ${invoiceHistory.help}`,
		name: 'historyNotice',
		type: 'notice',
		default: '',
	},
	recordLocator(invoice),
	...returnAllOrLimit,
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['getHistory'] } }, properties);

/** One invoice's history: `GET /v1/invoices/{invoice}/history`, every entry (Return All) or up to Limit. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const ref = recordRef(this, itemIndex, new InputValidator(this, itemIndex), invoice);
		return await getRecords(this, itemIndex, {
			path: `${recordPath(invoice, ref)}${invoiceHistory.pathSuffix}`,
			notFoundMessage: recordNotFound(invoice, ref),
		});
	});
}
