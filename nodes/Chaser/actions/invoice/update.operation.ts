import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { updateRecord } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS, updateFieldsField } from '../common.descriptions';
import { invoiceBody, INVOICES_PATH, invoiceUpdateFields } from './fields';
import { checkInvoiceAmounts } from './money';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['update'] } }, [
	recordLocator(RECORDS.invoice),
	updateFieldsField(
		invoiceUpdateFields,
		'Only the fields set here change, and the amounts set are checked against each other (Amount Due and Amount Paid not above Total, Paid only with nothing due). To record a payment, the Record Payment operation keeps Amount Due, Amount Paid and Payments consistent for you.',
	),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, RECORDS.invoice);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		return await updateRecord(this, itemIndex, check, {
			path: `${INVOICES_PATH}/${ref.segment}`,
			body: checkInvoiceAmounts(invoiceBody(fields, check), check),
			notFoundMessage: recordNotFound(RECORDS.invoice, ref),
		});
	});
}
