import type { FieldDefinition, JsonType, ResourceDefinition } from './registry/resource';

/**
 * Output schemas: what n8n's editor shows to map from before a node has run (it asks for
 * /schemas/<package>.<node>/<version>/<resource>/<operation>.json; see scripts/schemas.js, which writes them into
 * dist/ at build time). Built from the registry, the same definitions the outputs come from: a record's fields
 * (what the node sends, by kind), what Chaser adds to the records it returns (`returned`), and what Simplify keeps
 * (`summary`). Every property is optional, and Chaser may send null for a field without a value.
 */
export interface JsonSchema {
	type: 'object' | 'array' | JsonType;
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

const string: JsonSchema = { type: 'string' };
const number: JsonSchema = { type: 'number' };

export function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
	return { type: 'object', properties };
}

/** The lists inside a record: what the node sends as Payments, Addresses and Groups, and Chaser returns. */
const LISTS: Record<'payments' | 'addresses' | 'groups', JsonSchema> = {
	payments: { type: 'array', items: objectSchema({ amount: number, date: string }) },
	addresses: {
		type: 'array',
		items: objectSchema(
			Object.fromEntries(
				['address_type', 'address_line1', 'address_line2', 'address_line3', 'address_line4', 'city', 'region', 'postal_code', 'country'].map(
					(name) => [name, string],
				),
			),
		),
	},
	groups: { type: 'array', items: objectSchema({ id: string, name: string, status: string }) },
};

/** What the node adds to Chaser's records, by the operation that adds it. */
export const NODE_FIELDS = {
	/** Create or Update: whether the record was created (false: updated). */
	created: { type: 'boolean' },
	/** Create or Update with Skip Unchanged Records: not sent, as it had not changed. */
	skipped: { type: 'boolean' },
	/** Delete. */
	deleted: { type: 'boolean' },
	/** Record Payment: how much of the payment was more than was due. */
	overpaid_amount: number,
	/** Record Payment with a Payment Reference: recorded by an earlier run, so nothing was added. */
	payment_already_recorded: { type: 'boolean' },
	/** Chaser Trigger: the event's name, and for Invoice Overdue how many days overdue. */
	event: string,
	days_overdue: number,
} satisfies Record<string, JsonSchema>;

function kindSchema(field: FieldDefinition): JsonSchema {
	switch (field.kind) {
		case 'amount':
			return number;
		case 'payments':
		case 'addresses':
		case 'groups':
			return LISTS[field.kind];
		default:
			return string;
	}
}

/** One field of a resource's records; a field the registry does not know is a build error, not a guess. */
export function fieldSchema(resource: ResourceDefinition, name: string): JsonSchema {
	const field = resource.fields?.[name];
	if (field) return kindSchema(field);
	const returned = resource.returned?.[name];
	if (returned) return { type: returned };
	throw new Error(`The registry has no type for ${resource.value}.${name}: add it to the resource's fields or returned`);
}

/** Every field a full record has: what the node sends and what Chaser adds. */
export function recordFieldNames(resource: ResourceDefinition): string[] {
	const returned = Object.keys(resource.returned ?? {});
	return [...new Set([...returned.filter((name) => name === 'id'), ...Object.keys(resource.fields ?? {}), ...returned])];
}

/** A record with `names` (default: every field), then `extra`. */
export function recordSchema(
	resource: ResourceDefinition,
	names: readonly string[] = recordFieldNames(resource),
	extra: Record<string, JsonSchema> = {},
): JsonSchema {
	return objectSchema({ ...Object.fromEntries(names.map((name) => [name, fieldSchema(resource, name)])), ...extra });
}

/** What Get and Get Many output by default: the summary fields with Simplify (on by default), else the record. */
export function readSchema(resource: ResourceDefinition): JsonSchema {
	return recordSchema(resource, resource.summary ?? recordFieldNames(resource));
}

/** The "1.0.0" of a typeVersion, as n8n names the schema folder (v1.0.0) and asks for it. */
export function schemaVersion(version: number): string {
	return String(version).split('.').concat(['0', '0']).slice(0, 3).join('.');
}
