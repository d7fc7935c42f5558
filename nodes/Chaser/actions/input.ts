import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { convert, recordBody } from '../../../core/body';
import { customerExternalId } from '../../../core/records';
import type { FieldDefinition, ResourceDefinition } from '../../../core/registry';
import { statusLabel, statusValues, withArticle } from '../../../core/registry';
import type { InputValidator } from '../../../core/validation';

/**
 * Reading a new record from the editor (Create, Create or Update), for any resource: the top-level fields its
 * registry entry marks `required`, then Additional Fields. Resources with rules of their own hand them in as
 * `finish` (an invoice's amounts, a credit's remaining credit).
 */

/** A value Chaser requires, checked by its field's kind; blank is an error naming the field. */
function requiredValue(resource: ResourceDefinition, field: FieldDefinition, value: unknown, check: InputValidator): IDataObject[string] {
	switch (field.kind) {
		case 'text':
			return check.requiredText(value, field.label);
		case 'amount':
			return check.amount(value, field.label, { min: 0 });
		case 'date':
			return check.date(value, field.label);
		case 'currency':
			return check.currency(value, field.label);
		case 'status':
			return check.oneOf(value, statusValues(resource), field.label);
		case 'email':
			return check.email(value, field.label);
	}
	return convert(resource, field, value, check);
}

/**
 * The record's own ID and body. Every field is checked before the customer is resolved, so a bad item sends
 * nothing at all; a customer chosen by Chaser ID then costs one look-up for its external ID.
 */
export async function readNewRecord(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: ResourceDefinition,
	finish: (fields: IDataObject) => IDataObject = (fields) => fields,
): Promise<{ key: string; body: IDataObject }> {
	const fields: IDataObject = {};
	let hasCustomer = false;
	for (const [wireName, field] of Object.entries(resource.fields ?? {})) {
		if (!field.required) continue;
		if (field.kind === 'customer') hasCustomer = true;
		else fields[wireName] = requiredValue(resource, field, context.getNodeParameter(field.required, itemIndex), check);
	}
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = finish(checkTotal(resource, { ...recordBody(resource, additional, check), ...fields }, check));
	if (hasCustomer) body.customer_external_id = await customerExternalId(context, itemIndex, check);
	const keyField = resource.key?.field ?? 'id';
	return { key: String(body[keyField]), body };
}

/** Update Fields as Chaser's body. */
export function readUpdateFields(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	resource: ResourceDefinition,
): IDataObject {
	const body = recordBody(resource, context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, check);
	return checkTotal(resource, body, check, true);
}

/**
 * A Total of 0 on a record Chaser chases or offers as credit (an Authorised invoice, an Active credit note) is
 * refused before anything is sent: the editor pre-fills 0, and the record would be created for nothing, never
 * chased. Draft, Voided and Deleted records may be 0 (see `zeroTotal` in the registry). Update Fields changes
 * only what it is given, so there a 0 passes only with one of those statuses set as well.
 */
export function checkTotal(resource: ResourceDefinition, body: IDataObject, check: InputValidator, update = false): IDataObject {
	const rule = resource.zeroTotal;
	if (!rule || body.total !== 0) return body;
	const status = typeof body.status === 'string' ? body.status : undefined;
	if (status !== undefined && rule.allowedIn.includes(status)) return body;
	const allowed = rule.allowedIn.map(statusLabel).join(', ').replace(/, ([^,]*)$/, ' or $1');
	const onlyThese = `Only ${allowed} ${resource.plural} may have a Total of 0 (a record of nothing is never chased or used as credit).`;
	if (update && status === undefined) {
		check.fail(`"Total" is 0: ${rule.ask}`, `${onlyThese} To zero one, set its Status in Update Fields too.`);
	}
	const described = status === undefined ? resource.noun : `${statusLabel(status)} ${resource.noun}`;
	check.fail(
		`"Total" is 0 on ${withArticle(described)}: ${rule.ask}`,
		`Nothing was sent. The editor starts Total at 0: map the total from your system, e.g. {{ $json.total }}. ${onlyThese}`,
	);
}
