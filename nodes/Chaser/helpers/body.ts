import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from './validation';
import { isBlank } from './validation';

/**
 * Builders for request bodies. The editor's field names are already Chaser's snake_case wire names,
 * so building a body is mostly dropping empty values and validating each value by its kind.
 */

/** The editor labels of a collection's fields, by wire name and kind of value. */
export interface FieldKinds {
	/** Fields Chaser types as text: numbers become their decimal text (see `InputValidator.text`). */
	texts?: Record<string, string>;
	/** Calendar dates, sent as midnight UTC of the date meant (see `InputValidator.date`). */
	dates?: Record<string, string>;
	/** Money: a number of 0 or more. */
	amounts?: Record<string, string>;
	currencies?: Record<string, string>;
}

/**
 * The body for the set fields of an editor collection (Additional Fields, Update Fields, an address),
 * each validated and converted by its kind. A blank field counts as not set, as an empty field in the
 * editor does. Fields of no listed kind (options such as a status) are copied, text trimmed.
 */
export function typedBody(fields: IDataObject, check: InputValidator, kinds: FieldKinds): IDataObject {
	const body: IDataObject = {};
	for (const [field, value] of Object.entries(fields)) {
		const converted = convert(field, value, check, kinds);
		if (converted !== undefined) body[field] = converted;
	}
	return body;
}

function convert(field: string, value: unknown, check: InputValidator, kinds: FieldKinds): IDataObject[string] {
	const { texts = {}, dates = {}, amounts = {}, currencies = {} } = kinds;
	if (field in texts) return check.text(value, texts[field]);
	if (isBlank(value)) return undefined;
	if (field in dates) return check.date(value, dates[field]);
	if (field in amounts) return check.amount(value, amounts[field], { min: 0 });
	if (field in currencies) return check.currency(value, currencies[field]);
	return typeof value === 'string' ? value.trim() : (value as IDataObject[string]);
}

/** Unwraps a fixedCollection (`{ address: [...] }`) into the plain array Chaser expects. */
function fixedCollectionList(value: unknown, key: string): IDataObject[] {
	if (!value || typeof value !== 'object') return [];
	const list = (value as IDataObject)[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

const ADDRESS_TEXTS: Record<string, string> = {
	address_line1: 'Address Line 1',
	address_line2: 'Address Line 2',
	address_line3: 'Address Line 3',
	address_line4: 'Address Line 4',
	city: 'City',
	country: 'Country',
	postal_code: 'Postal Code',
	region: 'Region',
};

export function addresses(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'address').map((address, index) => {
		const texts = Object.fromEntries(
			Object.entries(ADDRESS_TEXTS).map(([field, label]) => [field, `Addresses > Address ${index + 1} > ${label}`]),
		);
		return typedBody(address, check, { texts });
	});
}

export function groups(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'group').map((group, index) => ({
		name: check.requiredText(group.name, `Groups > Group ${index + 1} > Name`),
		status: group.status ?? 'ACTIVE',
	}));
}

export function payments(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'payment').map((payment, index) => ({
		amount: check.amount(payment.amount, `Payments > Payment ${index + 1} > Amount`, { positive: true }),
		date: check.date(payment.date, `Payments > Payment ${index + 1} > Date`),
	}));
}
