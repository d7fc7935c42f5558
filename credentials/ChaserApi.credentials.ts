import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CHASER_API_URL, chaserBaseUrl } from '../core/transport/baseUrl';

export class ChaserApi implements ICredentialType {
	name = 'chaserApi';

	displayName = 'Chaser API';

	icon: Icon = { light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' };

	documentationUrl = 'https://help.chaserhq.com/chaserapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'In Chaser: Organisation Settings > Integrations > Get API keys. The API is part of the Enterprise plan.',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Shown once, next to the API key, when the key is created',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CHASER_API_URL,
			placeholder: 'e.g. https://openapi.chaserhq.com',
			description:
				"Leave as is for Chaser. The key and secret are sent only to this address, encrypted and never on through a redirect, so it must start with https:// and stop after the host name and port (no /v1, no user name or password); only a sandbox on this machine may use http://, such as the Chaser sandbox from this package's GitHub repository (npm start or npm run sandbox there, at http://127.0.0.1:8765).",
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			default: 200,
			typeOptions: { minValue: 1 },
			description:
				"At least 1: the credential test refuses 0. How many requests this n8n may send to Chaser per minute with this key. Chaser allows 200 per API key, and n8n sends that many at once when it can. In queue mode every worker counts for itself: enter 200 divided by the number of workers, or leave 200 and the workers slow down by themselves after Chaser's first \"too many requests\" answer. If other tools use the same key, enter what they leave free.",
		},
	];

	/**
	 * HTTP Basic auth (key as user name, secret as password) for every request made with this
	 * credential: the node's, the credential test's, an HTTP Request node's. Before anything is sent it
	 * refuses a Base URL that would expose the key and secret, and a request for any other address;
	 * and it turns off redirects, which n8n would otherwise follow with the credentials to any host.
	 * Older nodes (HTTP Request) hand over requests in n8n's legacy shape: `uri`, `followRedirect`.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseUrl = chaserBaseUrl(credentials.baseUrl);
		const address = requestOptions.url ?? (requestOptions as { uri?: string }).uri;
		const target = URL.canParse(address, requestOptions.baseURL) ? new URL(address, requestOptions.baseURL) : undefined;
		const origin = target && `${target.protocol}//${target.host}`;
		if (origin !== baseUrl) {
			throw new Error(
				`The Chaser credential sends its key and secret only to its Base URL, ${baseUrl}, not to ${origin ?? 'this address'}`,
			);
		}
		const noRedirects = { disableFollowRedirect: true, followRedirect: false, followAllRedirects: false };
		return {
			...requestOptions,
			...noRedirects,
			auth: { username: String(credentials.apiKey), password: String(credentials.apiSecret) },
		};
	}

	// No `test` request here: n8n would prefer it to the nodes' test function (testedBy), which checks the
	// credential's own fields first and names an unreachable host (core/transport/credentialTest.ts).
}
