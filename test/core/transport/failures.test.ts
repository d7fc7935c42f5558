import { toNodeApiError } from '../../../core/transport/errors';
import type { Failure } from '../../../core/transport/failures';
import { backoffMs, classifyResponse, classifyThrown, parseRetryAfter } from '../../../core/transport/failures';
import { configureTransport, resetTransportSettings } from '../../../core/transport';
import { fakeNode as node } from './fakeContext';

const NOW = Date.parse('2025-06-30T12:00:00Z');

beforeEach(() => configureTransport({ now: () => NOW, random: () => 0.5 }));
afterEach(() => resetTransportSettings());

describe('parseRetryAfter', () => {
	it.each([
		['delta-seconds', '3', 3000],
		['delta-seconds as a number', 7, 7000],
		['zero', '0', 0],
		['fractional seconds', '1.5', 1500],
		['padded', ' 12 ', 12000],
		['an array (repeated header)', ['4', '9'], 4000],
		['an HTTP date 5 s ahead', 'Mon, 30 Jun 2025 12:00:05 GMT', 5000],
		['an HTTP date in the past', 'Mon, 30 Jun 2025 11:59:00 GMT', 0],
	])('reads %s', (_label, header, expected) => {
		expect(parseRetryAfter(header)).toBe(expected);
	});

	it.each([
		['absent', undefined],
		['empty', ''],
		['garbage', 'soon'],
		['negative', '-5'],
		['an object', { seconds: 3 }],
	])('ignores %s', (_label, header) => {
		expect(parseRetryAfter(header)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('doubles per attempt with jitter between half and all of the ceiling', () => {
		configureTransport({ backoffBaseMs: 100, backoffMaxMs: 100_000, random: () => 0 });
		expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt))).toEqual([50, 100, 200, 400]);
		configureTransport({ random: () => 0.999999 });
		expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt))).toEqual([100, 200, 400, 800]);
	});

	it('is capped at backoffMaxMs', () => {
		configureTransport({ backoffBaseMs: 500, backoffMaxMs: 2_000, random: () => 1 });
		expect(backoffMs(10)).toBe(2_000);
	});
});

describe('classifyResponse', () => {
	const response = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
		classifyResponse({ statusCode, body, headers } as never);

	it('passes a 2xx JSON object through', () => {
		expect(response(200, { data: { id: 'cus_1' } })).toEqual({ ok: true, body: { data: { id: 'cus_1' } } });
		expect(response(201, { data: {} })).toMatchObject({ ok: true });
	});

	it('treats a 2xx that is not a JSON object as malformed (may have landed)', () => {
		expect(response(200, '{"data":[{"id":"cus_')).toMatchObject({ ok: false, kind: 'malformed', neverLanded: false });
		expect(response(200, undefined)).toMatchObject({ kind: 'malformed' });
		expect(response(200, [1, 2])).toMatchObject({ kind: 'malformed' });
	});

	it('reads a 429 with its Retry-After, as never landed', () => {
		expect(response(429, { message: 'rate limit exceeded' }, { 'retry-after': '2' })).toMatchObject({
			kind: 'rateLimited',
			status: 429,
			message: 'rate limit exceeded',
			retryAfterMs: 2000,
			neverLanded: true,
		});
		expect(response(429, {})).toMatchObject({ kind: 'rateLimited', retryAfterMs: undefined });
	});

	it.each([500, 502, 503, 504])('treats %i as a server failure that may have landed', (status) => {
		expect(response(status, '<html>Bad gateway</html>')).toMatchObject({
			kind: 'server',
			status,
			message: `HTTP ${status}`,
			neverLanded: false,
		});
	});

	it.each([400, 403, 404])('treats %i as a client failure', (status) => {
		expect(response(status, { message: 'nope' })).toMatchObject({ kind: 'client', status, message: 'nope', neverLanded: true });
	});

	it.each([301, 302, 303, 307, 308])('treats %i as a redirect, keeping only where it points: scheme, host and path', (status) => {
		const redirect = (location: string | undefined) =>
			classifyResponse(
				{ statusCode: status, body: '', headers: location === undefined ? {} : { location } },
				'https://openapi.chaserhq.com/v1/organisation?page=0',
			);
		expect(redirect('https://k:s@elsewhere.example:8443/v1/organisation?token=t#x')).toEqual({
			ok: false,
			kind: 'redirect',
			status,
			message: `HTTP ${status}`,
			location: 'https://elsewhere.example:8443/v1/organisation',
			neverLanded: true,
		});
		expect(redirect('/v2/organisation?token=t')).toMatchObject({ location: 'https://openapi.chaserhq.com/v2/organisation' });
		expect(redirect('//k:s@elsewhere.example/x')).toMatchObject({ location: 'https://elsewhere.example/x' });
		expect(redirect(undefined)).toMatchObject({ kind: 'redirect', location: undefined });
	});
});

describe('classifyThrown', () => {
	const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

	it.each(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'])('%s is a timeout that may have landed', (code) => {
		expect(classifyThrown(withCode(code))).toMatchObject({ kind: 'timeout', code, neverLanded: false });
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
		'%s proves the request never reached Chaser',
		(code) => {
			expect(classifyThrown(withCode(code))).toMatchObject({ kind: 'network', code, neverLanded: true });
		},
	);

	it('a reset may have landed', () => {
		expect(classifyThrown(withCode('ECONNRESET', 'socket hang up'))).toMatchObject({
			kind: 'network',
			code: 'ECONNRESET',
			message: 'socket hang up',
			neverLanded: false,
		});
	});

	it('finds the code on a wrapped cause, as n8n wraps axios errors', () => {
		const wrapped = Object.assign(new Error('outer'), { cause: withCode('ECONNREFUSED', 'connect refused') });
		expect(classifyThrown(wrapped)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', message: 'connect refused', neverLanded: true });
	});

	it('an error without a code is a network failure that may have landed', () => {
		expect(classifyThrown(new Error('weird'))).toMatchObject({ kind: 'network', message: 'weird', neverLanded: false });
	});
});

describe('toNodeApiError', () => {
	const failure = (overrides: Partial<Failure>): Failure => ({ ok: false, kind: 'network', message: 'x', neverLanded: false, ...overrides });

	it('keeps its own message for network codes n8n would otherwise replace with generic text', () => {
		const error = toNodeApiError(node, failure({ code: 'ECONNRESET', message: 'socket hang up' }), { attempts: 5 });
		expect(error.message).toBe('Could not reach Chaser: the connection was closed before Chaser answered');
		expect(error.description).toContain('socket hang up (ECONNRESET)');
		expect(error.description).toContain('tried 5 time(s)');
	});

	it('names the timeout in force', () => {
		const error = toNodeApiError(node, failure({ kind: 'timeout', code: 'ECONNABORTED', message: 'timeout of 300ms exceeded' }), {
			attempts: 2,
			timeoutMs: 300,
		});
		expect(error.message).toBe('Chaser did not answer within 0.3 s');
		expect(error.description).toContain('timeout of 300ms exceeded (ECONNABORTED)');
		expect(error.description).toContain('"Timeout"');
	});

	it('says how long it waited on the rate limit', () => {
		const error = toNodeApiError(node, failure({ kind: 'rateLimited', status: 429, message: 'rate limit exceeded' }), {
			rateLimitWaitedMs: 120_000,
			itemIndex: 3,
		});
		expect(error.message).toBe("Chaser's rate limit was still exceeded after waiting 120 s");
		expect(error.description).toContain('Rate Limit Wait (Seconds)');
		expect(error.httpCode).toBe('429');
		expect(error.context.itemIndex).toBe(3);
	});

	it('does not repeat a bare status for a 5xx without a Chaser body', () => {
		expect(toNodeApiError(node, failure({ kind: 'server', status: 502, message: 'HTTP 502' }), {}).message).toBe(
			'Chaser had a problem handling the request (HTTP 502)',
		);
		expect(
			toNodeApiError(node, failure({ kind: 'server', status: 500, message: 'internal server error', body: { message: 'internal server error' } }), {})
				.message,
		).toBe('Chaser had a problem handling the request (HTTP 500): internal server error');
	});

	it('uses the notFoundMessage for a 404', () => {
		const error = toNodeApiError(node, failure({ kind: 'client', status: 404, message: 'not found' }), {
			notFoundMessage: "No customer with external ID 'C-9' exists in Chaser",
		});
		expect(error.message).toBe("No customer with external ID 'C-9' exists in Chaser");
		expect(error.httpCode).toBe('404');
	});
});
