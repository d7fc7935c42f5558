import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import type { ResourceDefinition } from '../../../../core/registry';
import { externalIdSegment, filterQuery } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import {
	createRecord,
	currencyCondition,
	customerCondition,
	dateConditions,
	getRecord,
	getRecords,
	statusCondition,
	updateRecord,
} from '../../helpers/operations';
import { upsertItems } from '../../helpers/upsert';
import { readNewRecord, readUpdateFields } from '../input';
import { ownTextFilters } from './fields';

/**
 * What credit notes and overpayments do, written once for both (see fields.ts). Each resource's operation files
 * hand in their registry entry.
 */

/** Remaining Credit is the part of the total not yet allocated, so it cannot be more than the total. */
function checkCredit(body: IDataObject, check: InputValidator): IDataObject {
	if (typeof body.total === 'number' && typeof body.remaining_credit === 'number' && body.remaining_credit > body.total) {
		check.fail(
			`"Remaining Credit" (${body.remaining_credit}) cannot be more than "Total" (${body.total})`,
			'Remaining Credit is the part of the total not yet allocated to invoices.',
		);
	}
	return body;
}

async function readNewCredit(context: IExecuteFunctions, itemIndex: number, check: InputValidator, resource: ResourceDefinition) {
	return await readNewRecord(context, itemIndex, check, resource, (fields) => checkCredit(fields, check));
}

export async function createCredit(context: IExecuteFunctions, resource: ResourceDefinition): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const { key, body } = await readNewCredit(context, itemIndex, new InputValidator(context, itemIndex), resource);
		return await createRecord(context, itemIndex, {
			path: resource.path,
			body,
			readBackPath: `${resource.path}/${externalIdSegment(key)}`,
		});
	});
}

export async function upsertCredits(context: IExecuteFunctions, resource: ResourceDefinition): Promise<INodeExecutionData[]> {
	return await upsertItems(context, {
		collectionPath: resource.path,
		bulkPath: resource.bulkPath ?? '',
		keyLabel: resource.key?.label ?? 'ID',
		buildEntry: async (itemIndex, check) => await readNewCredit(context, itemIndex, check, resource),
	});
}

export async function getCredit(context: IExecuteFunctions, resource: ResourceDefinition): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const ref = recordRef(context, itemIndex, new InputValidator(context, itemIndex), resource);
		return await getRecord(
			context,
			itemIndex,
			{ path: recordPath(resource, ref), notFoundMessage: recordNotFound(resource, ref) },
			resource.summary,
		);
	});
}

export async function getCredits(context: IExecuteFunctions, resource: ResourceDefinition): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const check = new InputValidator(context, itemIndex);
		const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			currencyCondition(filters.currency_code, check),
			customerCondition(filters.customer_external_id, check),
			...dateConditions('date', filters.date_from, filters.date_to, { from: 'Date From', to: 'Date To' }, check),
			statusCondition(filters.status, resource, check),
			...ownTextFilters(resource).map((filter) => ({
				field: filter.name,
				operator: 'eq' as const,
				value: check.text(filters[filter.name], filter.displayName),
			})),
		]);
		return await getRecords(context, itemIndex, { path: resource.path, qs }, resource.summary);
	});
}

export async function updateCredit(context: IExecuteFunctions, resource: ResourceDefinition): Promise<INodeExecutionData[]> {
	return await forEachItem(context, async (itemIndex) => {
		const check = new InputValidator(context, itemIndex);
		const ref = recordRef(context, itemIndex, check, resource);
		return await updateRecord(context, itemIndex, check, {
			path: recordPath(resource, ref),
			body: checkCredit(readUpdateFields(context, itemIndex, check, resource), check),
			notFoundMessage: recordNotFound(resource, ref),
		});
	});
}
