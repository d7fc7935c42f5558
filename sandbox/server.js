// @ts-check
'use strict';

/**
 * HTTP plumbing on node:http: listening, reading request bodies (with a per-route size limit),
 * writing responses, and closing with every connection (idle keep-alive ones too). Knows nothing
 * about Chaser: the sandbox hands it a function that looks at each request as it arrives and says how
 * much body to read and who answers once it is read.
 */

const http = require('node:http');

/**
 * @typedef {import('./requestLog').RequestLog} RequestLog
 * @typedef {import('./requestLog').LogEntry} LogEntry
 * @typedef {import('./presenters').Reply} Reply
 *
 * @typedef {object} Arrival what to do with one request, decided from its head
 * @property {number} maxBodyBytes  raw body limit
 * @property {(res: http.ServerResponse, body: Buffer | null) => void | Promise<void>} answer
 *   called once the body is read; body is null when it was over the limit (the rest was read and dropped)
 * @typedef {(req: http.IncomingMessage) => Arrival} OnArrival
 */

class HttpServer {
	/**
	 * @param {OnArrival} onArrival
	 * @param {(error: unknown) => unknown} onBug a bug in the sandbox itself: returns the JSON body of the 500 it causes
	 */
	constructor(onArrival, onBug) {
		this.onArrival = onArrival;
		this.onBug = onBug;
		this.server = http.createServer((req, res) => this.receive(req, res));
		// Longer than typical client agents' idle timeout, so a reused socket is not closed under them.
		this.server.keepAliveTimeout = 30000;
	}

	/** @param {number} port @param {string} host @returns {Promise<number>} the port listened on */
	listen(port, host) {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				resolve(/** @type {import('node:net').AddressInfo} */ (this.server.address()).port);
			});
		});
	}

	/** Stop listening and drop every connection. */
	close() {
		return new Promise((resolve) => {
			if (!this.server.listening) return resolve(undefined);
			this.server.close(() => resolve(undefined));
			this.server.closeAllConnections();
		});
	}

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	receive(req, res) {
		/** @type {Arrival | undefined} */
		let arrival;
		/** @type {unknown} */
		let failure;
		try {
			arrival = this.onArrival(req);
		} catch (e) {
			failure = e;
		}
		const limit = arrival?.maxBodyBytes ?? 0;
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => {
			/** Bugs in the sandbox itself: answer 500 rather than hang the client. @param {unknown} e */
			const bug = (e) => {
				const body = this.onBug(e);
				if (!res.headersSent) sendJson(res, 500, body);
			};
			try {
				if (!arrival) throw failure;
				const done = arrival.answer(res, tooLarge ? null : Buffer.concat(chunks));
				if (done) done.catch(bug);
			} catch (e) {
				bug(e);
			}
		});
		req.on('error', () => res.destroy());
	}
}

/** @param {http.ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function sendJson(res, status, body, headers) {
	sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/**
 * @param {http.ServerResponse} res @param {number} status @param {string} contentType @param {string | Buffer} content
 * @param {Record<string, string>} [headers]
 */
function sendText(res, status, contentType, content, headers) {
	if (res.destroyed) return;
	res.writeHead(status, {
		...headers,
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(content),
	});
	res.end(content);
}

/**
 * One request being answered: every way of answering it records the status in its log entry and prints
 * the log line, so the log is right whatever answers (a handler, a fault, the auth check).
 */
class Exchange {
	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {RequestLog} log @param {LogEntry} entry */
	constructor(req, res, log, entry) {
		this.req = req;
		this.res = res;
		this.log = log;
		this.entry = entry;
	}

	/** The client went away (nothing can be sent any more). */
	get gone() {
		return this.res.destroyed || this.req.socket.destroyed;
	}

	/** @param {Reply} reply */
	send(reply) {
		if (reply.bytes) this.raw(reply.status, reply.headers?.['Content-Type'] ?? 'application/octet-stream', reply.bytes, reply.headers);
		else this.json(reply.status, reply.body, reply.headers);
	}

	/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
	json(status, body, headers) {
		const message = /** @type {{ message?: unknown } | null} */ (body)?.message;
		if (status >= 400 && typeof message === 'string') this.entry.error = message;
		this.finish(status);
		sendJson(this.res, status, body, headers);
		this.log.print(this.entry);
	}

	/**
	 * A non-JSON answer (PDF bytes, a proxy's HTML page, truncated JSON).
	 * @param {number} status @param {string} contentType @param {string | Buffer} content @param {Record<string, string>} [headers]
	 */
	raw(status, contentType, content, headers) {
		this.finish(status);
		sendText(this.res, status, contentType, content, headers);
		this.log.print(this.entry);
	}

	/** Destroy the socket without an answer (status 0 in the log). */
	drop() {
		this.finish(0);
		this.log.print(this.entry);
		this.res.socket?.destroy();
	}

	/** Log that nothing was sent because the client left. */
	abandon() {
		this.finish(0);
		this.log.print(this.entry);
	}

	/** @param {number} status */
	finish(status) {
		this.entry.status = status;
		this.entry.durationMs = Date.now() - this.entry.time;
	}
}

module.exports = { HttpServer, Exchange };
