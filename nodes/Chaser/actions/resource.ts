import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceDefinition } from '../../../core/registry';
import { withArticle } from '../../../core/registry';

/** What every `<operation>.operation.ts` exports: its fields, and what it does with the input items. */
export interface OperationModule {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

/** The Operation options of the operations every resource words alike. */
const STANDARD_OPERATIONS: Record<string, (resource: ResourceDefinition) => INodePropertyOptions> = {
	create: ({ noun }) => ({ name: 'Create', value: 'create', description: `Create ${withArticle(noun)}`, action: `Create ${withArticle(noun)}` }),
	delete: ({ noun }) => ({ name: 'Delete', value: 'delete', description: `Delete ${withArticle(noun)}`, action: `Delete ${withArticle(noun)}` }),
	get: ({ noun }) => ({ name: 'Get', value: 'get', description: `Get ${withArticle(noun)}`, action: `Get ${withArticle(noun)}` }),
	getAll: ({ plural }) => ({ name: 'Get Many', value: 'getAll', description: `Get many ${plural}`, action: `Get many ${plural}` }),
	update: ({ noun }) => ({ name: 'Update', value: 'update', description: `Update ${withArticle(noun)}`, action: `Update ${withArticle(noun)}` }),
	upsert: ({ noun }) => ({
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: `Create or update ${withArticle(noun)}`,
	}),
};

/**
 * A resource's part of the node description: its Operation field (the standard wording, or `custom` options
 * for operations of its own, alphabetical; Create first chosen when there is one) and every operation's fields.
 */
export function resourceDescription(
	resource: ResourceDefinition,
	operations: Record<string, OperationModule>,
	custom: Record<string, Omit<INodePropertyOptions, 'value'>> = {},
): INodeProperties[] {
	const options = Object.keys(operations)
		.map((value) => (custom[value] ? { ...custom[value], value } : STANDARD_OPERATIONS[value](resource)))
		.sort((a, b) => a.name.localeCompare(b.name));
	const firstChoice = 'create' in operations ? 'create' : options[0].value;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: firstChoice,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}
