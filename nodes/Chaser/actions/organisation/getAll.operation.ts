import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { getRecords } from '../../helpers/operations';
import { optionsField, returnAllOrLimit } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => await getRecords(this, itemIndex, { path: '/v1/organisations' }));
}
