import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecord } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS, simplifyField } from '../common.descriptions';
import { CUSTOMER_SUMMARY_FIELDS, CUSTOMERS_PATH, extraFieldsOption, extraFieldsQuery, requestedExtras } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, [
	recordLocator(RECORDS.customer),
	simplifyField,
	optionsField([extraFieldsOption]),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const ref = recordRef(this, itemIndex, new InputValidator(this, itemIndex), RECORDS.customer);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await getRecord(
			this,
			itemIndex,
			{ path: `${CUSTOMERS_PATH}/${ref.segment}`, qs: extraFieldsQuery(options), notFoundMessage: recordNotFound(RECORDS.customer, ref) },
			[...CUSTOMER_SUMMARY_FIELDS, ...requestedExtras(options)],
		);
	});
}
