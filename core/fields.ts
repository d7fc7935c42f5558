import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceDefinition } from './registry';
import { customer, statusLabel, withArticle } from './registry';

/**
 * Editor fields both nodes show, built from the registry: how a record is picked, its statuses, Simplify,
 * the currency, and the Options collection with what the transport reads from it.
 */

/**
 * Picks a record: from a searchable list, by the ID it has in your own system, or by Chaser's own ID.
 * n8n labels a mode named `id` "By ID" and gives the mode 92 pixels, so the other labels are short enough to
 * show whole: "From list", "Your ID".
 */
export function recordLocator(resource: ResourceDefinition, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const { key, locator, picker } = resource;
	if (!key || !locator || !picker) throw new Error(`${resource.name} records cannot be picked`);
	const note = key.note ? `, ${key.note}` : '';
	return {
		displayName: resource.name,
		name: locator.parameter,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: `The ${resource.noun}. "Your ID" is its ${key.label} from your own system (${key.field} in Chaser)${note}; "By ID" is the ID Chaser gave it.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(resource.noun)}...`,
				typeOptions: { searchListMethod: picker.method, searchable: true },
				...(picker.hint ? { hint: picker.hint } : {}),
			},
			{
				displayName: 'Your ID',
				name: 'externalId',
				type: 'string',
				placeholder: `e.g. ${locator.examples.ownId}`,
				hint: `The ${key.label} from your own system (${key.field} in Chaser)${note}`,
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${locator.examples.chaserId}`,
				hint: `Chaser's own ID for the ${resource.noun}: the id in Chaser's output`,
			},
		],
		...overrides,
	};
}

/**
 * A customer as other records refer to it (their customer_external_id): from the list or by your ID.
 * Chaser filters and links by the external ID, so "By ID" is not offered here.
 */
export function customerReference(overrides: Partial<INodeProperties>): INodeProperties {
	const locator = recordLocator(customer, { required: false, ...overrides });
	return { ...locator, modes: locator.modes?.filter((mode) => mode.name !== 'id') };
}

/** A resource's statuses as options: Chaser's values, named in Title Case, with what each means for it. */
export function statusOptions(resource: ResourceDefinition): INodePropertyOptions[] {
	return Object.entries(resource.statuses ?? {})
		.map(([value, description]) => ({
			name: statusLabel(value),
			value,
			...(description ? { description } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** A currency by its ISO 4217 code: on records, in filters and in the trigger's options alike. */
export function currencyCodeField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP', ...overrides };
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The editor lists collection options alphabetically; lists merged from several places need re-sorting. */
export function byDisplayName(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** What every Options collection offers: how the node talks to Chaser (read once per run by the transport). */
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Rate Limit Wait (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		default: 300,
		typeOptions: { minValue: 0 },
		description:
			"Chaser allows 200 requests per minute per API key. The node paces itself to that limit and, if Chaser still answers 'too many requests', waits and tries again for up to this long before the item fails.",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 1 },
		description:
			'How long to wait for Chaser to answer one request. Reads and updates that time out are retried; a create is retried only once the node has checked it did not land.',
	},
];

/** An operation's (or the trigger's) one Options collection: its own options and the request options, alphabetical. */
export function optionsField(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: byDisplayName([...own, ...requestOptions]),
	};
}
