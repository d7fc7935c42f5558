import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchingField, upsertItems } from '../../helpers/upsert';
import { buildCreditEntry } from '../credit';
import {
	CREDIT_NOTE,
	creditNoteIdField,
	creditNoteNumberField,
	creditNoteRequiredFields,
	creditNoteStatusField,
} from './fields';

const properties: INodeProperties[] = [
	{
		...creditNoteIdField,
		description:
			"The credit note's ID in your own system. A credit note with this ID is updated; otherwise one is created.",
	},
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
	batchingField,
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: CREDIT_NOTE.collectionPath,
		bulkPath: CREDIT_NOTE.bulkPath,
		keyLabel: `${CREDIT_NOTE.noun} ID`,
		buildEntry: async (itemIndex, check) => await buildCreditEntry(this, itemIndex, check, CREDIT_NOTE),
	});
}
