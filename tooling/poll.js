'use strict';
/**
 * Runs the Chaser Trigger's polls the way n8n does, in-process: `activate()` builds a workflow holding the trigger
 * (parameters completed with their defaults, the workflow's time zone, its static data) and n8n-core's real
 * PollContext, with the activation mode n8n gives it; `poll()` then calls the node's `poll()` with that same
 * context each time, as n8n's schedule does after the activation poll, the static data living in the workflow
 * between polls. Each poll returns the static data as plain JSON, as n8n writes it to its database, so a test can
 * activate again from a saved copy (a restart: activation 'init'). Requests go through the credential's real Basic
 * auth and httpRequestWithAuthentication; the credentials helper and additional data are engine.js's.
 *
 * n8n-core reads N8N_USER_FOLDER when it is first loaded: set it before requiring this file.
 */
const { PollContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { EngineCredentialsHelper, additionalDataFor, nodeTypesOf, withCredential } = require('./engine');

/** @typedef {import('n8n-workflow').INodeType} INodeType */
/** @typedef {import('n8n-workflow').ICredentialType} ICredentialType */
/** @typedef {import('n8n-workflow').IDataObject} IDataObject */
/** @typedef {import('n8n-workflow').INodeParameters} INodeParameters */
/** @typedef {import('n8n-workflow').INodeExecutionData} INodeExecutionData */
/** @typedef {import('n8n-workflow').WorkflowActivateMode} WorkflowActivateMode */
/** @typedef {import('./engine').ChaserCredentials} ChaserCredentials */

/**
 * @typedef {object} ActivateOptions
 * @property {INodeParameters} parameters The trigger's parameters (event, options, …).
 * @property {ChaserCredentials} credentials
 * @property {IDataObject} [staticData] The workflow's static data as n8n saved it; none = a new workflow.
 * @property {WorkflowActivateMode} [activation] How n8n activated it: 'activate' (the user switched it on, the
 *   default), 'init' (n8n started), 'update' (the active workflow was edited).
 * @property {boolean} [manual] Fetch Test Event in the editor instead (execution mode 'manual').
 * @property {string} [timezone] The workflow's time zone setting (default UTC).
 */

/**
 * @typedef {object} PollResult
 * @property {INodeExecutionData[] | null} items What poll() returned on its one output, or null for "nothing new".
 * @property {IDataObject} staticData The workflow's static data after the poll, as n8n would save it.
 * @property {Error} [error] What poll() threw, if it failed (the static data is then what it left behind).
 */

const TRIGGER_TYPE = 'n8n-nodes-chaser.chaserTrigger';
let activationCounter = 0;

/**
 * @param {object} setup
 * @param {new () => INodeType} setup.Node The Chaser Trigger class (TypeScript source or dist/).
 * @param {new () => ICredentialType} setup.Credential The Chaser API credential class.
 * @returns {{ activate: (options: ActivateOptions) => { poll: () => Promise<PollResult> } }}
 */
function createPoller({ Node, Credential }) {
	const nodeType = new Node();
	const nodeTypes = nodeTypesOf({ [TRIGGER_TYPE]: nodeType });
	const credentialType = new Credential();

	/** @param {ActivateOptions} options */
	function activate({ parameters, credentials, staticData = {}, activation = 'activate', manual = false, timezone = 'UTC' }) {
		const node = withCredential({ id: 'trigger', name: 'Chaser Trigger', type: TRIGGER_TYPE, parameters });
		const workflow = new Workflow({
			id: 'wf-poll',
			name: 'Chaser Trigger poll',
			nodes: [node],
			connections: {},
			active: !manual,
			nodeTypes,
			staticData: JSON.parse(JSON.stringify(staticData)),
			settings: { executionOrder: 'v1', timezone },
		});
		const credentialsHelper = new EngineCredentialsHelper(credentialType, credentials);
		const additionalData = additionalDataFor(undefined, credentialsHelper, `poll-${++activationCounter}`);
		const mode = manual ? 'manual' : 'trigger';
		const context = new PollContext(workflow, workflow.getNode(node.name), additionalData, mode, activation);

		/** @returns {Promise<PollResult>} */
		async function poll() {
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

	return { activate };
}

module.exports = { createPoller, TRIGGER_TYPE };
