/**
 * Saved workflows are a contract: from 1.0.0 on, what a released node typeVersion's parameters are called, their
 * types, defaults, options and when they show may not change (README, Development: "Versioning"). This test pins
 * each released typeVersion's description in `__pinned__/<node>@<version>.json` and fails on any difference.
 *
 * A change that needs one is a new typeVersion: add it to the node's `version` list, show or hide parameters with
 * `@version` in `displayOptions`, branch on `this.getNode().typeVersion` in code, then write the new version's pin
 * (and only that one) with:
 *
 *     PIN_NEW_VERSIONS=1 npx jest test/nodes/versioning
 *
 * Pins of released versions are never rewritten by it; help text (description, hint, placeholder) is not pinned.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { ChaserTrigger } from '../../nodes/ChaserTrigger/ChaserTrigger.node';
import { pinNewVersion, pinnedFiles, readPin } from './pins';

const NODES: Record<string, INodeTypeDescription> = {
	chaser: new Chaser().description,
	chaserTrigger: new ChaserTrigger().description,
};

function versionsOf(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? description.version : [description.version];
}

type Condition = number | { _cnd: Record<string, number> };

/** Whether `version` meets one `@version` condition (a number, or n8n's `_cnd` comparison). */
function meets(version: number, condition: Condition): boolean {
	if (typeof condition === 'number') return version === condition;
	return Object.entries(condition._cnd).every(([operator, value]) => {
		switch (operator) {
			case 'eq':
				return version === value;
			case 'gt':
				return version > value;
			case 'gte':
				return version >= value;
			case 'lt':
				return version < value;
			case 'lte':
				return version <= value;
			default:
				throw new Error(`@version condition ${operator} is not understood by this test`);
		}
	});
}

function shownIn(property: INodeProperties, version: number): boolean {
	const show = property.displayOptions?.show?.['@version'] as Condition[] | undefined;
	const hide = property.displayOptions?.hide?.['@version'] as Condition[] | undefined;
	if (show && !show.some((condition) => meets(version, condition))) return false;
	if (hide?.some((condition) => meets(version, condition))) return false;
	return true;
}

/** What a saved workflow depends on: names, types, defaults, options, when a parameter shows. Not help text. */
function contract(properties: INodeProperties[], version: number): unknown[] {
	return properties
		// A notice only says something; it holds no value a workflow saves.
		.filter((property) => property.type !== 'notice' && shownIn(property, version))
		.map((property) => {
			const { name, type, default: defaultValue, required, noDataExpression, typeOptions } = property;
			const displayOptions = withoutVersion(property.displayOptions);
			const entry: Record<string, unknown> = { name, type, default: defaultValue };
			if (required) entry.required = true;
			if (noDataExpression) entry.noDataExpression = true;
			if (typeOptions) entry.typeOptions = typeOptions;
			if (displayOptions) entry.displayOptions = displayOptions;
			// The order the editor lists things in is display (it sorts by label), not part of the contract.
			if (type === 'options' || type === 'multiOptions') {
				entry.options = (property.options as Array<{ value: unknown }>).map((option) => String(option.value)).sort();
			} else if (type === 'collection') {
				entry.options = byName(contract(property.options as INodeProperties[], version));
			} else if (type === 'fixedCollection') {
				entry.options = (property.options as Array<{ name: string; values: INodeProperties[] }>).map((group) => ({
					name: group.name,
					values: byName(contract(group.values, version)),
				}));
			}
			if (property.modes) entry.modes = property.modes.map((mode) => mode.name);
			return entry;
		});
}

function byName(entries: unknown[]): unknown[] {
	return [...entries].sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)));
}

function withoutVersion(displayOptions: INodeProperties['displayOptions']): unknown {
	if (!displayOptions) return undefined;
	const strip = (conditions?: Record<string, unknown>) => {
		if (!conditions) return undefined;
		const rest = Object.fromEntries(Object.entries(conditions).filter(([key]) => key !== '@version'));
		return Object.keys(rest).length > 0 ? rest : undefined;
	};
	const show = strip(displayOptions.show);
	const hide = strip(displayOptions.hide);
	if (!show && !hide) return undefined;
	return { ...(show ? { show } : {}), ...(hide ? { hide } : {}) };
}

describe('released node typeVersions keep their parameters (saved workflows are a contract)', () => {
	const cases = Object.entries(NODES).flatMap(([node, description]) =>
		versionsOf(description).map((version) => [node, version] as const),
	);

	it.each(cases)('%s typeVersion %s matches its pin', (node, version) => {
		const actual = { version, properties: contract(NODES[node].properties, version) };
		pinNewVersion(node, version, actual);
		expect(actual).toEqual(readPin(node, version));
	});

	it('pins no version the nodes no longer offer (a released typeVersion is never removed)', () => {
		const offered = new Set(cases.map(([node, version]) => `${node}@${version}.json`));
		expect((pinnedFiles() as string[]).filter((file) => !offered.has(file))).toEqual([]);
	});

	it('defaults to the newest typeVersion', () => {
		for (const description of Object.values(NODES)) {
			const versions = versionsOf(description);
			expect(description.defaultVersion ?? Math.max(...versions)).toBe(Math.max(...versions));
		}
	});
});
