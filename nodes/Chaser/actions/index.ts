import type { INodeProperties } from 'n8n-workflow';

import * as contactPerson from './contactPerson';
import * as creditNote from './creditNote';
import * as customer from './customer';
import * as invoice from './invoice';
import * as organisation from './organisation';
import * as overpayment from './overpayment';
import type { OperationModule } from './resource';

/**
 * Every resource the node offers, each from its folder's index.ts (`resource` from the registry, `operations`,
 * `description`). Adding a resource is adding its registry entry, its folder and one line here.
 */
const RESOURCES = [contactPerson, creditNote, customer, invoice, organisation, overpayment];

export const resourceField: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ resource }) => ({ name: resource.name, value: resource.value })),
	default: 'customer',
};

/** The fields of every resource and operation, each shown only for its own. */
export const resourceDescriptions: INodeProperties[] = RESOURCES.flatMap(({ description }) => description);

export function findOperation(resource: string, operation: string): OperationModule | undefined {
	const operations: Record<string, OperationModule> | undefined = RESOURCES.find(
		(candidate) => candidate.resource.value === resource,
	)?.operations;
	return operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}

/** Every resource and operation the node offers. */
export function operationsOf(): Array<{ resource: (typeof RESOURCES)[number]['resource']; operation: string }> {
	return RESOURCES.flatMap(({ resource, operations }) =>
		Object.keys(operations).map((operation) => ({ resource, operation })),
	);
}
