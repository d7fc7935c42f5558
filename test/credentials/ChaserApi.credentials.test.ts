import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { ChaserTrigger } from '../../nodes/ChaserTrigger/ChaserTrigger.node';
import { CREDENTIAL_TEST, ruleFor, testChaserCredential } from '../../core/transport/credentialTest';
import { chaserBaseUrl } from '../../core/transport/baseUrl';
import { createRedirect } from '../helpers/redirect';
import { SANDBOX_KEY, SANDBOX_SECRET, useSandbox } from '../helpers/sandbox';

const credential = new ChaserApi();

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

	describe('credential test (testedBy, run in n8n-core\'s own credential test context)', () => {
		const context = new CredentialTestContext({} as never) as unknown as ICredentialTestFunctions;
		const test = async (data: ICredentialDataDecryptedObject) =>
			await testChaserCredential(context, { id: 'cred', name: 'Chaser', type: 'chaserApi', data });

		it('is what both nodes name in testedBy, and the credential has no test request that n8n would prefer to it', () => {
			for (const node of [new Chaser(), new ChaserTrigger()]) {
				expect(node.description.credentials).toEqual([{ name: 'chaserApi', required: true, testedBy: CREDENTIAL_TEST }]);
				expect(node.methods.credentialTest[CREDENTIAL_TEST]).toEqual(expect.any(Function));
			}
			expect((credential as { test?: unknown }).test).toBeUndefined();
		});

		it('succeeds against the sandbox with the right keys (Base URL with a trailing slash), with one GET /v1/organisation', async () => {
			expect(await test({ ...chaser.credentials, baseUrl: `${chaser.sandbox.url}/` })).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(chaser.calls()).toEqual(['GET /v1/organisation']);
		});

		it.each([
			['a wrong key', { apiKey: 'wrong', apiSecret: SANDBOX_SECRET }],
			['a wrong secret', { apiKey: SANDBOX_KEY, apiSecret: 'wrong' }],
		])('gets 403 with %s and says to check the key and secret, in the words the node uses', async (_label, wrongKeys) => {
			const result = await test({ ...wrongKeys, baseUrl: chaser.sandbox.url });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/^Chaser refused the API key and secret\. Check the API Key and API Secret in the Chaser credential\. Keys are created in Chaser under/,
			);
			expect(chaser.sandbox.requests.map((request) => request.status)).toEqual([403]);
		});

		it.each([
			['429', /^Chaser's rate limit for this API key is used up for the moment/],
			['500', /^Chaser had a problem answering\. This is usually temporary/],
			['502', /^The server at this Base URL did not answer like Chaser's API/], // a proxy's web page
		])('reads a %s for what it is', async (type, expected) => {
			chaser.sandbox.injectFault({ type, path: '/v1/organisation' } as never);
			const result = await test({ ...chaser.credentials });
			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(expected) });
		});

		it('says a redirect or a 404 is not Chaser\'s API and to check the Base URL; the redirect is not followed', async () => {
			const notChaser =
				"The server at this Base URL did not answer like Chaser's API: no organisation came back (a redirect is not followed, so the API key and secret were sent nowhere else). Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.";
			const redirect = await createRedirect();
			try {
				expect(await test({ ...keys, baseUrl: redirect.url })).toEqual({ status: 'Error', message: notChaser });
				expect(redirect.arrived).toEqual([]);
			} finally {
				await redirect.close();
			}
			expect(ruleFor({ message: 'entity not found', type: 'not_found_error' })).toBe(notChaser);
		});

		it.each([
			['plain http to a host that is not loopback', 'http://chaser.example.com'],
			['a path', 'https://openapi.chaserhq.com/v1'],
			['user info', 'https://k:s@openapi.chaserhq.com'],
		])('refuses %s with the words the node uses, before sending anything', async (_label, baseUrl) => {
			expect(await test({ ...keys, baseUrl })).toEqual({ status: 'Error', message: refusalOf(baseUrl) });
		});

		it.each([0, -5, 'many', Number.NaN])('refuses Requests per Minute %p before sending anything', async (requestsPerMinute) => {
			const result = await test({ ...chaser.credentials, requestsPerMinute } as ICredentialDataDecryptedObject);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^"Requests per Minute" in the Chaser credential is .*: enter how many requests a minute n8n may send with this key, at least 1/);
			expect(chaser.calls()).toEqual([]);
		});

		it('names a host that cannot be reached and what to check, instead of n8n\'s bare ENOTFOUND', async () => {
			const unknown = await test({ ...keys, baseUrl: 'https://chaser-e2e.invalid' });
			expect(unknown.status).toBe('Error');
			expect(unknown.message).toMatch(
				/^Could not reach chaser-e2e\.invalid: its host name (was not found|could not be looked up).*Check the Base URL for a typo.*VPN.*proxy/,
			);
			const refused = await test({ ...keys, baseUrl: 'http://127.0.0.1:9' });
			expect(refused.message).toMatch(/^Could not reach 127\.0\.0\.1:9: it refused the connection/);
		});
	});
});

function refusalOf(baseUrl: string): string {
	try {
		chaserBaseUrl(baseUrl);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${baseUrl} is accepted`);
}
