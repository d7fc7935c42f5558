'use strict';
/**
 * Runs a workflow "Input → Chaser" through n8n-core's real execution engine, in-process. The one
 * implementation behind test/helpers/engine.ts (jest, with the TypeScript source classes) and
 * scripts/bench/engine.js (the benchmark, with the built dist/ classes): the caller hands in the node
 * class, the credential class and any extra node types. Requests go through n8n's real
 * httpRequestWithAuthentication (axios), authenticated by the credential's own `authenticate`, as in n8n.
 *
 * n8n-core reads N8N_USER_FOLDER when it is first loaded: set it before requiring this file.
 */
const { createHash } = require('crypto');
const { DataDeduplicationService, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } = require('n8n-core');
const { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } = require('n8n-workflow');

/** @typedef {import('n8n-workflow').INodeType} INodeType */
/** @typedef {import('n8n-workflow').ICredentialType} ICredentialType */
/** @typedef {import('n8n-workflow').IDataObject} IDataObject */
/** @typedef {import('n8n-workflow').INode} INode */
/** @typedef {import('n8n-workflow').INodeParameters} INodeParameters */
/** @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData */
/** @typedef {import('n8n-workflow').ExecutionError} ExecutionError */
/** @typedef {import('n8n-workflow').IRun} IRun */

/**
 * @typedef {object} ChaserCredentials
 * @property {string} apiKey
 * @property {string} apiSecret
 * @property {string} baseUrl
 */

/**
 * @typedef {object} CoreRunOptions
 * @property {INodeParameters} parameters The Chaser node's parameters (resource, operation, fields).
 * @property {IDataObject[]} [items] Input items, handed over by reference; one empty item by default, like a Manual Trigger.
 * @property {ChaserCredentials} credentials
 * @property {INode['onError']} [onError] The node's "On Error" setting.
 * @property {string} [nodeType] A node type to run in the Chaser node's place (one of the extra node types).
 * @property {number} [typeVersion] That node's version (1 when omitted).
 * @property {string} [timezone] The workflow's time zone setting (IANA name); n8n's default when omitted.
 */

/**
 * @typedef {object} CoreRunResult
 * @property {INodeExecutionData[]} success Items on the node's main output (index 0).
 * @property {INodeExecutionData[]} errorOutput With continueErrorOutput, items on its error output (index 1).
 * @property {ExecutionError | undefined} [error] The workflow's error when the node stopped it.
 * @property {IRun} run
 */

/**
 * @typedef {object} ListSearchOptions
 * @property {string} method The listSearch method, e.g. 'searchInvoices'.
 * @property {INodeParameters} [parameters] The node's current parameters (what the editor sends), e.g. the chosen customer.
 * @property {ChaserCredentials} credentials
 * @property {string} [filter] What the user typed in the list's search box.
 * @property {string} [paginationToken] The token of the previous page, when the user scrolls on.
 */

const CHASER_TYPE = 'n8n-nodes-chaser.chaser';
const INPUT_TYPE = 'engine.input';

/** Items waiting for the input node, by key: passed by reference so that 10,000 items cost no parsing. */
const pendingItems = new Map();

/** Emits the run's input items; stands in for a trigger so the Chaser node gets real items. */
class EngineInput {
	constructor() {
		this.description = {
			displayName: 'Engine Input',
			name: 'engineInput',
			group: ['input'],
			version: 1,
			description: 'Emits the items handed to runChaser',
			defaults: { name: 'Engine Input' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
		};
	}

	async execute() {
		const items = pendingItems.get(this.getNodeParameter('key', 0)) || [];
		return [items.map((json) => ({ json }))];
	}
}

/**
 * The part of n8n's CredentialsHelper the node relies on: hand out the decrypted credential and apply
 * the credential type's `authenticate` function, as n8n does (`credentialType.authenticate(credentials, options)`).
 */
class EngineCredentialsHelper {
	/** @param {ICredentialType & { authenticate: (credentials: object, options: object) => Promise<object> }} credentialType */
	constructor(credentialType, credentials) {
		this.credentialType = credentialType;
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
	async authenticate(credentials, typeName, requestOptions) {
		if (typeName !== this.credentialType.name) throw new Error(`Unknown credential type ${typeName}`);
		return await this.credentialType.authenticate(credentials, requestOptions);
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
		return this.credentialType.properties;
	}
}

/**
 * n8n's deduplication store (the Remove Duplicates node's, and `this.helpers.checkProcessedAndRecord`), in
 * memory. n8n keeps it in its database (DeduplicationHelper in the n8n package, handed to n8n-core's
 * DataDeduplicationService at start-up); this follows the same rules for the 'entries' mode: per workflow
 * and scope ('node': per node id) a list of MD5 hashes of the values, newest last, trimmed to `maxEntries`.
 */
class ProcessedDataStore {
	constructor() {
		this.lists = new Map();
	}
	listKey(scope, { workflow, node }) {
		if (!workflow.id) throw new Error('the deduplication store needs a workflow id');
		return `${workflow.id} ${scope === 'node' ? `n:${node.id}` : ''}`;
	}
	static hash(value) {
		return createHash('md5').update(value.toString()).digest('base64');
	}
	static entriesOnly(options) {
		if (options.mode !== 'entries') throw new Error(`the engine's deduplication store has no '${options.mode}' mode`);
	}
	async checkProcessedAndRecord(items, scope, contextData, options) {
		ProcessedDataStore.entriesOnly(options);
		const key = this.listKey(scope, contextData);
		const list = this.lists.get(key);
		const hashes = items.map(ProcessedDataStore.hash);
		if (!list) {
			this.lists.set(key, options.maxEntries ? hashes.slice(-options.maxEntries) : hashes);
			return { new: items, processed: [] };
		}
		const known = new Set(list);
		const result = { new: [], processed: [] };
		hashes.forEach((hash, index) => {
			if (known.has(hash)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				list.push(hash);
			}
		});
		if (options.maxEntries) list.splice(0, list.length - options.maxEntries);
		return result;
	}
	async removeProcessed(items, scope, contextData, options) {
		ProcessedDataStore.entriesOnly(options);
		const list = this.lists.get(this.listKey(scope, contextData));
		for (const hash of list ? items.map(ProcessedDataStore.hash) : []) {
			const index = list.indexOf(hash);
			if (index !== -1) list.splice(index, 1);
		}
	}
	async clearAllProcessedItems(scope, contextData) {
		this.lists.delete(this.listKey(scope, contextData));
	}
	async getProcessedDataCount(scope, contextData, options) {
		const list = this.lists.get(this.listKey(scope, contextData));
		return options.mode === 'entries' && list ? list.length : 0;
	}
	clear() {
		this.lists.clear();
	}
}

/** The one store of this process, as n8n has one: kept across runs (so across "executions"), cleared by tests. */
const processedData = new ProcessedDataStore();
DataDeduplicationService.init(processedData);

const notUsed = async () => {
	throw new Error('not used');
};

/** What n8n hands every node besides its parameters: URLs, hooks, the credentials helper. */
function additionalDataFor(hooks, credentialsHelper, executionId) {
	const base = 'http://127.0.0.1:5678';
	return {
		hooks,
		credentialsHelper,
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
		executeWorkflow: notUsed,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notUsed,
	};
}

let executionCounter = 0;

/**
 * @param {object} setup
 * @param {new () => INodeType} setup.Node The Chaser node class (TypeScript source or dist/).
 * @param {new () => ICredentialType} setup.Credential The Chaser API credential class.
 * @param {Record<string, INodeType>} [setup.extraNodeTypes] More node types by type name, for `nodeType`.
 * @param {string} [setup.label] Names the workflow and its executions ("test", "bench").
 * @returns {{ runChaser: (options: CoreRunOptions) => Promise<CoreRunResult>, listSearch: (options: ListSearchOptions) => Promise<import('n8n-workflow').INodeListSearchResult>, processedData: ProcessedDataStore }}
 */
/** What n8n's Workflow asks for node types, over a map of type name → node type. @param {Record<string, INodeType>} nodeTypeMap */
function nodeTypesOf(nodeTypeMap) {
	return {
		getByName: (type) => nodeTypeMap[type],
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
		getKnownTypes: () => ({}),
	};
}

/**
 * A workflow node (version 1 at the origin unless `node` says otherwise) that uses the one Chaser credential
 * EngineCredentialsHelper holds. @param {Partial<INode> & Pick<INode, 'id' | 'name' | 'type' | 'parameters'>} node
 * @returns {INode}
 */
function withCredential(node) {
	return { typeVersion: 1, position: [0, 0], ...node, credentials: { chaserApi: { id: 'cred-1', name: 'Chaser sandbox' } } };
}

function createEngine({ Node, Credential, extraNodeTypes = {}, label = 'test' }) {
	/** @type {Record<string, INodeType>} */
	const nodeTypeMap = { [CHASER_TYPE]: new Node(), [INPUT_TYPE]: new EngineInput(), ...extraNodeTypes };
	const nodeTypes = nodeTypesOf(nodeTypeMap);
	const credentialType = new Credential();

	/** @param {CoreRunOptions} options @returns {Promise<CoreRunResult>} */
	async function runChaser(options) {
		const executionId = `${label}-${++executionCounter}`;
		pendingItems.set(executionId, options.items || [{}]);
		const inputNode = {
			id: 'input',
			name: 'Input',
			type: INPUT_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { key: executionId },
		};
		const chaserNode = withCredential({
			id: 'chaser',
			name: 'Chaser',
			type: options.nodeType || CHASER_TYPE,
			typeVersion: options.typeVersion || 1,
			position: [200, 0],
			parameters: options.parameters,
			onError: options.onError,
		});
		const workflow = new Workflow({
			id: `wf-${label}`,
			name: `Chaser ${label}`,
			nodes: [inputNode, chaserNode],
			connections: { Input: { main: [[{ node: 'Chaser', type: 'main', index: 0 }]] } },
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1', ...(options.timezone ? { timezone: options.timezone } : {}) },
		});
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
		const credentialsHelper = new EngineCredentialsHelper(credentialType, options.credentials);
		const additionalData = additionalDataFor(hooks, credentialsHelper, executionId);
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: inputNode, data: { main: [[{ json: {} }]] }, source: null }] },
		});
		try {
			const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
			const chaserRun = run.data.resultData.runData.Chaser && run.data.resultData.runData.Chaser[0];
			const main = (chaserRun && chaserRun.data && chaserRun.data.main) || [];
			return { success: main[0] || [], errorOutput: main[1] || [], error: run.data.resultData.error, run };
		} finally {
			pendingItems.delete(executionId);
		}
	}

	/**
	 * Calls one of the node's listSearch methods (a resource locator's "From List") the way n8n's editor does
	 * (DynamicNodeParametersService.getResourceLocatorResults): a LoadOptionsContext on a one-node workflow that holds
	 * the node's current parameters and its credential. Resolves to { results, paginationToken }.
	 * @param {ListSearchOptions} options
	 */
	async function listSearch(options) {
		const nodeType = nodeTypeMap[CHASER_TYPE];
		const search = nodeType.methods && nodeType.methods.listSearch && nodeType.methods.listSearch[options.method];
		if (typeof search !== 'function') throw new Error(`The node has no listSearch method "${options.method}"`);
		const parameters = options.parameters || {};
		const node = withCredential({ id: 'temp-node', name: 'Temp-Node', type: CHASER_TYPE, parameters });
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const credentialsHelper = new EngineCredentialsHelper(credentialType, options.credentials);
		const additionalData = {
			...additionalDataFor(undefined, credentialsHelper, `${label}-list-${++executionCounter}`),
			currentNodeParameters: parameters,
		};
		const context = new LoadOptionsContext(workflow, workflow.nodes[node.name], additionalData, 'parameters');
		return await search.call(context, options.filter, options.paginationToken);
	}

	return { runChaser, listSearch, processedData };
}

module.exports = { createEngine, CHASER_TYPE, EngineCredentialsHelper, additionalDataFor, nodeTypesOf, withCredential };
