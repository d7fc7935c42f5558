'use strict';
// The end-to-end suite, parameterised by n8n version. Runs inside jest (describe/it/expect are jest's globals).
// One n8n per version: every workflow is imported and published up front, n8n starts once, all checks run
// against it, then it is stopped and the test asserts that nothing of it is left.
const axios = require('axios');

const { createSandbox } = require('../../../sandbox');
const { N8nInstance, freePort } = require('../../../tooling/n8n');
const { chaserBaseUrl } = require('../../../core/transport/baseUrl');
const { CREDENTIAL_TEST_RULES } = require('../../../core/transport/errors');
const { createRedirect } = require('../../helpers/redirect');
const {
	CREDENTIAL,
	byExternalId,
	chaserNode,
	chaserWebhookWorkflow,
	httpRequestWithChaserCredential,
	noOpNode,
	setNode,
	splitOutNode,
	webhookNode,
	workflow,
} = require('./workflows');

const API_KEY = 'e2e-key';
const API_SECRET = 'e2e-secret';
/** A credential whose Base URL answers every request with a redirect to another loopback port. */
const REDIRECTED_CREDENTIAL = { id: 'chaserE2eRedir01', name: 'Chaser behind a redirect' };
const SETUP_TIMEOUT = 20 * 60 * 1000; // a cold machine installs n8n first (3-5 minutes per version)
const TEST_TIMEOUT = 60 * 1000;

/** Every workflow the suite runs, keyed by webhook path. */
function buildWorkflows() {
	const body = (field) => `={{ $json.body.${field} }}`;
	return [
		chaserWebhookWorkflow('e2eCustCreate001', 'customer-create', {
			resource: 'customer',
			operation: 'create',
			externalId: body('externalId'),
			companyName: body('companyName'),
			additionalFields: {
				contact_email_address: body('email'),
				contact_first_name: body('firstName'),
				phone_number: body('phone'),
			},
		}),
		chaserWebhookWorkflow('e2eCustGet000001', 'customer-get', {
			resource: 'customer',
			operation: 'get',
			customer: byExternalId(body('externalId')),
			simplify: false,
		}),
		chaserWebhookWorkflow('e2eCustGetAll001', 'customer-get-many', {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'ACTIVE' },
			simplify: true,
		}),
		chaserWebhookWorkflow('e2eCustUpdate001', 'customer-update', {
			resource: 'customer',
			operation: 'update',
			customer: byExternalId(body('externalId')),
			updateFields: { company_name: body('companyName'), phone_number: body('phone') },
		}),
		chaserWebhookWorkflow('e2eInvCreate0001', 'invoice-create', {
			resource: 'invoice',
			operation: 'create',
			invoiceId: body('invoiceId'),
			invoiceNumber: body('invoiceNumber'),
			customer: byExternalId(body('customerId')),
			status: 'AUTHORISED',
			currencyCode: body('currency'),
			total: body('total'),
			date: body('date'),
			dueDate: body('dueDate'),
			additionalFields: { sub_total: body('subTotal') },
		}),
		chaserWebhookWorkflow('e2eInvUpdate0001', 'invoice-update', {
			resource: 'invoice',
			operation: 'update',
			invoice: byExternalId(body('invoiceId')),
			updateFields: {
				amount_due: body('amountDue'),
				amount_paid: body('amountPaid'),
				payments: {
					payment: [
						{ amount: body('payments[0].amount'), date: body('payments[0].date') },
						{ amount: body('payments[1].amount'), date: body('payments[1].date') },
					],
				},
			},
		}),
		chaserWebhookWorkflow('e2eCnCreate00001', 'credit-note-create', {
			resource: 'creditNote',
			operation: 'create',
			creditNoteId: body('creditNoteId'),
			creditNoteNumber: body('creditNoteNumber'),
			customer: byExternalId(body('customerId')),
			currencyCode: body('currency'),
			total: body('total'),
			remainingCredit: body('total'),
			date: body('date'),
			additionalFields: {},
		}),
		chaserWebhookWorkflow('e2eCnGetAll00001', 'credit-note-get-many', {
			resource: 'creditNote',
			operation: 'getAll',
			returnAll: true,
			filters: {
				status: body('status'),
				customer_external_id: body('customerId'),
				date_from: body('from'),
				date_to: body('to'),
			},
			simplify: true,
		}),
		chaserWebhookWorkflow('e2eOrgGet0000001', 'organisation-get', { resource: 'organisation', operation: 'get' }),
		chaserWebhookWorkflow('e2eOrgGetAll0001', 'organisation-get-many', {
			resource: 'organisation',
			operation: 'getAll',
			returnAll: true,
		}),
		// CRM deal won → customer → invoice → payment → customer, each step reading earlier ones by node name.
		workflow({
			id: 'e2eDealChain0001',
			nodes: [
				webhookNode('deal-won'),
				chaserNode('Create Customer', {
					resource: 'customer',
					operation: 'create',
					externalId: '={{ $json.body.deal.company.crm_id }}',
					companyName: '={{ $json.body.deal.company.name }}',
					additionalFields: {
						contact_email_address: '={{ $json.body.deal.contact.email }}',
						contact_first_name: '={{ $json.body.deal.contact.first_name }}',
						contact_last_name: '={{ $json.body.deal.contact.last_name }}',
					},
				}),
				chaserNode('Create Invoice', {
					resource: 'invoice',
					operation: 'create',
					invoiceId: "={{ 'INV-' + $('Webhook').item.json.body.deal.id }}",
					invoiceNumber: "={{ 'D-' + $('Webhook').item.json.body.deal.id }}",
					customer: byExternalId('={{ $json.external_id }}'),
					status: 'AUTHORISED',
					currencyCode: "={{ $('Webhook').item.json.body.deal.currency }}",
					total: "={{ $('Webhook').item.json.body.deal.amount }}",
					date: "={{ $('Webhook').item.json.body.deal.closed_at }}",
					dueDate: "={{ DateTime.fromISO($('Webhook').item.json.body.deal.closed_at).plus({ days: 30 }).toISO() }}",
					additionalFields: {},
				}),
				chaserNode('Record Payment', {
					resource: 'invoice',
					operation: 'recordPayment',
					invoice: byExternalId('={{ $json.invoice_id }}'),
					amount: "={{ $('Webhook').item.json.body.deal.deposit }}",
					paymentDate: "={{ $('Webhook').item.json.body.deal.closed_at }}",
					options: {},
				}),
				chaserNode('Get Customer', {
					resource: 'customer',
					operation: 'get',
					customer: byExternalId("={{ $('Create Customer').item.json.external_id }}"),
					simplify: false,
				}),
			],
		}),
		// 3 contacts in one payload → Split Out → Set (map fields) → Chaser create → Set reading its own source item.
		workflow({
			id: 'e2eItemsChain001',
			nodes: [
				webhookNode('contacts-import'),
				splitOutNode('Split Out', 'body.contacts'),
				setNode('Map Fields', {
					externalId: ['string', "={{ 'CRM-' + $json.id }}"],
					companyName: ['string', '={{ $json.company.trim() }}'],
					email: ['string', '={{ $json.email.toLowerCase() }}'],
				}),
				chaserNode('Create Customer', {
					resource: 'customer',
					operation: 'create',
					externalId: '={{ $json.externalId }}',
					companyName: '={{ $json.companyName }}',
					additionalFields: { contact_email_address: '={{ $json.email }}' },
				}),
				setNode('Pair Check', {
					sourceId: ['number', "={{ $('Split Out').item.json.id }}"],
					sourceCompany: ['string', "={{ $('Split Out').item.json.company }}"],
					chaserId: ['string', '={{ $json.id }}'],
					externalId: ['string', '={{ $json.external_id }}'],
					companyName: ['string', '={{ $json.company_name }}'],
				}),
			],
		}),
		// Get the organisation through a Base URL that redirects; the error goes to the error output.
		workflow({
			id: 'e2eRedirected001',
			nodes: [
				webhookNode('redirected'),
				chaserNode(
					'Chaser',
					{ resource: 'organisation', operation: 'get' },
					{ onError: 'continueErrorOutput', credentials: { chaserApi: { ...REDIRECTED_CREDENTIAL } } },
				),
				noOpNode('Followed'),
				setNode('Refused', { branch: ['string', 'error output'] }, { includeOtherFields: true }),
			],
			links: [
				['Webhook', 'Chaser'],
				['Chaser', 'Followed', 0],
				['Chaser', 'Refused', 1],
			],
		}),
		// HTTP Request with the Chaser credential: to the Base URL it authenticates, anywhere else it is refused.
		workflow({
			id: 'e2eHttpRequest01',
			nodes: [
				webhookNode('http-request'),
				httpRequestWithChaserCredential('HTTP Request', '={{ $json.body.url }}', { onError: 'continueErrorOutput' }),
				noOpNode('Answered'),
				setNode('Refused', { branch: ['string', 'error output'] }, { includeOtherFields: true }),
			],
			links: [
				['Webhook', 'HTTP Request'],
				['HTTP Request', 'Answered', 0],
				['HTTP Request', 'Refused', 1],
			],
		}),
		// Get a customer; a failure goes to the error output (→ "Not Found"), a success to "Found".
		workflow({
			id: 'e2eErrorOutput01',
			nodes: [
				webhookNode('customer-lookup'),
				chaserNode(
					'Chaser',
					{ resource: 'customer', operation: 'get', customer: byExternalId('={{ $json.body.externalId }}'), simplify: true },
					{ onError: 'continueErrorOutput' },
				),
				noOpNode('Found'),
				setNode('Not Found', { branch: ['string', 'error output'] }, { includeOtherFields: true }),
			],
			links: [
				['Webhook', 'Chaser'],
				['Chaser', 'Found', 0],
				['Chaser', 'Not Found', 1],
			],
		}),
	];
}

/** Creates fixtures straight in the sandbox over its own HTTP API (not through n8n). */
function sandboxClient(sandbox) {
	const client = axios.create({ baseURL: sandbox.url, auth: { username: API_KEY, password: API_SECRET }, validateStatus: () => true });
	return async (path, body) => {
		const response = await client.post(path, body);
		if (response.status >= 300) throw new Error(`fixture POST ${path} failed: ${response.status} ${JSON.stringify(response.data)}`);
		return response.data.data;
	};
}

function defineN8nSuite(version) {
	describe(`n8n ${version}: the packed package inside real n8n`, () => {
		let sandbox;
		let redirect;
		let n8n;
		let fixture;
		const timings = {};

		/** Calls a webhook; anything but 200 fails with n8n's answer and log tail. */
		async function call(path, payload) {
			const response = await n8n.webhook('POST', path, payload);
			if (response.status !== 200) {
				throw new Error(`webhook ${path} → ${response.status} ${JSON.stringify(response.data)}\n--- n8n log ---\n${n8n.logs().split('\n').slice(-30).join('\n')}`);
			}
			return response.data;
		}

		const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);

		beforeAll(async () => {
			const started = Date.now();
			sandbox = await createSandbox({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET, seed: 'none' });
			fixture = sandboxClient(sandbox);
			redirect = await createRedirect({ status: 302 });
			n8n = await N8nInstance.create({ version });
			timings.install = Date.now() - started;
			await n8n.importCredentials([
				{ ...CREDENTIAL, type: 'chaserApi', data: { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: sandbox.url } },
				{ ...REDIRECTED_CREDENTIAL, type: 'chaserApi', data: { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: redirect.url } },
			]);
			const ids = await n8n.importWorkflows(buildWorkflows());
			await n8n.publish(ids[0]); // the official CLI route once…
			await n8n.publish(ids.slice(1)); // …and the rest in one database transaction
			await n8n.start();
			await n8n.setupOwner();
			timings.ready = Date.now() - started;
		}, SETUP_TIMEOUT);

		afterAll(async () => {
			const pid = n8n && n8n.pid;
			try {
				if (n8n) await n8n.dispose({ keepState: Boolean(process.env.CHASER_E2E_KEEP) });
			} finally {
				if (sandbox) await sandbox.close();
				if (redirect) await redirect.close();
			}
			if (n8n) {
				process.stderr.write(
					`[e2e] n8n ${version}: ready after ${(timings.ready / 1000).toFixed(1)} s` +
						(process.env.CHASER_E2E_KEEP ? `; state kept in ${n8n.stateDir}` : '') +
						'\n',
				);
			}
			if (pid) {
				expect(n8n.isRunning()).toBe(false);
				expect(() => process.kill(pid, 0)).toThrow();
			}
		}, 60000);

		beforeEach(() => {
			if (sandbox) sandbox.reset();
			if (redirect) redirect.arrived.length = 0;
		});

		it('loads the package from the tarball and registers the node, its AI-tool variant, the trigger and the credential', async () => {
			expect(n8n.packageVersion).toBeDefined();
			const nodes = await n8n.request('GET', '/types/nodes.json');
			expect(nodes.status).toBe(200);
			const chaserTypes = nodes.data.filter((type) => type.name.startsWith('n8n-nodes-chaser.'));
			const byName = Object.fromEntries(chaserTypes.map((type) => [type.name, type]));
			expect(Object.keys(byName).sort()).toEqual([
				'n8n-nodes-chaser.chaser',
				'n8n-nodes-chaser.chaserTool',
				'n8n-nodes-chaser.chaserTrigger',
			]);
			expect(byName['n8n-nodes-chaser.chaser']).toMatchObject({ displayName: 'Chaser', version: 1, credentials: [{ name: 'chaserApi', required: true }] });
			expect(byName['n8n-nodes-chaser.chaserTool']).toMatchObject({ displayName: 'Chaser Tool', outputs: ['ai_tool'] });
			// A polling trigger, with the Poll Times n8n adds to every polling node, and no AI-tool variant of its own.
			const trigger = byName['n8n-nodes-chaser.chaserTrigger'];
			expect(trigger).toMatchObject({ displayName: 'Chaser Trigger', version: 1, polling: true, group: ['trigger'], inputs: [], credentials: [{ name: 'chaserApi', required: true }] });
			expect(trigger.properties.map((property) => property.name)).toEqual(expect.arrayContaining(['pollTimes', 'event', 'customer', 'options']));
			// It shows the Chaser icon, from its own folder (the trigger reaches into no other node's files).
			expect(trigger.iconUrl).toEqual({
				light: 'icons/n8n-nodes-chaser/dist/nodes/ChaserTrigger/chaser.svg',
				dark: 'icons/n8n-nodes-chaser/dist/nodes/ChaserTrigger/chaser.dark.svg',
			});
			const icon = await n8n.request('GET', `/${trigger.iconUrl.light}`);
			const nodeIcon = await n8n.request('GET', `/${byName['n8n-nodes-chaser.chaser'].iconUrl.light}`);
			expect(icon.status).toBe(200);
			expect(String(icon.data)).toContain('<svg');
			expect(String(icon.data)).toBe(String(nodeIcon.data));
			const credentials = await n8n.request('GET', '/types/credentials.json');
			expect(credentials.status).toBe(200);
			expect(credentials.data.map((type) => type.name)).toContain('chaserApi');
		}, TEST_TIMEOUT);

		describe('customer', () => {
			it('Create Customer', async () => {
				const out = await call('customer-create', {
					externalId: 'CUST-100',
					companyName: 'Acme Trading Ltd',
					email: 'accounts@acme.example',
					firstName: 'Ada',
					phone: '+442079460000',
				});
				expect(out).toEqual([
					expect.objectContaining({
						id: expect.stringMatching(/^cus_/),
						external_id: 'CUST-100',
						company_name: 'Acme Trading Ltd',
						contact_email_address: 'accounts@acme.example',
						contact_first_name: 'Ada',
						phone_number: '+442079460000',
					}),
				]);
				expect(calls()).toEqual(['POST /v1/customers']);
				expect(sandbox.requests[0].body).toEqual({
					external_id: 'CUST-100',
					company_name: 'Acme Trading Ltd',
					contact_email_address: 'accounts@acme.example',
					contact_first_name: 'Ada',
					phone_number: '+442079460000',
				});
				expect(sandbox.findCustomer('CUST-100')).toMatchObject({ company_name: 'Acme Trading Ltd', contact_first_name: 'Ada' });
			}, TEST_TIMEOUT);

			it('Get Customer by external ID', async () => {
				const created = await fixture('/v1/customers', { external_id: 'CUST/7 B', company_name: 'Globex plc' });
				sandbox.clearLog();
				const out = await call('customer-get', { externalId: 'CUST/7 B' });
				expect(out).toEqual([expect.objectContaining({ id: created.id, external_id: 'CUST/7 B', company_name: 'Globex plc' })]);
				expect(calls()).toEqual([`GET /v1/customers/ext_${encodeURIComponent('CUST/7 B')}`]);
			}, TEST_TIMEOUT);

			it('Get Many customers (Return All pages through)', async () => {
				sandbox.seed({ customers: 130 });
				await fixture('/v1/customers', { external_id: 'ARCH-1', company_name: 'Archived Co', status: 'ARCHIVED' });
				sandbox.clearLog();
				const active = [...sandbox.store.customers.values()].filter((customer) => customer.status === 'ACTIVE');
				expect(active.length).toBeGreaterThan(100);
				const out = await call('customer-get-many', {});
				expect(out.map((customer) => customer.external_id)).toEqual(active.map((customer) => customer.external_id));
				expect(out.map((customer) => customer.external_id)).not.toContain('ARCH-1');
				expect(out.every((customer) => customer.id && customer.company_name && Object.keys(customer).length <= 10)).toBe(true);
				expect(calls()).toEqual(['GET /v1/customers', 'GET /v1/customers']);
				expect(sandbox.requests.map((request) => request.query.page)).toEqual(['0', '1']);
				expect(sandbox.requests.every((request) => request.query['filter[status][in]'] === 'ACTIVE')).toBe(true);
			}, TEST_TIMEOUT);

			it('Update Customer', async () => {
				await fixture('/v1/customers', { external_id: 'CUST-200', company_name: 'Initech', contact_first_name: 'Peter' });
				sandbox.clearLog();
				const out = await call('customer-update', { externalId: 'CUST-200', companyName: 'Initech Group', phone: '+15550100' });
				expect(out).toEqual([expect.objectContaining({ external_id: 'CUST-200', company_name: 'Initech Group', phone_number: '+15550100' })]);
				expect(calls()).toEqual(['PUT /v1/customers/ext_CUST-200']);
				expect(sandbox.requests[0].body).toEqual({ company_name: 'Initech Group', phone_number: '+15550100' });
				expect(sandbox.findCustomer('CUST-200')).toMatchObject({ company_name: 'Initech Group', contact_first_name: 'Peter' });
			}, TEST_TIMEOUT);
		});

		describe('invoice', () => {
			beforeEach(async () => {
				await fixture('/v1/customers', { external_id: 'CUST-1', company_name: 'Acme Trading Ltd' });
			});

			it('Create Invoice', async () => {
				sandbox.clearLog();
				const out = await call('invoice-create', {
					invoiceId: 'INV-1001',
					invoiceNumber: 'A-1001',
					customerId: 'CUST-1',
					currency: 'GBP',
					total: 1200.5,
					subTotal: 1000.42,
					date: '2025-06-01T09:00:00Z',
					dueDate: '2025-07-01T09:00:00Z',
				});
				expect(out).toEqual([
					expect.objectContaining({ id: expect.stringMatching(/^inv_/), invoice_id: 'INV-1001', customer_external_id: 'CUST-1', total: 1200.5, amount_due: 1200.5 }),
				]);
				expect(calls()).toEqual(['POST /v1/invoices']);
				expect(sandbox.requests[0].body).toEqual({
					invoice_id: 'INV-1001',
					invoice_number: 'A-1001',
					customer_external_id: 'CUST-1',
					status: 'AUTHORISED',
					currency_code: 'GBP',
					total: 1200.5,
					amount_due: 1200.5,
					amount_paid: 0,
					sub_total: 1000.42,
					date: expect.any(String),
					due_date: expect.any(String),
				});
				// Calendar dates: the dates of 09:00 UTC on 1 June and 1 July in the workflow's time zone (n8n's default, New York).
				const stored = sandbox.findInvoice('INV-1001');
				expect(stored.date).toBe('2025-06-01T00:00:00.000Z');
				expect(stored.due_date).toBe('2025-07-01T00:00:00.000Z');
				expect(stored).toMatchObject({ status: 'AUTHORISED', currency_code: 'GBP', sub_total: 1000.42 });
			}, TEST_TIMEOUT);

			it('Update Invoice with payments[]', async () => {
				await fixture('/v1/invoices', {
					invoice_id: 'INV-2001',
					invoice_number: 'A-2001',
					customer_external_id: 'CUST-1',
					status: 'AUTHORISED',
					currency_code: 'EUR',
					total: 500,
					amount_due: 500,
					amount_paid: 0,
					date: '2025-05-01T00:00:00Z',
					due_date: '2025-05-31T00:00:00Z',
				});
				sandbox.clearLog();
				const out = await call('invoice-update', {
					invoiceId: 'INV-2001',
					amountDue: 150,
					amountPaid: 350,
					payments: [
						{ amount: 200, date: '2025-05-10T10:00:00Z' },
						{ amount: 150, date: '2025-05-20T10:00:00Z' },
					],
				});
				expect(out).toEqual([expect.objectContaining({ invoice_id: 'INV-2001', amount_due: 150, amount_paid: 350 })]);
				expect(calls()).toEqual(['PUT /v1/invoices/ext_INV-2001']);
				const sent = sandbox.requests[0].body;
				expect(sent).toEqual({ amount_due: 150, amount_paid: 350, payments: [{ amount: 200, date: expect.any(String) }, { amount: 150, date: expect.any(String) }] });
				// Payment dates are calendar dates: 10:00 UTC on 10 May is 10 May in the workflow's time zone (New York).
				const stored = sandbox.findInvoice('INV-2001');
				expect(stored.payments).toEqual([
					{ amount: 200, date: '2025-05-10T00:00:00.000Z' },
					{ amount: 150, date: '2025-05-20T00:00:00.000Z' },
				]);
				expect(stored).toMatchObject({ amount_due: 150, amount_paid: 350, status: 'AUTHORISED' });
			}, TEST_TIMEOUT);
		});

		describe('credit note', () => {
			beforeEach(async () => {
				await fixture('/v1/customers', { external_id: 'CUST-1', company_name: 'Acme Trading Ltd' });
				await fixture('/v1/customers', { external_id: 'CUST-2', company_name: 'Globex plc' });
			});

			it('Create Credit Note', async () => {
				sandbox.clearLog();
				const out = await call('credit-note-create', {
					creditNoteId: 'CN-ID-1',
					creditNoteNumber: 'CN-0001',
					customerId: 'CUST-1',
					currency: 'GBP',
					total: 75.25,
					date: '2025-06-15T00:00:00Z',
				});
				expect(out).toEqual([
					expect.objectContaining({ credit_note_id: 'CN-ID-1', credit_note_number: 'CN-0001', customer_external_id: 'CUST-1', total: 75.25, remaining_credit: 75.25 }),
				]);
				expect(calls()).toEqual(['POST /v1/credit_notes']);
				expect(sandbox.requests[0].body).toMatchObject({
					credit_note_id: 'CN-ID-1',
					credit_note_number: 'CN-0001',
					customer_external_id: 'CUST-1',
					currency_code: 'GBP',
					total: 75.25,
					remaining_credit: 75.25,
				});
				expect(sandbox.findCreditNote('CN-ID-1')).toMatchObject({ customer_external_id: 'CUST-1', total: 75.25, status: 'ACTIVE' });
			}, TEST_TIMEOUT);

			it('Get Many credit notes filtered by status, date range and customer', async () => {
				const note = (id, customer, status, date) =>
					fixture('/v1/credit_notes', {
						credit_note_id: id,
						credit_note_number: `N-${id}`,
						customer_external_id: customer,
						currency_code: 'GBP',
						total: 10,
						remaining_credit: 10,
						date,
						status,
					});
				await note('CN-A', 'CUST-1', 'ACTIVE', '2025-03-10T00:00:00Z');
				await note('CN-B', 'CUST-1', 'VOIDED', '2025-03-20T00:00:00Z');
				await note('CN-C', 'CUST-2', 'ACTIVE', '2025-03-15T00:00:00Z');
				await note('CN-D', 'CUST-1', 'ACTIVE', '2025-04-01T00:00:00Z');
				await note('CN-E', 'CUST-1', 'ACTIVE', '2025-03-31T18:00:00Z');
				sandbox.clearLog();
				const out = await call('credit-note-get-many', {
					status: 'ACTIVE',
					customerId: 'CUST-1',
					from: '2025-03-01T00:00:00Z',
					to: '2025-03-31T00:00:00Z',
				});
				expect(out.map((creditNote) => creditNote.credit_note_id).sort()).toEqual(['CN-A', 'CN-E']);
				expect(calls()).toEqual(['GET /v1/credit_notes']);
				const query = sandbox.requests[0].query;
				expect(query).toMatchObject({ 'filter[status][in]': 'ACTIVE', 'filter[customer_external_id][eq]': 'CUST-1' });
				expect(Object.keys(query)).toEqual(expect.arrayContaining(['filter[date][gte]', 'filter[date][lte]']));
			}, TEST_TIMEOUT);
		});

		describe('organisation', () => {
			it('Get Organisation (current)', async () => {
				const out = await call('organisation-get', {});
				expect(out).toEqual([expect.objectContaining({ id: sandbox.organisation.id, name: sandbox.organisation.name, base_currency: 'GBP' })]);
				expect(calls()).toEqual(['GET /v1/organisation']);
			}, TEST_TIMEOUT);

			it('Get Many organisations', async () => {
				const out = await call('organisation-get-many', {});
				expect(out.map((organisation) => organisation.name).sort()).toEqual(
					[...sandbox.store.organisations.values()].map((organisation) => organisation.name).sort(),
				);
				expect(out).toHaveLength(sandbox.count('organisations'));
				expect(calls()).toEqual(['GET /v1/organisations']);
			}, TEST_TIMEOUT);
		});

		describe('chains', () => {
			it('CRM deal won → create customer → create invoice → record payment → get customer', async () => {
				const deal = {
					id: 'D-4711',
					amount: 2400,
					deposit: 600,
					currency: 'USD',
					closed_at: '2025-06-03T14:30:00Z',
					company: { crm_id: 'HS-98765', name: 'Umbrella Corp' },
					contact: { first_name: 'Alice', last_name: 'Wesker', email: 'alice@umbrella.example' },
				};
				const out = await call('deal-won', { event: 'deal.won', deal });
				expect(calls()).toEqual([
					'POST /v1/customers',
					'POST /v1/invoices',
					'GET /v1/invoices/ext_INV-D-4711',
					'PUT /v1/invoices/ext_INV-D-4711',
					'GET /v1/customers/ext_HS-98765',
				]);
				expect(out).toEqual([
					expect.objectContaining({ external_id: 'HS-98765', company_name: 'Umbrella Corp', contact_email_address: 'alice@umbrella.example' }),
				]);
				expect(sandbox.findCustomer('HS-98765')).toMatchObject({ contact_first_name: 'Alice', contact_last_name: 'Wesker' });
				const invoice = sandbox.findInvoice('INV-D-4711');
				expect(invoice).toMatchObject({
					invoice_number: 'D-D-4711',
					customer_external_id: 'HS-98765',
					currency_code: 'USD',
					total: 2400,
					amount_paid: 600,
					amount_due: 1800,
					status: 'AUTHORISED',
				});
				expect(invoice.payments).toHaveLength(1);
				expect(invoice.payments[0].amount).toBe(600);
				expect(invoice.payments[0].date).toBe('2025-06-03T00:00:00.000Z');
				expect(Date.parse(invoice.due_date) - Date.parse(invoice.date)).toBe(30 * 24 * 3600 * 1000);
			}, TEST_TIMEOUT);

			it('3 items through Split Out and Set → 3 customers, each paired with its own input item', async () => {
				const contacts = [
					{ id: 11, company: '  Wayne Enterprises ', email: 'AP@Wayne.example' },
					{ id: 12, company: 'Stark Industries', email: 'Billing@Stark.example' },
					{ id: 13, company: 'Oscorp ', email: 'accounts@OSCORP.example' },
				];
				const out = await call('contacts-import', { contacts });
				expect(out).toHaveLength(3);
				expect(out).toEqual(
					contacts.map((contact) =>
						expect.objectContaining({
							sourceId: contact.id,
							sourceCompany: contact.company,
							externalId: `CRM-${contact.id}`,
							companyName: contact.company.trim(),
							chaserId: expect.stringMatching(/^cus_/),
						}),
					),
				);
				expect(calls()).toEqual(['POST /v1/customers', 'POST /v1/customers', 'POST /v1/customers']);
				expect(sandbox.requests.map((request) => request.body)).toEqual(
					contacts.map((contact) => ({
						external_id: `CRM-${contact.id}`,
						company_name: contact.company.trim(),
						contact_email_address: contact.email.toLowerCase(),
					})),
				);
				expect(sandbox.count('customers')).toBe(3);
				for (const contact of contacts) {
					expect(sandbox.findCustomer(`CRM-${contact.id}`)).toMatchObject({ company_name: contact.company.trim() });
				}
			}, TEST_TIMEOUT);
		});

		describe('errors and credentials', () => {
			it('routes a failing call to the error output with "On Error: Continue (using error output)"', async () => {
				const missing = await call('customer-lookup', { externalId: 'NOPE-404' });
				// The error item is the input row (the webhook's item) with what happened and what to do (n8n 1.x
				// moves only items with nothing but `error` to the error output, so there the advice is left out).
				expect(missing).toEqual([
					expect.objectContaining({
						branch: 'error output',
						body: { externalId: 'NOPE-404' },
						error: "No customer with external ID 'NOPE-404' exists in Chaser",
					}),
				]);
				if (n8n.major >= 2) expect(missing[0].details).toContain('Check that ID');
				else expect(missing[0].details).toBeUndefined();
				expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
					'GET /v1/customers/ext_NOPE-404 404',
				]);

				await fixture('/v1/customers', { external_id: 'CUST-OK', company_name: 'Found Ltd' });
				const found = await call('customer-lookup', { externalId: 'CUST-OK' });
				expect(found).toEqual([expect.objectContaining({ external_id: 'CUST-OK', company_name: 'Found Ltd' })]);
				expect(found[0].branch).toBeUndefined();
			}, TEST_TIMEOUT);

			it('a redirect from the Base URL is an error naming where it pointed; the credentials never arrive there', async () => {
				const out = await call('redirected', {});
				expect(out).toEqual([
					expect.objectContaining({
						branch: 'error output',
						error: `Chaser (or a proxy in front of it) answered with a redirect (HTTP 302) to ${redirect.targetOrigin}/v1/organisation, which the node does not follow`,
					}),
				]);
				expect(redirect.arrived).toEqual([]);
			}, TEST_TIMEOUT);

			it('an HTTP Request node using the Chaser credential authenticates to the Base URL and nowhere else', async () => {
				const organisation = await call('http-request', { url: `${sandbox.url}/v1/organisation` });
				expect(organisation).toEqual([expect.objectContaining({ data: expect.objectContaining({ id: sandbox.organisation.id }) })]);
				expect(sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['GET /v1/organisation 200']);

				const elsewhere = await call('http-request', { url: `${redirect.targetOrigin}/v1/organisation` });
				const refusal = `The Chaser credential sends its key and secret only to its Base URL, ${sandbox.url}, not to ${redirect.targetOrigin}`;
				expect(elsewhere).toEqual([
					expect.objectContaining({ branch: 'error output', error: expect.objectContaining({ message: refusal }) }),
				]);
				expect(redirect.arrived).toEqual([]);
			}, TEST_TIMEOUT);

			describe('credential test over REST', () => {
				const test = async (data) => {
					const response = await n8n.rest('POST', '/rest/credentials/test', { credentials: { ...CREDENTIAL, type: 'chaserApi', data } });
					expect(response.status).toBe(200);
					return response.data.data;
				};
				/** The credential test's words for an answer whose body holds `value` at the rule's key. */
				const rule = (value) => CREDENTIAL_TEST_RULES.find((candidate) => candidate.value === value).message;
				const refusal = (baseUrl) => {
					try {
						chaserBaseUrl(baseUrl);
					} catch (error) {
						return error.message;
					}
					throw new Error(`${baseUrl} is accepted`);
				};
				const keys = { apiKey: API_KEY, apiSecret: API_SECRET };
				const log = () => sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`);

				it('OK with the right keys', async () => {
					expect(await test({ ...keys, baseUrl: sandbox.url })).toEqual({ status: 'OK', message: 'Connection successful!' });
					expect(log()).toEqual(['GET /v1/organisation 200']);
				}, TEST_TIMEOUT);

				it('a wrong secret: says to check the API key and secret', async () => {
					expect(await test({ ...keys, apiSecret: 'wrong-secret', baseUrl: sandbox.url })).toEqual({
						status: 'Error',
						message: rule('forbidden_error'),
					});
					expect(rule('forbidden_error')).toMatch(/^Chaser refused the API key and secret\. Check the API Key and API Secret/);
					expect(log()).toEqual(['GET /v1/organisation 403']);
				}, TEST_TIMEOUT);

				// Each would reach the sandbox if n8n sent it (0.0.0.0 connects to this machine): nothing may arrive.
				it.each([
					['plain http to a host that is not loopback', () => `http://0.0.0.0:${sandbox.port}`],
					['a path', () => `${sandbox.url}/v1`],
					['user info', () => `http://${API_KEY}:${API_SECRET}@127.0.0.1:${sandbox.port}`],
				])('refuses %s with the words the node uses, and sends nothing', async (_label, baseUrl) => {
					expect(await test({ ...keys, baseUrl: baseUrl() })).toEqual({ status: 'Error', message: refusal(baseUrl()) });
					expect(log()).toEqual([]);
				}, TEST_TIMEOUT);

				it('a redirect: says it is not Chaser\'s API and was not followed, and to check the Base URL; nothing arrives there', async () => {
					expect(await test({ ...keys, baseUrl: redirect.url })).toEqual({ status: 'Error', message: rule(undefined) });
					expect(rule(undefined)).toMatch(/a redirect is not followed.*Check the Base URL/);
					expect(redirect.arrived).toEqual([]);
				}, TEST_TIMEOUT);

				// The nodes' credential test (testedBy) names the host and what to check, in 1.x and 2.x alike.
				it('an unreachable or unknown host: names the host and says to check the Base URL, VPN or proxy', async () => {
					const port = await freePort();
					const refused = await test({ ...keys, baseUrl: `http://127.0.0.1:${port}` });
					expect(refused).toEqual({ status: 'Error', message: expect.stringMatching(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port}: it refused the connection`)) });
					const unknown = await test({ ...keys, baseUrl: 'https://chaser-e2e.invalid' });
					expect(unknown).toEqual({ status: 'Error', message: expect.stringMatching(/^Could not reach chaser-e2e\.invalid: its host name .*Check the Base URL for a typo.*VPN/) });
				}, TEST_TIMEOUT);
			});
		});
	});
}

module.exports = { defineN8nSuite, buildWorkflows };
