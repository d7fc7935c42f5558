'use strict';
/**
 * Runs "Input → Chaser" through n8n-core's real execution engine, in-process, with the built node
 * (dist/), for the benchmark, which runs without ts-node or jest. The engine is the one the tests use,
 * tooling/engine.js; this file adds the bench's environment, its RawGet floor node and n8n's HTTP Request node.
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
const { cacheRoot } = require(path.join(ROOT, 'tooling', 'install'));

const { ChaserApi } = require(path.join(DIST, 'credentials', 'ChaserApi.credentials.js'));
const { Chaser } = require(path.join(DIST, 'nodes', 'Chaser', 'Chaser.node.js'));
const transport = require(path.join(DIST, 'nodes', 'Chaser', 'transport', 'index.js'));

/**
 * The floor for the overhead figure: n8n's own httpRequestWithAuthentication called once per item with
 * the URL built in plain JavaScript: no parameters, no expressions, no transport. What the Chaser node
 * costs on top of this is the node's own.
 */
class RawGet {
	constructor() {
		this.description = {
			displayName: 'Raw GET',
			name: 'rawGet',
			group: ['transform'],
			version: 1,
			description: 'GET /v1/customers/ext_<json.id> per item through httpRequestWithAuthentication',
			defaults: { name: 'Raw GET' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'chaserApi', required: true }],
			properties: [],
		};
	}

	async execute() {
		const { baseUrl } = await this.getCredentials('chaserApi');
		const items = this.getInputData();
		const output = [];
		for (let i = 0; i < items.length; i++) {
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'chaserApi', {
				method: 'GET',
				url: `${baseUrl}/v1/customers/ext_${encodeURIComponent(items[i].json.id)}`,
				json: true,
			});
			output.push({ json: body.data, pairedItem: { item: i } });
		}
		return [output];
	}
}

/**
 * n8n's own HTTP Request node, from the n8n 2.41.1 install that scripts/bench.js makes sure of: what a user would
 * otherwise call Chaser with, run in the same engine as the Chaser node. `version` is the one the editor adds.
 */
function httpRequestNode() {
	const file = path.join(cacheRoot(), 'n8n-2.41.1', 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	if (!fs.existsSync(file)) throw new Error(`n8n 2.41.1 is not installed (${file} is missing): run the benchmark with npm run bench`);
	const { HttpRequest } = require(file);
	const node = new HttpRequest();
	return { type: 'n8n-nodes-base.httpRequest', node, version: node.description.defaultVersion };
}

const httpRequest = httpRequestNode();

/**
 * runChaser({ parameters, items?, credentials, onError?, nodeType?, typeVersion? }) → { success, errorOutput, error?, run }.
 * Items are handed to the input node by reference (no JSON parameter), so 10,000 items cost no parsing.
 * nodeType: 'bench.rawGet' runs the RawGet floor in the Chaser node's place, httpRequest.type (with typeVersion
 * httpRequest.version) n8n's HTTP Request node.
 */
const { runChaser } = createEngine({
	Node: Chaser,
	Credential: ChaserApi,
	extraNodeTypes: { 'bench.rawGet': new RawGet(), [httpRequest.type]: httpRequest.node },
	label: 'bench',
});

module.exports = { runChaser, transport, httpRequest, ROOT, DIST };
