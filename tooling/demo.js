'use strict';
// What `npm start` puts into n8n: the credential, the example workflows and the sample webhook calls.
// Shared with test/e2e (start and examples tests), so the printed curl commands are the ones that are tested.
const fs = require('fs');
const path = require('path');

const { smtpCredential: catcherSmtpCredential } = require('./catcher');

const EXAMPLES_DIR = path.resolve(__dirname, '..', 'examples');

/** The id every example's Chaser node points at; the demo imports its credential under this id. */
const CREDENTIAL_ID = 'chaserSandbox001';
const CREDENTIAL_NAME = 'Chaser sandbox';
/** The SMTP credential the digest's Send Email node points at; the demo imports it, aimed at its mail catcher. */
const SMTP_CREDENTIAL_ID = 'smtpDemoCatcher1';
const SMTP_CREDENTIAL_NAME = 'SMTP (demo mail catcher)';
/** The Set node of invoice-paid-to-chat.json that holds the chat's incoming-webhook URL (the only place it is set). */
const CHAT_URL_NODE = 'Chat webhook URL';

/**
 * The examples, in the order the editor lists them, and whether `npm start` publishes them: the webhook ones, the
 * digest (its webhook sends it now; its schedule too) and invoice-paid-to-chat (its trigger polls the sandbox).
 */
const EXAMPLES = [
	{ file: 'crm-deal-to-chaser.json', publish: true },
	{ file: 'payment-to-chaser.json', publish: true },
	{ file: 'webhook-to-chaser.json', publish: true },
	{ file: 'overdue-reminder-digest.json', publish: true },
	{ file: 'invoice-paid-to-chat.json', publish: true },
	{ file: 'ai-agent-with-chaser-tool.json', publish: false },
];

/** How often the demo's Chaser Trigger checks the sandbox: every minute (the file says every 5), so a payment shows soon. */
const DEMO_POLL_TIMES = { item: [{ mode: 'everyMinute' }] };

function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/** Every example workflow, with `publish` telling which ones have webhooks to register. */
function loadExamples() {
	return EXAMPLES.map(({ file, publish }) => ({ file, publish, workflow: loadExample(file) }));
}

/**
 * An example as the demo imports it: the file, with the chat's incoming-webhook URL set to `chatWebhookUrl` (the
 * demo's chat catcher) in the "Chat webhook URL" node, and the Chaser Trigger polling every minute. Other files unchanged.
 */
function demoWorkflow(workflow, { chatWebhookUrl }) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		if (node.name === CHAT_URL_NODE && node.type === 'n8n-nodes-base.set') {
			const field = node.parameters.assignments.assignments.find((assignment) => assignment.name === 'chat_webhook_url');
			field.value = chatWebhookUrl;
		}
		if (node.type === 'n8n-nodes-chaser.chaserTrigger') node.parameters.pollTimes = structuredClone(DEMO_POLL_TIMES);
	}
	return copy;
}

/** The SMTP credential the digest example uses, pointing at the demo's mail catcher on `smtpPort`. */
function smtpCredential(smtpPort) {
	return catcherSmtpCredential({ id: SMTP_CREDENTIAL_ID, name: SMTP_CREDENTIAL_NAME, smtpPort });
}

/** The credential the examples use, pointing at `baseUrl` (the sandbox, or Chaser itself with --no-sandbox). */
function chaserCredential({ apiKey, apiSecret, baseUrl, name = CREDENTIAL_NAME }) {
	return { id: CREDENTIAL_ID, name, type: 'chaserApi', data: { apiKey, apiSecret, baseUrl } };
}

/** Sample payloads for the webhook examples. `today` is YYYY-MM-DD. */
function samplePayloads(today = new Date().toISOString().slice(0, 10)) {
	return {
		crmDeal: {
			objectId: 9001,
			properties: {
				dealname: 'Northwind annual licence',
				dealstage: 'closedwon',
				amount: '1200.00',
				deal_currency_code: 'GBP',
				closedate: `${today}T09:00:00Z`,
				payment_terms_days: 30,
			},
			company: { id: '5150', name: 'Northwind Traders Ltd' },
			contact: { firstname: 'Nancy', lastname: 'Davolio', email: 'accounts@northwind.example' },
		},
		payment: { invoice_id: 'DEAL-9001', amount: 500, paid_at: today, payment_id: 'pi_demo_0001' },
		paymentRest: { invoice_id: 'DEAL-9001', amount: 700, paid_at: today, payment_id: 'pi_demo_0002' },
		invoice: {
			customer: { id: 'CUST-WEB-1', company_name: 'Contoso Ltd', email: 'ap@contoso.example' },
			invoice: { number: 'WEB-1001', currency: 'EUR', total: 480 },
		},
	};
}

/**
 * The webhook calls the demo prints, in the order that tells a story: deal won → invoice → part payment; another
 * system's invoice; the rest paid (→ a chat message within a minute); the overdue digest emailed now.
 */
function webhookCalls(n8nUrl, today) {
	const payloads = samplePayloads(today);
	return [
		{ title: 'A CRM deal is won: create the customer and the invoice in Chaser', path: 'chaser/crm-deal', body: payloads.crmDeal },
		{ title: 'A payment arrives: record 500 GBP against that invoice', path: 'chaser/payment', body: payloads.payment },
		{ title: 'Any system posts an invoice: customer upsert + invoice created or updated', path: 'chaser/invoice', body: payloads.invoice },
		{
			title: 'The rest arrives: 700 GBP settles the invoice (within a minute the chat message is in the inbox)',
			path: 'chaser/payment',
			body: payloads.paymentRest,
		},
		{ title: 'Email the overdue-invoices digest now (it lands in the inbox)', path: 'chaser/overdue-digest', body: {} },
	].map((call) => ({ ...call, url: `${n8nUrl}/webhook/${call.path}`, curl: curlCommand(`${n8nUrl}/webhook/${call.path}`, call.body) }));
}

function curlCommand(url, body) {
	const json = JSON.stringify(body).replace(/'/g, "'\\''");
	return `curl -s -X POST ${url} -H 'content-type: application/json' -d '${json}'`;
}

module.exports = {
	EXAMPLES_DIR,
	EXAMPLES,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	SMTP_CREDENTIAL_ID,
	SMTP_CREDENTIAL_NAME,
	CHAT_URL_NODE,
	DEMO_POLL_TIMES,
	demoWorkflow,
	smtpCredential,
	loadExamples,
	loadExample,
	chaserCredential,
	samplePayloads,
	webhookCalls,
};
