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
	/**
	 * The record as the user picked it from the list, e.g. "INV-1002 · Oakridge Ltd" (n8n keeps the list's label
	 * with the locator, as `cachedResultName`), so errors name it that way rather than by an internal ID alone.
	 */
	name?: string;
}

/**
 * The mode and value of a resource locator's value, and the list's label of the record when it was picked from the
 * list. A plain value (an AI tool's, say) is the ID from your own system.
 */
export function locatorParts(locator: unknown): { mode: string; value: unknown; name?: string } {
	if (typeof locator === 'object' && locator !== null && 'value' in locator) {
		const { mode, value, cachedResultName } = locator as INodeParameterResourceLocator;
		const name = mode === 'list' && typeof cachedResultName === 'string' ? cachedResultName : undefined;
		return { mode, value, ...(name ? { name } : {}) };
	}
	return { mode: 'externalId', value: locator };
}

/** Where a locator's value points: "By ID" is Chaser's own ID; "From list" and "Your ID" are your own. */
export function refTo(resource: ResourceDefinition, mode: string, value: string, listLabel?: string): RecordRef {
	const name = pickedName(listLabel, value);
	const named = name ? { name } : {};
	if (mode === 'id') return { segment: encodeURIComponent(value), label: `Chaser ID '${value}'`, ...named };
	return { segment: externalIdSegment(value), ownId: value, label: `${resource.key?.label ?? 'ID'} '${value}'`, ...named };
}

/**
 * The list's label as a name for errors: without what may have changed since it was picked (the amount due or
 * left) and without the ID it ends with, which the error names anyway.
 */
function pickedName(listLabel: string | undefined, value: string): string | undefined {
	if (!listLabel) return undefined;
	const name = listLabel
		.split(' · ')
		.filter((part) => !/^[A-Z]{3} -?[\d,]+(\.\d+)? (due|left)$/.test(part) && part !== value)
		.join(' · ')
		.replace(` (${value})`, '')
		.trim();
	return name && name !== value ? name : undefined;
}

/**
 * The record in a sentence: "invoice INV-1002 · Oakridge Ltd (invoice ID '9f65…')" when it was picked from the
 * list, else "invoice with invoice ID '9f65…'".
 */
export function describeRecord(resource: ResourceDefinition, ref: RecordRef): string {
	return ref.name ? `${resource.noun} ${ref.name} (${ref.label})` : `${resource.noun} with ${ref.label}`;
}

/** Reads and checks the record an item addresses. */
export function recordRef(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: ResourceDefinition,
): RecordRef {
	const parameter = resource.locator?.parameter ?? resource.value;
	const { mode, value, name } = locatorParts(context.getNodeParameter(parameter, itemIndex));
	return refTo(resource, mode, check.requiredText(value, resource.name), name);
}

/** `/v1/<collection>/<segment>`: where the addressed record lives. */
export function recordPath(resource: ResourceDefinition, ref: RecordRef): string {
	return `${resource.path}/${ref.segment}`;
}

export function recordNotFound(resource: ResourceDefinition, ref: RecordRef): string {
	return `No ${describeRecord(resource, ref)} exists in Chaser`;
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
	return String((await readCustomer(context, itemIndex, ref)).external_id);
}

/** The customer `ref` points at, as Chaser holds it: to learn the ID it was not picked by. */
export async function readCustomer(context: IExecuteFunctions, itemIndex: number, ref: RecordRef): Promise<IDataObject> {
	const envelope = await chaserRequest(context, {
		method: 'GET',
		path: recordPath(customer, ref),
		itemIndex,
		notFoundMessage: recordNotFound(customer, ref),
	});
	return envelope.data as IDataObject;
}
