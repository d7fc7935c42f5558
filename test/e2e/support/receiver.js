'use strict';
// A stand-in for a chat app's incoming webhook (Slack, Teams, Google Chat) on 127.0.0.1, for workflows that post
// their results somewhere: it records every request and answers 200. Also `waitFor`, for tests that wait on n8n.
const http = require('http');

/** @returns {Promise<{ url: string, received: Array<{ method: string, path: string, body: any }>, close: () => Promise<void> }>} */
async function createReceiver() {
	const received = [];
	const server = http.createServer((request, response) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk) => (text += chunk));
		request.on('end', () => {
			let body = text;
			try {
				body = JSON.parse(text);
			} catch {
				// not JSON: keep the text
			}
			received.push({ method: request.method, path: request.url, body });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"ok":true}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * Resolves once `condition()` (sync or async) is true, checking every 250 ms; rejects after `timeoutMs` with
 * `what` and `detail()` in the message. For waiting on something n8n does on its own schedule, never for timing.
 *
 * @param {() => boolean | Promise<boolean>} condition
 * @param {{ timeoutMs?: number, what?: string, detail?: () => string }} [options]
 */
async function waitFor(condition, { timeoutMs = 60000, what = 'the condition', detail = () => '' } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await condition()) return;
		if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s\n${detail()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

module.exports = { createReceiver, waitFor };
