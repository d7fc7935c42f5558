'use strict';
/**
 * Two loopback servers for redirect tests: one answers every request with a redirect (302 by default) to the
 * other, on another port, which records what arrives there, Authorization header included. A client that follows
 * the redirect with the credentials shows up in `arrived`.
 */
const http = require('http');

/** @param {http.RequestListener} handler @returns {Promise<http.Server>} */
function listen(handler) {
	return new Promise((resolve, reject) => {
		const server = http.createServer(handler);
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

/** @param {http.Server} server */
function portOf(server) {
	return /** @type {import('net').AddressInfo} */ (server.address()).port;
}

/**
 * @param {object} [options]
 * @param {number} [options.status] the redirect's status code (changeable later with `setStatus`)
 * @param {string} [options.targetHost] host name in the Location: `localhost` (another host name, as a proxy would
 *   send) or `127.0.0.1` (the same host name, another port)
 * @param {(request: http.IncomingMessage, target: string) => string} [options.location] the Location header, from
 *   the request and the target's origin; default: the same path on the target
 */
async function createRedirect({ status = 302, targetHost = 'localhost', location } = {}) {
	/** @type {Array<{ method: string | undefined, url: string | undefined, authorization: string | undefined }>} */
	const arrived = [];
	let currentStatus = status;
	let redirected = 0;
	const target = await listen((request, response) => {
		arrived.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end('{"url":"","object":"organisation","data":{"id":"org_elsewhere"}}');
	});
	const targetOrigin = `http://${targetHost}:${portOf(target)}`;
	const redirect = await listen((request, response) => {
		redirected++;
		const to = location ? location(request, targetOrigin) : `${targetOrigin}${request.url}`;
		response.writeHead(currentStatus, { Location: to, 'Content-Length': '0' });
		response.end();
	});
	return {
		/** Use as the credential's Base URL. */
		url: `http://127.0.0.1:${portOf(redirect)}`,
		targetOrigin,
		arrived,
		/** How many requests were answered with a redirect. */
		get redirected() {
			return redirected;
		},
		/** @param {number} next */
		setStatus(next) {
			currentStatus = next;
		},
		async close() {
			for (const server of [redirect, target]) {
				server.closeAllConnections();
				await new Promise((resolve) => server.close(() => resolve(undefined)));
			}
		},
	};
}

module.exports = { createRedirect };
