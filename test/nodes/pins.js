'use strict';
// The pinned descriptions of released node typeVersions (see versioning.test.ts). File access lives in this .js
// helper: the package's linter forbids fs, path and process in TypeScript, tests included.
const fs = require('fs');
const path = require('path');

const PINNED = path.join(__dirname, '__pinned__');

/** The pin of `node`@`version`, or undefined when there is none. */
function readPin(node, version) {
	const file = path.join(PINNED, `${node}@${version}.json`);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** Writes the pin of a NEW version, only when asked (PIN_NEW_VERSIONS=1) and only if there is none yet. */
function pinNewVersion(node, version, contract) {
	const file = path.join(PINNED, `${node}@${version}.json`);
	if (fs.existsSync(file)) return false;
	if (process.env.PIN_NEW_VERSIONS !== '1') {
		throw new Error(`test/nodes/__pinned__/${node}@${version}.json is missing: pin a NEW typeVersion with PIN_NEW_VERSIONS=1 (see versioning.test.ts)`);
	}
	fs.mkdirSync(PINNED, { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(contract, null, '\t')}\n`);
	return true;
}

/** Every pinned file name (`<node>@<version>.json`). */
function pinnedFiles() {
	return fs.existsSync(PINNED) ? fs.readdirSync(PINNED) : [];
}

module.exports = { readPin, pinNewVersion, pinnedFiles };
