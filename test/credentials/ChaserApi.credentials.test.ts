import axios from 'axios';
import type { ICredentialDataDecryptedObject, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { SANDBOX_KEY, SANDBOX_SECRET, useSandbox } from '../helpers/sandbox';

const credential = new ChaserApi();

/** Resolves a credential expression (`={{ ... }}`) the way n8n does, with `$credentials` in scope. */
function resolve(value: string, credentials: ICredentialDataDecryptedObject): string {
	const chaserNode = new Chaser() as INodeType;
	const nodeTypes = {
		getByName: () => chaserNode,
		getByNameAndVersion: (_type: string, version?: number) => NodeHelpers.getVersionedNodeType(chaserNode, version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'chaser',
		name: 'Chaser',
		type: 'n8n-nodes-chaser.chaser',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }));
}

/** Sends the credential's `test` request as n8n's credential tester would: Basic auth from `authenticate`. */
async function runCredentialTest(credentials: ICredentialDataDecryptedObject) {
	const { request } = credential.test;
	const auth = credential.authenticate.properties.auth as { username: string; password: string };
	return await axios.request({
		baseURL: resolve(request.baseURL as string, credentials),
		url: request.url,
		method: request.method,
		auth: { username: resolve(auth.username, credentials), password: resolve(auth.password, credentials) },
		validateStatus: () => true,
	});
}

describe('ChaserApi credential', () => {
	const chaser = useSandbox();

	it('is named chaserApi and documents where keys come from', () => {
		expect(credential.name).toBe('chaserApi');
		expect(credential.displayName).toBe('Chaser API');
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(credential.icon).toEqual({ light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' });
	});

	it('hides the key and secret and offers a Base URL defaulting to Chaser', () => {
		const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(Object.keys(byName)).toEqual(['apiKey', 'apiSecret', 'baseUrl', 'requestsPerMinute']);
		expect(byName.apiKey).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(byName.apiSecret).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(byName.baseUrl).toMatchObject({ type: 'string', default: 'https://openapi.chaserhq.com' });
		expect(byName.baseUrl.typeOptions?.password).toBeUndefined();
	});

	it("offers the key's budget, Chaser's 200 per minute by default, with help for queue mode and shared keys", () => {
		const budget = credential.properties.find((property) => property.name === 'requestsPerMinute');
		expect(budget).toMatchObject({ displayName: 'Requests per Minute', type: 'number', default: 200, typeOptions: { minValue: 1 } });
		expect(budget?.description).toMatch(/queue mode/);
		expect(budget?.description).toMatch(/other tools/);
	});

	it('authenticates with HTTP Basic: API key as user name, secret as password', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { auth: { username: '={{$credentials.apiKey}}', password: '={{$credentials.apiSecret}}' } },
		});
		const credentials = { apiKey: 'k', apiSecret: 's', baseUrl: '' };
		expect(resolve(credential.authenticate.properties.auth!.username as string, credentials)).toBe('k');
		expect(resolve(credential.authenticate.properties.auth!.password as string, credentials)).toBe('s');
	});

	it('tests against GET /v1/organisation below the Base URL (default Chaser, trailing slash dropped)', () => {
		expect(credential.test.request).toMatchObject({ url: '/v1/organisation', method: 'GET' });
		const baseURL = credential.test.request.baseURL as string;
		expect(resolve(baseURL, { apiKey: 'k', apiSecret: 's', baseUrl: '' })).toBe('https://openapi.chaserhq.com');
		expect(resolve(baseURL, { apiKey: 'k', apiSecret: 's' })).toBe('https://openapi.chaserhq.com');
		expect(resolve(baseURL, { apiKey: 'k', apiSecret: 's', baseUrl: 'http://127.0.0.1:9/' })).toBe('http://127.0.0.1:9');
	});

	it('the test request succeeds against the sandbox with the right keys', async () => {
		const response = await runCredentialTest({ ...chaser.credentials, baseUrl: `${chaser.sandbox.url}/` });
		expect(response.status).toBe(200);
		expect(response.data.data).toMatchObject({ organisation_id: 'ORG-SANDBOX-001' });
		expect(chaser.calls()).toEqual(['GET /v1/organisation']);
	});

	it.each([
		['a wrong key', { apiKey: 'wrong', apiSecret: SANDBOX_SECRET }],
		['a wrong secret', { apiKey: SANDBOX_KEY, apiSecret: 'wrong' }],
	])('the test request gets 403 with %s', async (_label, keys) => {
		const response = await runCredentialTest({ ...keys, baseUrl: chaser.sandbox.url });
		expect(response.status).toBe(403);
		expect(response.data).toMatchObject({ type: 'forbidden_error' });
	});
});
