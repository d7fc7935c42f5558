import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { byDisplayName } from '../common.descriptions';
import { creditNotFound, creditPath, creditUpdateBody, creditUpdateOptions, readCreditId } from '../credit';
import { CREDIT_NOTE, creditNoteIdField, creditNoteStatusField } from './fields';

const properties: INodeProperties[] = [
	{ ...creditNoteIdField, description: "The ID in your own system of the credit note to update (its credit_note_id in Chaser)" },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byDisplayName([
			{
				displayName: 'Credit Note Number',
				name: 'credit_note_number',
				type: 'string',
				default: '',
				placeholder: 'e.g. CN-0042',
				description: 'The number printed on the credit note',
			},
			creditNoteStatusField,
			...creditUpdateOptions('credit note'),
		]),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const id = readCreditId(this, itemIndex, check, CREDIT_NOTE);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = creditUpdateBody(fields, check, CREDIT_NOTE);
		const envelope = await chaserRequest(this, {
			method: 'PUT',
			path: creditPath(CREDIT_NOTE, id),
			body,
			itemIndex,
			notFoundMessage: creditNotFound(CREDIT_NOTE, id),
		});
		return envelope.data as IDataObject;
	});
}
