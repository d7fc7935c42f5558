import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { createRecord } from '../../helpers/operations';
import { InputValidator } from '../../helpers/validation';
import { externalIdSegment } from '../../transport';
import { optionsField } from '../common.descriptions';
import { CUSTOMERS_PATH, newCustomer, newCustomerFields } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, [
	...newCustomerFields,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const { key, body } = newCustomer(this, itemIndex, new InputValidator(this, itemIndex));
		return await createRecord(this, itemIndex, {
			path: CUSTOMERS_PATH,
			body,
			readBackPath: `${CUSTOMERS_PATH}/${externalIdSegment(key)}`,
		});
	});
}
