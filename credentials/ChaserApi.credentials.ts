import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			default: 'https://openapi.chaserhq.com',
			placeholder: 'e.g. https://openapi.chaserhq.com',
			description:
				"Leave as is for Chaser. To try the node without a Chaser account, point it at the Chaser sandbox from this package's GitHub repository (npm start or npm run sandbox there).",
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			default: 200,
			typeOptions: { minValue: 1 },
			description:
				"How many requests this n8n may send to Chaser per minute with this key. Chaser allows 200 per API key, and n8n sends that many at once when it can. In queue mode every worker counts for itself: enter 200 divided by the number of workers, or leave 200 and the workers slow down by themselves after Chaser's first \"too many requests\" answer. If other tools use the same key, enter what they leave free.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '={{$credentials.apiSecret}}',
			},
		},
	};

	// The current organisation proves both the URL and the key pair: Chaser answers 403 to bad keys.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://openapi.chaserhq.com").replace(/\\/+$/, "")}}',
			url: '/v1/organisation',
			method: 'GET',
		},
	};
}
