import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { transportSettings } from './settings';

/** What one attempt at a request came to, before any retry decision. */
export type Outcome =
	| { ok: true; body: IDataObject }
	| Failure;

export interface Failure {
	ok: false;
	kind: 'rateLimited' | 'server' | 'network' | 'timeout' | 'malformed' | 'client' | 'redirect';
	status?: number;
	/** Chaser's error body, when it sent one. */
	body?: IDataObject;
	message: string;
	/** Node's error code for network failures and timeouts, e.g. ECONNRESET. */
	code?: string;
	retryAfterMs?: number;
	/** Where a redirect pointed: scheme, host and path only (a query or user info could carry a token). */
	location?: string;
	/** True only when the failure proves the server never acted on the request. */
	neverLanded: boolean;
}

/** Network errors that happen before a request reaches the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

/** `url`: where the request went, to resolve a relative redirect. */
export function classifyResponse(response: IN8nHttpFullResponse, url?: string): Outcome {
	const status = response.statusCode;
	const body = response.body;
	const parsed = isObject(body) ? body : undefined;
	if (status >= 200 && status < 300) {
		if (parsed) return { ok: true, body: parsed };
		return { ok: false, kind: 'malformed', status, message: 'Chaser sent a response that is not valid JSON', neverLanded: false };
	}
	// Redirects are not followed (see the credential's authenticate): they reach here as answers.
	if (status >= 300 && status < 400) {
		const location = redirectLocation(response.headers?.location, url);
		return { ok: false, kind: 'redirect', status, message: `HTTP ${status}`, location, neverLanded: true };
	}
	const message = typeof parsed?.message === 'string' ? parsed.message : `HTTP ${status}`;
	if (status === 429) {
		return {
			ok: false,
			kind: 'rateLimited',
			status,
			body: parsed,
			message,
			retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
			neverLanded: true,
		};
	}
	if (status >= 500) return { ok: false, kind: 'server', status, body: parsed, message, neverLanded: false };
	return { ok: false, kind: 'client', status, body: parsed, message, neverLanded: true };
}

export function classifyThrown(error: unknown): Failure {
	const code = errorCode(error);
	const message = errorMessage(error);
	if (code && TIMEOUT_CODES.has(code)) {
		return { ok: false, kind: 'timeout', code, message, neverLanded: false };
	}
	return {
		ok: false,
		kind: 'network',
		code,
		message,
		neverLanded: code !== undefined && NOT_SENT_CODES.has(code),
	};
}

/** Accepts Retry-After as delta-seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date names its weekday or month; Date.parse alone would read "-5" or "12" as dates.
	if (!/[a-z]{3}/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - transportSettings.now());
}

/** Exponential back-off with full jitter, capped. */
export function backoffMs(attempt: number): number {
	const ceiling = Math.min(transportSettings.backoffMaxMs, transportSettings.backoffBaseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (transportSettings.random() * ceiling) / 2);
}

function redirectLocation(header: unknown, url: string | undefined): string | undefined {
	if (typeof header !== 'string' || !URL.canParse(header, url)) return undefined;
	const target = new URL(header, url);
	return `${target.protocol}//${target.host}${target.pathname}`;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** n8n wraps the axios error (NodeApiError.cause); the code may sit on either. */
function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && isObject(current); depth++) {
		const candidate = (current as IDataObject).code;
		if (typeof candidate === 'string' && /^E[A-Z_]+$/.test(candidate)) return candidate;
		current = (current as IDataObject).cause;
	}
	return undefined;
}

function errorMessage(error: unknown): string {
	if (error instanceof Error) {
		const cause = (error as Error & { cause?: unknown }).cause;
		if (cause instanceof Error && cause.message) return cause.message;
		return error.message;
	}
	return String(error);
}
