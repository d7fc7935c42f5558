import type { IDataObject } from 'n8n-workflow';

/** The computed fields chosen in Options' Include Extra Fields, which Chaser adds only when asked. */
export function requestedExtras(options: IDataObject): string[] {
	return Array.isArray(options.extraFields) ? (options.extraFields as string[]) : [];
}

/** The query that asks for them (`additional_fields`). */
export function extraFieldsQuery(options: IDataObject): IDataObject {
	const extras = requestedExtras(options);
	return extras.length > 0 ? { additional_fields: extras.join(',') } : {};
}
