/**
 * The API key, the secret and the Basic token they make never appear in what users see or what n8n
 * stores: output items, error items, error messages and descriptions, the workflow's error, the whole
 * run data; nor in the sandbox's printed request log. One run for each way a request can fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { configureTransport } from '../../../core/transport';
import { freePort } from '../../../tooling/n8n';
import type { RunResult } from '../../helpers/engine';
import { createRedirect } from '../../helpers/redirect';
import { SANDBOX_KEY, SANDBOX_SECRET, useSandbox } from '../../helpers/sandbox';

const WRONG_SECRET = 'wrong-5e1f';

/** Everything that would give a secret away: the values and their Basic tokens, as sent and as encoded. */
const SECRETS = [
	SANDBOX_KEY,
	SANDBOX_SECRET,
	WRONG_SECRET,
	Buffer.from(`${SANDBOX_KEY}:${SANDBOX_SECRET}`).toString('base64'),
	Buffer.from(`${SANDBOX_KEY}:${WRONG_SECRET}`).toString('base64'),
	encodeURIComponent(SANDBOX_SECRET),
];

/** Every string reachable from `value`, own properties of errors (message, stack, cause, context…) included. */
function strings(value: unknown, seen = new WeakSet<object>()): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value !== 'object' || value === null || seen.has(value)) return [];
	seen.add(value);
	const keys = value instanceof Error ? ['message', 'stack', ...Object.getOwnPropertyNames(value)] : Object.keys(value);
	return [...new Set(keys)].flatMap((key) => strings((value as Record<string, unknown>)[key], seen));
}

function expectNoSecrets(where: string, texts: string[]) {
	const leaks = texts.filter((text) => SECRETS.some((secret) => text.includes(secret)));
	expect({ where, leaks }).toEqual({ where, leaks: [] });
}

const getOrganisation: INodeParameters = { resource: 'organisation', operation: 'get' };
const createCustomer: INodeParameters = {
	resource: 'customer',
	operation: 'create',
	externalId: 'C-1',
	companyName: 'Acme',
	additionalFields: {},
};

describe('no secrets in what users see or n8n stores', () => {
	const printed: string[] = [];
	const chaser = useSandbox({ logger: (line) => printed.push(line) });

	beforeEach(() => {
		printed.length = 0;
		configureTransport({ timeoutMs: 100 });
	});

	/** Runs `parameters` once stopping on the error and once with the error output, checking both. */
	async function expectNothingLeaks(parameters: INodeParameters, credentials: { baseUrl?: string; apiSecret?: string } = {}) {
		const runs: RunResult[] = [];
		for (const onError of ['stopWorkflow', 'continueErrorOutput'] as const) {
			runs.push(await chaser.run({ parameters, credentials, onError, items: [{ n: 1 }, { n: 2 }] }));
		}
		const [stopped, continued] = runs;
		expect(stopped.error).toBeDefined();
		expect(continued.errorOutput.length).toBeGreaterThan(0);
		for (const [index, run] of runs.entries()) {
			expectNoSecrets(`run ${index}: items`, strings([run.success, run.errorOutput]));
			expectNoSecrets(`run ${index}: workflow error`, strings(run.error));
			expectNoSecrets(`run ${index}: run data`, strings(run.run.data));
		}
		expectNoSecrets('sandbox log', printed);
		return runs;
	}

	describe('Base URLs the node refuses', () => {
		it.each([
			['user info holding the key and secret', () => `http://${SANDBOX_KEY}:${SANDBOX_SECRET}@127.0.0.1:${chaser.sandbox.port}`],
			['a query holding them', () => `https://openapi.chaserhq.com/?key=${SANDBOX_KEY}&secret=${SANDBOX_SECRET}`],
			['plain http to a host that is not loopback', () => `http://0.0.0.0:${chaser.sandbox.port}`],
		])('%s', async (_label, baseUrl) => {
			await expectNothingLeaks(getOrganisation, { baseUrl: baseUrl() });
			expect(chaser.calls()).toEqual([]);
		});
	});

	it('a redirect whose Location echoes the credentials back', async () => {
		const redirect = await createRedirect({
			location: (request, target) =>
				`${target.replace('//', `//${SANDBOX_KEY}:${SANDBOX_SECRET}@`)}/v1/organisation?auth=${encodeURIComponent(String(request.headers.authorization))}&secret=${SANDBOX_SECRET}`,
		});
		try {
			const [stopped] = await expectNothingLeaks(getOrganisation, { baseUrl: redirect.url });
			expect(stopped.error?.message).toContain(`to ${redirect.targetOrigin}/v1/organisation,`);
			expect(redirect.arrived).toEqual([]);
		} finally {
			await redirect.close();
		}
	});

	it('a wrong secret (403)', async () => {
		const [stopped] = await expectNothingLeaks(getOrganisation, { apiSecret: WRONG_SECRET });
		expect(stopped.error?.message).toMatch(/^Chaser refused the credentials/);
		expect(printed.some((line) => / -> 403 /.test(line))).toBe(true);
	});

	it('a connection refused', async () => {
		await expectNothingLeaks(getOrganisation, { baseUrl: `http://127.0.0.1:${await freePort()}` });
	});

	it('an unknown host', async () => {
		await expectNothingLeaks(getOrganisation, { baseUrl: 'https://chaser-host.invalid' });
	});

	it.each([
		['a reset connection', { type: 'reset' }],
		['a timeout', { type: 'slow', delayMs: 500 }],
		['a 500', { type: '500' }],
		['a proxy 502', { type: '502' }],
		['malformed JSON', { type: 'malformed' }],
	])('%s', async (_label, fault) => {
		chaser.sandbox.injectFault({ ...fault, count: Infinity } as never);
		await expectNothingLeaks(getOrganisation);
		expect(printed.length).toBeGreaterThan(0);
	});

	it('a 404 and a 400', async () => {
		await expectNothingLeaks({ resource: 'customer', operation: 'get', customer: { __rl: true, mode: 'externalId', value: 'NOPE' } });
		await expectNothingLeaks(createCustomer); // the second item meets "external_id already exists"
	});
});
