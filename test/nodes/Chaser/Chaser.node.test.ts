/**
 * The node's description as n8n and AI agents see it: every resource/operation pair is wired to an
 * operation file, and what an agent fills in through $fromAI is described, small and safe by default.
 */
import type { INodeProperties } from 'n8n-workflow';

import { Chaser } from '../../../nodes/Chaser/Chaser.node';
import * as contactPerson from '../../../nodes/Chaser/actions/contactPerson';
import * as creditNote from '../../../nodes/Chaser/actions/creditNote';
import * as customer from '../../../nodes/Chaser/actions/customer';
import * as invoice from '../../../nodes/Chaser/actions/invoice';
import * as organisation from '../../../nodes/Chaser/actions/organisation';
import * as overpayment from '../../../nodes/Chaser/actions/overpayment';

const node = new Chaser();
const { properties } = node.description;
const modules: Record<string, Record<string, unknown>> = {
	contactPerson,
	creditNote,
	customer,
	invoice,
	organisation,
	overpayment,
};

const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;

function operationsOf(resource: string): Array<{ value: string; name: string; action?: string }> {
	const operation = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return (operation?.options ?? []) as Array<{ value: string; name: string; action?: string }>;
}

/** The parameters the editor (and an agent) sees for one resource/operation, first level only. */
function visibleFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		if (p.name === 'resource' || p.name === 'operation') return false;
		const show = p.displayOptions?.show;
		if (!show) return true;
		return (
			(!show.resource || show.resource.includes(resource)) &&
			(!show.operation || show.operation.includes(operation))
		);
	});
}

const pairs = resources.flatMap(({ value: resource }) =>
	operationsOf(resource).map((op) => [resource, op.value] as const),
);

describe('Chaser node description', () => {
	it('is usable as an AI tool, with light and dark icons and the Chaser credential', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.icon).toEqual({ light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' });
		expect(node.description.credentials).toEqual([{ name: 'chaserApi', required: true }]);
	});

	it('offers every resource the issues name, each with its operations', () => {
		const expected: Record<string, string[]> = {
			contactPerson: ['create', 'delete', 'get', 'getAll', 'update'],
			creditNote: ['create', 'get', 'getAll', 'update', 'upsert'],
			customer: ['create', 'get', 'getAll', 'update', 'upsert'],
			invoice: ['create', 'get', 'getAll', 'recordPayment', 'update', 'upsert'],
			organisation: ['get', 'getAll', 'sync'],
			overpayment: ['create', 'get', 'getAll', 'update', 'upsert'],
		};
		const actual = Object.fromEntries(
			resources.map(({ value }) => [value, operationsOf(value).map((op) => op.value).sort()]),
		);
		expect(actual).toEqual(expected);
	});

	it.each(pairs)('%s/%s is wired to an operation file with an action text', (resource, operation) => {
		const handler = modules[resource][operation] as { execute?: unknown; description?: unknown };
		expect(typeof handler?.execute).toBe('function');
		expect(Array.isArray(handler.description)).toBe(true);
		const option = operationsOf(resource).find((op) => op.value === operation);
		expect(option?.action).toMatch(/^[A-Z][a-z]+( [a-z]+)* /);
	});

	it.each(pairs)('%s/%s describes every parameter an agent may fill in', (resource, operation) => {
		const undocumented = visibleFor(resource, operation)
			// Hidden parameters (kept for workflows built with 0.1.0) are neither shown nor offered to agents.
			.filter((p) => !['notice', 'collection', 'fixedCollection', 'hidden'].includes(p.type))
			.filter((p) => !['returnAll', 'limit', 'simplify'].includes(p.name))
			.filter((p) => !p.description && !p.hint)
			.map((p) => p.name);
		expect(undocumented).toEqual([]);
	});

	it.each(pairs)('%s/%s keeps required inputs few and outputs small by default', (resource, operation) => {
		const visible = visibleFor(resource, operation);
		expect(visible.filter((p) => p.required).length).toBeLessThanOrEqual(10);
		const simplify = visible.find((p) => p.name === 'simplify');
		if (simplify) expect(simplify.default).toBe(true);
		const limit = visible.find((p) => p.name === 'limit');
		if (limit) expect(limit.default).toBeLessThanOrEqual(50);
	});

	it('gives the tool a description an agent can choose it by', () => {
		expect(node.description.description).toMatch(/Chaser/);
		expect(node.description.description.length).toBeGreaterThan(40);
	});
});
