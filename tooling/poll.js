'use strict';
/**
 * Runs one poll of the Chaser Trigger the way n8n does: a workflow holding the trigger, n8n-core's real
 * PollContext (parameters with their defaults, the workflow's time zone and static data, the credential's real
 * Basic auth through httpRequestWithAuthentication), then the node's `poll()`. The static data goes in and comes
 * out as plain JSON, as n8n keeps it in its database between polls, so a test can carry it from poll to poll,
 * restart from an older copy, or drop it. Shares the credentials helper and additional data with engine.js.
 *
 * n8n-core reads N8N_USER_FOLDER when it is first loaded: set it before requiring this file.
 */
const { PollContext } = require('n8n-core');
const { NodeHelpers, Workflow } = require('n8n-workflow');

const { EngineCredentialsHelper, additionalDataFor } = require('./engine');

/** @typedef {import('n8n-workflow').INodeType} INodeType */
/** @typedef {import('n8n-workflow').ICredentialType} ICredentialType */
/** @typedef {import('n8n-workflow').IDataObject} IDataObject */
/** @typedef {import('n8n-workflow').INodeParameters} INodeParameters */
/** @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData */
/** @typedef {import('n8n-workflow').WorkflowExecuteMode} WorkflowExecuteMode */
/** @typedef {import('./engine').ChaserCredentials} ChaserCredentials */

/**
 * @typedef {object} PollOptions
 * @property {INodeParameters} parameters The trigger's parameters (event, options, …).
 * @property {ChaserCredentials} credentials
 * @property {IDataObject} [staticData] The workflow's static data before the poll (as saved by n8n); none = new workflow.
 * @property {WorkflowExecuteMode} [mode] 'trigger' (an active workflow) or 'manual' (Fetch Test Event).
 * @property {string} [timezone] The workflow's time zone setting (default UTC).
 */

/**
 * @typedef {object} PollResult
 * @property {INodeExecutionData[] | null} items What poll() returned on its one output, or null for "nothing new".
 * @property {IDataObject} staticData The workflow's static data after the poll, as n8n would save it.
 * @property {Error} [error] What poll() threw, if it failed (the static data is then what it left behind).
 */

const TRIGGER_TYPE = 'n8n-nodes-chaser.chaserTrigger';
let pollCounter = 0;

/**
 * @param {object} setup
 * @param {new () => INodeType} setup.Node The Chaser Trigger class (TypeScript source or dist/).
 * @param {new () => ICredentialType} setup.Credential The Chaser API credential class.
 * @returns {{ poll: (options: PollOptions) => Promise<PollResult> }}
 */
function createPoller({ Node, Credential }) {
	const nodeType = new Node();
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const credentialType = new Credential();

	/** @param {PollOptions} options @returns {Promise<PollResult>} */
	async function poll({ parameters, credentials, staticData = {}, mode = 'trigger', timezone = 'UTC' }) {
		const node = {
			id: 'trigger',
			name: 'Chaser Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { chaserApi: { id: 'cred-1', name: 'Chaser sandbox' } },
		};
		const workflow = new Workflow({
			id: 'wf-poll',
			name: 'Chaser Trigger poll',
			nodes: [node],
			connections: {},
			active: mode !== 'manual',
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(staticData)),
			settings: { executionOrder: 'v1', timezone },
		});
		const credentialsHelper = new EngineCredentialsHelper(credentialType, credentials);
		const additionalData = additionalDataFor(undefined, credentialsHelper, `poll-${++pollCounter}`);
		const context = new PollContext(workflow, workflow.getNode(node.name), additionalData, mode, 'activate');
		let output = null;
		let error;
		try {
			output = await nodeType.poll.call(context);
		} catch (thrown) {
			error = thrown;
		}
		const saved = JSON.parse(JSON.stringify(workflow.staticData));
		delete saved.__dataChanged;
		return { items: output ? output[0] : null, staticData: saved, error };
	}

	return { poll };
}

module.exports = { createPoller, TRIGGER_TYPE };
