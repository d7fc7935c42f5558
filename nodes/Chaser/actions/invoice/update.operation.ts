import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { invoice } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { updateRecord } from '../../helpers/operations';
import { updateFieldsField } from '../fields';
import { readInvoiceUpdate } from './input';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['update'] } }, [
	recordLocator(invoice),
	updateFieldsField(
		invoice,
		'Only the fields set here change, and the amounts set are checked against each other (Amount Due and Amount Paid not above Total, Paid only with nothing due). To record a payment, the Record Payment operation keeps Amount Due, Amount Paid and Payments consistent for you.',
	),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, invoice);
		return await updateRecord(this, itemIndex, check, {
			path: recordPath(invoice, ref),
			body: readInvoiceUpdate(this, itemIndex, check),
			notFoundMessage: recordNotFound(invoice, ref),
		});
	});
}
