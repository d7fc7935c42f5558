import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	'Check the API Key and API Secret in the Chaser credential. Keys are created in Chaser under Organisation Settings > Integrations > Get API keys (Enterprise plan).';

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
		case 'client':
			if (failure.status === 403 || failure.status === 401) {
				return { message: `Chaser refused the credentials: ${chaserSays}`, description: KEYS_HELP };
			}
			if (failure.status === 404) {
				return {
					message: context.notFoundMessage ?? `Chaser found nothing there: ${chaserSays}`,
					description:
						'Check the ID. External IDs are the IDs from your own system that the record was created with (a customer\'s external_id, an invoice_id, credit_note_id or overpayment_id), matched exactly.',
				};
			}
			return {
				message: `Chaser rejected the request: ${chaserSays}`,
				description: 'Correct the field Chaser names and run the node again.',
			};
		case 'rateLimited':
			if (context.rateLimitExplanation) {
				const { message, description } = context.rateLimitExplanation;
				return { message, description };
			}
			return {
				message: `Chaser's rate limit was still exceeded after waiting ${Math.round((context.rateLimitWaitedMs ?? 0) / 1000)} s`,
				description:
					'Chaser allows 200 requests per minute per API key. Use Create or Update with batching for large syncs, run fewer items at once, or raise "Max Rate Limit Wait" in the node options.',
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
				description: `The node tried ${context.attempts ?? 1} time(s) (${withCode(failure)}). Check the Base URL in the credential, or raise "Timeout" in the node options.`,
			};
		case 'malformed':
			return {
				message: chaserSays,
				description: `The node tried ${context.attempts ?? 1} time(s). Check that the Base URL in the credential points at Chaser's API.`,
			};
		case 'network':
		default: {
			const reason = failure.code ? NETWORK_REASONS[failure.code] : chaserSays;
			return {
				message: reason ? `Could not reach Chaser: ${reason}` : 'Could not reach Chaser',
				description: `${withCode(failure)}. The node tried ${context.attempts ?? 1} time(s). Check the Base URL in the credential and the network between n8n and Chaser.`,
			};
		}
	}
}

/** The raw error, with its code, for the description (where n8n leaves it alone). */
function withCode(failure: Failure): string {
	if (!failure.code) return failure.message;
	return failure.message.includes(failure.code) ? failure.message : `${failure.message} (${failure.code})`;
}
