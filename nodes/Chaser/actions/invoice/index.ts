import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as recordPayment from './recordPayment.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, get, getAll, recordPayment, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an invoice', action: 'Create an invoice' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update an invoice',
			},
			{ name: 'Get', value: 'get', description: 'Get an invoice', action: 'Get an invoice' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many invoices', action: 'Get many invoices' },
			{
				name: 'Record Payment',
				value: 'recordPayment',
				description: 'Add a payment to an invoice and lower its amount due, marking it paid when settled',
				action: 'Record a payment on an invoice',
			},
			{ name: 'Update', value: 'update', description: 'Update an invoice', action: 'Update an invoice' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...recordPayment.description,
	...update.description,
	...upsert.description,
];
