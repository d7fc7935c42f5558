import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecord } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS, simplifyField } from '../common.descriptions';
import { INVOICE_SUMMARY_FIELDS, INVOICES_PATH } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['get'] } }, [
	recordLocator(RECORDS.invoice),
	simplifyField,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const ref = recordRef(this, itemIndex, new InputValidator(this, itemIndex), RECORDS.invoice);
		return await getRecord(
			this,
			itemIndex,
			{ path: `${INVOICES_PATH}/${ref.segment}`, notFoundMessage: recordNotFound(RECORDS.invoice, ref) },
			INVOICE_SUMMARY_FIELDS,
		);
	});
}
