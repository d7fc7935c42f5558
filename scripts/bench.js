#!/usr/bin/env node
'use strict';
// `npm run bench`: brings Node 24, the npm dependencies and n8n 2.41.1 (whose HTTP Request node the benchmark
// compares with) on a fresh clone, then runs the benchmark (scripts/bench/run.js, which says what it measures) under
// Node 24 with --expose-gc, since peak-memory figures need a clean baseline. Arguments are passed on, e.g.
// npm run bench -- --only=bulk.
const path = require('path');
const { spawnSync } = require('child_process');

const install = require('../tooling/install');

async function main() {
	const node24 = install.ensureNode24();
	await install.ensureDependencies();
	await install.ensureN8n('2.41.1');
	const child = spawnSync(node24, ['--expose-gc', path.join(__dirname, 'bench', 'run.js'), ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: install.envFor(node24),
	});
	return child.status === null ? 1 : child.status;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`npm run bench could not set up: ${error.message}\n`);
		process.exit(1);
	},
);
