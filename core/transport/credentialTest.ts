import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { CHASER_API_URL, chaserBaseUrl } from './baseUrl';
import { CREDENTIAL_TEST_RULES } from './errors';
import { classifyThrown } from './failures';
import { requestsPerMinuteProblem } from './pacer';

/** The name both nodes give their credential test: `methods.credentialTest`, and `testedBy` (written there as a literal, which n8n's lint reads). */
export const CREDENTIAL_TEST = 'chaserApiTest';

/** How long the test waits for Chaser to answer. */
const TEST_TIMEOUT_MS = 30_000;

/** Why a host could not be reached, and what to check, by Node's error code. */
const UNREACHABLE: Record<string, string> = {
	ENOTFOUND: 'its host name was not found (DNS)',
	EAI_AGAIN: 'its host name could not be looked up (DNS did not answer)',
	ECONNREFUSED: 'it refused the connection (nothing listens on that port)',
	ECONNRESET: 'the connection was closed before it answered',
	EHOSTUNREACH: 'the host is unreachable from this n8n',
	ENETUNREACH: 'the network is unreachable from this n8n',
	ETIMEDOUT: `it did not answer within ${TEST_TIMEOUT_MS / 1000} s`,
	ECONNABORTED: `it did not answer within ${TEST_TIMEOUT_MS / 1000} s`,
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
};

/**
 * "Test" in the credential dialog, both nodes' `methods.credentialTest` (n8n runs it through their `testedBy`, so it can say more than a test
 * request can): the credential's own rules first (Base URL, Requests per Minute), then GET /v1/organisation, which
 * proves the URL and the key pair, read with the same rules as before (CREDENTIAL_TEST_RULES, the node's words),
 * and a host that cannot be reached named with what to check, where n8n alone would say only "ENOTFOUND".
 *
 * n8n gives a credential test one HTTP helper, the legacy `request`: it sends the key and secret as Basic auth here,
 * to the Base URL only and never on through a redirect, as the credential's `authenticate` does for every other
 * request.
 */
export async function testChaserCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	let baseUrl: string;
	try {
		baseUrl = chaserBaseUrl(data.baseUrl);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const budgetProblem = requestsPerMinuteProblem(data.requestsPerMinute);
	if (budgetProblem) return { status: 'Error', message: budgetProblem };

	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await context.helpers.request({
			uri: `${baseUrl}/v1/organisation`,
			method: 'GET',
			auth: { user: String(data.apiKey ?? ''), pass: String(data.apiSecret ?? ''), sendImmediately: true },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			timeout: TEST_TIMEOUT_MS,
		})) as { statusCode?: number; body?: unknown };
	} catch (error) {
		return { status: 'Error', message: unreachable(baseUrl, error) };
	}
	const verdict = ruleFor(response.body);
	return verdict ? { status: 'Error', message: verdict } : { status: 'OK', message: 'Connection successful!' };
}

/** Both nodes' `methods.credentialTest[CREDENTIAL_TEST]`: n8n calls it with the test's context as `this`. */
export async function credentialTestMethod(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	return await testChaserCredential(this, credential);
}

/** The first rule whose key holds its value in the answer's body. */
export function ruleFor(body: unknown): string | undefined {
	const parsed = typeof body === 'string' ? parseJson(body) : body;
	for (const { key, value, message } of CREDENTIAL_TEST_RULES) {
		const found = key.split('.').reduce<unknown>((part, name) => (isObject(part) ? part[name] : undefined), parsed);
		if (found === value) return message;
	}
	return undefined;
}

/** The host that could not be reached, why, and what to check. */
export function unreachable(baseUrl: string, error: unknown): string {
	const failure = classifyThrown(error);
	const host = new URL(baseUrl).host;
	const why = (failure.code && UNREACHABLE[failure.code]) ?? failure.message;
	const code = failure.code && !why.includes(failure.code) ? ` (${failure.code})` : '';
	return `Could not reach ${host}: ${why}${code}. Check the Base URL for a typo (for Chaser it is ${CHASER_API_URL}); if it is right, check that this n8n can reach that host: a VPN that must be on, a proxy or a firewall in between.`;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
