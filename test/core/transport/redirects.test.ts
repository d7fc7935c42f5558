/**
 * n8n's HTTP helper follows redirects and puts the credentials back on every hop, whatever the host
 * (n8n 2.41.1: `sendCredentialsOnCrossOriginRedirect` defaults to true; 1.x always). The Chaser credential
 * turns redirects off, and the node reports one as an error that says where it pointed.
 */
import { useSandbox } from '../../helpers/sandbox';
import { createRedirect } from '../../helpers/redirect';

type Redirect = Awaited<ReturnType<typeof createRedirect>>;

const REDIRECT_HELP =
	'The node does not follow redirects, so the API key and secret were not sent there. Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.';

describe('redirects', () => {
	const chaser = useSandbox();
	let redirect: Redirect | undefined;

	afterEach(async () => {
		await redirect?.close();
		redirect = undefined;
	});

	describe.each([
		['another port on the same host name', '127.0.0.1'],
		['another host name and port', 'localhost'],
	])('to %s', (_label, targetHost) => {
		it.each([301, 302, 303, 307, 308])('%i: the credentials never arrive there; the error names where it pointed', async (status) => {
			redirect = await createRedirect({ status, targetHost });
			const result = await chaser.run({
				parameters: { resource: 'organisation', operation: 'get' },
				credentials: { baseUrl: redirect.url },
			});
			expect(result.success).toEqual([]);
			expect(result.error?.message).toBe(
				`Chaser (or a proxy in front of it) answered with a redirect (HTTP ${status}) to ${redirect.targetOrigin}/v1/organisation, which the node does not follow`,
			);
			expect(result.error?.description).toBe(REDIRECT_HELP);
			expect(redirect.arrived).toEqual([]);
			expect(redirect.redirected).toBe(1);
		});
	});

	it('a create met by a redirect fails once, is not retried, and sends nothing on', async () => {
		redirect = await createRedirect({ status: 307 });
		const result = await chaser.run({
			parameters: { resource: 'customer', operation: 'create', externalId: 'C-1', companyName: 'Acme', additionalFields: {} },
			credentials: { baseUrl: redirect.url },
			onError: 'continueErrorOutput',
		});
		expect(result.errorOutput.map((item) => item.json.error)).toEqual([
			`Chaser (or a proxy in front of it) answered with a redirect (HTTP 307) to ${redirect.targetOrigin}/v1/customers, which the node does not follow`,
		]);
		expect(redirect.redirected).toBe(1);
		expect(redirect.arrived).toEqual([]);
	});

	it('resolves a relative Location and names only its scheme, host and path', async () => {
		redirect = await createRedirect({ location: () => '/v2/organisation?token=abc#frag' });
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'get' },
			credentials: { baseUrl: redirect.url },
		});
		expect(result.error?.message).toBe(
			`Chaser (or a proxy in front of it) answered with a redirect (HTTP 302) to ${redirect.url}/v2/organisation, which the node does not follow`,
		);
	});
});
