import type { JsonSchema } from '../../core/schemas';
import { NODE_FIELDS, objectSchema, readSchema } from '../../core/schemas';
import { EVENTS } from './events';

/**
 * The trigger's output schema for the editor (n8n asks for one per node version, whatever the event): every
 * event's item with Simplify (on by default), merged: `event`, `days_overdue` (Invoice Overdue) and the record's
 * summary fields, as `toItem` in poll.ts builds them.
 */
export function triggerSchema(): JsonSchema {
	const properties: Record<string, JsonSchema> = { event: NODE_FIELDS.event, days_overdue: NODE_FIELDS.days_overdue };
	for (const event of Object.values(EVENTS)) {
		const record = readSchema({ ...event.resource, summary: event.summaryFields });
		Object.assign(properties, record.properties);
	}
	return objectSchema(properties);
}
