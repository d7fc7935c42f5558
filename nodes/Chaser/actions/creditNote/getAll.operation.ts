import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { simplifyAll } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserPaginate, filterQuery } from '../../transport';
import { byDisplayName, returnAllOrLimit, simplifyField } from '../common.descriptions';
import { creditFilterConditions, creditFilterOptions } from '../credit';
import { CREDIT_NOTE, CREDIT_NOTE_SUMMARY_FIELDS, creditNoteStatusOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: byDisplayName([
			{
				displayName: 'Credit Note Number',
				name: 'credit_note_number',
				type: 'string',
				default: '',
				placeholder: 'e.g. CN-0042',
				description: 'The number printed on the credit note, matched exactly',
			},
			...creditFilterOptions('credit notes', creditNoteStatusOptions, 'ACTIVE'),
		]),
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['creditNote'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			...creditFilterConditions(filters, check, CREDIT_NOTE),
			{ field: 'credit_note_number', operator: 'eq', value: check.text(filters.credit_note_number, 'Credit Note Number') },
		]);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const creditNotes = await chaserPaginate(this, CREDIT_NOTE.collectionPath, qs, {
			max: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			itemIndex,
		});
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplifyAll(creditNotes, CREDIT_NOTE_SUMMARY_FIELDS, simplify);
	});
}
