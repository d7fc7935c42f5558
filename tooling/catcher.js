'use strict';
// A mail catcher and a chat catcher on 127.0.0.1, for `npm start` and the end-to-end tests: an SMTP server that keeps
// every message it receives (smtp-server and mailparser, from the Nodemailer project) and a Slack/Mattermost-style
// incoming webhook that keeps every `{ "text": … }` posted to it, with an inbox page for people and JSON for tests.
// Nothing leaves the machine: messages are kept in memory only.
const http = require('http');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const HOST = '127.0.0.1';
const CHAT_PATH = '/hooks/chat';
const MAX_MESSAGES = 500; // per kind, oldest dropped first: the demo may run for days
const MAX_BODY = 1024 * 1024;

/** @param {string} value */
function escapeHtml(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** mailparser's address object → [{ name, address }] */
function addresses(field) {
	if (!field) return [];
	const list = Array.isArray(field) ? field : [field];
	return list.flatMap((entry) => entry.value || []).map(({ name, address }) => ({ name: name || '', address: address || '' }));
}

function listen(server, port) {
	return new Promise((resolve, reject) => {
		const onError = (error) => reject(error);
		server.once('error', onError);
		server.listen(port, HOST, () => {
			server.off('error', onError);
			resolve(server.address().port);
		});
	});
}

/**
 * Starts the catcher.
 * options: { port = 0 (HTTP: inbox page, JSON API and chat webhook), smtpPort = 0, logger?: (line) => void }
 * Resolves to { smtpPort, httpPort, inboxUrl, chatWebhookUrl, messages(), chats(), chatAttempts(), clear(),
 *   setChatFailure(status | null), setSmtpDown(down), close() }.
 * messages() and chats() list what was received, newest first (as the inbox page and the JSON API do).
 */
/** @param {{ port?: number, smtpPort?: number, logger?: (line: string) => void }} [options] */
async function startCatcher({ port = 0, smtpPort = 0, logger } = {}) {
	const log = typeof logger === 'function' ? logger : () => {};
	/** @type {any[]} */
	let mails = [];
	/** @type {any[]} */
	let chatMessages = [];
	/** Every POST to the chat webhook, accepted or refused: { receivedAt, status, text }. */
	/** @type {any[]} */
	let attempts = [];
	let sequence = 0;
	let chatFailure = null;
	let smtpDown = false;
	const keep = (list, entry) => [entry, ...list].slice(0, MAX_MESSAGES);

	const smtp = new SMTPServer({
		secure: false,
		disabledCommands: ['STARTTLS'], // plain SMTP on loopback: n8n's credential with SSL/TLS off and Disable STARTTLS on
		authOptional: true, // no login needed, but a client that sends AUTH PLAIN/LOGIN is let in with any password
		allowInsecureAuth: true,
		authMethods: ['PLAIN', 'LOGIN'],
		banner: 'n8n-nodes-chaser mail catcher (keeps every message, delivers none)',
		size: 10 * 1024 * 1024,
		closeTimeout: 1000,
		logger: false,
		onAuth(auth, _session, callback) {
			callback(null, { user: auth.username || 'anonymous' });
		},
		onConnect(_session, callback) {
			if (smtpDown) {
				const error = /** @type {Error & { responseCode?: number }} */ (new Error('Mail catcher is down (set by the test or demo)'));
				error.responseCode = 421;
				return callback(error);
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					if (stream.sizeExceeded) {
						const error = /** @type {Error & { responseCode?: number }} */ (new Error('Message too big for the mail catcher'));
						error.responseCode = 552;
						return callback(error);
					}
					sequence += 1;
					const message = {
						id: `m${sequence}`,
						receivedAt: new Date().toISOString(),
						envelope: {
							mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
						},
						authenticatedAs: session.user || null,
						from: addresses(parsed.from),
						to: addresses(parsed.to),
						cc: addresses(parsed.cc),
						subject: parsed.subject || '',
						date: parsed.date ? parsed.date.toISOString() : null,
						messageId: parsed.messageId || null,
						text: parsed.text || '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
					};
					mails = keep(mails, message);
					log(`mail ${message.id} to ${message.envelope.rcptTo.join(', ')}: ${message.subject}`);
					callback(null, `OK: kept as ${message.id}`);
				})
				.catch((error) => callback(error));
		},
	});
	smtp.on('error', (error) => log(`SMTP error: ${error.message}`));

	const httpServer = http.createServer((request, response) => {
		handle(request, response).catch((error) => {
			if (!response.headersSent) send(response, 500, 'text/plain', `catcher error: ${error.message}`);
		});
	});

	function send(response, status, type, body, headers = {}) {
		response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers });
		response.end(body);
	}
	const sendJson = (response, status, value) => send(response, status, 'application/json', `${JSON.stringify(value, null, 2)}\n`);

	function readBody(request) {
		return new Promise((resolve, reject) => {
			let size = 0;
			const chunks = [];
			request.on('data', (chunk) => {
				size += chunk.length;
				if (size > MAX_BODY) {
					reject(Object.assign(new Error('body too large'), { status: 413 }));
					request.destroy();
					return;
				}
				chunks.push(chunk);
			});
			request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
			request.on('error', reject);
		});
	}

	async function handle(request, response) {
		const url = new URL(request.url || '/', `http://${HOST}`);
		const { pathname } = url;
		const method = request.method || 'GET';

		if (pathname === CHAT_PATH && method === 'POST') {
			let raw;
			try {
				raw = await readBody(request);
			} catch (error) {
				return send(response, error.status || 400, 'text/plain', 'body_too_large');
			}
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				body = undefined;
			}
			const text = body && typeof body.text === 'string' ? body.text : undefined;
			const attempt = { receivedAt: new Date().toISOString(), status: 200, text: text ?? raw.slice(0, 2000) };
			if (chatFailure) {
				attempt.status = chatFailure;
				attempts = keep(attempts, attempt);
				log(`chat post refused with ${chatFailure} (failure switched on)`);
				return send(response, chatFailure, 'text/plain', 'chat endpoint failing (switched on by the test or demo)');
			}
			if (text === undefined || text.trim() === '') {
				attempt.status = 400;
				attempts = keep(attempts, attempt);
				// Slack's answer to a body without text.
				return send(response, 400, 'text/plain', 'invalid_payload');
			}
			attempts = keep(attempts, attempt);
			sequence += 1;
			const message = { id: `c${sequence}`, receivedAt: attempt.receivedAt, text, payload: body };
			chatMessages = keep(chatMessages, message);
			log(`chat ${message.id}: ${text.length > 100 ? `${text.slice(0, 97)}...` : text}`);
			return send(response, 200, 'text/plain', 'ok');
		}
		if (pathname === '/api/messages' && method === 'GET') return sendJson(response, 200, mails);
		if (pathname === '/api/chat' && method === 'GET') return sendJson(response, 200, chatMessages);
		if ((pathname === '/api/messages' || pathname === '/api/chat') && method === 'DELETE') {
			if (pathname === '/api/messages') mails = [];
			else {
				chatMessages = [];
				attempts = [];
			}
			return sendJson(response, 200, { cleared: true });
		}
		const single = pathname.match(/^\/messages\/(m\d+)(\.html)?$/);
		if (single && method === 'GET') {
			const message = mails.find((m) => m.id === single[1]);
			if (!message) return send(response, 404, 'text/plain', 'no such message');
			if (single[2]) {
				// The HTML body as the mail client would render it, in a sandbox (no scripts, no same-origin access).
				return send(response, 200, 'text/html', message.html || `<pre>${escapeHtml(message.text)}</pre>`, {
					'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
				});
			}
			return sendJson(response, 200, message);
		}
		if (pathname === '/' && method === 'GET') return send(response, 200, 'text/html', inboxPage());
		if (pathname === '/healthz') return send(response, 200, 'text/plain', 'ok');
		return send(response, 404, 'text/plain', 'not found');
	}

	function inboxPage() {
		const who = (list) => escapeHtml(list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', '));
		const mailRows = mails
			.map(
				(m) => `<article class="mail">
<h3>${escapeHtml(m.subject || '(no subject)')}</h3>
<p class="meta">From ${who(m.from)} to ${who(m.to)} · ${escapeHtml(m.date || m.receivedAt)} · <a href="/messages/${m.id}.html" target="_blank" rel="noopener">HTML body</a> · <a href="/messages/${m.id}">JSON</a></p>
${m.html ? `<iframe sandbox title="${escapeHtml(m.subject)}" srcdoc="${escapeHtml(m.html)}"></iframe>` : ''}
<details${m.html ? '' : ' open'}><summary>Text body</summary><pre>${escapeHtml(m.text)}</pre></details>
</article>`,
			)
			.join('\n');
		const chatRows = chatMessages
			.map((c) => `<li><span class="meta">${escapeHtml(c.receivedAt)}</span><pre>${escapeHtml(c.text)}</pre></li>`)
			.join('\n');
		return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chaser demo inbox</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; color: #222; }
.meta { color: #666; font-size: 0.9rem; margin: 0.2rem 0; }
article.mail { border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1rem; margin: 0 0 1rem; }
article.mail h3 { margin: 0 0 0.3rem; }
iframe { width: 100%; height: 22rem; border: 1px solid #eee; margin-top: 0.5rem; }
pre { white-space: pre-wrap; margin: 0.3rem 0; }
ul.chat { list-style: none; padding: 0; } ul.chat li { border-left: 4px solid #4a154b; padding: 0.3rem 0.8rem; margin-bottom: 0.6rem; }
</style></head><body>
<h1>Chaser demo inbox</h1>
<p class="meta">What n8n sent to the demo's mail catcher (SMTP 127.0.0.1:${smtpPortNow}) and chat webhook (${escapeHtml(chatWebhookUrl)}), newest first. Kept in memory only; nothing is delivered anywhere. <a href="/">Refresh</a> · JSON: <a href="/api/messages">/api/messages</a>, <a href="/api/chat">/api/chat</a></p>
<h2>Chat messages (${chatMessages.length})</h2>
${chatRows ? `<ul class="chat">${chatRows}</ul>` : '<p class="meta">None yet.</p>'}
<h2>Emails (${mails.length})</h2>
${mailRows || '<p class="meta">None yet.</p>'}
</body></html>`;
	}

	const [smtpPortNow, httpPort] = await Promise.all([listen(smtp.server, smtpPort), listen(httpServer, port)]).catch(async (error) => {
		await Promise.allSettled([new Promise((r) => smtp.close(r)), new Promise((r) => httpServer.close(r))]);
		throw error;
	});
	const inboxUrl = `http://${HOST}:${httpPort}/`;
	const chatWebhookUrl = `http://${HOST}:${httpPort}${CHAT_PATH}`;
	let closed = false;

	return {
		host: HOST,
		smtpPort: smtpPortNow,
		httpPort,
		inboxUrl,
		chatWebhookUrl,
		/** Emails received, newest first. */
		messages: () => mails.slice(),
		/** Chat messages accepted (200 "ok"), newest first. */
		chats: () => chatMessages.slice(),
		/** Every POST to the chat webhook, refused ones included, newest first: { receivedAt, status, text }. */
		chatAttempts: () => attempts.slice(),
		clear() {
			mails = [];
			chatMessages = [];
			attempts = [];
		},
		/** From now on the chat webhook answers `status` (e.g. 500) and keeps nothing; null: back to 200 "ok". */
		setChatFailure(status) {
			if (status !== null && !(Number.isInteger(status) && status >= 400 && status <= 599)) throw new Error('setChatFailure takes an HTTP error status or null');
			chatFailure = status;
		},
		/** true: every SMTP connection is refused with "421 Mail catcher is down" (as a server in maintenance); false: back up. */
		setSmtpDown(down) {
			smtpDown = Boolean(down);
		},
		async close() {
			if (closed) return;
			closed = true;
			httpServer.closeAllConnections();
			await Promise.all([new Promise((resolve) => smtp.close(() => resolve(undefined))), new Promise((resolve) => httpServer.close(() => resolve(undefined)))]);
		},
	};
}

/** The n8n credential (type `smtp`) that points n8n's Send Email node at the catcher: plain SMTP, no login. */
function smtpCredential({ id, name, smtpPort }) {
	return {
		id,
		name,
		type: 'smtp',
		data: { user: '', password: '', host: HOST, port: smtpPort, secure: false, disableStartTls: true, hostName: '' },
	};
}

module.exports = { startCatcher, smtpCredential, CHAT_PATH };
