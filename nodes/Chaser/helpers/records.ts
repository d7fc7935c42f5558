import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { chaserRequest, externalIdSegment } from '../transport';
import type { InputValidator } from './validation';

/** A record an operation addresses through a resource locator (see `recordLocator`). */
export interface AddressedRecord {
	/** Its label in the editor, e.g. "Invoice". */
	displayName: string;
	/** e.g. "invoice", for messages. */
	noun: string;
	/** The locator's parameter. */
	parameter: string;
	/** What the ID from your own system is called, e.g. "invoice ID". */
	ownId: string;
}

export interface RecordRef {
	/** Path segment that addresses the record: `ext_<your ID>` or Chaser's own ID. */
	segment: string;
	/** The record's ID in your own system, when it was picked by it (or from the list). */
	ownId?: string;
	/** How to name the record in a "not found" error, e.g. "invoice ID 'INV-1'". */
	label: string;
}

/**
 * The mode and value of a resource locator's value. A plain value (from an expression, or a 0.1.0 workflow
 * whose parameter was text) is the ID from your own system.
 */
export function locatorParts(locator: unknown): { mode: string; value: unknown } {
	if (typeof locator === 'object' && locator !== null && 'value' in locator) {
		const { mode, value } = locator as INodeParameterResourceLocator;
		return { mode, value };
	}
	return { mode: 'externalId', value: locator };
}

/** Where a locator's value points: "By ID" is Chaser's own ID; "From list" and "Your ID" are your own. */
export function refTo(record: AddressedRecord, mode: string, value: string): RecordRef {
	if (mode === 'id') return { segment: encodeURIComponent(value), label: `Chaser ID '${value}'` };
	return { segment: externalIdSegment(value), ownId: value, label: `${record.ownId} '${value}'` };
}

/** Reads and checks the record an item addresses. */
export function recordRef(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	record: AddressedRecord,
): RecordRef {
	const { mode, value } = locatorParts(context.getNodeParameter(record.parameter, itemIndex));
	return refTo(record, mode, check.requiredText(value, record.displayName));
}

export function recordNotFound(record: AddressedRecord, ref: RecordRef): string {
	return `No ${record.noun} with ${ref.label} exists in Chaser`;
}

/**
 * The customer's external ID, which invoices, credit notes and overpayments reference.
 * A customer picked by Chaser ID costs one read to learn it.
 */
export async function customerExternalId(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	customer: AddressedRecord,
): Promise<string> {
	const ref = recordRef(context, itemIndex, check, customer);
	if (ref.ownId !== undefined) return ref.ownId;
	const envelope = await chaserRequest(context, {
		method: 'GET',
		path: `/v1/customers/${ref.segment}`,
		itemIndex,
		notFoundMessage: recordNotFound(customer, ref),
	});
	return String((envelope.data as IDataObject).external_id);
}
