import type { ResourceDefinition } from './resource';

/** The organisation the API key belongs to, and the ones it can see. */
export const organisation = {
	value: 'organisation',
	name: 'Organisation',
	noun: 'organisation',
	plural: 'organisations',
	path: '/v1/organisation',
	returned: {
		id: 'string',
		organisation_id: 'string',
		name: 'string',
		legal_name: 'string',
		base_currency: 'string',
		country_code: 'string',
		timezone: 'string',
		last_sync_date: 'string',
	},
} satisfies ResourceDefinition;

/** Every organisation the key can see. */
export const ORGANISATIONS_PATH = '/v1/organisations';
/** Asks Chaser to recalculate; 5 per hour. */
export const SYNC_PATH = '/v1/organisation/sync';
