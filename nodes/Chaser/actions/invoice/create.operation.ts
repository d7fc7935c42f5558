import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { invoice } from '../../../../core/registry';
import { externalIdSegment } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { createRecord } from '../../helpers/operations';
import { newRecordFields } from '../fields';
import { settleInvoiceAmounts } from './amounts';
import { readNewInvoice } from './input';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['create'] } }, [
	...newRecordFields(invoice),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const { key, body } = await readNewInvoice(this, itemIndex, check, (fields) => settleInvoiceAmounts(fields, undefined, check));
		return await createRecord(this, itemIndex, {
			path: invoice.path,
			body,
			readBackPath: `${invoice.path}/${externalIdSegment(key)}`,
		});
	});
}
