import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingOptions, upsertItems } from '../../helpers/upsert';
import { optionsField } from '../common.descriptions';
import { CUSTOMERS_PATH, newCustomer, newCustomerFields } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, [
	...newCustomerFields,
	optionsField(batchingOptions),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: CUSTOMERS_PATH,
		bulkPath: '/v1/bulk/customers',
		keyLabel: 'external ID',
		buildEntry: async (itemIndex, check) => newCustomer(this, itemIndex, check),
	});
}
