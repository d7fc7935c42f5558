'use strict';
// One real, headless n8n (1.x or 2.x) with the packed package installed as a community package.
// Follows the project's headless-n8n recipe (env, install layout, import/publish, readiness, REST login). See tooling/README.md.
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { execFile, spawn } = require('child_process');
const axios = require('axios');

const { ensureN8n, envFor, majorOf, log } = require('./install');
const { packPackage } = require('./pack');

const PACKAGE_NAME = 'n8n-nodes-chaser';
const ENCRYPTION_KEY = 'chaser-e2e-encryption-key-0123456789';
const READY_LINE = 'Editor is now accessible via';
const WORKER_READY_LINE = 'n8n worker is now ready';
const BROWSER_ID = 'chaser-e2e-harness';
const OWNER = { email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'Passw0rd!Passw0rd' };

/** Instances still running, killed (whole process group) if the test process exits without stopping them. */
const running = new Set();
process.on('exit', () => {
	for (const instance of running) instance.killGroup('SIGKILL');
});

/**
 * `count` distinct free ports, none of them in `taken`: the listeners stay open until all are found, so the
 * system cannot hand out the same port twice (one port handed out twice once made n8n's port clash in CI).
 */
async function freePorts(count, taken = []) {
	const servers = [];
	const ports = [];
	try {
		while (ports.length < count) {
			const server = net.createServer();
			server.unref();
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
			servers.push(server);
			const { port } = server.address();
			if (!taken.includes(port)) ports.push(port);
		}
	} finally {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	}
	return ports;
}

async function freePort() {
	const [port] = await freePorts(1);
	return port;
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function exec(command, args, options) {
	return new Promise((resolve) => {
		execFile(command, args, { maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, error });
		});
	});
}

function tail(text, lines = 40) {
	return String(text).split('\n').slice(-lines).join('\n');
}

/** The production webhooks a workflow registers when published: [{ method, path }]. */
function webhooksOf(workflow) {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.webhook' && !node.disabled)
		.map((node) => ({ method: (node.parameters && node.parameters.httpMethod) || 'GET', path: node.parameters && node.parameters.path }))
		.filter((webhook) => typeof webhook.path === 'string' && webhook.path !== '' && !webhook.path.includes(':'));
}

class N8nInstance {
	/**
	 * Installs n8n `version` if needed (cached), makes a fresh user folder and installs the packed package into it.
	 * options: { version = '2.41.1', port?, brokerPort? (free ports when omitted), tarball? (packPackage() when omitted),
	 *            stateDir? (fresh temp folder when omitted), env? (extra environment for every n8n command),
	 *            role? ('main', the default: `n8n start`; 'worker': `n8n worker`, for queue mode),
	 *            concurrency? (a worker's executions at a time, default 5) }
	 */
	static async create(options = {}) {
		const version = options.version || '2.41.1';
		const given = [options.port, options.brokerPort].filter(Boolean);
		const [install, tarball, picked] = await Promise.all([
			ensureN8n(version),
			options.tarball || packPackage(),
			freePorts(2 - given.length, given),
		]);
		const port = options.port || picked.shift();
		const brokerPort = options.brokerPort || picked.shift();
		const stateDir = options.stateDir || fs.mkdtempSync(path.join(os.tmpdir(), `chaser-n8n-${version}-`));
		const instance = new N8nInstance({
			version,
			install,
			tarball,
			port,
			brokerPort,
			stateDir,
			env: options.env || {},
			role: options.role,
			concurrency: options.concurrency,
		});
		await instance.installPackage();
		return instance;
	}

	constructor({ version, install, tarball, port, brokerPort, stateDir, env, role = 'main', concurrency = 5 }) {
		this.version = version;
		this.role = role;
		this.concurrency = concurrency;
		this.major = majorOf(version);
		this.install = install;
		this.tarball = tarball;
		this.port = port;
		this.brokerPort = brokerPort;
		this.stateDir = stateDir;
		this.extraEnv = env;
		this.url = `http://127.0.0.1:${port}`;
		this.logFile = path.join(stateDir, 'n8n.log');
		this.child = undefined;
		this.pid = undefined;
		this.cookie = undefined;
		this.tmpCounter = 0;
		this.webhooksByWorkflow = new Map();
		this.published = new Set();
	}

	get n8nFolder() {
		return path.join(this.stateDir, '.n8n');
	}

	get packageDir() {
		return path.join(this.n8nFolder, 'nodes', 'node_modules', PACKAGE_NAME);
	}

	get databaseFile() {
		return path.join(this.n8nFolder, 'database.sqlite');
	}

	/** The environment of every n8n command (see n8n-e2e.md §5), with the differences between 1.x and 2.x. */
	env() {
		const base = {};
		for (const [key, value] of Object.entries(process.env)) {
			// Nothing from the caller's n8n/jest settings may leak into the instance (jest sets NODE_ENV=test).
			if (/^(N8N_|DB_|JEST_|TS_JEST|npm_|NODE_ENV$|NODE_OPTIONS$|WEBHOOK_URL$|EXTERNAL_)/.test(key)) continue;
			base[key] = value;
		}
		const env = {
			...base,
			N8N_USER_FOLDER: this.stateDir,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			DB_SQLITE_VACUUM_ON_STARTUP: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			NO_COLOR: '1',
			N8N_RUNNERS_MODE: 'internal',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_PYTHON_ENABLED: 'false',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		};
		if (this.major >= 2) {
			Object.assign(env, {
				N8N_WEBHOOK_URL: `${this.url}/`,
				N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
				N8N_VERIFIED_PACKAGES_ENABLED: 'false',
				N8N_RUNNERS_TASK_TIMEOUT: '300',
				N8N_DISABLED_MODULES: 'mcp-registry',
			});
		} else {
			Object.assign(env, { N8N_RUNNERS_ENABLED: 'true', WEBHOOK_URL: `${this.url}/` });
		}
		const result = envFor(this.install.nodeBin, this.extraEnv, env);
		if (this.extraEnv.npm_config_nodedir === undefined) delete result.npm_config_nodedir;
		return result;
	}

	/** Installs the tarball the way n8n's community-package installer does (n8n-e2e.md §4a). */
	async installPackage() {
		fs.rmSync(this.packageDir, { recursive: true, force: true });
		fs.mkdirSync(this.packageDir, { recursive: true });
		const untar = await exec('tar', ['-xzf', this.tarball, '-C', this.packageDir, '--strip-components=1']);
		if (untar.code !== 0) throw new Error(`tar failed: ${untar.stderr}`);
		const manifestPath = path.join(this.packageDir, 'package.json');
		const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
		delete manifest.devDependencies;
		delete manifest.peerDependencies;
		delete manifest.optionalDependencies;
		fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
		if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
			const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
			const result = await exec(
				npm,
				['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
				{ cwd: this.packageDir, env: envFor(this.install.nodeBin) },
			);
			if (result.code !== 0) throw new Error(`npm install of the package's dependencies failed:\n${result.stderr}`);
		}
		const nodesJson = path.join(this.n8nFolder, 'nodes', 'package.json');
		fs.writeFileSync(
			nodesJson,
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } }, null, 2)}\n`,
		);
		this.packageVersion = manifest.version;
	}

	/** Runs `n8n <args>` with the instance environment. Resolves to { code, stdout, stderr }; throws on exit != 0. */
	async cli(args, { allowFailure = false, timeout = 180000 } = {}) {
		const result = await exec(this.install.nodeBin, [this.install.n8nBin, ...args], {
			cwd: this.stateDir,
			env: this.env(),
			timeout,
		});
		if (result.code !== 0 && !allowFailure) {
			throw new Error(`n8n ${args.join(' ')} exited with ${result.code}:\n${tail(result.stdout)}\n${tail(result.stderr)}`);
		}
		return result;
	}

	writeTemp(name, data) {
		const dir = path.join(this.stateDir, 'input');
		fs.mkdirSync(dir, { recursive: true });
		this.tmpCounter += 1;
		const file = path.join(dir, `${this.tmpCounter}-${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** Imports credentials: [{ id, name, type, data: {...plain...} }] (encrypted by n8n with the instance key). */
	async importCredentials(credentials) {
		const file = this.writeTemp('credentials', credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (!/Successfully imported/.test(result.stdout)) {
			throw new Error(`import:credentials did not report success:\n${tail(result.stdout)}\n${tail(result.stderr)}`);
		}
		return result;
	}

	/**
	 * Imports workflow objects (each needs an `id`). Fills in what n8n 1.x needs (versionId, webhookId on Webhook
	 * nodes) and imports them inactive. Resolves to the ids.
	 */
	async importWorkflows(workflows) {
		const prepared = workflows.map((workflow) => {
			if (!workflow.id) throw new Error(`Workflow "${workflow.name}" has no id`);
			return {
				active: false,
				settings: { executionOrder: 'v1' },
				connections: {},
				...workflow,
				versionId: workflow.versionId || crypto.randomUUID(),
				nodes: workflow.nodes.map((node) =>
					node.type === 'n8n-nodes-base.webhook' && !node.webhookId ? { ...node, webhookId: crypto.randomUUID() } : node,
				),
			};
		});
		prepared.forEach((workflow) => {
			workflow.active = false;
		});
		for (const workflow of prepared) this.webhooksByWorkflow.set(workflow.id, webhooksOf(workflow));
		const file = this.writeTemp('workflows', prepared);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (!/Successfully imported/.test(result.stdout)) {
			throw new Error(`import:workflow did not report success:\n${tail(result.stdout)}\n${tail(result.stderr)}`);
		}
		return prepared.map((workflow) => workflow.id);
	}

	/**
	 * Publishes (activates) workflows so their webhooks register at the next start().
	 * One id: the official CLI (2.x `publish:workflow`; 1.x `update:workflow --active=true` after adding the missing
	 * workflow_history row, gotcha 3). An array: the same database change for all of them in one go (fast).
	 */
	async publish(workflowIds) {
		if (this.child) throw new Error('publish() must run before start(): n8n only registers webhooks at startup');
		const ids = Array.isArray(workflowIds) ? workflowIds : [workflowIds];
		if (ids.length === 0) return;
		if (!Array.isArray(workflowIds)) {
			if (this.major >= 2) {
				await this.cli(['publish:workflow', `--id=${ids[0]}`]);
			} else {
				await this.sql(ids, false);
				await this.cli(['update:workflow', `--id=${ids[0]}`, '--active=true']);
			}
		} else {
			await this.sql(ids, true);
		}
		const active = await this.activeWorkflowIds();
		const missing = ids.filter((id) => !active.includes(id));
		if (missing.length > 0) throw new Error(`Workflows not published: ${missing.join(', ')}`);
		for (const id of ids) this.published.add(id);
	}

	/**
	 * Publishes workflows in the running n8n as the owner would in the editor (REST, call setupOwner() first) and
	 * resolves once their webhooks are registered. Works whatever the database (publish() edits SQLite).
	 */
	async publishLive(workflowIds) {
		for (const id of workflowIds) {
			const current = await this.rest('GET', `/rest/workflows/${id}`);
			const versionId = current.data && current.data.data && current.data.data.versionId;
			const response = await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
			if (response.status >= 400) throw new Error(`publishing ${id} failed: ${response.status} ${JSON.stringify(response.data)}`);
		}
		await this.waitForWebhooks(workflowIds.flatMap((id) => this.webhooksByWorkflow.get(id) || []));
	}

	/** Inserts missing workflow_history rows (1.x) and, when `activate`, sets active + activeVersionId like the CLI. */
	async sql(ids, activate) {
		const statements = [];
		if (this.major < 2) {
			statements.push(
				"INSERT OR IGNORE INTO workflow_history (versionId, workflowId, authors, nodes, connections, name) SELECT versionId, id, 'e2e', nodes, connections, name FROM workflow_entity WHERE id = ?",
			);
		}
		if (activate) {
			statements.push(
				'UPDATE workflow_entity SET active = 1, activeVersionId = versionId WHERE id = ? AND EXISTS (SELECT 1 FROM workflow_history h WHERE h.workflowId = workflow_entity.id AND h.versionId = workflow_entity.versionId)',
			);
		}
		await this.sqlite(
			`const [statements, ids] = JSON.parse(process.argv[process.argv.length - 1]);
			db.serialize(() => {
				db.run('BEGIN');
				for (const id of ids) for (const statement of statements) db.run(statement, [id], fail);
				db.run('COMMIT', (error) => { fail(error); db.close(); });
			});`,
			[statements, ids],
		);
	}

	/**
	 * For workflows already in the database (kept from an earlier run): start() waits for the webhooks of those
	 * among them that are published, as it does for the ones publish() published.
	 */
	async expectWebhooksOf(workflows) {
		const active = new Set(await this.activeWorkflowIds());
		for (const workflow of workflows) {
			if (!active.has(workflow.id)) continue;
			this.webhooksByWorkflow.set(workflow.id, webhooksOf(workflow));
			this.published.add(workflow.id);
		}
	}

	/** Ids of every workflow in the database. */
	async workflowIds() {
		return await this.workflowIdsWhere('1 = 1');
	}

	/** Ids of the workflows that are published/active in the database. */
	async activeWorkflowIds() {
		return await this.workflowIdsWhere('activeVersionId IS NOT NULL');
	}

	async workflowIdsWhere(condition) {
		const out = await this.sqlite(
			`db.all('SELECT id FROM workflow_entity WHERE ' + JSON.parse(process.argv[process.argv.length - 1]), (error, rows) => {
				fail(error); process.stdout.write(JSON.stringify(rows.map((row) => row.id))); db.close();
			});`,
			condition,
		);
		return JSON.parse(out);
	}

	/** Runs a snippet against the instance database with n8n's own sqlite3 module (`db`, `fail` in scope). */
	async sqlite(body, argument) {
		const sqlite3Path = path.join(this.install.dir, 'node_modules', 'sqlite3');
		const script = `const sqlite3 = require(${JSON.stringify(sqlite3Path)});
			const db = new sqlite3.Database(${JSON.stringify(this.databaseFile)});
			db.configure('busyTimeout', 10000);
			const fail = (error) => { if (error) { console.error(error.message); process.exit(1); } };
			${body}`;
		const result = await exec(this.install.nodeBin, ['-e', script, JSON.stringify(argument)], { env: envFor(this.install.nodeBin) });
		if (result.code !== 0) throw new Error(`sqlite script failed: ${result.stderr}`);
		return result.stdout;
	}

	/**
	 * Starts `n8n start` (a worker: `n8n worker`) in its own process group and resolves once it is ready: for main,
	 * once active workflows' webhooks are registered.
	 */
	async start({ timeoutMs = 120000 } = {}) {
		if (this.child) throw new Error('n8n is already running');
		// The log is appended to: after a restart, only what this start prints counts.
		const logStart = this.logs().length;
		const out = fs.openSync(this.logFile, 'a');
		const started = Date.now();
		const command = this.role === 'worker' ? ['worker', `--concurrency=${this.concurrency}`] : ['start'];
		const readyLine = this.role === 'worker' ? WORKER_READY_LINE : READY_LINE;
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, ...command], {
			cwd: this.stateDir,
			env: this.env(),
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		this.child = child;
		this.pid = child.pid;
		this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
		this.exited.then(() => {
			this.child = undefined;
			running.delete(this);
		});
		running.add(this);
		let exitInfo;
		this.exited.then((info) => {
			exitInfo = info;
		});
		for (;;) {
			if (this.logs().slice(logStart).includes(readyLine)) break;
			if (exitInfo) throw new Error(`n8n ${this.version} exited during startup (${JSON.stringify(exitInfo)}):\n${tail(this.logs())}`);
			if (Date.now() - started > timeoutMs) {
				await this.stop();
				throw new Error(`n8n ${this.version} was not ready after ${timeoutMs / 1000} s:\n${tail(this.logs())}`);
			}
			await delay(200);
		}
		// 2.x activates published workflows asynchronously (publication reconciler) after the ready line.
		const webhooks = [...this.published].flatMap((id) => this.webhooksByWorkflow.get(id) || []);
		await this.waitForWebhooks(webhooks, { timeoutMs: Math.max(5000, timeoutMs - (Date.now() - started)) });
		this.startupMs = Date.now() - started;
		const where = this.role === 'worker' ? 'as a worker' : `on ${this.url}`;
		log(`n8n ${this.version} ready ${where} in ${(this.startupMs / 1000).toFixed(1)} s (pid ${this.pid})`);
		return this;
	}

	/**
	 * Resolves once every [{ method, path }] production webhook is registered. Probes with a CORS preflight
	 * (OPTIONS + Origin), which looks the webhook up without running its workflow.
	 */
	async waitForWebhooks(webhooks, { timeoutMs = 60000 } = {}) {
		const deadline = Date.now() + timeoutMs;
		for (const webhook of webhooks) {
			for (;;) {
				const response = await axios
					.request({
						method: 'OPTIONS',
						url: `${this.url}/webhook/${webhook.path.replace(/^\//, '')}`,
						headers: { origin: this.url, 'access-control-request-method': webhook.method },
						timeout: 10000,
						validateStatus: () => true,
					})
					.catch((error) => ({ status: 0, error }));
				if (response.status >= 200 && response.status < 300) break;
				if (!this.child) throw new Error(`n8n ${this.version} exited while waiting for webhooks:\n${tail(this.logs())}`);
				if (Date.now() > deadline) {
					throw new Error(`webhook ${webhook.method} ${webhook.path} not registered after ${timeoutMs / 1000} s:\n${tail(this.logs())}`);
				}
				await delay(200);
			}
		}
	}

	/** Whether the n8n process (or anything in its process group) is still alive. */
	isRunning() {
		if (!this.pid) return false;
		try {
			process.kill(-this.pid, 0);
			return true;
		} catch {
			return false;
		}
	}

	killGroup(signal) {
		if (!this.pid) return;
		try {
			process.kill(-this.pid, signal);
		} catch {
			// the group is gone
		}
	}

	/** SIGTERM to n8n, SIGKILL to its whole process group after 30 s; resolves when nothing of it is left. */
	async stop({ graceMs = 30000 } = {}) {
		if (!this.pid) return;
		if (this.child) {
			try {
				process.kill(this.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			let timer;
			const timedOut = await Promise.race([
				this.exited.then(() => false),
				new Promise((resolve) => {
					timer = setTimeout(() => resolve(true), graceMs);
				}),
			]);
			clearTimeout(timer);
			if (timedOut) {
				log(`n8n ${this.version} did not stop within ${graceMs / 1000} s: SIGKILL`);
				this.killGroup('SIGKILL');
				await this.exited;
			}
		}
		// n8n stops its task runner itself; make sure no straggler of the group survives.
		for (let i = 0; i < 50 && this.isRunning(); i += 1) {
			if (i === 10) this.killGroup('SIGTERM');
			if (i === 30) this.killGroup('SIGKILL');
			await delay(100);
		}
		running.delete(this);
	}

	/** stop() and delete the user folder. */
	async dispose({ keepState = false } = {}) {
		await this.stop();
		if (!keepState) fs.rmSync(this.stateDir, { recursive: true, force: true });
	}

	/** Everything `n8n start` printed so far. */
	logs() {
		try {
			return fs.readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	/** Calls a production webhook: /webhook/<path>. Resolves to { status, data, headers } for any status. */
	async webhook(method, webhookPath, body, { headers = {}, timeout = 60000 } = {}) {
		const response = await axios.request({
			method,
			url: `${this.url}/webhook/${webhookPath.replace(/^\//, '')}`,
			data: body,
			headers,
			timeout,
			validateStatus: () => true,
		});
		return { status: response.status, data: response.data, headers: response.headers };
	}

	/** Creates the owner account (or logs in if it exists) and keeps the auth cookie for rest(). */
	async setupOwner() {
		let response = await this.request('POST', '/rest/owner/setup', OWNER);
		if (response.status >= 400) {
			response = await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			});
		}
		if (response.status >= 400) throw new Error(`owner setup/login failed: ${response.status} ${JSON.stringify(response.data)}`);
		const cookies = [].concat(response.headers['set-cookie'] || []);
		const auth = cookies.find((cookie) => cookie.startsWith('n8n-auth='));
		if (!auth) throw new Error(`owner setup returned no n8n-auth cookie: ${JSON.stringify(cookies)}`);
		this.cookie = auth.split(';')[0];
		return response.data && response.data.data ? response.data.data : response.data;
	}

	/** Calls n8n's internal REST API as the owner (call setupOwner() first). `restPath` like '/rest/credentials/test'. */
	async rest(method, restPath, body) {
		if (!this.cookie) throw new Error('call setupOwner() before rest()');
		return await this.request(method, restPath, body);
	}

	async request(method, requestPath, body) {
		const headers = { 'browser-id': BROWSER_ID };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await axios.request({
			method,
			url: `${this.url}${requestPath}`,
			data: body,
			headers,
			timeout: 60000,
			validateStatus: () => true,
		});
		return { status: response.status, data: response.data, headers: response.headers };
	}
}

module.exports = { N8nInstance, freePort, freePorts, PACKAGE_NAME, ENCRYPTION_KEY, OWNER };
