import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { customer } from '../../../../core/registry';
import { externalIdSegment } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { createRecord } from '../../helpers/operations';
import { newRecordFields } from '../fields';
import { readNewRecord } from '../input';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, [
	...newRecordFields(customer),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const { key, body } = await readNewRecord(this, itemIndex, new InputValidator(this, itemIndex), customer);
		return await createRecord(this, itemIndex, {
			path: customer.path,
			body,
			readBackPath: `${customer.path}/${externalIdSegment(key)}`,
		});
	});
}
