import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { buildCreditEntry, creditPath } from '../credit';
import {
	CREDIT_NOTE,
	creditNoteIdField,
	creditNoteNumberField,
	creditNoteRequiredFields,
	creditNoteStatusField,
} from './fields';

const properties: INodeProperties[] = [
	creditNoteIdField,
	creditNoteNumberField,
	...creditNoteRequiredFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [creditNoteStatusField],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const { key, body } = await buildCreditEntry(this, itemIndex, check, CREDIT_NOTE);
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: CREDIT_NOTE.collectionPath,
			body,
			itemIndex,
			readBackPath: creditPath(CREDIT_NOTE, key),
		});
		return envelope.data as IDataObject;
	});
}
