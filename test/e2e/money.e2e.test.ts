import type { IDataObject } from 'n8n-workflow';

import { createSandbox } from '../../sandbox';
import { addCustomer, addInvoice, invoiceIn } from '../nodes/Chaser/actions/invoice/fixtures';
import { N8nInstance } from '../../tooling/n8n';
import { byExternalId, chaserWebhookWorkflow, CREDENTIAL } from './support/workflows';

const API_KEY = 'e2e-key';
const API_SECRET = 'e2e-secret';
const TEST_TIMEOUT = 60_000;

/** Webhook → Create Invoice dated by the request, or by `$today` when the request gives no date. */
function datesWorkflow(id: string, path: string, timezone: string) {
	const created = chaserWebhookWorkflow(id, path, {
		resource: 'invoice',
		operation: 'create',
		invoiceId: '={{ $json.body.id }}',
		// What the expression editor shows for $today and $today.plus(30, 'days'), in the same execution.
		invoiceNumber: "={{ $today.toISODate() + ' ' + $today.plus(30, 'days').toISODate() }}",
		customer: byExternalId('CUST-1'),
		status: 'AUTHORISED',
		currencyCode: 'GBP',
		total: 100,
		date: '={{ $json.body.date || $today }}',
		dueDate: "={{ $json.body.date || $today.plus(30, 'days') }}",
	});
	return { ...created, settings: { ...created.settings, timezone } };
}

/** Webhook → Get Customer with On Error "Continue" (regular output). */
function continueWorkflow() {
	const lookup = chaserWebhookWorkflow('moneyContinue001', 'continue-lookup', {
		resource: 'customer',
		operation: 'get',
		customer: byExternalId('={{ $json.body.externalId }}'),
	});
	return { ...lookup, nodes: lookup.nodes.map((node: IDataObject) => (node.name === 'Chaser' ? { ...node, onError: 'continueRegularOutput' } : node)) };
}

/**
 * Money data in real n8n 2.41.1, where n8n's own behaviour decides what the node gets or what becomes of its
 * output: dates from expressions in the workflow's time zone, numbers in text fields, error items in the
 * "Continue" mode, and payment references in n8n's deduplication store, across a restart. (The error output
 * mode is checked on both n8n versions in n8n.e2e.test.ts.)
 */
describe('money data in n8n 2.41.1', () => {
	let sandbox: Awaited<ReturnType<typeof createSandbox>>;
	let n8n: Awaited<ReturnType<typeof N8nInstance.create>>;
	const calls = () => sandbox.requests.map((request) => `${request.method} ${request.path}`);
	const post = async (path: string, body: IDataObject) => await n8n.webhook('POST', path, body);
	/** The one item the workflow answered with (its webhook responds with all of the last node's items). */
	const answer = async (path: string, body: IDataObject) => {
		const response = await post(path, body);
		if (response.status !== 200) throw new Error(`webhook ${path} → ${response.status} ${JSON.stringify(response.data)}`);
		expect(response.data).toHaveLength(1);
		return response.data[0] as IDataObject;
	};

	beforeAll(async () => {
		sandbox = await createSandbox({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET, seed: 'none' });
		// NODE_ENV: jest sets it to "test", which makes the n8n CLI do nothing; keep it out of n8n's environment.
		n8n = await N8nInstance.create({ version: '2.41.1', env: { NODE_ENV: '' } });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'chaserApi', data: { apiKey: API_KEY, apiSecret: API_SECRET, baseUrl: sandbox.url } },
		]);
		const workflows = [
			datesWorkflow('moneyDatesSyd001', 'dates-sydney', 'Australia/Sydney'),
			datesWorkflow('moneyDatesNyc001', 'dates-new-york', 'America/New_York'),
			chaserWebhookWorkflow('moneyTextPhone01', 'text-phone', {
				resource: 'customer',
				operation: 'create',
				externalId: '={{ $json.body.id }}',
				companyName: '={{ $json.body.name }}',
				additionalFields: { phone_number: '={{ $json.body.phone }}', mobile_number: '={{ $json.body.mobile }}' },
			}),
			continueWorkflow(),
			chaserWebhookWorkflow('moneyPayment0001', 'payment', {
				resource: 'invoice',
				operation: 'recordPayment',
				invoice: byExternalId('={{ $json.body.invoice_id }}'),
				amount: '={{ $json.body.amount }}',
				paymentDate: '={{ $json.body.paid_at }}',
				options: { paymentReference: '={{ $json.body.payment_id }}' },
			}),
		];
		await n8n.importWorkflows(workflows);
		await n8n.publish(workflows.map((imported) => imported.id));
		await n8n.start();
	}, 900_000);

	afterAll(async () => {
		if (n8n) await n8n.dispose();
		if (sandbox) await sandbox.close();
	}, 60_000);

	beforeEach(() => {
		sandbox.reset();
		addCustomer(sandbox, 'CUST-1', 'Acme Trading Ltd');
	});

	const sentDates = () =>
		sandbox.requests.map(({ body }) => {
			const { invoice_id, date, due_date, invoice_number } = body as Record<string, string>;
			return { invoice_id, date, due_date, shown: invoice_number };
		});

	it.each([
		['Australia/Sydney', 'dates-sydney'],
		['America/New_York', 'dates-new-york'],
	])('sends {{ $today }} and {{ $today.plus(30, "days") }} as the dates they show in a workflow set to %s', async (_zone, path) => {
		await answer(path, { id: 'INV-TODAY' });
		const [sent] = sentDates();
		const [today, dueDay] = sent.shown.split(' ');
		expect(sent).toMatchObject({ date: `${today}T00:00:00.000Z`, due_date: `${dueDay}T00:00:00.000Z` });
	}, TEST_TIMEOUT);

	it('keeps the day the user picked, whichever way it was written, in any workflow time zone', async () => {
		const forms = ['2026-11-26', '2026-11-26T00:00:00', '2026-11-26T00:00:00.000+11:00', '2026-11-26T00:00:00.000Z'];
		for (const path of ['dates-sydney', 'dates-new-york']) {
			for (const [n, date] of forms.entries()) await answer(path, { id: `${path}-${n}`, date });
		}
		expect(sentDates().map((sent) => sent.date)).toEqual(Array(8).fill('2026-11-26T00:00:00.000Z'));

		// An instant that is not midnight UTC is read in the workflow's time zone: 13:00 UTC is already the 26th in Sydney.
		sandbox.clearLog();
		await answer('dates-sydney', { id: 'INSTANT-SYD', date: '2026-11-25T13:00:00.000Z' });
		await answer('dates-new-york', { id: 'INSTANT-NYC', date: '2026-11-25T13:00:00.000Z' });
		expect(sentDates().map((sent) => [sent.invoice_id, sent.date])).toEqual([
			['INSTANT-SYD', '2026-11-26T00:00:00.000Z'],
			['INSTANT-NYC', '2026-11-25T00:00:00.000Z'],
		]);
	}, TEST_TIMEOUT);

	it('sends a phone number from a numeric field as text, and refuses one that cannot be text before sending anything', async () => {
		await answer('text-phone', { id: 10042, name: 'Numbers Ltd', phone: 442079460000, mobile: 447700900123 });
		expect(sandbox.requests[0].body).toEqual({
			external_id: '10042',
			company_name: 'Numbers Ltd',
			phone_number: '442079460000',
			mobile_number: '447700900123',
		});

		sandbox.clearLog();
		const refused = await post('text-phone', { id: 'CUST-X', name: 'X Ltd', phone: { country: 44, number: 2079460000 } });
		// n8n answers "Error in workflow"; the message naming the field is checked in the engine tests.
		expect(refused.status).toBe(500);
		expect(calls()).toEqual([]);
	}, TEST_TIMEOUT);

	it('with On Error "Continue", the error item is the input row plus the error and what to do', async () => {
		expect(await answer('continue-lookup', { externalId: 'NOPE-404', note: 'from the CRM' })).toEqual(
			expect.objectContaining({
				body: { externalId: 'NOPE-404', note: 'from the CRM' },
				error: "No customer with external ID 'NOPE-404' exists in Chaser",
				details: expect.stringContaining('Check that ID'),
			}),
		);
	}, TEST_TIMEOUT);

	it('records a payment delivered twice once, also after n8n restarts; another reference is another payment', async () => {
		addInvoice(sandbox, 'INV-1', { total: 1000, amount_due: 1000 });
		const payment = { invoice_id: 'INV-1', amount: 250, paid_at: '2026-11-20', payment_id: 'pi_e2e_once' };

		expect(await answer('payment', payment)).toMatchObject({ amount_paid: 250, amount_due: 750, payment_already_recorded: false });
		expect(await answer('payment', payment)).toMatchObject({ amount_paid: 250, amount_due: 750, payment_already_recorded: true });

		// The references live in n8n's database: a restarted n8n still knows them.
		await n8n.stop();
		await n8n.start();
		expect(await answer('payment', payment)).toMatchObject({ amount_paid: 250, payment_already_recorded: true });

		const another = await answer('payment', { ...payment, payment_id: 'pi_e2e_other' });
		expect(another).toMatchObject({ amount_paid: 500, amount_due: 500, payment_already_recorded: false });
		expect(invoiceIn(sandbox, 'INV-1').payments).toEqual([
			{ amount: 250, date: '2026-11-20T00:00:00.000Z' },
			{ amount: 250, date: '2026-11-20T00:00:00.000Z' },
		]);
		expect(calls().filter((call) => call.startsWith('PUT'))).toHaveLength(2);
	}, 180_000);
});
