'use strict';
// What `npm start` puts into n8n: the credential, the example workflows and the sample webhook calls.
// Shared with test/e2e (start and examples tests), so the printed curl commands are the ones that are tested.
const fs = require('fs');
const path = require('path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', 'examples');

/** The id every example's Chaser node points at; the demo imports its credential under this id. */
const CREDENTIAL_ID = 'chaserSandbox001';
const CREDENTIAL_NAME = 'Chaser sandbox';

/** The examples, in the order the editor lists them, and whether `npm start` publishes them (webhook ones). */
const EXAMPLES = [
	{ file: 'crm-deal-to-chaser.json', publish: true },
	{ file: 'payment-to-chaser.json', publish: true },
	{ file: 'webhook-to-chaser.json', publish: true },
	{ file: 'overdue-reminder-digest.json', publish: false },
	{ file: 'invoice-paid-to-chat.json', publish: false },
	{ file: 'ai-agent-with-chaser-tool.json', publish: false },
];

function loadExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/** Every example workflow, with `publish` telling which ones have webhooks to register. */
function loadExamples() {
	return EXAMPLES.map(({ file, publish }) => ({ file, publish, workflow: loadExample(file) }));
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
		invoice: {
			customer: { id: 'CUST-WEB-1', company_name: 'Contoso Ltd', email: 'ap@contoso.example' },
			invoice: { number: 'WEB-1001', currency: 'EUR', total: 480 },
		},
	};
}

/** The webhook calls the demo prints, in the order that tells a story: deal won → invoice → part payment. */
function webhookCalls(n8nUrl, today) {
	const payloads = samplePayloads(today);
	return [
		{ title: 'A CRM deal is won: create the customer and the invoice in Chaser', path: 'chaser/crm-deal', body: payloads.crmDeal },
		{ title: 'A payment arrives: record 500 GBP against that invoice', path: 'chaser/payment', body: payloads.payment },
		{ title: 'Any system posts an invoice: customer upsert + new invoice', path: 'chaser/invoice', body: payloads.invoice },
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
	loadExamples,
	loadExample,
	chaserCredential,
	samplePayloads,
	webhookCalls,
};
