import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { ResourceDefinition } from './registry';
import { customer } from './registry';
import { chaserRequest, externalIdSegment } from './transport';
import type { InputValidator } from './validation';

/** A record an item addresses, as its resource locator (see `recordLocator`) says. */
export interface RecordRef {
	/** Path segment that addresses the record: `ext_<your ID>` or Chaser's own ID. */
	segment: string;
	/** The record's ID in your own system, when it was picked by it (or from the list). */
	ownId?: string;
	/** How to name the record in a "not found" error, e.g. "invoice ID 'INV-1'". */
	label: string;
}

/** The mode and value of a resource locator's value. A plain value (an AI tool's, say) is the ID from your own system. */
export function locatorParts(locator: unknown): { mode: string; value: unknown } {
	if (typeof locator === 'object' && locator !== null && 'value' in locator) {
		const { mode, value } = locator as INodeParameterResourceLocator;
		return { mode, value };
	}
	return { mode: 'externalId', value: locator };
}

/** Where a locator's value points: "By ID" is Chaser's own ID; "From list" and "Your ID" are your own. */
export function refTo(resource: ResourceDefinition, mode: string, value: string): RecordRef {
	if (mode === 'id') return { segment: encodeURIComponent(value), label: `Chaser ID '${value}'` };
	return { segment: externalIdSegment(value), ownId: value, label: `${resource.key?.label ?? 'ID'} '${value}'` };
}

/** Reads and checks the record an item addresses. */
export function recordRef(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: ResourceDefinition,
): RecordRef {
	const parameter = resource.locator?.parameter ?? resource.value;
	const { mode, value } = locatorParts(context.getNodeParameter(parameter, itemIndex));
	return refTo(resource, mode, check.requiredText(value, resource.name));
}

/** `/v1/<collection>/<segment>`: where the addressed record lives. */
export function recordPath(resource: ResourceDefinition, ref: RecordRef): string {
	return `${resource.path}/${ref.segment}`;
}

export function recordNotFound(resource: ResourceDefinition, ref: RecordRef): string {
	return `No ${resource.noun} with ${ref.label} exists in Chaser`;
}

/**
 * The customer's external ID, which invoices, credit notes and overpayments reference.
 * A customer picked by Chaser ID costs one read to learn it.
 */
export async function customerExternalId(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
): Promise<string> {
	const ref = recordRef(context, itemIndex, check, customer);
	if (ref.ownId !== undefined) return ref.ownId;
	const envelope = await chaserRequest(context, {
		method: 'GET',
		path: recordPath(customer, ref),
		itemIndex,
		notFoundMessage: recordNotFound(customer, ref),
	});
	return String((envelope.data as IDataObject).external_id);
}
