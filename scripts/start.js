#!/usr/bin/env node
'use strict';
// `npm start`: the one-command demo, on a fresh clone with nothing installed. Brings Node 24 and the npm
// dependencies, builds this package, starts the Chaser sandbox with a demo organisation and a mail and chat catcher
// (tooling/catcher.js, with an inbox page), installs (or reuses) n8n 2.41.1, installs the package into it as a
// community package, imports a Chaser credential, an SMTP credential aimed at the catcher and the example workflows
// (the chat URL set to the catcher's), and starts n8n with an owner account ready. Ctrl-C (or SIGINT/SIGTERM to this process) stops
// everything. The n8n data (workflows, executions, owner) is kept between runs in .n8n-state/.
// See README "Try it" and examples/README.md.
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');

// Only built-in modules until the dependencies are installed (a fresh clone has no node_modules).
const install = require('../tooling/install');
const { createSandbox } = require('../sandbox');

const N8N_VERSION = '2.41.1';
const DEFAULTS = { port: 5678, sandboxPort: 8765, smtpPort: 2525, inboxPort: 8025, stateDir: path.join(install.REPO_ROOT, '.n8n-state') };
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Owner', password: 'ChaserDemo-2025' };

const USAGE = `Usage: npm start [-- options]    (or: node scripts/start.js [options])

Starts n8n ${N8N_VERSION} with this package installed, a Chaser sandbox with demo data and example workflows.

Options:
  --port N           n8n port on 127.0.0.1 (default ${DEFAULTS.port}, env CHASER_DEMO_PORT)
  --sandbox-port N   Chaser sandbox port (default ${DEFAULTS.sandboxPort}, env CHASER_SANDBOX_PORT; 0 = any free port)
  --smtp-port N      the demo mail catcher's SMTP port (default ${DEFAULTS.smtpPort}; 0 = any free port)
  --inbox-port N     the demo inbox (web page of caught mail and chat messages) and chat webhook port
                     (default ${DEFAULTS.inboxPort}; 0 = any free port; keep it fixed to keep the imported chat URL)
  --no-sandbox       use your own Chaser account instead of the sandbox: set CHASER_API_KEY, CHASER_API_SECRET
                     (and CHASER_BASE_URL if not https://openapi.chaserhq.com). The webhook examples then write to it!
  --no-build         reuse dist/ as it is instead of running npm run build
  --quiet-sandbox    do not print the sandbox's request log
  --fresh            delete the kept n8n data (workflows, executions, owner) and start clean
  --state-dir DIR    where n8n keeps its data between runs (default .n8n-state in this folder)
  --help

Env: CHASER_DEMO_EMAIL, CHASER_DEMO_PASSWORD (owner login; default ${OWNER.email} / ${OWNER.password}),
     CHASER_E2E_CACHE (cache folder for Node 24 and n8n; default ~/.cache/n8n-nodes-chaser).`;

function parseArgs(argv, env) {
	const options = {
		port: env.CHASER_DEMO_PORT ? Number(env.CHASER_DEMO_PORT) : DEFAULTS.port,
		sandboxPort: env.CHASER_SANDBOX_PORT ? Number(env.CHASER_SANDBOX_PORT) : DEFAULTS.sandboxPort,
		smtpPort: DEFAULTS.smtpPort,
		inboxPort: DEFAULTS.inboxPort,
		sandbox: true,
		build: true,
		sandboxLog: true,
		fresh: false,
		stateDir: DEFAULTS.stateDir,
		help: false,
	};
	for (let i = 0; i < argv.length; i += 1) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => {
			if (inline !== undefined) return inline;
			if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
			i += 1;
			return argv[i];
		};
		if (flag === '--port') options.port = Number(value());
		else if (flag === '--sandbox-port') options.sandboxPort = Number(value());
		else if (flag === '--smtp-port') options.smtpPort = Number(value());
		else if (flag === '--inbox-port') options.inboxPort = Number(value());
		else if (flag === '--no-sandbox') options.sandbox = false;
		else if (flag === '--no-build') options.build = false;
		else if (flag === '--quiet-sandbox') options.sandboxLog = false;
		else if (flag === '--fresh') options.fresh = true;
		else if (flag === '--state-dir') options.stateDir = path.resolve(value());
		else if (flag === '--help' || flag === '-h') options.help = true;
		else throw new Error(`unknown option: ${argv[i]}`);
	}
	if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) throw new Error('--port must be a port number');
	if (!Number.isInteger(options.sandboxPort) || options.sandboxPort < 0 || options.sandboxPort > 65535) {
		throw new Error('--sandbox-port must be a port number (0 = any free port)');
	}
	for (const [flag, key] of [['--smtp-port', 'smtpPort'], ['--inbox-port', 'inboxPort']]) {
		if (!Number.isInteger(options[key]) || options[key] < 0 || options[key] > 65535) throw new Error(`${flag} must be a port number (0 = any free port)`);
	}
	const fixed = [options.port, options.sandboxPort, options.smtpPort, options.inboxPort].filter((port) => port !== 0);
	if (new Set(fixed).size !== fixed.length) throw new Error('--port, --sandbox-port, --smtp-port and --inbox-port must be different ports');
	return options;
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A problem the user can fix (busy port, missing keys): printed without a stack trace. */
class UsageError extends Error {}

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const say = (line = '') => process.stdout.write(`${line}\n`);

/** Runs one numbered step, printing its title first and its duration after. */
async function step(number, total, title, work) {
	const begun = Date.now();
	say(`[${number}/${total}] ${title} ...`);
	const result = await work();
	say(`      done in ${seconds(begun)}`);
	return result;
}

const state = { sandbox: undefined, catcher: undefined, n8n: undefined, stopping: false, lastSignalAt: 0 };

async function shutdown(reason, exitCode) {
	if (state.stopping) return;
	state.stopping = true;
	say(`\n${reason}: stopping n8n, the Chaser sandbox and the mail and chat catcher ...`);
	try {
		if (state.n8n) await state.n8n.stop({ graceMs: 20000 });
	} catch (error) {
		say(`  stopping n8n failed: ${error.message}`);
	}
	try {
		if (state.sandbox) await state.sandbox.close();
	} catch (error) {
		say(`  stopping the sandbox failed: ${error.message}`);
	}
	try {
		if (state.catcher) await state.catcher.close();
	} catch (error) {
		say(`  stopping the mail and chat catcher failed: ${error.message}`);
	}
	say('Stopped. Bye!');
	process.exit(exitCode);
}

function onSignal(signal) {
	const now = Date.now();
	if (state.stopping) {
		// npm forwards the terminal's Ctrl-C too, so the same press can arrive twice; a later one forces the exit.
		if (now - state.lastSignalAt > 1500) {
			say('Forced exit.');
			if (state.n8n) state.n8n.killGroup('SIGKILL');
			process.exit(130);
		}
		return;
	}
	state.lastSignalAt = now;
	void shutdown(signal, 0);
}

function chaserAccount(options) {
	if (options.sandbox) return undefined;
	const apiKey = process.env.CHASER_API_KEY;
	const apiSecret = process.env.CHASER_API_SECRET;
	if (!apiKey || !apiSecret) throw new UsageError('--no-sandbox needs CHASER_API_KEY and CHASER_API_SECRET in the environment');
	return { apiKey, apiSecret, baseUrl: process.env.CHASER_BASE_URL || 'https://openapi.chaserhq.com', name: 'Chaser account' };
}

/**
 * Which example workflows to (re)import: those missing from n8n's database and those whose file changed since
 * they were last imported (fingerprints in <state>/examples.json). A workflow the user built, or an example
 * they edited whose file did not change, is left alone.
 */
async function examplesToImport(n8n, examples, fingerprintFile) {
	const imported = readJson(fingerprintFile) || {};
	const present = new Set(await n8n.workflowIds());
	return examples.filter((example) => !present.has(example.workflow.id) || imported[example.workflow.id] !== fingerprint(example.workflow));
}

function fingerprint(workflow) {
	return crypto.createHash('sha256').update(JSON.stringify(workflow)).digest('hex');
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

async function main() {
	let options;
	try {
		options = parseArgs(process.argv.slice(2), process.env);
	} catch (error) {
		process.stderr.write(`${error.message}\n\n${USAGE}\n`);
		process.exit(2);
	}
	if (options.help) {
		say(USAGE);
		return;
	}
	process.on('SIGINT', () => onSignal('SIGINT'));
	process.on('SIGTERM', () => onSignal('SIGTERM'));
	process.on('SIGHUP', () => onSignal('SIGHUP'));

	const account = chaserAccount(options);
	const owner = {
		...OWNER,
		email: process.env.CHASER_DEMO_EMAIL || OWNER.email,
		password: process.env.CHASER_DEMO_PASSWORD || OWNER.password,
	};

	say(`n8n-nodes-chaser demo: n8n ${N8N_VERSION} + the Chaser node${options.sandbox ? ' + the Chaser sandbox' : ''}`);
	say(`(the first run installs Node 24, the npm dependencies and n8n into ${install.cacheRoot()}: 3-4 minutes, more on a busy machine; later runs 10-20 s)\n`);

	if (!(await portIsFree(options.port))) throw new UsageError(`port ${options.port} is in use: pick another with --port N`);
	if (options.sandbox && options.sandboxPort !== 0 && !(await portIsFree(options.sandboxPort))) {
		throw new UsageError(`port ${options.sandboxPort} is in use: pick another with --sandbox-port N (0 = any free port)`);
	}
	for (const [flag, port] of [['--smtp-port', options.smtpPort], ['--inbox-port', options.inboxPort]]) {
		if (port !== 0 && !(await portIsFree(port))) throw new UsageError(`port ${port} is in use: pick another with ${flag} N (0 = any free port)`);
	}
	const total = 7;

	await step(1, total, 'Node 24 and the npm dependencies (installed on the first run only)', async () => {
		install.ensureNode24();
		const installed = await install.ensureDependencies();
		if (!installed) say('      already installed');
	});
	if (state.stopping) return;
	// Needs the npm dependencies.
	const { N8nInstance } = require('../tooling/n8n');
	const { packPackage } = require('../tooling/pack');
	const demo = require('../tooling/demo');
	const { startCatcher } = require('../tooling/catcher');

	const credential = await step(2, total, options.sandbox ? 'Starting the Chaser sandbox with a demo organisation' : 'Using your Chaser account', async () => {
		if (!options.sandbox) {
			say(`      Base URL ${account.baseUrl}, API key ${account.apiKey.slice(0, 4)}…`);
			return demo.chaserCredential(account);
		}
		const startSandbox = () =>
			createSandbox({
				port: options.sandboxPort,
				seed: 'demo',
				referenceDate: new Date(), // due dates relative to today, so "overdue" means something
				quiet: !options.sandboxLog,
				logger: (line) => {
					if (!state.stopping) say(`  [sandbox] ${line.replace(/^\S+ /, '')}`);
				},
			});
		state.sandbox = await startSandbox();
		// With --sandbox-port 0 the system may hand out n8n's port, which is free until step 5: take another.
		for (let attempt = 0; state.sandbox.port === options.port && attempt < 5; attempt++) {
			const taken = state.sandbox;
			state.sandbox = await startSandbox();
			await taken.close();
		}
		const s = state.sandbox;
		say(
			`      ${s.url}: ${s.count('customers')} customers, ${s.count('invoices')} invoices, ` +
				`${s.count('credit_notes')} credit notes, ${s.count('overpayments')} overpayments ` +
				'(the sandbox starts from this demo data on every run)',
		);
		return demo.chaserCredential({ apiKey: s.apiKey, apiSecret: s.apiSecret, baseUrl: s.url });
	});
	if (state.stopping) return;
	await step(3, total, 'Starting the mail and chat catcher (where the examples send email and chat messages)', async () => {
		const begin = () =>
			startCatcher({
				port: options.inboxPort,
				smtpPort: options.smtpPort,
				logger: (line) => {
					if (!state.stopping) say(`  [catcher] ${line}`);
				},
			});
		state.catcher = await begin();
		// With port 0 the system may hand out n8n's port, which is free until n8n starts: take others.
		for (let attempt = 0; [state.catcher.smtpPort, state.catcher.httpPort].includes(options.port) && attempt < 5; attempt++) {
			const taken = state.catcher;
			state.catcher = await begin();
			await taken.close();
		}
		say(`      inbox ${state.catcher.inboxUrl}, SMTP 127.0.0.1:${state.catcher.smtpPort}, chat webhook ${state.catcher.chatWebhookUrl}`);
	});
	if (state.stopping) return;

	const [tarball, n8nInstall] = await step(4, total, `Building the package and installing n8n ${N8N_VERSION} (2-4 minutes on the first run, cached afterwards)`, () =>
		Promise.all([packPackage({ build: options.build }), install.ensureN8n(N8N_VERSION)]),
	);
	if (state.stopping) return;

	const stateDir = options.stateDir;
	const chatWebhookUrl = state.catcher.chatWebhookUrl;
	const examples = demo.loadExamples().map((example) => ({ ...example, workflow: demo.demoWorkflow(example.workflow, { chatWebhookUrl }) }));
	const fingerprintFile = path.join(stateDir, 'examples.json');
	const keptData = fs.existsSync(path.join(stateDir, '.n8n', 'database.sqlite'));
	await step(5, total, 'Installing the package into n8n and importing the credentials and example workflows', async () => {
		if (options.fresh && keptData) {
			say(`      --fresh: deleting the n8n data kept in ${stateDir}`);
			fs.rmSync(stateDir, { recursive: true, force: true });
		} else if (keptData) {
			say(`      keeping your n8n data from earlier runs in ${stateDir} (start clean with: npm start -- --fresh)`);
		}
		fs.mkdirSync(stateDir, { recursive: true });
		state.n8n = await N8nInstance.create({ version: N8N_VERSION, port: options.port, tarball, stateDir });
		await state.n8n.importCredentials([credential, demo.smtpCredential(state.catcher.smtpPort)]);
		const changed = await examplesToImport(state.n8n, examples, fingerprintFile);
		if (changed.length > 0) {
			await state.n8n.importWorkflows(changed.map((example) => example.workflow));
			const toPublish = changed.filter((example) => example.publish).map((example) => example.workflow.id);
			if (toPublish.length > 0) await state.n8n.publish(toPublish);
			const fingerprints = readJson(fingerprintFile) || {};
			for (const example of changed) fingerprints[example.workflow.id] = fingerprint(example.workflow);
			fs.writeFileSync(fingerprintFile, `${JSON.stringify(fingerprints, null, 2)}\n`);
		}
		// Webhooks of published workflows are registered at start: wait for the examples' ones.
		await state.n8n.expectWebhooksOf(examples.filter((example) => example.publish).map((example) => example.workflow));
		say(
			`      ${changed.length === 0 ? 'example workflows already imported and unchanged' : `imported ${changed.map((example) => `"${example.workflow.name}"`).join(', ')}`}; n8n ${n8nInstall.version} in ${n8nInstall.dir}`,
		);
	});
	if (state.stopping) return;

	await step(6, total, `Starting n8n on http://127.0.0.1:${options.port}`, async () => {
		await state.n8n.start({ timeoutMs: 180000 });
		state.n8n.exited.then((info) => {
			if (!state.stopping) void shutdown(`n8n exited unexpectedly (${JSON.stringify(info)}; log: ${state.n8n.logFile})`, 1);
		});
	});
	if (state.stopping) return;

	const ownerIsNew = await step(7, total, 'Setting up the owner account', async () => {
		const response = await fetch(`${state.n8n.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (response.ok) return true;
		const text = await response.text();
		// Kept data: the owner was set up on an earlier run.
		if (response.status === 400 && /already/i.test(text)) {
			say('      the owner account from an earlier run is kept');
			return false;
		}
		throw new Error(`owner setup failed: ${response.status} ${text}`);
	});
	if (state.stopping) return;

	printReady({ options, owner, ownerIsNew, examples, demo });
}

function printReady({ options, owner, ownerIsNew, examples, demo }) {
	const n8n = state.n8n;
	const url = n8n.url;
	const today = new Date().toISOString().slice(0, 10);
	const line = '='.repeat(78);
	const names = examples.map((example) => `${example.workflow.name}${example.publish ? ' (published)' : ''}`);
	say('');
	say(line);
	say(`Chaser demo is ready after ${seconds(started)}`);
	say(line);
	say(`  n8n editor:   ${url}`);
	say(`  Email:        ${owner.email}`);
	say(`  Password:     ${owner.password}${ownerIsNew ? '' : '  (set on an earlier run; if you changed it, use yours)'}`);
	if (state.sandbox) {
		say(`  Chaser sandbox: ${state.sandbox.url}  (credential "${demo.CREDENTIAL_NAME}": API key ${state.sandbox.apiKey}, secret ${state.sandbox.apiSecret})`);
	}
	say(`  Inbox:        ${state.catcher.inboxUrl}  (email and chat messages the examples send; nothing leaves this machine)`);
	say(`                SMTP 127.0.0.1:${state.catcher.smtpPort} (credential "${demo.SMTP_CREDENTIAL_NAME}"), chat webhook ${state.catcher.chatWebhookUrl}`);
	say(`  n8n data:     ${options.stateDir}  (kept between runs; npm start -- --fresh starts clean)`);
	say('');
	say('  Workflows:');
	for (const name of names) say(`    - ${name}`);
	say('');
	say('  Try the webhooks (each prints what the workflow returns):');
	demo.webhookCalls(url, today).forEach((call, index) => {
		say(`   ${index + 1}. ${call.title}`);
		say(`      ${call.curl}`);
	});
	say('');
	say(`  Then open the inbox: the digest email, and (within a minute of call 4, when the trigger next checks the`);
	say(`  sandbox) the paid-invoice chat message. In the editor, "${examples.find((example) => example.file === 'overdue-reminder-digest.json').workflow.name}"`);
	say('  also runs with "Execute workflow"; Executions shows every run, failed ones included.');
	say('');
	say(`  n8n log: ${n8n.logFile}`);
	say(`  Processes: n8n pid ${n8n.pid} (own process group), this script pid ${process.pid}, task broker port ${n8n.brokerPort}`);
	say('  Press Ctrl-C to stop n8n, the sandbox and the catcher.');
	say(line);
}

main().catch((error) => {
	const detail = error instanceof UsageError || !(error && error.stack) ? String(error.message || error) : error.stack;
	process.stderr.write(`\nnpm start failed: ${detail}\n`);
	if (state.sandbox || state.n8n || state.catcher) void shutdown('Failed', 1);
	else process.exit(1);
});
