import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { createRecord } from '../../helpers/operations';
import { InputValidator } from '../../helpers/validation';
import { externalIdSegment } from '../../transport';
import { optionsField } from '../common.descriptions';
import { INVOICES_PATH, newInvoiceBody, newInvoiceFields } from './fields';
import { settleInvoiceAmounts } from './money';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['create'] } }, [
	...newInvoiceFields,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const body = await newInvoiceBody(this, itemIndex, check, (fields) => settleInvoiceAmounts(fields, undefined, check));
		return await createRecord(this, itemIndex, {
			path: INVOICES_PATH,
			body,
			readBackPath: `${INVOICES_PATH}/${externalIdSegment(body.invoice_id as string)}`,
		});
	});
}
