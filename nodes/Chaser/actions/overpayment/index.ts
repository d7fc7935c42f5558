import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['overpayment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an overpayment', action: 'Create an overpayment' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update an overpayment',
			},
			{ name: 'Get', value: 'get', description: 'Get an overpayment', action: 'Get an overpayment' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many overpayments', action: 'Get many overpayments' },
			{ name: 'Update', value: 'update', description: 'Update an overpayment', action: 'Update an overpayment' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
