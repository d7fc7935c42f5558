import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { chaserRequest, externalIdSegment } from '../transport';
import type { InputValidator } from './validation';

export interface CustomerRef {
	/** Path segment that addresses the customer: `ext_<external id>` or Chaser's internal id. */
	segment: string;
	/** Known when chosen by external ID or from the list. */
	externalId?: string;
	/** How to name the customer in a "not found" error. */
	label: string;
}

/** Reads a customer resource locator (From List / By External ID / By Chaser ID). */
export function customerRef(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	parameter = 'customer',
): CustomerRef {
	const locator = context.getNodeParameter(parameter, itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' ? locator.mode : 'externalId';
	const raw = typeof locator === 'object' ? locator.value : locator;
	const value = check.requiredText(raw, 'Customer');
	if (mode === 'id') return { segment: encodeURIComponent(value), label: `Chaser ID '${value}'` };
	return { segment: externalIdSegment(value), externalId: value, label: `external ID '${value}'` };
}

export function customerNotFound(ref: CustomerRef): string {
	return `No customer with ${ref.label} exists in Chaser`;
}

/**
 * The customer's external ID, which invoices, credit notes and overpayments reference.
 * A customer picked by Chaser ID costs one read to learn it.
 */
export async function customerExternalId(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	parameter = 'customer',
): Promise<string> {
	const ref = customerRef(context, itemIndex, check, parameter);
	if (ref.externalId !== undefined) return ref.externalId;
	const envelope = await chaserRequest(context, {
		method: 'GET',
		path: `/v1/customers/${ref.segment}`,
		itemIndex,
		notFoundMessage: customerNotFound(ref),
	});
	return String((envelope.data as IDataObject).external_id);
}
