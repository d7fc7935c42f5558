import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as sync from './sync.operation';

export { get, getAll, sync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the organisation the API key belongs to',
				action: 'Get an organisation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many organisations the API key can see',
				action: 'Get many organisations',
			},
			{
				name: 'Sync',
				value: 'sync',
				description: 'Ask Chaser to recalculate balances, overdue amounts and next chases',
				action: 'Sync an organisation',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...sync.description,
];
