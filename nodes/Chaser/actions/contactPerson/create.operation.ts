import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { contactPerson } from '../../../../core/registry';
import { externalIdSegment } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { createRecord } from '../../helpers/operations';
import { newRecordFields } from '../fields';
import { readNewRecord } from '../input';
import { contactsCustomerField, contactsOf } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['create'] } }, [
	contactsCustomerField,
	...newRecordFields(contactPerson),
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const contacts = contactsOf(this, itemIndex, check);
		const { key, body } = await readNewRecord(this, itemIndex, check, contactPerson);
		return await createRecord(this, itemIndex, {
			path: contacts.collectionPath,
			body,
			notFoundMessage: contacts.notFoundMessage,
			readBackPath: `${contacts.collectionPath}/${externalIdSegment(key)}`,
		});
	});
}
