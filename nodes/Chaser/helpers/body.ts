import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from './validation';

/**
 * Builders for request bodies. The editor's field names are already Chaser's snake_case wire names,
 * so building a body is mostly dropping empty values and validating types.
 */

/**
 * Copies the set values of `fields` (editor collections) into a body. Text is trimmed, and text that is
 * empty after trimming counts as not set, as an empty field in the editor does.
 */
export function compact(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const trimmed = typeof value === 'string' ? value.trim() : value;
		if (trimmed === undefined || trimmed === null || trimmed === '') continue;
		body[key] = trimmed;
	}
	return body;
}

/** Unwraps a fixedCollection (`{ address: [...] }`) into the plain array Chaser expects. */
function fixedCollectionList(value: unknown, key: string): IDataObject[] {
	if (!value || typeof value !== 'object') return [];
	const list = (value as IDataObject)[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

export function addresses(value: unknown): IDataObject[] {
	return fixedCollectionList(value, 'address').map((address) => compact(address));
}

export function groups(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'group').map((group, index) => ({
		name: check.requiredString(group.name, `Groups > Group ${index + 1} > Name`),
		status: group.status ?? 'ACTIVE',
	}));
}

export function payments(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'payment').map((payment, index) => ({
		amount: check.amount(payment.amount, `Payments > Payment ${index + 1} > Amount`, { positive: true }),
		date: check.dateTime(payment.date, `Payments > Payment ${index + 1} > Date`),
	}));
}

/**
 * Converts the date and amount fields present in `body` in place, naming each by its editor label.
 * Used by create and update alike, so both accept the same inputs.
 */
export function normaliseTypes(
	body: IDataObject,
	check: InputValidator,
	types: { dates?: Record<string, string>; amounts?: Record<string, string>; currencies?: Record<string, string> },
): IDataObject {
	for (const [field, label] of Object.entries(types.dates ?? {})) {
		if (body[field] !== undefined) body[field] = check.dateTime(body[field], label);
	}
	for (const [field, label] of Object.entries(types.amounts ?? {})) {
		if (body[field] !== undefined) body[field] = check.amount(body[field], label);
	}
	for (const [field, label] of Object.entries(types.currencies ?? {})) {
		if (body[field] !== undefined) body[field] = check.currency(body[field], label);
	}
	return body;
}
