import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField } from '../../../../core/fields';
import { contactPerson } from '../../../../core/registry';
import { upsertItems } from '../../helpers/upsert';
import { batchingOptions, newRecordFields } from '../fields';
import { readNewRecord } from '../input';
import { contactsCustomerField, contactsOf } from './input';

export const description = updateDisplayOptions({ show: { resource: ['contactPerson'], operation: ['upsert'] } }, [
	contactsCustomerField,
	...newRecordFields(contactPerson),
	optionsField(batchingOptions),
]);

/** A CRM that sends the same contact again updates it: matched on its external ID within its customer. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await upsertItems(this, {
		collectionPath: contactPerson.path,
		bulkPath: contactPerson.bulkPath,
		keyLabel: contactPerson.key.label,
		buildEntry: async (itemIndex, check) => {
			const { collectionPath, bulkPath, notFoundMessage } = contactsOf(this, itemIndex, check);
			const { key, body } = await readNewRecord(this, itemIndex, check, contactPerson);
			return { key, body, target: { collectionPath, bulkPath, notFoundMessage } };
		},
	});
}
