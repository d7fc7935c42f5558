/**
 * Runs a workflow "Input → Chaser" through n8n-core's real execution engine, in-process.
 * The Chaser node and its credential are the package's own classes; requests go through n8n's
 * real httpRequestWithAuthentication (axios), authenticated the way n8n applies a generic
 * credential, to the sandbox over loopback.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	ExecutionError,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';

export interface ChaserCredentials {
	apiKey: string;
	apiSecret: string;
	baseUrl: string;
}

export interface RunOptions {
	/** The Chaser node's parameters (resource, operation, fields). */
	parameters: INodeParameters;
	/** Input items for the Chaser node; one empty item by default, like a Manual Trigger. */
	items?: IDataObject[];
	credentials: ChaserCredentials;
	/** The node's "On Error" setting. */
	onError?: INode['onError'];
}

export interface RunResult {
	/** Items on the Chaser node's main output (index 0) and, with continueErrorOutput, its error output (index 1). */
	success: INodeExecutionData[];
	errorOutput: INodeExecutionData[];
	/** The workflow's error when the node stopped it. */
	error?: ExecutionError;
	run: IRun;
}

/** Emits the test's input items; stands in for a trigger so the Chaser node gets real items. */
class TestInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its "items" parameter',
		defaults: { name: 'Test Input' },
		usableAsTool: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const nodeTypeMap: Record<string, INodeType> = {
	'n8n-nodes-chaser.chaser': new Chaser(),
	'test.input': new TestInput(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
} as INodeTypes;

const credentialType = new ChaserApi();

/**
 * The part of n8n's CredentialsHelper the node relies on: hand out the decrypted credential and apply
 * the credential type's generic `authenticate` block, resolving its expressions as n8n does.
 */
class TestCredentialsHelper {
	constructor(private readonly credentials: ChaserCredentials) {}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.credentials };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name) throw new Error(`Unknown credential type ${typeName}`);
		const { properties } = credentialType.authenticate;
		const options = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [outerKey, inner] of Object.entries(properties)) {
			options[outerKey] ??= {};
			for (const [key, value] of Object.entries(inner as Record<string, string>)) {
				options[outerKey][key] = this.resolve(value, credentials, workflow, node);
			}
		}
		return requestOptions;
	}

	private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode) {
		if (!value.startsWith('=')) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', {
			$credentials: credentials,
		});
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
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

export async function runChaser(options: RunOptions): Promise<RunResult> {
	const inputNode: INode = {
		id: 'input',
		name: 'Test Input',
		type: 'test.input',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items ?? [{}]) },
	};
	const chaserNode: INode = {
		id: 'chaser',
		name: 'Chaser',
		type: 'n8n-nodes-chaser.chaser',
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { chaserApi: { id: 'cred-1', name: 'Chaser sandbox' } },
		onError: options.onError,
	};
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'Chaser test',
		nodes: [inputNode, chaserNode],
		connections: { 'Test Input': { main: [[{ node: 'Chaser', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});

	const executionId = `test-${++executionCounter}`;
	const mode: WorkflowExecuteMode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflow.id,
		name: 'Chaser test',
		nodes: [inputNode, chaserNode],
		connections: workflow.connectionsBySourceNode,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials) as unknown as ICredentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async (): Promise<undefined> => undefined,
		getRuntimeCredential: async (): Promise<undefined> => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: inputNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const chaserRun = run.data.resultData.runData.Chaser?.[0];
	const main = chaserRun?.data?.main ?? [];
	return {
		success: (main[0] ?? []) as INodeExecutionData[],
		errorOutput: (main[1] ?? []) as INodeExecutionData[],
		error: run.data.resultData.error,
		run,
	};
}
