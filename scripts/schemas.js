#!/usr/bin/env node
'use strict';
// Part of `npm run build`, after tsc: writes the output schemas n8n's editor shows before a node has run, where
// n8n looks for them (next to each node's compiled file, as nodes-base ships them):
//   dist/nodes/Chaser/__schema__/v1.0.0/<resource>/<operation>.json   for every resource and operation
//   dist/nodes/ChaserTrigger/__schema__/v1.0.0.json                    for the trigger (one for all events)
// n8n serves them at /schemas/n8n-nodes-chaser.<node>/<version>/<resource>/<operation>.json. They are generated
// from the compiled registry (core/schemas.ts, nodes/*/outputs.ts), never written by hand.
const fs = require('fs');
const path = require('path');

const DIST = path.resolve(__dirname, '..', 'dist');

function versionsOf(NodeClass) {
	const { version } = new NodeClass().description;
	return Array.isArray(version) ? version : [version];
}

function write(file, schema) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
}

/** Writes every schema; returns the files written, relative to dist/. */
function writeSchemas(dist = DIST) {
	const { schemaVersion } = require(path.join(dist, 'core', 'schemas'));
	const { Chaser } = require(path.join(dist, 'nodes', 'Chaser', 'Chaser.node'));
	const { ChaserTrigger } = require(path.join(dist, 'nodes', 'ChaserTrigger', 'ChaserTrigger.node'));
	const { operationSchemas } = require(path.join(dist, 'nodes', 'Chaser', 'actions', 'outputs'));
	const { triggerSchema } = require(path.join(dist, 'nodes', 'ChaserTrigger', 'outputs'));
	const written = [];
	for (const version of versionsOf(Chaser)) {
		for (const { resource, operation, schema } of operationSchemas()) {
			const file = path.join(dist, 'nodes', 'Chaser', '__schema__', `v${schemaVersion(version)}`, resource, `${operation}.json`);
			write(file, schema);
			written.push(path.relative(dist, file));
		}
	}
	for (const version of versionsOf(ChaserTrigger)) {
		const file = path.join(dist, 'nodes', 'ChaserTrigger', '__schema__', `v${schemaVersion(version)}.json`);
		write(file, triggerSchema());
		written.push(path.relative(dist, file));
	}
	return written;
}

if (require.main === module) {
	const written = writeSchemas();
	process.stdout.write(`output schemas: ${written.length} files in dist/nodes/*/__schema__\n`);
}

module.exports = { writeSchemas };
