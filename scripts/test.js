#!/usr/bin/env node
'use strict';
// `npm test`: what CI runs, and what works on a fresh clone with nothing installed. Brings what it needs (Node 24,
// the npm dependencies, the n8n versions the end-to-end tests run in), then runs n8n's linter, the build, a
// type-check of the tests and jest. The last line it prints is "N passed, N failed".
//
//   npm test                     everything
//   npm test -- test/nodes       lint, build, type-check, then only the jest tests matching the arguments
//
// Only built-in modules before ensureDependencies(): node_modules may not exist yet.
const path = require('path');
const { spawn } = require('child_process');

const install = require('../tooling/install');

const ROOT = path.resolve(__dirname, '..');
/** The n8n versions the end-to-end suite runs the package in. */
const E2E_N8N_VERSIONS = ['2.41.1', '1.123.0'];

const say = (line) => process.stdout.write(`${line}\n`);
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		for (const child of children) child.kill(signal);
		process.exit(130);
	});
}

/** Runs a command in the repo with Node 24 first on the PATH; resolves to its exit code. */
function run(command, args, node24) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: ROOT, env: install.envFor(node24), stdio: 'inherit' });
		children.add(child);
		child.on('error', (error) => {
			say(`${command}: ${error.message}`);
			resolve(1);
		});
		child.on('exit', (code, signal) => {
			children.delete(child);
			resolve(code === null ? `${signal}` : code);
		});
	});
}

function bin(name) {
	return path.join(ROOT, 'node_modules', '.bin', name);
}

async function main() {
	const jestArgs = process.argv.slice(2);
	const runsE2e = jestArgs.length === 0 || jestArgs.some((arg) => /e2e/.test(arg));
	const begun = Date.now();

	const node24 = install.ensureNode24();
	await install.ensureDependencies();

	// The n8n installs take minutes on an empty cache, and the queue-mode and editor tests need Redis, PostgreSQL and
	// Chromium from Debian packages: they install while the linter and compiler run (each test installs what is still
	// missing itself).
	const { ensurePackages } = require('../tooling/debian');
	const prepared = runsE2e
		? Promise.all([
				...E2E_N8N_VERSIONS.map((version) => install.ensureN8n(version)),
				ensurePackages(['redis-server', 'postgresql', 'chromium']),
			]).then(
				() => undefined,
				(error) => error,
			)
		: Promise.resolve(undefined);

	const steps = [
		['n8n-node lint (strict)', bin('n8n-node'), ['lint']],
		['build', 'npm', ['run', 'build']],
		['type-check of the tests', bin('tsc'), ['-p', 'test/tsconfig.json']],
	];
	for (const [title, command, args] of steps) {
		const started = Date.now();
		say(`== ${title}`);
		const code = await run(command, args, node24);
		if (code !== 0) {
			say(`${title} failed (exit ${code}) after ${seconds(started)}`);
			say('0 passed, 1 failed');
			return 1;
		}
	}
	const installError = await prepared;
	if (installError) {
		say(`Could not install what the end-to-end tests need: ${installError.message}`);
		say('0 passed, 1 failed');
		return 1;
	}
	say(`== jest ${jestArgs.join(' ')}`.trimEnd());
	say(`   (set-up, lint, build and type-check took ${seconds(begun)})`);
	// jest's reporter prints the summary line, last.
	const code = await run(node24, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], node24);
	return code === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		say(`npm test could not set up: ${error.message}`);
		say('0 passed, 1 failed');
		process.exit(1);
	},
);
