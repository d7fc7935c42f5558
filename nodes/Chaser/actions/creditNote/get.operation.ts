import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { pick } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { simplifyField } from '../common.descriptions';
import { creditNotFound, creditPath, readCreditId } from '../credit';
import { CREDIT_NOTE, CREDIT_NOTE_SUMMARY_FIELDS, creditNoteIdField } from './fields';

const properties: INodeProperties[] = [
	{ ...creditNoteIdField, description: "The credit note's ID in your own system (its credit_note_id in Chaser)" },
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const id = readCreditId(this, itemIndex, check, CREDIT_NOTE);
		const envelope = await chaserRequest(this, {
			method: 'GET',
			path: creditPath(CREDIT_NOTE, id),
			itemIndex,
			notFoundMessage: creditNotFound(CREDIT_NOTE, id),
		});
		const creditNote = envelope.data as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplify ? pick(creditNote, CREDIT_NOTE_SUMMARY_FIELDS) : creditNote;
	});
}
