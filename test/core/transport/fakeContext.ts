/**
 * A stand-in for n8n's execute context with a scripted HTTP layer, for transport unit tests that need
 * answers the sandbox cannot give (a 400 without entry indexes, ECONNREFUSED, a POST without read-back).
 */
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import type { ChaserContext } from '../../../core/transport';

export const fakeNode: INode = {
	id: 'chaser',
	name: 'Chaser',
	type: 'n8n-nodes-chaser.chaser',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export type Answer = IN8nHttpFullResponse | Error;

export interface FakeContext {
	context: ChaserContext;
	/** Every request the transport sent, in order. */
	sent: IHttpRequestOptions[];
	/** "METHOD /path" of every request. */
	calls(): string[];
}

export const ok = (body: IDataObject, statusCode = 200): IN8nHttpFullResponse => ({ statusCode, body, headers: {} });
export const fail = (statusCode: number, body: IDataObject = { message: `HTTP ${statusCode}` }, headers: IDataObject = {}) =>
	({ statusCode, body, headers }) as IN8nHttpFullResponse;
export const thrown = (code: string, message = code) => Object.assign(new Error(message), { code });

export function fakeContext(
	respond: (options: IHttpRequestOptions, index: number) => Answer | Promise<Answer>,
	options: IDataObject = {},
	credentials: IDataObject = {},
): FakeContext {
	const sent: IHttpRequestOptions[] = [];
	const context = {
		getCredentials: async () => ({ apiKey: 'key', apiSecret: 'secret', baseUrl: 'https://chaser.test/', ...credentials }),
		getNodeParameter: (name: string) => (name === 'options' ? options : undefined),
		getNode: () => fakeNode,
		helpers: {
			httpRequestWithAuthentication: async (_credential: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = await respond(options, sent.length - 1);
				if (answer instanceof Error) throw answer;
				return answer;
			},
		},
	} as unknown as ChaserContext;
	return {
		context,
		sent,
		calls: () => sent.map((options) => `${options.method} ${String(options.url).replace('https://chaser.test', '')}`),
	};
}
