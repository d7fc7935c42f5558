import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { chaserBaseUrl } from './baseUrl';
import type { ErrorContext } from './errors';
import { toNodeApiError } from './errors';
import type { Failure, Outcome } from './failures';
import { backoffMs, classifyResponse, classifyThrown } from './failures';
import type { ChaserFormData } from './multipart';
import { toFormData } from './multipart';
import { acquireSlot, answered, keyBudget, rateLimited, requestsPerMinuteProblem } from './pacer';
import { transportSettings } from './settings';

/** The action node's run, the editor's customer search, and the trigger's poll. */
export type ChaserContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ChaserRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/v1/customers`; address a record by your own ID with `externalIdSegment`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * A multipart/form-data body instead of `body` (a file upload): the parts by name. A fresh body is built for
	 * every attempt, so a retry sends the file again in full.
	 */
	formData?: ChaserFormData;
	/**
	 * Set on a POST that repeating cannot duplicate (the invoice PDF upload replaces the file), so that it is
	 * retried after a 5xx or network failure like a GET or PUT. Other POSTs are retried only when the failure
	 * proves the request never landed, or after reading back at `readBackPath`.
	 */
	idempotent?: boolean;
	itemIndex?: number;
	/** What a 404 means for this call (which record is missing); without it a 404 is read as a wrong Base URL. */
	notFoundMessage?: string;
	/**
	 * For a POST that creates a record under an external ID: where that record would be.
	 * An ambiguous failure (reset, timeout, 5xx) is then settled by reading it back: found means
	 * the create landed, 404 means it is safe to send again. Without it a failed POST is not retried
	 * unless the failure proves the request never landed.
	 */
	readBackPath?: string;
	/**
	 * For endpoints with a limit of their own (sync: 5 per hour), where waiting out the per-minute
	 * limit does not help: how long a 429 may be waited out here, and what to say when it is not.
	 */
	rateLimit?: { maxWaitMs: number; message: string; description: string };
}

interface Connection {
	baseUrl: string;
	/** Pacing key: one budget per Chaser key, whatever the node or execution. */
	rateKey: string;
	/** The key's requests per minute, from the credential. */
	budget: number;
	timeoutMs: number;
	maxRateLimitWaitMs: number;
}

const connections = new WeakMap<object, Promise<Connection>>();

/** Credentials and request options, read once per execution context rather than per request. */
async function connect(context: ChaserContext): Promise<Connection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = (async () => {
			const credentials = await context.getCredentials('chaserApi');
			const baseUrl = checkedBaseUrl(context, credentials.baseUrl);
			const budgetProblem = requestsPerMinuteProblem(credentials.requestsPerMinute);
			if (budgetProblem) {
				throw new NodeOperationError(context.getNode(), budgetProblem, {
					description: 'Open the Chaser credential this node uses, correct Requests per Minute and save it. Nothing was sent to Chaser.',
				});
			}
			const options = readRequestOptions(context);
			return {
				baseUrl,
				rateKey: `${baseUrl} ${String(credentials.apiKey)}`,
				budget: keyBudget(credentials.requestsPerMinute),
				timeoutMs: options.timeout ? options.timeout * 1000 : transportSettings.timeoutMs,
				maxRateLimitWaitMs:
					options.maxRateLimitWait !== undefined
						? options.maxRateLimitWait * 1000
						: transportSettings.maxRateLimitWaitMs,
			};
		})();
		connections.set(context, connection);
		connection.catch(() => connections.delete(context));
	}
	return await connection;
}

/** The credential's Base URL, refused here, before any request, when it would put the key and secret at risk. */
function checkedBaseUrl(context: ChaserContext, value: unknown): string {
	try {
		return chaserBaseUrl(value);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), error as Error, {
			description: 'The Base URL is set in the Chaser credential this node uses.',
		});
	}
}

/** Timeout and Rate Limit Wait from the node's Options (a trigger's, or the editor's list search, may have none). */
function readRequestOptions(context: ChaserContext): { timeout?: number; maxRateLimitWait?: number } {
	let options: unknown;
	try {
		options = context.getNodeParameter('options', 0, {});
	} catch {
		return {};
	}
	const { timeout, maxRateLimitWait } = typeof options === 'object' && options !== null ? (options as IDataObject) : {};
	return { timeout: timeout as number | undefined, maxRateLimitWait: maxRateLimitWait as number | undefined };
}

/** Which Chaser key a node talks to (its Base URL and API key): pacing, and anything remembered per key, go by it. */
export async function chaserKeyOf(context: ChaserContext): Promise<string> {
	return (await connect(context)).rateKey;
}

/** `ext_` + the percent-encoded external ID: Chaser's way of addressing a record by your own ID. */
export function externalIdSegment(externalId: string): string {
	return `ext_${encodeURIComponent(externalId)}`;
}

async function attempt(context: ChaserContext, connection: Connection, request: ChaserRequest): Promise<Outcome> {
	const url = `${connection.baseUrl}${request.path}`;
	try {
		// The credential's authenticate sends the key and secret only to its Base URL and turns off
		// redirects, so a 3xx comes back here as an answer (see classifyResponse).
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, 'chaserApi', {
			method: request.method,
			url,
			qs: request.qs,
			body: request.formData ? toFormData(request.formData) : request.body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: connection.timeoutMs,
		})) as IN8nHttpFullResponse;
		return classifyResponse(response, url);
	} catch (error) {
		return classifyThrown(error);
	}
}

/**
 * Sends one request to Chaser and returns the parsed body (the envelope).
 * Paces to the rate limit, waits out 429s within a time budget, and retries 5xx/network
 * failures where repeating the request cannot duplicate anything.
 */
export async function chaserRequest(context: ChaserContext, request: ChaserRequest): Promise<IDataObject> {
	const connection = await connect(context);
	const idempotent = request.idempotent ?? request.method !== 'POST';
	let rateLimitWaitedMs = 0;
	let retries = 0;
	let attempts = 0;
	/** Set when a failed attempt may still have been applied, so a later answer may reflect it. */
	let earlierAttemptMayHaveLanded = false;

	for (;;) {
		attempts++;
		const turn = await acquireSlot(connection.rateKey, connection.budget);
		const outcome = await attempt(context, connection, request);
		answered(connection.rateKey, turn);
		if (outcome.ok) return outcome.body;

		const failure: Failure = outcome;
		const errorContext: ErrorContext = {
			itemIndex: request.itemIndex,
			notFoundMessage: request.notFoundMessage,
			rateLimitWaitedMs,
			attempts,
			timeoutMs: connection.timeoutMs,
			rateLimitExplanation: request.rateLimit,
		};

		if (failure.kind === 'rateLimited') {
			// An endpoint with a limit of its own (sync) waits for itself; any other 429 is news for the key's pacer,
			// which lowers the key's rate and holds every request on it until the window can have freed up.
			const ownLimit = request.rateLimit !== undefined;
			const waitMs = rateLimited(connection.rateKey, turn, failure.retryAfterMs, !ownLimit);
			const maxWaitMs = Math.min(connection.maxRateLimitWaitMs, request.rateLimit?.maxWaitMs ?? Infinity);
			if (rateLimitWaitedMs + waitMs > maxWaitMs) {
				throw toNodeApiError(context.getNode(), failure, errorContext);
			}
			rateLimitWaitedMs += waitMs;
			if (ownLimit) await transportSettings.sleep(waitMs);
			continue;
		}

		if (failure.kind === 'redirect') throw toNodeApiError(context.getNode(), failure, errorContext);

		if (failure.kind === 'client') {
			// A delete whose earlier attempt landed: the record is gone, which is what was asked.
			if (earlierAttemptMayHaveLanded && request.method === 'DELETE' && failure.status === 404) return {};
			// Our earlier attempt landed after all: the record is there, so return it.
			if (attempts > 1 && request.readBackPath && failure.status === 400 && /already exists/i.test(failure.message)) {
				const existing = await readBack(context, request);
				if (existing) return existing;
			}
			throw toNodeApiError(context.getNode(), failure, errorContext);
		}

		if (retries >= transportSettings.maxRetries) {
			throw toNodeApiError(context.getNode(), failure, errorContext);
		}
		if (!idempotent && !failure.neverLanded) {
			if (!request.readBackPath) throw toNodeApiError(context.getNode(), failure, errorContext);
			const existing = await readBack(context, request);
			if (existing) return existing;
		}
		earlierAttemptMayHaveLanded ||= !failure.neverLanded;
		await transportSettings.sleep(backoffMs(retries));
		retries++;
	}
}

/** Settles whether a create landed: the record if it exists, undefined on 404. */
async function readBack(context: ChaserContext, request: ChaserRequest): Promise<IDataObject | undefined> {
	try {
		return await chaserRequest(context, {
			method: 'GET',
			path: request.readBackPath as string,
			itemIndex: request.itemIndex,
		});
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode === '404') return undefined;
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}
