import axios from 'axios';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode, INodeType, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { chaserBaseUrl } from '../../core/transport/baseUrl';
import { createRedirect } from '../helpers/redirect';
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
		ignoreHttpStatusErrors: request.ignoreHttpStatusErrors,
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
				followRedirect: false,
				followAllRedirects: false,
			});
		});

		it("checks and authenticates n8n's legacy request shape too (uri, followRedirect), as HTTP Request sends it", async () => {
			const legacy = { method: 'GET', uri: 'https://openapi.chaserhq.com/v1/tasks', followRedirect: true } as unknown as IHttpRequestOptions;
			await expect(credential.authenticate({ ...keys, baseUrl: '' }, legacy)).resolves.toMatchObject({
				uri: 'https://openapi.chaserhq.com/v1/tasks',
				auth: { username: 'k', password: 's' },
				followRedirect: false,
				followAllRedirects: false,
			});
			const elsewhere = { method: 'GET', uri: 'https://elsewhere.example/' } as unknown as IHttpRequestOptions;
			await expect(refusal({ ...keys, baseUrl: '' }, elsewhere)).resolves.toMatch(/not to https:\/\/elsewhere\.example$/);
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

		/** The test's verdict on an answer's body, as n8n reaches it: the first rule whose key holds its value. */
		function verdict(body: unknown): string | undefined {
			const valueAt = (key: string) =>
				key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], body);
			for (const rule of credential.test.rules ?? []) {
				const { key, value, message } = rule.properties as { key: string; value: unknown; message: string };
				if (rule.type === 'responseSuccessBody' && valueAt(key) === value) return message;
			}
			return undefined;
		}

		/** Sends the test request the way n8n would after authenticate: Basic auth, no redirects, any status. */
		async function send(credentials: ICredentialDataDecryptedObject) {
			const options = await credential.authenticate(credentials, testRequest(credentials));
			expect(options).toMatchObject({ ignoreHttpStatusErrors: true, disableFollowRedirect: true });
			return await axios.request({
				baseURL: options.baseURL,
				url: options.url,
				method: options.method,
				auth: options.auth,
				maxRedirects: 0,
				validateStatus: () => true,
			});
		}

		it('reads every answer by its body, as n8n 1.x applies no status-code rules', () => {
			expect(credential.test.request.ignoreHttpStatusErrors).toBe(true);
			expect(credential.test.rules?.every((rule) => rule.type === 'responseSuccessBody')).toBe(true);
		});

		it('succeeds against the sandbox with the right keys', async () => {
			const response = await send({ ...chaser.credentials, baseUrl: `${chaser.sandbox.url}/` });
			expect(response.status).toBe(200);
			expect(response.data.data).toMatchObject({ organisation_id: 'ORG-SANDBOX-001' });
			expect(verdict(response.data)).toBeUndefined();
			expect(chaser.calls()).toEqual(['GET /v1/organisation']);
		});

		it.each([
			['a wrong key', { apiKey: 'wrong', apiSecret: SANDBOX_SECRET }],
			['a wrong secret', { apiKey: SANDBOX_KEY, apiSecret: 'wrong' }],
		])('gets 403 with %s and says to check the key and secret, in the words the node uses', async (_label, wrongKeys) => {
			const response = await send({ ...wrongKeys, baseUrl: chaser.sandbox.url });
			expect(response.status).toBe(403);
			expect(verdict(response.data)).toMatch(
				/^Chaser refused the API key and secret\. Check the API Key and API Secret in the Chaser credential\. Keys are created in Chaser under/,
			);
		});

		it.each([
			['429', /^Chaser's rate limit for this API key is used up for the moment/],
			['500', /^Chaser had a problem answering\. This is usually temporary/],
			['502', /^The server at this Base URL did not answer like Chaser's API/], // a proxy's web page
		])('reads a %s for what it is', async (type, expected) => {
			chaser.sandbox.injectFault({ type, path: '/v1/organisation' } as never);
			const response = await send({ ...chaser.credentials });
			expect(response.status).toBe(Number(type));
			expect(verdict(response.data)).toMatch(expected);
		});

		it('says a redirect or a 404 is not Chaser\'s API and to check the Base URL; the redirect is not followed', async () => {
			const notChaser =
				"The server at this Base URL did not answer like Chaser's API: no organisation came back (a redirect is not followed, so the API key and secret were sent nowhere else). Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.";
			const redirect = await createRedirect();
			try {
				const response = await send({ ...keys, baseUrl: redirect.url });
				expect(response.status).toBe(302);
				expect(verdict(response.data)).toBe(notChaser);
				expect(redirect.arrived).toEqual([]);
			} finally {
				await redirect.close();
			}
			expect(verdict({ message: 'entity not found', type: 'not_found_error' })).toBe(notChaser);
		});
	});
});
