import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../../core/items';
import { chaserRequest } from '../../../../core/transport';
import { optionsField } from '../../../../core/fields';
import { organisation as organisations } from '../../../../core/registry';

const properties: INodeProperties[] = [
	{
		displayName:
			'Returns the organisation the API key in the credential belongs to: its name, base currency, time zone and when Chaser last synced it',
		name: 'getNotice',
		type: 'notice',
		default: '',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['get'] } }, properties);

/** The organisation takes no input, so it is read once per run and paired with every input item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	let organisation: IDataObject | undefined;
	return await forEachItem(this, async (itemIndex) => {
		if (!organisation) {
			const envelope = await chaserRequest(this, { method: 'GET', path: organisations.path, itemIndex });
			organisation = envelope.data as IDataObject;
		}
		return { ...organisation };
	});
}
