import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { updateRecord } from '../../helpers/operations';
import { recordNotFound, recordRef } from '../../helpers/records';
import { InputValidator } from '../../helpers/validation';
import { optionsField, recordLocator, RECORDS, updateFieldsField } from '../common.descriptions';
import { customerBody, customerOptionalFields, CUSTOMERS_PATH } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, [
	recordLocator(RECORDS.customer),
	updateFieldsField([
		{
			displayName: 'Company Name',
			name: 'company_name',
			type: 'string',
			default: '',
			description: 'The name reminders and statements are addressed to',
		},
		{
			displayName: 'External ID',
			name: 'external_id',
			type: 'string',
			default: '',
			description: 'A new external ID for the customer, if its ID in your own system changed',
		},
		...customerOptionalFields,
	]),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, RECORDS.customer);
		return await updateRecord(this, itemIndex, check, {
			path: `${CUSTOMERS_PATH}/${ref.segment}`,
			body: customerBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, check),
			notFoundMessage: recordNotFound(RECORDS.customer, ref),
		});
	});
}
