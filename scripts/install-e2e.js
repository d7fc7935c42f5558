#!/usr/bin/env node
'use strict';
// Pre-installs what the end-to-end suite needs (Node 24, Node 20, n8n 2.41.1 and 1.123.0) into the cache folder,
// so the first `npx jest` does not spend minutes installing. Usage: node scripts/install-e2e.js [version ...]
const fs = require('fs');
const path = require('path');

const { cacheRoot, ensureN8n, ensureNode20, ensureNode24 } = require('../test/e2e/harness/install');

async function main() {
	const lockDir = path.join(__dirname, '..', 'test', 'e2e', 'n8n');
	const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : fs.readdirSync(lockDir).sort().reverse();
	console.log(`cache: ${cacheRoot()}`);
	console.log(`node 24: ${ensureNode24()}`);
	if (versions.some((version) => Number(version.split('.')[0]) < 2)) console.log(`node 20: ${ensureNode20()}`);
	for (const version of versions) {
		const started = Date.now();
		const install = await ensureN8n(version);
		console.log(`n8n ${version}: ${install.dir} (${Math.round((Date.now() - started) / 1000)} s)`);
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
