'use strict';
/**
 * Runs "Input → Chaser" through n8n-core's real execution engine, in-process, with the built node
 * (dist/), for the benchmark, which runs without ts-node or jest. The engine is the one the tests use,
 * tooling/engine.js; this file adds the bench's environment, its RawGet floor node, n8n's HTTP Request and Remove
 * Duplicates nodes, and the Chaser Trigger's poll runner (tooling/poll.js, the tests' one too).
 *
 * Every require of a dist/ file is here, so a move of the node's files changes one line of this file.
 */
const os = require('os');
const path = require('path');
const fs = require('fs');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

// n8n-core writes instance settings under N8N_USER_FOLDER (default ~/.n8n): keep the bench off the user's home.
const userFolder = path.join(os.tmpdir(), 'n8n-nodes-chaser-bench');
fs.mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || userFolder;
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'chaser-bench-encryption-key';

const { NodeConnectionTypes } = require('n8n-workflow');
const { createEngine } = require(path.join(ROOT, 'tooling', 'engine'));
const { createPoller } = require(path.join(ROOT, 'tooling', 'poll'));
const { cacheRoot } = require(path.join(ROOT, 'tooling', 'install'));

const { ChaserApi } = require(path.join(DIST, 'credentials', 'ChaserApi.credentials.js'));
const { Chaser } = require(path.join(DIST, 'nodes', 'Chaser', 'Chaser.node.js'));
const { ChaserTrigger } = require(path.join(DIST, 'nodes', 'ChaserTrigger', 'ChaserTrigger.node.js'));
const transport = require(path.join(DIST, 'core', 'transport', 'index.js'));

/**
 * The floor for the overhead figure: n8n's own httpRequestWithAuthentication called once per item, with the
 * customer read from the same parameter (and expression) as the Chaser node's, since every node reads its
 * input through n8n's parameters: no transport, no validation, no output shaping. What the Chaser node costs on
 * top of this is the node's own.
 */
class RawGet {
	constructor() {
		this.description = {
			displayName: 'Raw GET',
			name: 'rawGet',
			group: ['transform'],
			version: 1,
			description: 'GET /v1/customers/ext_<customer> per item through httpRequestWithAuthentication',
			defaults: { name: 'Raw GET' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'chaserApi', required: true }],
			// The same Customer parameter as the Chaser node's, so both pay n8n's expression evaluation per item.
			properties: [
				{
					displayName: 'Customer',
					name: 'customer',
					type: 'resourceLocator',
					default: { mode: 'externalId', value: '' },
					modes: [{ displayName: 'By External ID', name: 'externalId', type: 'string' }],
				},
			],
		};
	}

	async execute() {
		const { baseUrl } = await this.getCredentials('chaserApi');
		const items = this.getInputData();
		const output = [];
		for (let i = 0; i < items.length; i++) {
			const id = this.getNodeParameter('customer', i, '', { extractValue: true });
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'chaserApi', {
				method: 'GET',
				url: `${baseUrl}/v1/customers/ext_${encodeURIComponent(id)}`,
				json: true,
			});
			output.push({ json: body.data, pairedItem: { item: i } });
		}
		return [output];
	}
}

/** A node of n8n-nodes-base from the n8n 2.41.1 install that scripts/bench.js makes sure of. */
function n8nBaseNode(relativeFile, exportName, type) {
	const file = path.join(cacheRoot(), 'n8n-2.41.1', 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', relativeFile);
	if (!fs.existsSync(file)) throw new Error(`n8n 2.41.1 is not installed (${file} is missing): run the benchmark with npm run bench`);
	const node = new (require(file)[exportName])();
	return { type, node, version: node.description.defaultVersion };
}

/**
 * n8n's own HTTP Request node: what a user would otherwise call Chaser with, run in the same engine as the Chaser
 * node. `version` is the one the editor adds.
 */
const httpRequest = n8nBaseNode(path.join('HttpRequest', 'HttpRequest.node.js'), 'HttpRequest', 'n8n-nodes-base.httpRequest');

/**
 * n8n's Remove Duplicates node ("remove items processed in previous executions"): what a user puts after a
 * scheduled Get Many to build an "invoice paid" trigger without the Chaser Trigger. It keeps what it has seen in
 * n8n's deduplication store, which tooling/engine.js gives n8n-core in memory (`processedData`).
 */
const removeDuplicates = n8nBaseNode(
	path.join('Transform', 'RemoveDuplicates', 'RemoveDuplicates.node.js'),
	'RemoveDuplicates',
	'n8n-nodes-base.removeDuplicates',
);

/**
 * runChaser({ parameters, items?, credentials, onError?, nodeType?, typeVersion? }) → { success, errorOutput, error?, run }.
 * Items are handed to the input node by reference (no JSON parameter), so 10,000 items cost no parsing.
 * nodeType: 'bench.rawGet' runs the RawGet floor in the Chaser node's place, httpRequest.type (with typeVersion
 * httpRequest.version) n8n's HTTP Request node, removeDuplicates.type (removeDuplicates.version) its Remove Duplicates
 * node, whose second output (Discarded) then comes back as errorOutput.
 */
const { runChaser, processedData } = createEngine({
	Node: Chaser,
	Credential: ChaserApi,
	extraNodeTypes: {
		'bench.rawGet': new RawGet(),
		[httpRequest.type]: httpRequest.node,
		[removeDuplicates.type]: removeDuplicates.node,
	},
	label: 'bench',
});

/**
 * The Chaser Trigger, activated in a workflow and polled through n8n-core's PollContext as n8n does:
 * activateTrigger({ parameters, credentials, timezone, … }).poll() → { items, staticData, error }.
 */
const { activate: activateTrigger } = createPoller({ Node: ChaserTrigger, Credential: ChaserApi });

module.exports = { runChaser, processedData, activateTrigger, transport, httpRequest, removeDuplicates, ROOT, DIST };
