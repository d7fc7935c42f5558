import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactPerson'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a contact person to a customer', action: 'Create a contact person' },
			{ name: 'Delete', value: 'delete', description: 'Remove a contact person from a customer', action: 'Delete a contact person' },
			{ name: 'Get', value: 'get', description: 'Get a contact person of a customer', action: 'Get a contact person' },
			{ name: 'Get Many', value: 'getAll', description: "Get many of a customer's contact people", action: 'Get many contact persons' },
			{ name: 'Update', value: 'update', description: 'Update a contact person', action: 'Update a contact person' },
		],
		default: 'create',
	},
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
