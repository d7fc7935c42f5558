import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CHASER_API_URL } from './baseUrl';
import type { Failure } from './failures';

export interface ErrorContext {
	itemIndex?: number;
	/** What a 404 means for this call, e.g. "No customer with external ID 'C-1' exists in Chaser". */
	notFoundMessage?: string;
	/** How long the request waited on 429s before giving up. */
	rateLimitWaitedMs?: number;
	attempts?: number;
	/** The per-request timeout in force, to name it when a request timed out. */
	timeoutMs?: number;
	/** An endpoint's own words for its rate limit (e.g. sync's 5 per hour). */
	rateLimitExplanation?: { message: string; description: string };
}

/**
 * Plain words for network error codes. The code itself stays out of the message: n8n replaces any
 * message that mentions a code such as ECONNRESET with its own generic text, which would hide ours.
 */
const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was closed before Chaser answered',
	ENOTFOUND: 'the host name in the Base URL was not found',
	EAI_AGAIN: 'the host name in the Base URL could not be looked up',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	EPIPE: 'the connection was closed while the request was being sent',
};

const KEYS_HELP =
	'Check the API Key and API Secret in the Chaser credential. Keys are created in Chaser under Organisation Settings > Integrations > Get API keys; the API is part of the Enterprise plan, and the organisation must use "API" as its accounting system.';

const BASE_URL_HELP = `Check the Base URL in the Chaser credential: for Chaser it is ${CHASER_API_URL}.`;

const REDIRECT_HELP = `The node does not follow redirects, so the API key and secret were not sent there. ${BASE_URL_HELP}`;

/**
 * The credential test's verdicts on the body of Chaser's answer to GET /v1/organisation (credentialTest.ts), the
 * first whose `key` (a dotted path) holds `value`: the same advice as the node's at run time.
 */
export const CREDENTIAL_TEST_RULES: Array<{ key: string; value: unknown; message: string }> = [
	{ key: 'type', value: 'forbidden_error', message: `Chaser refused the API key and secret. ${KEYS_HELP}` },
	{
		key: 'type',
		value: 'rate_limit_error',
		message: "Chaser's rate limit for this API key is used up for the moment: test again in a minute.",
	},
	{
		key: 'type',
		value: 'internal_server_error',
		message: 'Chaser had a problem answering. This is usually temporary: test again later.',
	},
	// Any other answer without the organisation in it (a redirect, a 404, a web page) is not Chaser's API.
	{
		key: 'data.id',
		value: undefined,
		message: `The server at this Base URL did not answer like Chaser's API: no organisation came back (a redirect is not followed, so the API key and secret were sent nowhere else). ${BASE_URL_HELP}`,
	},
];

/** Turns a final failure into the error users see: what happened, then what to do. */
export function toNodeApiError(node: INode, failure: Failure, context: ErrorContext): NodeApiError {
	const { message, description } = explain(failure, context);
	const response: JsonObject = (failure.body as JsonObject | undefined) ?? { message: failure.message };
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: context.itemIndex,
		// n8n 2.41's poll scheduler backs a polling trigger off on this (honouring the wait); earlier versions ignore it.
		failure: failure.kind === 'rateLimited' ? { cause: 'rate-limited', retryAfterMs: failure.retryAfterMs } : undefined,
	});
}

function explain(failure: Failure, context: ErrorContext): { message: string; description: string } {
	const chaserSays = failure.message;
	switch (failure.kind) {
		case 'redirect':
			return {
				message: `Chaser (or a proxy in front of it) answered with a redirect (HTTP ${failure.status}) to ${failure.location ?? 'an address it did not give'}, which the node does not follow`,
				description: REDIRECT_HELP,
			};
		case 'client':
			if (failure.status === 403 || failure.status === 401) {
				return { message: `Chaser refused the credentials: ${chaserSays}`, description: KEYS_HELP };
			}
			if (failure.status === 404) {
				if (!context.notFoundMessage) {
					// Every call here addresses something Chaser always has (a list, the organisation).
					return { message: `Chaser found nothing at this address: ${chaserSays}`, description: BASE_URL_HELP };
				}
				return {
					message: context.notFoundMessage,
					description:
						"Check that ID: it must be exactly the ID the record has in Chaser, either your own system's ID that it was created with (a customer's External ID, an Invoice ID, Credit Note ID or Overpayment ID) or Chaser's ID. Get Many lists the records Chaser has.",
				};
			}
			return { message: `Chaser rejected the request: ${chaserSays}`, description: rejectionHelp(chaserSays) };
		case 'rateLimited':
			if (context.rateLimitExplanation) {
				const { message, description } = context.rateLimitExplanation;
				return { message, description };
			}
			return {
				message: `Chaser's rate limit was still exceeded after waiting ${Math.round((context.rateLimitWaitedMs ?? 0) / 1000)} s`,
				description:
					'Chaser allows 200 requests per minute per API key. Use Create or Update with batching for large syncs, run fewer items at once, or raise "Rate Limit Wait (Seconds)" in the node options.',
			};
		case 'server':
			return {
				message:
					chaserSays === `HTTP ${failure.status}`
						? `Chaser had a problem handling the request (HTTP ${failure.status})`
						: `Chaser had a problem handling the request (HTTP ${failure.status}): ${chaserSays}`,
				description: `This is usually temporary. The node tried ${context.attempts ?? 1} time(s); run it again later.`,
			};
		case 'timeout':
			return {
				message:
					context.timeoutMs !== undefined
						? `Chaser did not answer within ${context.timeoutMs / 1000} s`
						: 'Chaser did not answer in time',
				description: `The node tried ${context.attempts ?? 1} time(s) (${withCode(failure)}). Check the Base URL in the Chaser credential, or raise "Timeout" in the node options.`,
			};
		case 'malformed':
			return {
				message: chaserSays,
				description: `The node tried ${context.attempts ?? 1} time(s). ${BASE_URL_HELP}`,
			};
		case 'network':
		default: {
			const reason = failure.code ? NETWORK_REASONS[failure.code] : chaserSays;
			return {
				message: reason ? `Could not reach Chaser: ${reason}` : 'Could not reach Chaser',
				description: `${withCode(failure)}. The node tried ${context.attempts ?? 1} time(s). ${BASE_URL_HELP} If it is right, check the network between n8n and Chaser.`,
			};
		}
	}
}

/** What to do about a 400: Chaser's message says what is wrong; the advice depends on which kind of wrong. */
export function rejectionHelp(chaserSays: string): string {
	if (/already exists/i.test(chaserSays)) {
		return 'A record with this ID is already in Chaser. To change it, use Update, or Create or Update, which creates or updates by ID in one step; Get reads it.';
	}
	if (/customer/i.test(chaserSays) && /not found|does not exist|unknown/i.test(chaserSays)) {
		return "Invoices, credit notes and overpayments belong to a customer that must already be in Chaser: check the Customer field, or create the customer first (Customer > Create or Create or Update).";
	}
	return 'Correct the field Chaser names and run the node again.';
}

/** The raw error, with its code, for the description (where n8n leaves it alone). */
function withCode(failure: Failure): string {
	if (!failure.code) return failure.message;
	return failure.message.includes(failure.code) ? failure.message : `${failure.message} (${failure.code})`;
}
