import type { IDataObject } from 'n8n-workflow';

import type { FieldDefinition, ResourceDefinition } from './registry';
import { statusValues } from './registry';
import { locatorParts } from './records';
import type { InputValidator } from './validation';
import { isBlank } from './validation';

/**
 * Request bodies from what the editor gives, by the registry's field kinds. The editor's field names are
 * Chaser's wire names, so building a body is mostly dropping empty values and checking each value by its kind.
 */

/**
 * The body for the set fields of a collection (Additional Fields, Update Fields), each checked and converted
 * by its kind in `resource.fields`. A blank field counts as not set, as an empty field in the editor does.
 */
export function recordBody(resource: ResourceDefinition, fields: IDataObject, check: InputValidator): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const field = resource.fields?.[name];
		const converted = field ? convert(resource, field, value, check) : copied(value);
		if (converted !== undefined) body[name] = converted;
	}
	return body;
}

/** One value checked and converted by its field's kind; undefined when it is not set. */
export function convert(
	resource: ResourceDefinition,
	field: FieldDefinition,
	value: unknown,
	check: InputValidator,
): IDataObject[string] {
	const { kind, label } = field;
	if (kind === 'text') return check.text(value, label);
	if (kind === 'customer') return check.text(locatorParts(value).value, label);
	if (isBlank(value)) return undefined;
	switch (kind) {
		case 'email':
			return check.email(value, label);
		case 'amount':
			return check.amount(value, label, { min: 0 });
		case 'date':
			return check.date(value, label);
		case 'currency':
			return check.currency(value, label);
		case 'status':
			return check.oneOf(typeof value === 'string' ? value.trim() : value, statusValues(resource), label);
		case 'payments':
			return payments(value, check);
		case 'addresses':
			return addresses(value, check);
		case 'groups':
			return groups(value, check);
	}
	return copied(value);
}

function copied(value: unknown): IDataObject[string] {
	if (isBlank(value)) return undefined;
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

function addresses(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'address').map((address, index) => {
		const body: IDataObject = {};
		for (const [field, entry] of Object.entries(address)) {
			const converted =
				field in ADDRESS_TEXTS
					? check.text(entry, `Addresses > Address ${index + 1} > ${ADDRESS_TEXTS[field]}`)
					: copied(entry);
			if (converted !== undefined) body[field] = converted;
		}
		return body;
	});
}

function groups(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'group').map((group, index) => ({
		name: check.requiredText(group.name, `Groups > Group ${index + 1} > Name`),
		status: group.status ?? 'ACTIVE',
	}));
}

function payments(value: unknown, check: InputValidator): IDataObject[] {
	return fixedCollectionList(value, 'payment').map((payment, index) => ({
		amount: check.amount(payment.amount, `Payments > Payment ${index + 1} > Amount`, { positive: true }),
		date: check.date(payment.date, `Payments > Payment ${index + 1} > Date`),
	}));
}
