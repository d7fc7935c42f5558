'use strict';
/**
 * Runs "Input → Chaser" through n8n-core's real execution engine, in-process, with the built node
 * (dist/). A plain-JavaScript twin of test/helpers/engine.ts for the benchmark, which runs without
 * ts-node or jest. Requests go through n8n's real httpRequestWithAuthentication (axios).
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

const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } = require('n8n-workflow');

const { ChaserApi } = require(path.join(DIST, 'credentials', 'ChaserApi.credentials.js'));
const { Chaser } = require(path.join(DIST, 'nodes', 'Chaser', 'Chaser.node.js'));
const transport = require(path.join(DIST, 'nodes', 'Chaser', 'transport', 'index.js'));

/** Emits the items given to it; stands in for a trigger so the Chaser node gets real items. */
class BenchInput {
	constructor() {
		this.description = {
			displayName: 'Bench Input',
			name: 'benchInput',
			group: ['input'],
			version: 1,
			description: 'Emits the items handed to runChaser',
			defaults: { name: 'Bench Input' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
		};
	}

	async execute() {
		// Items are passed by reference (not as a JSON parameter) so that 10,000 items cost no parsing.
		const key = this.getNodeParameter('key', 0);
		const items = pendingItems.get(key) || [];
		return [items.map((json) => ({ json }))];
	}
}

const pendingItems = new Map();

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

const nodeTypeMap = {
	'n8n-nodes-chaser.chaser': new Chaser(),
	'bench.input': new BenchInput(),
	'bench.rawGet': new RawGet(),
};

const nodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
};

const credentialType = new ChaserApi();

/** The part of n8n's CredentialsHelper the node relies on, as in test/helpers/engine.ts. */
class BenchCredentialsHelper {
	constructor(credentials) {
		this.credentials = credentials;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async getDecrypted() {
		return { ...this.credentials };
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		if (typeName !== credentialType.name) throw new Error(`Unknown credential type ${typeName}`);
		for (const [outerKey, inner] of Object.entries(credentialType.authenticate.properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] || {};
			for (const [key, value] of Object.entries(inner)) {
				requestOptions[outerKey][key] = this.resolve(value, credentials, workflow, node);
			}
		}
		return requestOptions;
	}
	resolve(value, credentials, workflow, node) {
		if (!value.startsWith('=')) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials });
		return resolved ? String(resolved) : '';
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials() {
		throw new Error('not used');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

let executionCounter = 0;

/**
 * @param {{ parameters: object, items?: object[], credentials: { apiKey: string, apiSecret: string, baseUrl: string }, onError?: string, nodeType?: string }} options
 *   nodeType: 'bench.rawGet' runs the RawGet floor in the Chaser node's place.
 * @returns {Promise<{ success: object[], errorOutput: object[], error?: Error, run: object }>}
 */
async function runChaser(options) {
	const key = `items-${++executionCounter}`;
	pendingItems.set(key, options.items || [{}]);
	const inputNode = {
		id: 'input',
		name: 'Bench Input',
		type: 'bench.input',
		typeVersion: 1,
		position: [0, 0],
		parameters: { key },
	};
	const chaserNode = {
		id: 'chaser',
		name: 'Chaser',
		type: options.nodeType || 'n8n-nodes-chaser.chaser',
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { chaserApi: { id: 'cred-1', name: 'Chaser sandbox' } },
		onError: options.onError,
	};
	const workflow = new Workflow({
		id: 'wf-bench',
		name: 'Chaser bench',
		nodes: [inputNode, chaserNode],
		connections: { 'Bench Input': { main: [[{ node: 'Chaser', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const executionId = `bench-${executionCounter}`;
	const mode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflow.id,
		name: workflow.name,
		nodes: [inputNode, chaserNode],
		connections: workflow.connectionsBySourceNode,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const base = 'http://127.0.0.1:5678';
	const additionalData = {
		hooks,
		credentialsHelper: new BenchCredentialsHelper(options.credentials),
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: inputNode, data: { main: [[{ json: {} }]] }, source: null }] },
	});
	try {
		const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
		const chaserRun = run.data.resultData.runData.Chaser && run.data.resultData.runData.Chaser[0];
		const main = (chaserRun && chaserRun.data && chaserRun.data.main) || [];
		return { success: main[0] || [], errorOutput: main[1] || [], error: run.data.resultData.error, run };
	} finally {
		pendingItems.delete(key);
	}
}

module.exports = { runChaser, transport, ROOT, DIST };
