/**
 * The node's description as n8n and AI agents see it: every resource/operation pair is wired to an
 * operation file, and what an agent fills in through $fromAI is described, small and safe by default.
 * The same idea has the same control everywhere: one Options collection, a locator for every record,
 * Status as a multi-select.
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { Chaser } from '../../../nodes/Chaser/Chaser.node';
import * as contactPerson from '../../../nodes/Chaser/actions/contactPerson';
import * as creditNote from '../../../nodes/Chaser/actions/creditNote';
import * as customer from '../../../nodes/Chaser/actions/customer';
import * as invoice from '../../../nodes/Chaser/actions/invoice';
import * as organisation from '../../../nodes/Chaser/actions/organisation';
import * as overpayment from '../../../nodes/Chaser/actions/overpayment';

const node = new Chaser();
const { properties } = node.description;
const modules: Record<string, { operations: Record<string, unknown> }> = {
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
		expect(node.description.credentials).toEqual([{ name: 'chaserApi', required: true, testedBy: 'chaserApiTest' }]);
	});

	it('offers every resource the issues name, each with its operations', () => {
		const expected: Record<string, string[]> = {
			contactPerson: ['create', 'delete', 'get', 'getAll', 'update', 'upsert'],
			creditNote: ['create', 'get', 'getAll', 'update', 'upsert'],
			customer: ['create', 'get', 'getAll', 'update', 'upsert'],
			invoice: ['create', 'get', 'getAll', 'getHistory', 'getManyHistory', 'recordPayment', 'update', 'uploadPdf', 'upsert'],
			organisation: ['get', 'getAll', 'sync'],
			overpayment: ['create', 'get', 'getAll', 'update', 'upsert'],
		};
		const actual = Object.fromEntries(
			resources.map(({ value }) => [value, operationsOf(value).map((op) => op.value).sort()]),
		);
		expect(actual).toEqual(expected);
	});

	it.each(pairs)('%s/%s is wired to an operation file with an action text', (resource, operation) => {
		const handler = modules[resource].operations[operation] as { execute?: unknown; description?: unknown };
		expect(typeof handler?.execute).toBe('function');
		expect(Array.isArray(handler.description)).toBe(true);
		const option = operationsOf(resource).find((op) => op.value === operation);
		expect(option?.action).toMatch(/^[A-Z][a-z]+( [a-z]+)* /);
	});

	it.each(pairs)('%s/%s describes every parameter an agent may fill in', (resource, operation) => {
		const undocumented = visibleFor(resource, operation)
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

	it.each(pairs)('%s/%s has one Options collection, with the request options in it', (resource, operation) => {
		const collections = visibleFor(resource, operation).filter((p) => p.type === 'collection');
		const options = collections.filter((p) => p.name === 'options');
		expect(options.map((p) => p.displayName)).toEqual(['Options']);
		expect(collections.map((p) => p.displayName).filter((name) => /options/i.test(name))).toEqual(['Options']);
		const names = (options[0].options as INodeProperties[]).map((option) => option.displayName);
		expect(names).toEqual(expect.arrayContaining(['Rate Limit Wait (Seconds)', 'Timeout (Seconds)']));
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('picks every record the same way: From list, Your ID or By ID, each list backed by a search method', () => {
		const locators = properties.flatMap((p) => [
			p,
			...((p.type === 'collection' ? p.options : []) as INodeProperties[]),
		]).filter((p) => p.type === 'resourceLocator');
		const pickers = new Set(Object.keys(node.methods.listSearch));
		const seen = new Set<string>();
		for (const locator of locators) {
			const modes = locator.modes as INodePropertyMode[];
			const labels = modes.map((mode) => `${mode.name}: ${mode.displayName}`);
			// A customer other records hold (a filter, a move) is matched on its external ID: no "By ID".
			const expected = ['list: From List', 'externalId: Your ID', 'id: By ID'].slice(
				0,
				locator.name === 'customer_external_id' ? 2 : 3,
			);
			expect(labels).toEqual(expected);
			expect(locator.default).toEqual({ mode: 'list', value: '' });
			const method = modes[0].typeOptions?.searchListMethod as string;
			expect(pickers.has(method)).toBe(true);
			seen.add(`${locator.name} → ${method}`);
		}
		expect([...seen].sort()).toEqual([
			'contactExternalId → searchContactPersons',
			'creditNoteId → searchCreditNotes',
			'customer → searchCustomers',
			'customer_external_id → searchCustomers',
			'invoice → searchInvoices',
			'overpaymentId → searchOverpayments',
		]);
	});

	it.each(pairs)('%s/%s filters by status with a multi-select, where it filters by status', (resource, operation) => {
		const filters = visibleFor(resource, operation).find((p) => p.name === 'filters');
		const status = ((filters?.options ?? []) as INodeProperties[]).find((p) => p.name === 'status');
		if (status) expect(status).toMatchObject({ type: 'multiOptions', default: [] });
	});

	it('gives the tool a description an agent can choose it by', () => {
		expect(node.description.description).toMatch(/Chaser/);
		expect(node.description.description.length).toBeGreaterThan(40);
	});
});
