import axios from 'axios';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { chaserBaseUrl } from '../../nodes/Chaser/transport/baseUrl';
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

/** The credential test's request options for `credentials`, as n8n builds them before authenticating. */
function testRequest(credentials: ICredentialDataDecryptedObject): IHttpRequestOptions {
	const { request } = credential.test;
	return {
		baseURL: resolve(request.baseURL as string, credentials),
		url: request.url as string,
		method: request.method,
	};
}

/** The error message authenticate throws for these credentials and options. */
async function refusal(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions): Promise<string> {
	try {
		await credential.authenticate(credentials, options);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('authenticate let the request through');
}

const keys = { apiKey: 'k', apiSecret: 's' };

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
		expect(Object.keys(byName)).toEqual(['apiKey', 'apiSecret', 'baseUrl']);
		expect(byName.apiKey).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(byName.apiSecret).toMatchObject({ type: 'string', required: true, typeOptions: { password: true } });
		expect(byName.baseUrl).toMatchObject({ type: 'string', default: 'https://openapi.chaserhq.com' });
		expect(byName.baseUrl.typeOptions?.password).toBeUndefined();
	});

	it("says in the Base URL's help what the rule is and where the sandbox lives", () => {
		const help = credential.properties.find((property) => property.name === 'baseUrl')?.description ?? '';
		for (const point of ['https://', '/v1', 'user name or password', 'redirect', 'this machine may use http://', 'GitHub repository', 'npm start', 'npm run sandbox']) {
			expect(help).toContain(point);
		}
	});

	describe('authenticate', () => {
		it('adds HTTP Basic auth (key as user name, secret as password) and turns redirects off', async () => {
			const options: IHttpRequestOptions = { method: 'GET', url: 'https://openapi.chaserhq.com/v1/customers', qs: { page: 0 } };
			await expect(credential.authenticate({ apiKey: 'k', apiSecret: 's', baseUrl: '' }, options)).resolves.toEqual({
				...options,
				auth: { username: 'k', password: 's' },
				disableFollowRedirect: true,
			});
		});

		it.each([
			['http://openapi.chaserhq.com'],
			['https://openapi.chaserhq.com/v1'],
			['https://k:s@openapi.chaserhq.com'],
			['https://openapi.chaserhq.com?token=1'],
			['openapi.chaserhq.com'],
		])('refuses the Base URL %s with the words the node uses, before anything is sent', async (baseUrl) => {
			const expected = (() => {
				try {
					chaserBaseUrl(baseUrl);
				} catch (error) {
					return (error as Error).message;
				}
				return 'accepted';
			})();
			expect(expected).toMatch(/^The Base URL must/);
			await expect(refusal({ ...keys, baseUrl }, { url: 'https://openapi.chaserhq.com/v1/organisation' })).resolves.toBe(expected);
		});

		it('refuses to send the key and secret anywhere but the Base URL', async () => {
			const credentials = { ...keys, baseUrl: 'https://openapi.chaserhq.com' };
			await expect(refusal(credentials, { url: 'https://elsewhere.example/v1/organisation' })).resolves.toBe(
				'The Chaser credential sends its key and secret only to its Base URL, https://openapi.chaserhq.com, not to https://elsewhere.example',
			);
			await expect(refusal(credentials, { url: 'http://openapi.chaserhq.com/v1/organisation' })).resolves.toMatch(
				/not to http:\/\/openapi\.chaserhq\.com$/,
			);
			await expect(refusal(credentials, { url: '/v1/organisation', baseURL: 'https://openapi.chaserhq.com:8443' })).resolves.toMatch(
				/not to https:\/\/openapi\.chaserhq\.com:8443$/,
			);
			await expect(refusal(credentials, { url: '/v1/organisation' })).resolves.toMatch(/not to this address$/);
		});
	});

	describe('test request', () => {
		it('calls GET /v1/organisation below the Base URL (default Chaser, blanks and trailing slashes dropped)', () => {
			expect(credential.test.request).toMatchObject({ url: '/v1/organisation', method: 'GET' });
			const baseURL = credential.test.request.baseURL as string;
			expect(resolve(baseURL, { ...keys, baseUrl: '' })).toBe('https://openapi.chaserhq.com');
			expect(resolve(baseURL, keys)).toBe('https://openapi.chaserhq.com');
			expect(resolve(baseURL, { ...keys, baseUrl: ' http://127.0.0.1:9/ ' })).toBe('http://127.0.0.1:9');
		});

		it.each([
			[''],
			['https://openapi.chaserhq.com'],
			['  https://openapi.chaserhq.com//  '],
			['HTTPS://OpenAPI.ChaserHQ.com:443/'],
			['http://127.0.0.1:8765/'],
			['http://[::1]:8765'],
		])('goes to the address the rule accepts for %j, so authenticate lets it through', async (baseUrl) => {
			const options = testRequest({ ...keys, baseUrl });
			const target = new URL(options.url, options.baseURL);
			expect(`${target.protocol}//${target.host}`).toBe(chaserBaseUrl(baseUrl));
			await expect(credential.authenticate({ ...keys, baseUrl }, options)).resolves.toMatchObject({ auth: { username: 'k' } });
		});

		it('answers wrong keys, a missing API and redirects in the words the node uses', () => {
			const rules = Object.fromEntries(
				(credential.test.rules ?? []).map((rule) => [rule.properties.value, (rule.properties as { message: string }).message]),
			);
			expect(credential.test.rules?.every((rule) => rule.type === 'responseCode')).toBe(true);
			expect(Object.keys(rules).map(Number).sort((a, b) => a - b)).toEqual([301, 302, 303, 307, 308, 401, 403, 404]);
			for (const status of [401, 403]) {
				expect(rules[status]).toMatch(/^Chaser refused the API key and secret\. Check the API Key and API Secret in the Chaser credential\./);
			}
			expect(rules[404]).toBe(
				'There is no Chaser API at this Base URL. Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.',
			);
			for (const status of [301, 302, 303, 307, 308]) {
				expect(rules[status]).toBe(
					`The server answered with a redirect (HTTP ${status}). The node does not follow redirects, so the API key and secret were not sent there. Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.`,
				);
			}
		});

		/** Sends the test request the way n8n would after authenticate: Basic auth, no redirects. */
		async function send(credentials: ICredentialDataDecryptedObject) {
			const options = await credential.authenticate(credentials, testRequest(credentials));
			return await axios.request({
				baseURL: options.baseURL,
				url: options.url,
				method: options.method,
				auth: options.auth,
				maxRedirects: options.disableFollowRedirect ? 0 : undefined,
				validateStatus: () => true,
			});
		}

		it('succeeds against the sandbox with the right keys', async () => {
			const response = await send({ ...chaser.credentials, baseUrl: `${chaser.sandbox.url}/` });
			expect(response.status).toBe(200);
			expect(response.data.data).toMatchObject({ organisation_id: 'ORG-SANDBOX-001' });
			expect(chaser.calls()).toEqual(['GET /v1/organisation']);
		});

		it.each([
			['a wrong key', { apiKey: 'wrong', apiSecret: SANDBOX_SECRET }],
			['a wrong secret', { apiKey: SANDBOX_KEY, apiSecret: 'wrong' }],
		])('gets 403 with %s', async (_label, wrongKeys) => {
			const response = await send({ ...wrongKeys, baseUrl: chaser.sandbox.url });
			expect(response.status).toBe(403);
			expect(response.data).toMatchObject({ type: 'forbidden_error' });
		});
	});
});
