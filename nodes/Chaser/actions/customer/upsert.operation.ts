import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { customer } from '../../../../core/registry';
import { upsertItems } from '../../helpers/upsert';
import { batchingOptions, newRecordFields } from '../fields';
import { readNewRecord } from '../input';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, [
	...newRecordFields(customer),
	optionsField(batchingOptions),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: customer.path,
		bulkPath: customer.bulkPath,
		keyLabel: customer.key.label,
		buildEntry: async (itemIndex, check) => await readNewRecord(this, itemIndex, check, customer),
	});
}
