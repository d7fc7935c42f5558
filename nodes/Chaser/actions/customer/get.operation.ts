import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator, simplifyField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { customer } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { getRecord } from '../../helpers/operations';
import { extraFieldsOption } from './extraFields';
import { extraFieldsQuery, requestedExtras } from './input';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, [
	recordLocator(customer),
	simplifyField,
	optionsField([extraFieldsOption]),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const ref = recordRef(this, itemIndex, new InputValidator(this, itemIndex), customer);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await getRecord(
			this,
			itemIndex,
			{ path: recordPath(customer, ref), qs: extraFieldsQuery(options), notFoundMessage: recordNotFound(customer, ref) },
			[...customer.summary, ...requestedExtras(options)],
		);
	});
}
