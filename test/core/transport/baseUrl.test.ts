import { CHASER_API_URL, chaserBaseUrl } from '../../../core/transport/baseUrl';
import { SANDBOX_KEY, SANDBOX_SECRET, useSandbox } from '../../helpers/sandbox';

/** The error message chaserBaseUrl throws for `value`. */
function refusal(value: string): string {
	try {
		chaserBaseUrl(value);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${value} was accepted`);
}

describe('chaserBaseUrl', () => {
	it.each([
		['', CHASER_API_URL],
		['   ', CHASER_API_URL],
		['https://openapi.chaserhq.com', 'https://openapi.chaserhq.com'],
		['  https://openapi.chaserhq.com/  ', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com///', 'https://openapi.chaserhq.com'],
		['HTTPS://OpenAPI.ChaserHQ.com', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com:443', 'https://openapi.chaserhq.com'],
		['https://chaser.example:8443/', 'https://chaser.example:8443'],
		['http://127.0.0.1:8765', 'http://127.0.0.1:8765'],
		['http://127.8.9.10:8765/', 'http://127.8.9.10:8765'],
		['http://localhost:8765', 'http://localhost:8765'],
		['http://[::1]:8765', 'http://[::1]:8765'],
		['https://localhost', 'https://localhost'],
	])('accepts %j as %s', (value, expected) => {
		expect(chaserBaseUrl(value)).toBe(expected);
	});

	it('treats a missing value as Chaser', () => {
		expect(chaserBaseUrl(undefined)).toBe(CHASER_API_URL);
	});

	describe('refuses plain http to any host but this machine, saying why and what to type', () => {
		it.each([
			['http://openapi.chaserhq.com', 'https://openapi.chaserhq.com'],
			['http://chaser.example:8080/', 'https://chaser.example:8080'],
			['http://0.0.0.0:8765', 'https://0.0.0.0:8765'],
			['http://10.0.0.7', 'https://10.0.0.7'],
			['http://[::ffff:127.0.0.1]:8765', 'https://[::ffff:7f00:1]:8765'],
			['http://localhost.example.com', 'https://localhost.example.com'],
		])('%s', (value, instead) => {
			const message = refusal(value);
			expect(message).toMatch(/^The Base URL must start with https:\/\/, not http:\/\//);
			expect(message).toContain('the API key and secret would cross the network unencrypted');
			expect(message).toMatch(new RegExp(`Type ${instead.replace(/[.[\]]/g, '\\$&')} instead\\.$`));
		});
	});

	it.each([
		['openapi.chaserhq.com'],
		['ftp://openapi.chaserhq.com'],
		['localhost:8765'],
		['https://'],
		['not a url'],
	])('refuses %j, which is not a web address', (value) => {
		expect(refusal(value)).toBe(
			'The Base URL must be a web address starting with https://, such as https://openapi.chaserhq.com',
		);
	});

	it.each([
		['https://openapi.chaserhq.com/v1', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com/v1/', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com/docs/static/index.html', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com?x=1', 'https://openapi.chaserhq.com'],
		['https://openapi.chaserhq.com/#errors', 'https://openapi.chaserhq.com'],
		['http://127.0.0.1:8765/v1', 'http://127.0.0.1:8765'],
	])('refuses %s (a path, query or fragment) and says to type %s', (value, instead) => {
		expect(refusal(value)).toBe(
			`The Base URL must be only the server's address, without a path, query or fragment (the node adds /v1/… itself). Type ${instead} instead.`,
		);
	});

	it.each([
		['https://key:secret@openapi.chaserhq.com', 'https://openapi.chaserhq.com'],
		['https://key@openapi.chaserhq.com', 'https://openapi.chaserhq.com'],
		['http://key:secret@127.0.0.1:8765', 'http://127.0.0.1:8765'],
	])('refuses user info in %s and says to type %s', (value, instead) => {
		expect(refusal(value)).toBe(
			`The Base URL must not contain a user name or password: the API Key and API Secret fields hold them. Type ${instead} instead.`,
		);
	});

	it('one message fixes everything: http with user info and a path is told the https address', () => {
		expect(refusal('http://key:secret@chaser.example/v1?token=abc')).toMatch(/Type https:\/\/chaser\.example instead\.$/);
	});

	it('never repeats a password, token or path that was typed into the URL', () => {
		for (const value of [
			'https://k3y:s3cr3t@openapi.chaserhq.com',
			'http://k3y:s3cr3t@openapi.chaserhq.com/v1',
			'https://openapi.chaserhq.com/?api_secret=s3cr3t',
			'https://openapi.chaserhq.com/s3cr3t#k3y',
		]) {
			const message = refusal(value);
			expect(message).not.toMatch(/k3y|s3cr3t/);
		}
	});
});

describe('the node applies the Base URL rule before any request', () => {
	const chaser = useSandbox();
	const port = () => chaser.sandbox.port as number;

	// Each would reach the sandbox if the node sent it: nothing may arrive there.
	it.each([
		['plain http to a host that is not loopback by name (0.0.0.0 reaches this machine)', () => `http://0.0.0.0:${port()}`],
		['a path', () => `${chaser.sandbox.url}/v1`],
		['a query', () => `${chaser.sandbox.url}/?org=1`],
		['a fragment', () => `${chaser.sandbox.url}#top`],
		['user info', () => `http://${SANDBOX_KEY}:${SANDBOX_SECRET}@127.0.0.1:${port()}`],
	])('refuses %s with the rule\'s words and sends nothing', async (_label, baseUrl) => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'get' },
			credentials: { baseUrl: baseUrl() },
		});
		expect(result.success).toEqual([]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(refusal(baseUrl()));
		expect(result.error?.description).toBe('The Base URL is set in the Chaser credential this node uses.');
		expect(chaser.calls()).toEqual([]);
	});

	it('with On Error: Continue, every item becomes one paired error item and still nothing is sent', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' },
			},
			items: [{ id: 'C-1' }, { id: 'C-2' }, { id: 'C-3' }],
			credentials: { baseUrl: `http://0.0.0.0:${port()}` },
			onError: 'continueErrorOutput',
		});
		expect(result.success).toEqual([]);
		expect(result.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of result.errorOutput) {
			expect(item.json.error).toMatch(/^The Base URL must start with https:\/\/, not http:\/\//);
		}
		expect(chaser.calls()).toEqual([]);
	});
});
