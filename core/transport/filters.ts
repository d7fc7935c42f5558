import type { IDataObject } from 'n8n-workflow';

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin';

/**
 * How list filters go on the wire. Chaser's public docs do not settle the format (see README,
 * "Where the Chaser API is unsure"); `filter[field][op]=value` is the best-supported reading.
 * This is the one place to change if Chaser wants another.
 */
function filterParam(field: string, operator: FilterOperator, value: string | number): IDataObject {
	return { [`filter[${field}][${operator}]`]: value };
}

/** Builds the query for a set of `{ field, operator, value }` conditions, skipping empty values. */
export function filterQuery(
	conditions: Array<{ field: string; operator: FilterOperator; value: unknown }>,
): IDataObject {
	const qs: IDataObject = {};
	for (const { field, operator, value } of conditions) {
		if (value === undefined || value === null || value === '') continue;
		const wireValue = Array.isArray(value) ? value.join(',') : (value as string | number);
		Object.assign(qs, filterParam(field, operator, wireValue));
	}
	return qs;
}
