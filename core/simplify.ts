import type { IDataObject } from 'n8n-workflow';

/** Keeps only `fields` (those present), in that order. */
export function pick(record: IDataObject, fields: readonly string[]): IDataObject {
	const result: IDataObject = {};
	for (const field of fields) {
		if (record[field] !== undefined) result[field] = record[field];
	}
	return result;
}

export function simplifyAll(records: IDataObject[], fields: readonly string[], simplify: boolean): IDataObject[] {
	return simplify ? records.map((record) => pick(record, fields)) : records;
}
