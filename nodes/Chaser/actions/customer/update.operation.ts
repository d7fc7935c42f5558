import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { customer } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { updateRecord } from '../../helpers/operations';
import { updateFieldsField } from '../fields';
import { readUpdateFields } from '../input';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, [
	recordLocator(customer),
	updateFieldsField(customer),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, customer);
		return await updateRecord(this, itemIndex, check, {
			path: recordPath(customer, ref),
			body: readUpdateFields(this, itemIndex, check, customer),
			notFoundMessage: recordNotFound(customer, ref),
		});
	});
}
