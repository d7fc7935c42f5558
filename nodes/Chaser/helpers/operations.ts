import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locatorParts } from '../../../core/records';
import type { ResourceDefinition } from '../../../core/registry';
import { statusValues } from '../../../core/registry';
import { pick, simplifyAll } from '../../../core/simplify';
import type { FilterOperator } from '../../../core/transport';
import { chaserPaginate, chaserRequest } from '../../../core/transport';
import type { InputValidator } from '../../../core/validation';
import { isBlank } from '../../../core/validation';

/**
 * What Create, Get, Get Many and Update do the same way for every record, whatever its path and fields.
 * Simplify, Return All and Limit are read here under the names the shared fields give them.
 */

interface ReadRequest {
	path: string;
	qs?: IDataObject;
	/** What a 404 means here, e.g. which record was not found. */
	notFoundMessage?: string;
}

/** Create: POST to the collection; an ambiguous failure is settled by reading the record back at `readBackPath`. */
export async function createRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	request: { path: string; body: IDataObject; readBackPath: string; notFoundMessage?: string },
): Promise<IDataObject> {
	const envelope = await chaserRequest(context, { method: 'POST', ...request, itemIndex });
	return envelope.data as IDataObject;
}

/** Get: one record, reduced to `summaryFields` when Simplify is on. */
export async function getRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	request: ReadRequest,
	summaryFields?: readonly string[],
): Promise<IDataObject> {
	const envelope = await chaserRequest(context, { method: 'GET', ...request, itemIndex });
	return simplifiedRecord(context, itemIndex, envelope.data as IDataObject, summaryFields);
}

/** A record Chaser answered with, reduced to `summaryFields` when the item's Simplify is on. */
export function simplifiedRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	record: IDataObject,
	summaryFields?: readonly string[],
): IDataObject {
	return summaryFields && simplified(context, itemIndex) ? pick(record, summaryFields) : record;
}

/** Get Many: every record (Return All) or up to Limit, each reduced to `summaryFields` when Simplify is on. */
export async function getRecords(
	context: IExecuteFunctions,
	itemIndex: number,
	request: ReadRequest,
	summaryFields?: readonly string[],
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const records = await chaserPaginate(context, request.path, request.qs ?? {}, {
		max: returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number),
		itemIndex,
		notFoundMessage: request.notFoundMessage,
	});
	return summaryFields ? simplifyAll(records, summaryFields, simplified(context, itemIndex)) : records;
}

/** Update: the fields set in Update Fields (at least one), sent with PUT; resolves to the record as stored. */
export async function updateRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	request: { path: string; body: IDataObject; notFoundMessage: string },
): Promise<IDataObject> {
	if (Object.keys(request.body).length === 0) check.fail('Set at least one field in "Update Fields"');
	const envelope = await chaserRequest(context, { method: 'PUT', ...request, itemIndex });
	return envelope.data as IDataObject;
}

function simplified(context: IExecuteFunctions, itemIndex: number): boolean {
	return context.getNodeParameter('simplify', itemIndex, true) as boolean;
}

/** One condition of a Get Many query, for `filterQuery`. */
export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	value: unknown;
}

/** The Status filter: any of the chosen statuses (from an expression, a comma-separated text too). */
export function statusCondition(value: unknown, resource: ResourceDefinition, check: InputValidator): FilterCondition {
	const allowed = statusValues(resource);
	const chosen = Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split(',');
	const statuses = chosen.map((status) => check.oneOf(String(status).trim(), allowed, 'Status'));
	return { field: 'status', operator: 'in', value: statuses.length > 0 ? statuses : undefined };
}

/** The Customer filter (picked from the list or by your ID). */
export function customerCondition(value: unknown, check: InputValidator): FilterCondition {
	return { field: 'customer_external_id', operator: 'eq', value: check.text(locatorParts(value).value, 'Customer') };
}

/** The Currency Code filter. */
export function currencyCondition(value: unknown, check: InputValidator): FilterCondition {
	return { field: 'currency_code', operator: 'eq', value: isBlank(value) ? undefined : check.currency(value, 'Currency Code') };
}

/** A From … To date filter on `field`, the last day whole. */
export function dateConditions(
	field: string,
	from: unknown,
	to: unknown,
	labels: { from: string; to: string },
	check: InputValidator,
): FilterCondition[] {
	const range = check.dateRange(from, to, labels);
	return [
		{ field, operator: 'gte', value: range.from },
		{ field, operator: 'lte', value: range.to },
	];
}
