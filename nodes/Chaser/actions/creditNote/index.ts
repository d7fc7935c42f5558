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
		displayOptions: { show: { resource: ['creditNote'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a credit note', action: 'Create a credit note' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a credit note',
			},
			{ name: 'Get', value: 'get', description: 'Get a credit note', action: 'Get a credit note' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many credit notes', action: 'Get many credit notes' },
			{ name: 'Update', value: 'update', description: 'Update a credit note', action: 'Update a credit note' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
