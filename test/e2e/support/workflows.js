'use strict';
// Builders for the workflows the end-to-end suite imports into n8n. Node typeVersions are ones both n8n 1.123 and
// 2.41 know: Webhook 2, Set 3.4, Split Out 1, No Operation 1, HTTP Request 4.2.

const CHASER = 'n8n-nodes-chaser.chaser';
const CHASER_TRIGGER = 'n8n-nodes-chaser.chaserTrigger';
const CREDENTIAL = { id: 'chaserE2eCred01', name: 'Chaser sandbox' };

let nodeCounter = 0;
function nodeId() {
	nodeCounter += 1;
	return `c4a5e2e0-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
}

/** A workflow node of `type` at `typeVersion`; `extra` adds or overrides anything else (credentials, onError, …). */
function node(name, type, typeVersion, parameters, extra = {}) {
	return { id: nodeId(), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

/** Each node gets its own copy: workflows are serialised and sometimes edited by the tests. */
const withChaserCredential = () => ({ credentials: { chaserApi: { ...CREDENTIAL } } });

function webhookNode(path, method = 'POST') {
	return node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: method, path, responseMode: 'lastNode', responseData: 'allEntries', options: {} });
}

/** A Chaser node (`parameters` = resource, operation and the operation's parameters). */
function chaserNode(name, parameters, extra = {}) {
	return node(name, CHASER, 1, parameters, { ...withChaserCredential(), ...extra });
}

/**
 * A Chaser Trigger (`parameters` = event, options, …) polling at `pollTimes` (n8n's Poll Times value). n8n refuses
 * polls more often than once a minute per entry, so `everySeconds(5)` is twelve once-a-minute entries.
 */
function chaserTriggerNode(name, parameters, pollTimes, extra = {}) {
	return node(name, CHASER_TRIGGER, 1, { pollTimes, ...parameters }, { ...withChaserCredential(), ...extra });
}

/** Poll Times for a poll every `seconds` seconds (a divisor of 60): one custom cron per second of the minute. */
function everySeconds(seconds) {
	const item = [];
	for (let second = 0; second < 60; second += seconds) item.push({ mode: 'custom', cronExpression: `${second} * * * * *` });
	return { item };
}

/** An HTTP Request node that POSTs each item's json to `url`. */
function httpPostNode(name, url) {
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json) }}',
		options: {},
	});
}

/** A Set (Edit Fields) node: `fields` = { name: [type, value] }, type one of string/number/boolean/object/array. */
function setNode(name, fields, { includeOtherFields = false } = {}) {
	const assignments = Object.entries(fields).map(([field, [type, value]], index) => ({ id: `a${index}-${field}`, name: field, value, type }));
	return node(name, 'n8n-nodes-base.set', 3.4, { mode: 'manual', assignments: { assignments }, includeOtherFields, options: {} });
}

function splitOutNode(name, fieldToSplitOut) {
	return node(name, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut, include: 'noOtherFields', options: {} });
}

/** An HTTP Request node (v4.2) calling `url` with the Chaser credential as its predefined credential type. */
function httpRequestWithChaserCredential(name, url, extra = {}) {
	const parameters = { url, authentication: 'predefinedCredentialType', nodeCredentialType: 'chaserApi', options: {} };
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, parameters, { ...withChaserCredential(), ...extra });
}

function noOpNode(name) {
	return node(name, 'n8n-nodes-base.noOp', 1, {});
}

function connect(from, to, outputIndex = 0) {
	return { from, to, outputIndex };
}

/**
 * A workflow from its nodes and [from, to, outputIndex?] links. Nodes are laid out left to right.
 * When `links` is omitted the nodes are chained in order (Webhook → … → last).
 * @param {{ id: string, name?: string, nodes: any[], links?: any[] }} spec
 */
function workflow({ id, name, nodes, links }) {
	const chain = links || nodes.slice(1).map((node, index) => connect(nodes[index].name, node.name));
	const connections = {};
	for (const { from, to, outputIndex } of chain.map((link) => (Array.isArray(link) ? connect(...link) : link))) {
		connections[from] = connections[from] || { main: [] };
		const outputs = connections[from].main;
		while (outputs.length <= outputIndex) outputs.push([]);
		outputs[outputIndex].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name: name || id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: nodes.map((node, index) => ({ ...node, position: [index * 220, node.position[1]] })),
		connections,
	};
}

/** Webhook (POST /webhook/<path>) → one Chaser node; the response is the Chaser node's output items. */
function chaserWebhookWorkflow(id, path, parameters) {
	return workflow({ id, nodes: [webhookNode(path), chaserNode('Chaser', parameters)] });
}

/** Resource locator value by external ID, from an expression or a literal. */
function byExternalId(value) {
	return { __rl: true, mode: 'externalId', value };
}

module.exports = {
	CHASER,
	CHASER_TRIGGER,
	CREDENTIAL,
	webhookNode,
	chaserNode,
	chaserTriggerNode,
	everySeconds,
	httpPostNode,
	setNode,
	splitOutNode,
	httpRequestWithChaserCredential,
	noOpNode,
	connect,
	workflow,
	chaserWebhookWorkflow,
	byExternalId,
};
