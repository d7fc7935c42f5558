'use strict';
// Drives `npm start` for test/e2e/start.e2e.test.ts: spawns it on free ports in a given checkout, waits for its
// ready banner, parses what it prints, talks HTTP to what it started and stops it with a signal to npm's pid.
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');

const { freePort } = require('../../../tooling/n8n');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const READY = 'Chaser demo is ready';
const BANNER_END = 'Press Ctrl-C to stop';

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or undefined after `ms`; the timer is cleared either way so it never holds the test process open. */
async function within(promise, ms) {
	let timer;
	const timeout = new Promise((resolve) => {
		timer = setTimeout(() => resolve(undefined), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

function pidAlive(pid) {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Whether any process in the group `pgid` is alive. */
function groupAlive(pgid) {
	if (!pgid) return false;
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** What the ready banner says. Throws naming the line that is missing. */
function parseBanner(output) {
	const banner = output.slice(output.indexOf(READY));
	const grab = (regex, what) => {
		const match = banner.match(regex);
		if (!match) throw new Error(`the ready banner has no ${what}:\n${banner}`);
		return match[1];
	};
	const curls = [...banner.matchAll(/^\s+curl -s -X POST (\S+) -H 'content-type: application\/json' -d '(.*)'$/gm)].map((m) => ({
		url: m[1],
		body: JSON.parse(m[2].replace(/'\\''/g, "'")),
	}));
	return {
		url: grab(/n8n editor:\s+(\S+)/, 'editor URL'),
		email: grab(/Email:\s+(\S+)/, 'email'),
		password: grab(/Password:\s+(\S+)/, 'password'),
		sandboxUrl: grab(/Chaser sandbox:\s+(http\S+)/, 'sandbox URL'),
		apiKey: grab(/API key (\S+),/, 'sandbox API key'),
		apiSecret: grab(/secret (\S+)\)/, 'sandbox API secret'),
		n8nPid: Number(grab(/n8n pid (\d+)/, 'n8n pid')),
		scriptPid: Number(grab(/this script pid (\d+)/, 'script pid')),
		stateDir: grab(/n8n data:\s+(\S+)/, 'n8n data folder'),
		brokerPort: Number(grab(/task broker port (\d+)/, 'task broker port')),
		logFile: grab(/n8n log:\s+(\S+)/, 'n8n log'),
		curls,
	};
}

class DemoProcess {
	/**
	 * Runs `npm start -- --port <free> --sandbox-port 0 ...args` in `cwd` (the repo by default) and resolves once
	 * its banner is printed.
	 */
	/** @param {{ args?: string[], cwd?: string, timeoutMs?: number }} [options] */
	static async launch({ args = [], cwd = REPO_ROOT, timeoutMs = 900000 } = {}) {
		const port = await freePort();
		const demo = new DemoProcess(port, args, cwd);
		await demo.waitReady(timeoutMs);
		return demo;
	}

	constructor(port, args, cwd) {
		this.port = port;
		this.output = '';
		this.started = Date.now();
		/** What the ready banner says; set once it is printed. @type {ReturnType<typeof parseBanner>} */
		this.banner = /** @type {any} */ (undefined);
		/** @type {number} */
		this.readyMs = 0;
		// What a developer's shell would pass to `npm start`: none of jest's settings (NODE_ENV=test makes the n8n
		// CLI do nothing), no n8n settings, no demo overrides.
		const env = {};
		for (const [key, value] of Object.entries(process.env)) {
			if (/^(N8N_|JEST_|NODE_ENV$|NODE_OPTIONS$|CHASER_DEMO_|CHASER_SANDBOX_)/.test(key)) continue;
			env[key] = value;
		}
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		this.child = spawn(npm, ['start', '--', '--port', String(port), '--sandbox-port', '0', ...args], {
			cwd,
			env,
			detached: true, // its own process group, like a terminal job; cleanup can kill the group
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.pid = this.child.pid;
		const collect = (chunk) => {
			this.output += chunk.toString();
		};
		this.child.stdout.on('data', collect);
		this.child.stderr.on('data', collect);
		this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
		this.closed = new Promise((resolve) => this.child.once('close', () => resolve(true)));
		this.exitInfo = undefined;
		this.exited.then((info) => {
			this.exitInfo = info;
		});
	}

	async waitReady(timeoutMs) {
		const deadline = Date.now() + timeoutMs;
		while (!(this.output.includes(READY) && this.output.slice(this.output.indexOf(READY)).includes(BANNER_END))) {
			if (this.exitInfo) throw new Error(`start.js exited before it was ready (${JSON.stringify(this.exitInfo)}):\n${this.output}`);
			if (Date.now() > deadline) {
				await this.kill();
				throw new Error(`start.js was not ready after ${timeoutMs / 1000} s:\n${this.output}`);
			}
			await delay(200);
		}
		this.readyMs = Date.now() - this.started;
		// Not asserted (shared, noisy machines): printed for the record.
		process.stderr.write(`[npm start] ready after ${Math.round(this.readyMs / 1000)} s\n`);
		this.banner = parseBanner(this.output);
		return this.banner;
	}

	/** POST JSON; resolves to { status, data } (data parsed when JSON). */
	async post(url, body, headers = {}) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		/** @type {any} */
		let data = text;
		try {
			data = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, data, headers: response.headers };
	}

	/** Logs in to n8n's REST API with the given credentials, as the editor does. */
	async login(email, password) {
		const result = await this.post(
			`${this.banner.url}/rest/login`,
			{ emailOrLdapLoginId: email, password },
			{ 'browser-id': 'chaser-start-e2e' },
		);
		const cookie = (result.headers.getSetCookie ? result.headers.getSetCookie() : []).find((c) => c.startsWith('n8n-auth='));
		return { status: result.status, data: result.data, cookie: cookie && cookie.split(';')[0] };
	}

	/** GET with an n8n auth cookie; resolves to { status, data }. */
	async getAuthed(pathname, cookie) {
		const response = await fetch(`${this.banner.url}${pathname}`, { headers: { cookie, 'browser-id': 'chaser-start-e2e' } });
		/** @type {any} */
		const data = await response.json();
		return { status: response.status, data };
	}

	/** POST JSON with an n8n auth cookie; resolves to { status, data }. */
	async postAuthed(pathname, body, cookie) {
		return await this.post(`${this.banner.url}${pathname}`, body, { cookie, 'browser-id': 'chaser-start-e2e' });
	}

	/** GET from the sandbox with the printed key pair; resolves to { status, data }. */
	async sandboxGet(pathname) {
		const auth = Buffer.from(`${this.banner.apiKey}:${this.banner.apiSecret}`).toString('base64');
		const response = await fetch(`${this.banner.sandboxUrl}${pathname}`, { headers: { authorization: `Basic ${auth}` } });
		/** @type {any} */
		const data = await response.json();
		return { status: response.status, data };
	}

	/**
	 * Sends `signal` to npm's process only (not its group, as a service manager or `kill` would) and waits until
	 * npm has exited and the script it runs (this.banner's script pid) is gone. Resolves to { code, signal, ms, output }.
	 */
	async stop(signal = 'SIGINT', timeoutMs = 60000) {
		const begun = Date.now();
		if (!this.exitInfo) process.kill(this.pid, signal);
		// 'close' comes once npm and the script it ran (which shares npm's stdout) have both exited.
		const result = await within(this.closed, timeoutMs);
		if (!result) {
			await this.kill();
			throw new Error(`npm start did not stop within ${timeoutMs / 1000} s of ${signal}:\n${this.output}`);
		}
		return { ...this.exitInfo, ms: Date.now() - begun, output: this.output };
	}

	/** Cleanup after a failure: SIGKILL npm's group (the script too) and n8n's group. */
	async kill() {
		for (const pgid of [this.pid, this.banner && this.banner.n8nPid]) {
			if (!pgid) continue;
			try {
				process.kill(-pgid, 'SIGKILL');
			} catch {
				// gone
			}
		}
		if (!this.exitInfo) await within(this.exited, 5000);
	}
}

module.exports = { DemoProcess, pidAlive, groupAlive, portFree, parseBanner };
