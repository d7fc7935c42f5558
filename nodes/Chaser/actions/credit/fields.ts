import type { INodeProperties } from 'n8n-workflow';

import { optionsField, recordLocator, simplifyField } from '../../../../core/fields';
import type { ResourceDefinition } from '../../../../core/registry';
import {
	batchingOptions,
	currencyFilter,
	customerFilter,
	dateRangeFilters,
	exactTextFilter,
	filtersField,
	newRecordFields,
	returnAllOrLimit,
	statusFilter,
	updateFieldsField,
} from '../fields';

/**
 * Credit notes and overpayments are both customer credit of the same shape (an amount, the part of it not yet
 * allocated to invoices, a currency, a date and a status), so their operations' fields are written once, here.
 */

/** The text fields Chaser requires other than your own ID (the credit note number): filters that match exactly. */
export function ownTextFilters(resource: ResourceDefinition): INodeProperties[] {
	return Object.entries(resource.fields ?? {})
		.filter(([wireName, field]) => field.kind === 'text' && field.required && wireName !== resource.key?.field)
		.map(([wireName, field]) =>
			exactTextFilter({
				// "Credit Note Number (Exact)" is cut off in the editor; "No." keeps it whole.
				label: field.label.replace(/ Number$/, ' No.'),
				name: wireName,
				placeholder: field.placeholder ?? '',
				help: `The whole ${field.label.toLowerCase()}, exactly as in Chaser`,
			}),
		);
}

/** The fields of each operation, by operation. */
export function creditFields(resource: ResourceDefinition): Record<'create' | 'get' | 'getAll' | 'update' | 'upsert', INodeProperties[]> {
	return {
		create: [...newRecordFields(resource), optionsField()],
		upsert: [...newRecordFields(resource), optionsField(batchingOptions)],
		get: [recordLocator(resource), simplifyField, optionsField()],
		getAll: [
			...returnAllOrLimit,
			filtersField([
				...ownTextFilters(resource),
				currencyFilter,
				customerFilter(resource),
				...dateRangeFilters(resource),
				statusFilter(resource),
			]),
			simplifyField,
			optionsField(),
		],
		update: [recordLocator(resource), updateFieldsField(resource), optionsField()],
	};
}
