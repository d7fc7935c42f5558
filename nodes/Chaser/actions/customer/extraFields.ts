import type { INodeProperties } from 'n8n-workflow';

/** Extra, computed fields Chaser returns only when asked (`additional_fields`); read by `input.ts`. */
export const extraFieldsOption: INodeProperties = {
	displayName: 'Include Extra Fields',
	name: 'extraFields',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: 'Average Days to Pay', value: 'average_days_to_pay', description: 'How late this customer pays on average' },
		{ name: 'Payer Rating', value: 'payer_rating', description: "Chaser's rating of how reliably the customer pays" },
		{ name: 'Payment Portal Link', value: 'payment_portal_link', description: "Link to the customer's payment portal, for emails" },
	],
	description: 'Computed fields Chaser adds only when asked',
};
