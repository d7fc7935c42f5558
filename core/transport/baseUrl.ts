/** Chaser's API: the credential's Base URL unless the user points it elsewhere (e.g. the sandbox). */
export const CHASER_API_URL = 'https://openapi.chaserhq.com';

/** Hosts on this machine, the only ones that may be reached over plain http (the sandbox, tests). */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * The one rule for the credential's Base URL, applied by the node before any request and by the
 * credential itself (its `authenticate`) before the credential test or any other request leaves:
 * https only, except on this machine, and nothing but scheme, host and port. Returns the address
 * requests go to (`https://host[:port]`, no trailing slash; blank means Chaser's API), or throws an
 * error whose message says why the URL cannot be used and what to type instead. The message never
 * repeats what was typed beyond scheme, host and port, so a password or token pasted into the URL
 * does not end up in an error.
 */
export function chaserBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return CHASER_API_URL;
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
		throw new Error(`The Base URL must be a web address starting with https://, such as ${CHASER_API_URL}`);
	}
	const loopback = isLoopback(url.hostname);
	const instead = `Type ${loopback ? url.protocol : 'https:'}//${url.host} instead.`;
	if (url.protocol === 'http:' && !loopback) {
		throw new Error(
			`The Base URL must start with https://, not http://: over http:// the API key and secret would cross the network unencrypted (only a sandbox on this machine, such as http://127.0.0.1:8765, may use http://). ${instead}`,
		);
	}
	if (url.username || url.password) {
		throw new Error(
			`The Base URL must not contain a user name or password: the API Key and API Secret fields hold them. ${instead}`,
		);
	}
	if (url.pathname.replace(/\//g, '') || url.search || url.hash) {
		throw new Error(
			`The Base URL must be only the server's address, without a path, query or fragment (the node adds /v1/… itself). ${instead}`,
		);
	}
	return `${url.protocol}//${url.host}`;
}
