import { NODE_FIELDS, objectSchema, readSchema, recordSchema } from '../../../core/schemas';
import type { JsonSchema } from '../../../core/schemas';
import type { ResourceDefinition } from '../../../core/registry';
import { invoicePdf } from '../../../core/registry/invoice';
import { invoiceHistory } from '../../../core/registry/invoiceHistory';
import { operationsOf } from './index';

/** A reminder in an invoice's history, as Get History and Get Many History output it (all text). */
const HISTORY_ENTRY = objectSchema(Object.fromEntries(invoiceHistory.entryFields.map((name) => [name, { type: 'string' } as JsonSchema])));

/**
 * What each operation outputs, as a schema for the editor (see core/schemas.ts): the same registry definitions
 * the operations read their records and Simplify fields from. An operation without an entry here fails the build.
 */
const OUTPUTS: Record<string, (resource: ResourceDefinition) => JsonSchema> = {
	get: readSchema,
	getAll: readSchema,
	create: (resource) => recordSchema(resource),
	update: (resource) => recordSchema(resource),
	// Bulk (the default): the record as sent plus id and created; one by one: the record Chaser holds plus created.
	upsert: (resource) => recordSchema(resource, undefined, { created: NODE_FIELDS.created, skipped: NODE_FIELDS.skipped }),
	delete: () => objectSchema({ deleted: NODE_FIELDS.deleted }),
	recordPayment: (resource) =>
		recordSchema(resource, undefined, {
			overpaid_amount: NODE_FIELDS.overpaid_amount,
			payment_already_recorded: NODE_FIELDS.payment_already_recorded,
		}),
	// Simplify (on by default): which invoice it is and where its PDF now is.
	uploadPdf: (resource) => recordSchema(resource, invoicePdf.summary),
	getHistory: () => HISTORY_ENTRY,
	getManyHistory: () => HISTORY_ENTRY,
	// Chaser's answer to a sync, data: { result: true } (see Chaser's API reference, organisation sync).
	sync: () => objectSchema({ result: { type: 'boolean' } }),
};

/** Every operation's output schema, by resource and operation (as n8n's `/schemas/…/<resource>/<operation>.json`). */
export function operationSchemas(): Array<{ resource: string; operation: string; schema: JsonSchema }> {
	return operationsOf().map(({ resource, operation }) => {
		const output = OUTPUTS[operation];
		if (!output) throw new Error(`No output schema for ${resource.value} → ${operation}: add one in nodes/Chaser/actions/outputs.ts`);
		return { resource: resource.value, operation, schema: output(resource) };
	});
}
