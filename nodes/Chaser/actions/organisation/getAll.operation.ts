import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../../core/items';
import { getRecords } from '../../helpers/operations';
import { optionsField } from '../../../../core/fields';
import { ORGANISATIONS_PATH } from '../../../../core/registry';
import { returnAllOrLimit } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => await getRecords(this, itemIndex, { path: ORGANISATIONS_PATH }));
}
