import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../../core/fields';
import type { RecordRef } from '../../../../core/records';
import { describeRecord, recordNotFound, recordRef } from '../../../../core/records';
import { contactPerson, contactPersonsBulkPath, contactPersonsPath, customer } from '../../../../core/registry';
import type { InputValidator } from '../../../../core/validation';
import type { UpsertTarget } from '../../helpers/upsert';

/** Every contact person operation first picks the customer the person works for. */
export const contactsCustomerField: INodeProperties = recordLocator(customer, {
	description: 'The customer the contact person works for',
});

/** The customer an item's contact person belongs to, and where its contact persons live. */
export function contactsOf(context: IExecuteFunctions, itemIndex: number, check: InputValidator) {
	const owner = recordRef(context, itemIndex, check, customer);
	const target: UpsertTarget = {
		collectionPath: contactPersonsPath(owner.segment),
		bulkPath: contactPersonsBulkPath(owner.segment),
		// The list itself always exists, so a 404 there means the customer does not.
		notFoundMessage: recordNotFound(customer, owner),
	};
	return { owner, ...target };
}

/** The contact person an item addresses, below its customer. */
export function contactRef(context: IExecuteFunctions, itemIndex: number, check: InputValidator) {
	const contacts = contactsOf(context, itemIndex, check);
	const contact = recordRef(context, itemIndex, check, contactPerson);
	return {
		path: `${contacts.collectionPath}/${contact.segment}`,
		notFoundMessage: contactNotFound(contacts.owner, contact),
	};
}

function contactNotFound(owner: RecordRef, contact: RecordRef): string {
	return `No ${describeRecord(contactPerson, contact)} exists for the ${describeRecord(customer, owner)} in Chaser (or that customer does not exist)`;
}
