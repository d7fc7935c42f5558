/**
 * Tests of the Chaser sandbox itself, over loopback with axios.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { sleep } from 'n8n-workflow';

import { busiestWindow, createSandbox, SCHEMAS } from '../../sandbox';
import { Router } from '../../sandbox/router';
import { ROUTES } from '../../sandbox/routes';
import { validateObject } from '../../sandbox/validation';
import { sandboxModulesLoadedBy } from './modules';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
// Response bodies are whatever JSON.parse gives; the tests assert on their shape.
type Json = Record<string, ReturnType<typeof JSON.parse>>;

const KEY = 'test-key';
const SECRET = 'test-secret';
const DOCS = 'https://openapi.chaserhq.com/docs/#errors/';
/** Send a string body exactly as given (axios would otherwise JSON-encode invalid JSON strings). */
const raw = { headers: { 'Content-Type': 'application/json' }, transformRequest: [(d: unknown) => d] };

let sb: Sandbox;
let api: AxiosInstance;

function client(sandbox: Sandbox, auth = { username: KEY, password: SECRET }): AxiosInstance {
	return axios.create({ baseURL: sandbox.url, auth, validateStatus: () => true });
}

beforeAll(async () => {
	sb = await createSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, seed: 'none', quiet: true });
	api = client(sb);
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	sb.reset();
});

const customer = (externalId = 'CUST-1', extra: Json = {}): Json => ({
	external_id: externalId,
	company_name: 'Acme Widgets Ltd',
	...extra,
});

const invoice = (invoiceId = 'INV-1', extra: Json = {}): Json => ({
	invoice_id: invoiceId,
	invoice_number: 'SI-1001',
	status: 'AUTHORISED',
	currency_code: 'GBP',
	amount_due: 120,
	amount_paid: 0,
	total: 120,
	date: '2024-04-23T11:00:00Z',
	due_date: '2024-05-23T11:00:00Z',
	customer_external_id: 'CUST-1',
	...extra,
});

const creditNote = (id = 'CN-1', extra: Json = {}): Json => ({
	credit_note_id: id,
	credit_note_number: 'CN-0001',
	remaining_credit: 50,
	total: 50,
	date: '2024-04-23T11:00:00Z',
	currency_code: 'GBP',
	customer_external_id: 'CUST-1',
	...extra,
});

const overpayment = (id = 'OP-1', extra: Json = {}): Json => ({
	overpayment_id: id,
	remaining_credit: 20,
	total: 20,
	date: '2024-04-23T11:00:00Z',
	currency_code: 'GBP',
	customer_external_id: 'CUST-1',
	...extra,
});

async function mustPost(path: string, body: Json): Promise<Json> {
	const r = await api.post(path, body);
	if (r.status !== 200) throw new Error(`POST ${path} -> ${r.status} ${JSON.stringify(r.data)}`);
	return r.data.data;
}

function expectValidation(r: AxiosResponse, ...fragments: string[]): void {
	expect(r.status).toBe(400);
	expect(r.data.type).toBe('validation_error');
	expect(r.data.url).toBe(DOCS + 'validation');
	for (const f of fragments) expect(r.data.message).toContain(f);
}

// ------------------------------------------------------------------ auth, health, routing

describe('auth and routing', () => {
	it('serves /status/ and / without auth', async () => {
		const anon = axios.create({ baseURL: sb.url, validateStatus: () => true });
		expect((await anon.get('/status/')).data).toEqual({ status: 'ok' });
		expect((await anon.get('/')).status).toBe(200);
	});

	it.each([
		['no header', {}],
		['wrong secret', { auth: { username: KEY, password: 'nope' } }],
		['wrong key', { auth: { username: 'x', password: SECRET } }],
		['bearer token', { headers: { Authorization: `Bearer ${KEY}` } }],
	])('answers 403 forbidden_error with %s', async (_name, config) => {
		const r = await axios.get(`${sb.url}/v1/organisation`, { ...config, validateStatus: () => true });
		expect(r.status).toBe(403);
		expect(r.data).toEqual({
			message: 'requested resource is forbidden',
			type: 'forbidden_error',
			url: DOCS + 'forbidden',
		});
	});

	it('checks auth before routing', async () => {
		const r = await axios.get(`${sb.url}/v1/nothing-here`, { validateStatus: () => true });
		expect(r.status).toBe(403);
	});

	it.each([
		['GET', '/v1/nothing'],
		['GET', '/v2/customers'],
		['GET', '/v1/customers/'],
		['GET', '/v1/customers//contact_persons'],
		['DELETE', '/v1/customers'],
		['PATCH', '/v1/invoices'],
		['POST', '/v1/organisation'],
		['POST', '/v1/invoices/history'],
		['PUT', '/v1/invoices/history'],
	])('answers 404 not_found_error for %s %s', async (method, url) => {
		const r = await api.request({ method, url });
		expect(r.status).toBe(404);
		expect(r.data).toEqual({ message: 'entity not found', type: 'not_found_error', url: DOCS + 'not_found' });
	});

	it('returns JSON with a content length (keep-alive friendly)', async () => {
		const r = await api.get('/v1/organisation');
		expect(r.headers['content-type']).toMatch(/^application\/json/);
		expect(Number(r.headers['content-length'])).toBeGreaterThan(0);
	});
});

// ------------------------------------------------------------------ organisation

describe('organisation', () => {
	it('returns the current organisation', async () => {
		const r = await api.get('/v1/organisation');
		expect(r.status).toBe(200);
		expect(r.data.object).toBe('organisation');
		expect(r.data.url).toBe('https://openapi.chaserhq.com/v1/organisation');
		expect(Object.keys(r.data.data).sort()).toEqual(
			['base_currency', 'country_code', 'id', 'last_sync_date', 'legal_name', 'name', 'organisation_id', 'timezone'].sort(),
		);
		expect(r.data.data.last_sync_date).toBeNull();
	});

	it('lists organisations in a list envelope', async () => {
		const r = await api.get('/v1/organisations');
		expect(r.data).toMatchObject({ object: 'list', page_number: 0, page_size: 100, total_count: 2 });
		expect(r.data.data).toHaveLength(2);
		expect(r.data.data[0].id).toBe(sb.organisation.id);
	});

	it('syncs with and without tasks and records last_sync_date', async () => {
		const r = await api.post('/v1/organisation/sync', { tasks: [{ task: 'CALCULATE_NEXT_CHASES' }] });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			url: 'https://openapi.chaserhq.com/v1/organisation/sync',
			object: 'sync',
			data: { result: true },
		});
		expect(sb.organisation.last_sync_date).toEqual(expect.any(String));
		expect((await api.post('/v1/organisation/sync')).status).toBe(200);
		expect((await api.post('/v1/organisation/sync', {})).status).toBe(200);
	});

	it('rejects unknown sync tasks, naming the field', async () => {
		const r = await api.post('/v1/organisation/sync', { tasks: [{ task: 'RECALCULATE' }] });
		expectValidation(r, 'tasks[0].task', 'CALCULATE_NEXT_CHASES');
	});

	it('limits sync to 5 per hour', async () => {
		for (let i = 0; i < 5; i++) expect((await api.post('/v1/organisation/sync', {})).status).toBe(200);
		const r = await api.post('/v1/organisation/sync', {});
		expect(r.status).toBe(429);
		expect(r.data.type).toBe('rate_limit_error');
		sb.reset();
		expect((await api.post('/v1/organisation/sync', {})).status).toBe(200);
	});

	it('serves an empty task list', async () => {
		const r = await api.get('/v1/tasks');
		expect(r.data).toMatchObject({ object: 'list', total_count: 0, data: [] });
	});
});

// ------------------------------------------------------------------ customers

describe('customers', () => {
	it('creates with defaults and returns the single envelope (200)', async () => {
		const r = await api.post('/v1/customers', customer('CUST-1', { addresses: [{ city: 'Leeds' }] }));
		expect(r.status).toBe(200);
		expect(r.data.object).toBe('customer');
		const c = r.data.data;
		expect(c.id).toMatch(/^cus_[0-9a-f]{20}$/);
		expect(r.data.url).toBe(`https://openapi.chaserhq.com/v1/customers/${c.id}`);
		expect(c).toMatchObject({
			external_id: 'CUST-1',
			company_name: 'Acme Widgets Ltd',
			contact_first_name: null,
			contact_email_address: null,
			status: 'ACTIVE',
			groups: [],
		});
		expect(c.addresses[0]).toMatchObject({ address_type: 'POBOX', city: 'Leeds', address_line1: null });
		expect(sb.findCustomer('CUST-1')).toEqual(c);
		expect(sb.count('customers')).toBe(1);
	});

	it('can answer creates with 201 when configured', async () => {
		const other = await createSandbox({ apiKey: KEY, apiSecret: SECRET, createStatus: 201 });
		try {
			expect((await client(other).post('/v1/customers', customer())).status).toBe(201);
		} finally {
			await other.close();
		}
	});

	it('gets by internal id and by ext_ + percent-encoded external id', async () => {
		const created = await mustPost('/v1/customers', customer('ACME/UK 01&ü'));
		const byId = await api.get(`/v1/customers/${created.id}`);
		expect(byId.data.data.external_id).toBe('ACME/UK 01&ü');
		const byExt = await api.get(`/v1/customers/ext_${encodeURIComponent('ACME/UK 01&ü')}`);
		expect(byExt.status).toBe(200);
		expect(byExt.data.data.id).toBe(created.id);
		expect((await api.get('/v1/customers/ext_NOPE')).status).toBe(404);
		expect((await api.get('/v1/customers/cus_00000000000000000000')).status).toBe(404);
		// the raw external id without ext_ is not an id
		expect((await api.get(`/v1/customers/${encodeURIComponent('ACME/UK 01&ü')}`)).status).toBe(404);
	});

	it('rejects a duplicate external_id on POST', async () => {
		await mustPost('/v1/customers', customer());
		expectValidation(await api.post('/v1/customers', customer()), 'external_id already exists');
	});

	it('updates partially with PUT and keeps the rest', async () => {
		const c = await mustPost('/v1/customers', customer('CUST-1', { contact_first_name: 'Ann', phone_number: '+44 1' }));
		const r = await api.put('/v1/customers/ext_CUST-1', { contact_first_name: 'Bea', status: 'ARCHIVED' });
		expect(r.status).toBe(200);
		expect(r.data.data).toMatchObject({
			id: c.id,
			contact_first_name: 'Bea',
			status: 'ARCHIVED',
			phone_number: '+44 1',
			company_name: 'Acme Widgets Ltd',
		});
		expect(sb.findCustomer('CUST-1')!.contact_first_name).toBe('Bea');
	});

	it('allows renaming external_id only to a free id, and keeps documents attached', async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
		await mustPost('/v1/customers', customer('CUST-2'));
		await mustPost('/v1/invoices', invoice());
		expectValidation(await api.put('/v1/customers/ext_CUST-1', { external_id: 'CUST-2' }), 'external_id already exists');
		expect((await api.put('/v1/customers/ext_CUST-1', { external_id: 'CUST-1' })).status).toBe(200);
		expect((await api.put('/v1/customers/ext_CUST-1', { external_id: 'CUST-9' })).status).toBe(200);
		expect((await api.get('/v1/customers/ext_CUST-1')).status).toBe(404);
		expect((await api.get('/v1/customers/ext_CUST-9')).status).toBe(200);
		const inv = (await api.get('/v1/invoices/ext_INV-1')).data.data;
		expect(inv).toMatchObject({ customer_external_id: 'CUST-9', customer_name: 'Acme Widgets Ltd' });
	});

	it.each([
		[{ company_name: 'A' }, 'missing required field: external_id'],
		[{ external_id: 'X' }, 'missing required field: company_name'],
		[{ ...customer(), companyName: 'A' }, 'unknown field: companyName (did you mean company_name?)'],
		[{ externalID: 'X', company_name: 'A' }, 'unknown field: externalID (did you mean external_id?)'],
		[{ ...customer(), id: 'cus_1' }, 'read-only field: id'],
		[{ ...customer(), created_at: '2024-01-01T00:00:00Z' }, 'read-only field: created_at'],
		[{ ...customer(), external_id: '' }, 'invalid field: external_id must be a non-empty string'],
		[{ ...customer(), external_id: 42 }, 'invalid field: external_id must be a non-empty string (got a number)'],
		[{ ...customer(), company_name: null }, 'invalid field: company_name must not be null'],
		[{ ...customer(), contact_email_address: 'not-an-email' }, 'invalid field: contact_email_address must be a valid email'],
		[{ ...customer(), status: 'active' }, 'invalid field: status must be one of ACTIVE, ARCHIVED'],
		[{ ...customer(), status: 'ACHIEVED' }, 'invalid field: status'],
		[{ ...customer(), phone_number: 441234 }, 'invalid field: phone_number must be a string'],
		[{ ...customer(), addresses: {} }, 'invalid field: addresses must be an array'],
		[{ ...customer(), addresses: [{ line1: 'x' }] }, 'unknown field: addresses[0].line1'],
		[{ ...customer(), addresses: [{ address_type: 'HOME' }] }, 'invalid field: addresses[0].address_type'],
		[{ ...customer(), addresses: ['1 High St'] }, 'invalid field: addresses[0] must be an object'],
		[{ ...customer(), groups: [{ status: 'ACTIVE' }] }, 'missing required field: groups[0].name'],
	])('rejects %j', async (body, message) => {
		expectValidation(await api.post('/v1/customers', body), message);
		expect(sb.count('customers')).toBe(0);
	});

	it('names every offending field and lists them in errors[]', async () => {
		const r = await api.post('/v1/customers', { companyName: 'A', status: 'x' });
		expectValidation(r, 'companyName', 'status', 'external_id', 'company_name');
		expect(r.data.errors.map((e: Json) => e.field).sort()).toEqual(['company_name', 'companyName', 'external_id', 'status'].sort());
	});

	it('accepts nulls for nullable fields and both group id spellings', async () => {
		const c = await mustPost(
			'/v1/customers',
			customer('CUST-1', {
				contact_email_address: null,
				mobile_number: null,
				groups: [{ id: 'g1', name: 'Key accounts' }, { group_id: 'g2', name: 'Resellers', status: 'ARCHIVED' }, { name: 'New' }],
			}),
		);
		expect(c.groups[0]).toEqual({ id: 'g1', name: 'Key accounts', status: 'ACTIVE' });
		expect(c.groups[1]).toEqual({ group_id: 'g2', name: 'Resellers', status: 'ARCHIVED' });
		expect(c.groups[2].id).toMatch(/^grp_/);
	});

	it('requires a JSON object body with Content-Type application/json', async () => {
		expectValidation(
			await api.post('/v1/customers', JSON.stringify(customer()), { headers: { 'Content-Type': 'text/plain' } }),
			'Content-Type must be application/json',
		);
		expectValidation(await api.post('/v1/customers', '{"external_id": ', raw), 'not valid JSON');
		expectValidation(await api.post('/v1/customers', '', raw), 'request body is empty');
		expectValidation(await api.post('/v1/customers', '"CUST-1"', raw), 'must be a JSON object');
		expectValidation(await api.post('/v1/customers', [customer()]), 'must be a JSON object');
		expectValidation(
			await api.post('/v1/customers', JSON.stringify(customer()), {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				transformRequest: [(d: unknown) => d],
			}),
			'Content-Type must be application/json (got "application/x-www-form-urlencoded")',
		);
		expect((await api.post('/v1/customers', customer(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })).status).toBe(200);
	});

	it('rejects unknown query parameters on single routes', async () => {
		await mustPost('/v1/customers', customer());
		expectValidation(await api.get('/v1/customers/ext_CUST-1?expand=all'), 'unknown query parameter: expand');
	});

	it('adds additional_fields on get and list', async () => {
		await mustPost('/v1/customers', customer());
		const one = await api.get('/v1/customers/ext_CUST-1', {
			params: { additional_fields: 'payment_portal_link,payer_rating,average_days_to_pay' },
		});
		expect(one.data.data).toMatchObject({
			payment_portal_link: expect.stringMatching(/^https:\/\//),
			payer_rating: expect.any(Number),
			average_days_to_pay: expect.any(Number),
		});
		const list = await api.get('/v1/customers', { params: { additional_fields: 'average_days_to_pay' } });
		expect(list.data.data[0].average_days_to_pay).toEqual(expect.any(Number));
		expect(list.data.data[0].payer_rating).toBeUndefined();
		const plain = await api.get('/v1/customers/ext_CUST-1');
		expect(plain.data.data.payment_portal_link).toBeUndefined();
		expectValidation(await api.get('/v1/customers', { params: { additional_fields: 'credit_limit' } }), 'credit_limit');
	});
});

// ------------------------------------------------------------------ contact persons

describe('contact persons', () => {
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
		await mustPost('/v1/customers', customer('CUST-2'));
	});

	it('creates, lists, gets, updates and deletes within a customer', async () => {
		const cp = await mustPost('/v1/customers/ext_CUST-1/contact_persons', {
			external_id: 'CP-1',
			contact_first_name: 'Ann',
			contact_email_address: 'ann@acme.co.uk',
		});
		expect(cp).toMatchObject({ id: expect.stringMatching(/^cp_[0-9a-f]{20}$/), status: 'ACTIVE', mobile_number: null });
		const list = await api.get('/v1/customers/ext_CUST-1/contact_persons');
		expect(list.data).toMatchObject({ object: 'list', total_count: 1 });
		const got = await api.get('/v1/customers/ext_CUST-1/contact_persons/ext_CP-1');
		expect(got.data).toMatchObject({ object: 'contact_person', data: { id: cp.id } });
		expect((await api.get(`/v1/customers/ext_CUST-1/contact_persons/${cp.id}`)).status).toBe(200);
		const put = await api.put('/v1/customers/ext_CUST-1/contact_persons/ext_CP-1', { contact_last_name: 'Lee' });
		expect(put.data.data).toMatchObject({ contact_first_name: 'Ann', contact_last_name: 'Lee' });
		const del = await api.delete('/v1/customers/ext_CUST-1/contact_persons/ext_CP-1');
		expect(del.status).toBe(200);
		expect(del.data).toMatchObject({ object: 'contact_person', data: { id: cp.id, deleted: true } });
		expect((await api.get('/v1/customers/ext_CUST-1/contact_persons/ext_CP-1')).status).toBe(404);
		expect(sb.count('contact_persons')).toBe(0);
	});

	it('scopes external ids to the customer', async () => {
		await mustPost('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1' });
		expectValidation(
			await api.post('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1' }),
			'external_id already exists',
		);
		expect((await api.post('/v1/customers/ext_CUST-2/contact_persons', { external_id: 'CP-1' })).status).toBe(200);
		const cp1 = sb.findContactPerson('CUST-1', 'CP-1')!;
		expect((await api.get(`/v1/customers/ext_CUST-2/contact_persons/${cp1.id}`)).status).toBe(404);
		expect((await api.get('/v1/customers/ext_NOPE/contact_persons')).status).toBe(404);
	});

	it('validates contact fields', async () => {
		expectValidation(
			await api.post('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1', firstName: 'x' }),
			'unknown field: firstName',
		);
		expectValidation(await api.post('/v1/customers/ext_CUST-1/contact_persons', {}), 'missing required field: external_id');
	});

	it('bulk-upserts contact persons of a customer', async () => {
		await mustPost('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1' });
		const r = await api.put('/v1/bulk/customers/ext_CUST-1/contact_persons', {
			entries: [{ external_id: 'CP-1', contact_first_name: 'Ann' }, { external_id: 'CP-2' }],
		});
		expect(r.status).toBe(200);
		expect(r.data.data).toMatchObject({ modified_count: 1, inserted_count: 1 });
		expect(sb.findContactPerson('CUST-1', 'CP-1')!.contact_first_name).toBe('Ann');
		expect(sb.findContactPerson('CUST-1', 'CP-2')).toMatchObject({ external_id: 'CP-2', id: r.data.data.inserted_ids[0].id });
	});
});

describe('contact persons bulk upsert', () => {
	const url = '/v1/bulk/customers/ext_CUST-1/contact_persons';
	let cust1: Json;
	beforeEach(async () => {
		cust1 = await mustPost('/v1/customers', customer('CUST-1'));
		await mustPost('/v1/customers', customer('CUST-2'));
	});

	it('inserts, reporting inserted_ids by entry index, in the bulk result envelope', async () => {
		const r = await api.put(url, { entries: [{ external_id: 'CP-1', contact_first_name: 'Ann' }, { external_id: 'CP-2' }] });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			url: `https://openapi.chaserhq.com/v1/bulk/customers/${cust1.id}/contact_persons`,
			object: 'bulk_result',
			data: {
				modified_count: 0,
				inserted_count: 2,
				inserted_ids: [
					{ index: 0, id: sb.findContactPerson('CUST-1', 'CP-1')!.id },
					{ index: 1, id: sb.findContactPerson('CUST-1', 'CP-2')!.id },
				],
			},
		});
		expect(sb.findContactPerson('CUST-1', 'CP-2')).toMatchObject({ status: 'ACTIVE', contact_email_address: null, id: expect.stringMatching(/^cp_/) });
		expect(sb.findContactPerson('CUST-2', 'CP-1')).toBeUndefined();
	});

	it('updates by external_id (partial merge) and by id, and mixes updates with inserts', async () => {
		const cp1 = await mustPost('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1', contact_first_name: 'Ann', phone_number: '+44 1' });
		await mustPost('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-2' });
		const updates = await api.put(url, { entries: [{ external_id: 'CP-1', contact_last_name: 'Lee' }, { id: sb.findContactPerson('CUST-1', 'CP-2')!.id, status: 'ARCHIVED' }] });
		expect(updates.data.data).toEqual({ modified_count: 2, inserted_count: 0, inserted_ids: [] });
		expect(sb.findContactPerson('CUST-1', 'CP-1')).toMatchObject({ id: cp1.id, contact_first_name: 'Ann', contact_last_name: 'Lee', phone_number: '+44 1' });
		expect(sb.findContactPerson('CUST-1', 'CP-2')!.status).toBe('ARCHIVED');

		const mixed = await api.put(`/v1/bulk/customers/${cust1.id}/contact_persons`, {
			entries: [{ external_id: 'CP-3' }, { external_id: 'CP-1', contact_first_name: 'Anne' }],
		});
		expect(mixed.data.data).toEqual({ modified_count: 1, inserted_count: 1, inserted_ids: [{ index: 0, id: sb.findContactPerson('CUST-1', 'CP-3')!.id }] });
		expect(sb.count('contact_persons')).toBe(3);
	});

	it('is all-or-nothing: a bad entry stores nothing and errors[] names its index and field', async () => {
		const r = await api.put(url, {
			entries: [{ external_id: 'CP-1' }, { external_id: 'CP-2', contactFirstName: 'x' }, { contact_first_name: 'no key' }, { external_id: 'CP-4', contact_email_address: 'nope' }],
		});
		expectValidation(r, 'entries[1].contactFirstName is not a known field (did you mean contact_first_name?)', 'entries[2].external_id is required');
		expect(r.data.errors).toEqual([
			{ index: 1, field: 'contactFirstName', message: expect.stringContaining('entries[1].contactFirstName') },
			{ index: 2, field: 'external_id', message: 'entries[2].external_id is required' },
			{ index: 3, field: 'contact_email_address', message: expect.stringContaining('entries[3].contact_email_address must be a valid email') },
		]);
		expect(sb.count('contact_persons')).toBe(0);
	});

	it('refuses the same record twice in one request, by external_id or by id', async () => {
		const twice = await api.put(url, { entries: [{ external_id: 'CP-1' }, { external_id: 'CP-1', contact_first_name: 'B' }] });
		expectValidation(twice, 'entries[1].external_id duplicates entries[0]');
		expect(twice.data.errors).toEqual([{ index: 1, field: 'external_id', message: 'entries[1].external_id duplicates entries[0]' }]);
		const cp = await mustPost('/v1/customers/ext_CUST-1/contact_persons', { external_id: 'CP-1' });
		expectValidation(await api.put(url, { entries: [{ id: cp.id, status: 'ARCHIVED' }, { external_id: 'CP-1' }] }), 'entries[1].external_id duplicates entries[0]');
		expect(sb.count('contact_persons')).toBe(1);
		expect(sb.findContactPerson('CUST-1', 'CP-1')!.status).toBe('ACTIVE');
	});

	it('404s an unknown customer and rejects bad envelopes, over 100 entries included', async () => {
		expect((await api.put('/v1/bulk/customers/ext_NOPE/contact_persons', { entries: [{ external_id: 'CP-1' }] })).status).toBe(404);
		expect((await api.put('/v1/bulk/customers/cus_00000000000000000000/contact_persons', { entries: [{ external_id: 'CP-1' }] })).status).toBe(404);
		expect((await api.post(url, { entries: [{ external_id: 'CP-1' }] })).status).toBe(404);
		const many = Array.from({ length: 101 }, (_, i) => ({ external_id: `CP-${i}` }));
		expectValidation(await api.put(url, { entries: many }), 'entries must contain between 1 and 100 entries (got 101)');
		expect((await api.put(url, { entries: many.slice(0, 100) })).data.data.inserted_count).toBe(100);
		expectValidation(await api.put(url, { entries: [] }), 'got 0');
		expectValidation(await api.put(url, { contacts: [] }), 'unknown field: contacts');
		expectValidation(await api.put(url, [{ external_id: 'CP-1' }]), 'JSON object');
		expectValidation(await api.put(`${url}?upsert=true`, { entries: [{ external_id: 'CP-1' }] }), 'unknown query parameter: upsert');
		expect(sb.count('contact_persons')).toBe(100);
	});
});

// ------------------------------------------------------------------ invoices

describe('invoices', () => {
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
	});

	it('creates an invoice and adds customer_name and invoice_pdf_link', async () => {
		const r = await api.post('/v1/invoices', invoice('INV-1', { sub_total: 100, payments: [] }));
		expect(r.status).toBe(200);
		expect(r.data.object).toBe('invoice');
		expect(r.data.data).toMatchObject({
			id: expect.stringMatching(/^inv_[0-9a-f]{20}$/),
			invoice_id: 'INV-1',
			customer_name: 'Acme Widgets Ltd',
			invoice_pdf_link: null,
			fully_paid_date: null,
			sub_total: 100,
			payments: [],
		});
		expect(sb.findInvoice('INV-1')).toMatchObject({ id: r.data.data.id, invoice_id: 'INV-1', sub_total: 100 });
	});

	it.each([
		[{ date: '2024-04-23' }, 'invalid field: date must be an ISO 8601 date-time'],
		[{ due_date: '2024-04-23T11:00' }, 'invalid field: due_date'],
		[{ due_date: '2024-04-23T11:00:00' }, 'invalid field: due_date'],
		[{ date: '2024-02-30T11:00:00Z' }, 'invalid field: date'],
		[{ fully_paid_date: '23/04/2024' }, 'invalid field: fully_paid_date'],
		[{ currency_code: 'gbp' }, 'invalid field: currency_code must be an ISO 4217 code'],
		[{ currency_code: 'XYZ' }, 'invalid field: currency_code must be an ISO 4217 code'],
		[{ amount_due: '120.00' }, 'invalid field: amount_due must be a finite number >= 0 (got a string)'],
		[{ amount_due: -1 }, 'invalid field: amount_due must be a finite number >= 0'],
		[{ amount_paid: null }, 'invalid field: amount_paid must not be null'],
		[{ total: Number.NaN }, 'invalid field: total must not be null'], // NaN serialises as null
		[{ status: 'OPEN' }, 'invalid field: status must be one of DRAFT'],
		[{ customer_external_id: 'CUST-404' }, 'customer not found: CUST-404'],
		[{ payments: [{ amount: 0, date: '2024-04-23T11:00:00Z' }] }, 'invalid field: payments[0].amount must be a finite number > 0'],
		[{ payments: [{ amount: 5, date: '2024-04-23' }] }, 'invalid field: payments[0].date'],
		[{ payments: [{ amount: 5, date: '2024-04-23T11:00:00Z', reference: 'x' }] }, 'unknown field: payments[0].reference'],
		[{ payments: [{ amount: 5 }] }, 'missing required field: payments[0].date'],
		[{ customer_name: 'Acme' }, 'read-only field: customer_name'],
		[{ invoiceNumber: '1' }, 'unknown field: invoiceNumber (did you mean invoice_number?)'],
	])('rejects %j', async (override, message) => {
		expectValidation(await api.post('/v1/invoices', invoice('INV-1', override)), message);
		expect(sb.count('invoices')).toBe(0);
	});

	it('accepts date-times with offsets and fractions', async () => {
		const r = await api.post(
			'/v1/invoices',
			invoice('INV-1', { date: '2024-04-23T11:00:00.123+01:00', due_date: '2024-05-23T00:00:00.000Z' }),
		);
		expect(r.status).toBe(200);
	});

	it('requires all create fields', async () => {
		const r = await api.post('/v1/invoices', { invoice_id: 'INV-1' });
		expectValidation(r, 'missing required field: invoice_number', 'missing required field: status');
		expect(r.data.errors).toHaveLength(9);
	});

	it('rejects a duplicate invoice_id', async () => {
		await mustPost('/v1/invoices', invoice());
		expectValidation(await api.post('/v1/invoices', invoice()), 'invoice_id already exists');
	});

	it('records a payment with PUT: partial merge, payments replaced', async () => {
		await mustPost('/v1/invoices', invoice('INV-1', { payments: [{ amount: 20, date: '2024-04-25T10:00:00Z' }] }));
		const r = await api.put('/v1/invoices/ext_INV-1', {
			amount_paid: 120,
			amount_due: 0,
			status: 'PAID',
			fully_paid_date: '2024-05-01T10:00:00Z',
			payments: [
				{ amount: 20, date: '2024-04-25T10:00:00Z' },
				{ amount: 100, date: '2024-05-01T10:00:00Z' },
			],
		});
		expect(r.status).toBe(200);
		expect(r.data.data).toMatchObject({ status: 'PAID', amount_due: 0, invoice_number: 'SI-1001', total: 120 });
		expect(r.data.data.payments).toHaveLength(2);
		const again = await api.put('/v1/invoices/ext_INV-1', { payments: [] });
		expect(again.data.data.payments).toEqual([]);
	});

	it('validates PUT bodies and 404s unknown invoices', async () => {
		const inv = await mustPost('/v1/invoices', invoice());
		expectValidation(await api.put(`/v1/invoices/${inv.id}`, { amount_due: '0' }), 'amount_due');
		expectValidation(await api.put(`/v1/invoices/${inv.id}`, { customer_external_id: 'NOPE' }), 'customer not found: NOPE');
		expectValidation(await api.put(`/v1/invoices/${inv.id}`, { id: inv.id }), 'read-only field: id');
		expect((await api.put('/v1/invoices/ext_NOPE', { amount_due: 0 })).status).toBe(404);
		expect((await api.put(`/v1/invoices/${inv.id}`, {})).status).toBe(200);
	});
});

// ------------------------------------------------------------------ invoice PDF upload

/** A multipart/form-data body built by hand, so tests can send what a real FormData would not. */
function multipart(parts: Array<{ name: string; filename?: string; type?: string; content: string | Buffer }>, boundary = 'XBOUNDARYX') {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
		if (part.filename !== undefined) head += `; filename="${part.filename}"`;
		head += '\r\n';
		if (part.type) head += `Content-Type: ${part.type}\r\n`;
		chunks.push(Buffer.from(head + '\r\n'), Buffer.from(part.content), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const pdfPart = (extra: Partial<{ name: string; filename: string; type: string; content: string | Buffer }> = {}) => ({
	name: 'file',
	filename: 'SI-1001.pdf',
	type: 'application/pdf',
	content: PDF,
	...extra,
});

describe('invoice PDF upload', () => {
	let invoiceRecord: Json;
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
		invoiceRecord = await mustPost('/v1/invoices', invoice('INV/2 A'));
	});

	const upload = (id: string, body: Buffer | string, contentType: string) =>
		api.post(`/v1/invoices/${id}/pdf`, body, {
			headers: { 'Content-Type': contentType },
			transformRequest: [(d: unknown) => d],
			maxBodyLength: Infinity,
		});
	const uploadParts = (id: string, parts: Parameters<typeof multipart>[0]) => {
		const { body, contentType } = multipart(parts);
		return upload(id, body, contentType);
	};

	it('stores the file, sets invoice_pdf_link and serves the bytes back without auth', async () => {
		const form = new FormData();
		form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'SI-1001.pdf');
		const request = new Request('http://x/', { method: 'POST', body: form });
		const body = Buffer.from(await request.arrayBuffer());
		const before = Date.now();
		const r = await upload(`ext_${encodeURIComponent('INV/2 A')}`, body, request.headers.get('content-type')!);
		expect(r.status).toBe(200);
		const link = `${sb.url}/files/invoices/${invoiceRecord.id}.pdf`;
		expect(r.data).toEqual({
			url: `https://openapi.chaserhq.com/v1/invoices/${invoiceRecord.id}`,
			object: 'invoice',
			data: expect.objectContaining({ id: invoiceRecord.id, invoice_id: 'INV/2 A', customer_name: 'Acme Widgets Ltd', invoice_pdf_link: link }),
		});
		expect(Date.parse(r.data.data.invoice_pdf_link_updated_at)).toBeGreaterThanOrEqual(before - 1000);
		expect(sb.invoicePdf('INV/2 A')).toEqual(PDF);
		expect(sb.invoicePdf(invoiceRecord.id)).toEqual(PDF);
		expect(sb.requests.at(-1)).toMatchObject({ status: 200, body: `<multipart/form-data body, ${body.length} bytes>` });

		const anon = axios.create({ validateStatus: () => true, responseType: 'arraybuffer' });
		const file = await anon.get(link);
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('application/pdf');
		expect(Buffer.from(file.data)).toEqual(PDF);
		expect((await api.get(`/v1/invoices/${invoiceRecord.id}`)).data.data).toMatchObject({
			invoice_pdf_link: link,
			invoice_pdf_link_updated_at: r.data.data.invoice_pdf_link_updated_at,
		});
		// another upload replaces the file
		const second = Buffer.concat([PDF, Buffer.from('% v2\n')]);
		expect((await uploadParts(invoiceRecord.id, [pdfPart({ content: second })])).status).toBe(200);
		expect(Buffer.from((await anon.get(link)).data)).toEqual(second);
	});

	it('makes invoice_pdf_link and invoice_pdf_link_updated_at response-only, null until a PDF is uploaded', async () => {
		expect(invoiceRecord).toMatchObject({ invoice_pdf_link: null, invoice_pdf_link_updated_at: null });
		expectValidation(await api.post('/v1/invoices', invoice('INV-3', { invoice_pdf_link: 'https://x/a.pdf' })), 'read-only field: invoice_pdf_link');
		expectValidation(
			await api.put('/v1/invoices/ext_INV%2F2%20A', { invoice_pdf_link_updated_at: '2024-04-23T11:00:00Z' }),
			'read-only field: invoice_pdf_link_updated_at',
		);
		expectValidation(
			await api.put('/v1/bulk/invoices', { entries: [{ invoice_id: 'INV/2 A', invoice_pdf_link: null }] }),
			'entries[0].invoice_pdf_link is read-only',
		);
	});

	it.each([
		['no file part', [{ name: 'x', content: 'y' }], ['file is required', 'unknown part: x']],
		['an extra part', [pdfPart(), { name: 'note', content: 'hi' }], ['unknown part: note']],
		['a plain field named file', [{ name: 'file', content: '%PDF-1.4' }], ['file must be a file part with a filename']],
		['an empty filename', [pdfPart({ filename: '' })], ['file needs a filename']],
		['a text/plain part', [pdfPart({ type: 'text/plain' })], ['file must be application/pdf (got "text/plain")']],
		['a part without Content-Type', [pdfPart({ type: '' })], ['file must be application/pdf (got "text/plain")']],
		['content that is not a PDF', [pdfPart({ content: 'GIF89a' })], ['file is not a PDF: its content must start with %PDF-']],
		['an empty file', [pdfPart({ content: '' })], ['file is not a PDF']],
		['two files', [pdfPart(), pdfPart()], ['file must be sent once (got 2 parts named file)']],
	])('rejects %s', async (_name, parts, fragments) => {
		const r = await uploadParts(invoiceRecord.id, parts);
		expectValidation(r, ...fragments);
		expect(r.data.errors.length).toBeGreaterThan(0);
		for (const fragment of fragments)
			expect(r.data.errors).toContainEqual({ field: expect.any(String), message: expect.stringContaining(fragment) });
		expect(sb.invoicePdf(invoiceRecord.id)).toBeUndefined();
		expect(sb.findInvoice('INV/2 A')!.invoice_pdf_link).toBeUndefined();
	});

	it('requires multipart/form-data', async () => {
		expectValidation(await api.post(`/v1/invoices/${invoiceRecord.id}/pdf`, { file: 'x' }), 'Content-Type must be multipart/form-data');
		expectValidation(await upload(invoiceRecord.id, PDF, 'application/pdf'), 'Content-Type must be multipart/form-data with a boundary (got "application/pdf")');
		expectValidation(await upload(invoiceRecord.id, PDF, 'multipart/form-data'), 'with a boundary');
		expectValidation(await upload(invoiceRecord.id, 'garbage', 'multipart/form-data; boundary=XBOUNDARYX'), 'not valid multipart/form-data');
		expectValidation(await upload(invoiceRecord.id, '', 'multipart/form-data; boundary=XBOUNDARYX'), 'not valid multipart/form-data');
	});

	it('404s unknown invoices and routes, and rejects query parameters', async () => {
		expect((await uploadParts('ext_NOPE', [pdfPart()])).status).toBe(404);
		expect((await uploadParts('inv_00000000000000000000', [pdfPart()])).status).toBe(404);
		expect((await api.put(`/v1/invoices/${invoiceRecord.id}/pdf`, {})).status).toBe(404);
		expect((await api.get(`/v1/invoices/${invoiceRecord.id}/pdf`)).status).toBe(404);
		const { body, contentType } = multipart([pdfPart()]);
		expectValidation(
			await api.post(`/v1/invoices/${invoiceRecord.id}/pdf?overwrite=true`, body, { headers: { 'Content-Type': contentType }, transformRequest: [(d: unknown) => d] }),
			'unknown query parameter: overwrite',
		);
		const anon = axios.create({ baseURL: sb.url, validateStatus: () => true });
		expect((await anon.post(`/v1/invoices/${invoiceRecord.id}/pdf`, body, { headers: { 'Content-Type': contentType } })).status).toBe(403);
		for (const file of [`${invoiceRecord.id}.pdf`, 'inv_00000000000000000000.pdf', invoiceRecord.id]) {
			const r = await anon.get(`/files/invoices/${file}`);
			expect(r.status).toBe(404);
			expect(r.data.type).toBe('not_found_error');
		}
	});

	it('takes a file of 10 MiB and answers 413 above that', async () => {
		const tenMiB = Buffer.alloc(10 * 1024 * 1024, 0x20);
		PDF.copy(tenMiB);
		const ok = await uploadParts(invoiceRecord.id, [pdfPart({ content: tenMiB })]);
		expect(ok.status).toBe(200);
		expect(sb.invoicePdf(invoiceRecord.id)!.length).toBe(10 * 1024 * 1024);

		const over = await uploadParts(invoiceRecord.id, [pdfPart({ content: Buffer.concat([tenMiB, Buffer.from(' ')]) })]);
		expect(over.status).toBe(413);
		expect(over.data).toEqual({
			message: 'file is too large: 10485761 bytes (at most 10485760, 10 MiB)',
			type: 'validation_error',
			url: DOCS + 'validation',
			errors: [{ field: 'file', message: 'file is too large (at most 10 MiB)' }],
		});
		const huge = await uploadParts(invoiceRecord.id, [pdfPart({ content: Buffer.concat([tenMiB, tenMiB]) })]);
		expect(huge.status).toBe(413);
		expect(huge.data).toMatchObject({ type: 'validation_error', message: expect.stringContaining('request body too large') });
		expect(sb.invoicePdf(invoiceRecord.id)!.length).toBe(10 * 1024 * 1024);
		// Other routes keep their 10 MiB raw body limit (a 400).
		const big = await api.post('/v1/customers', Buffer.concat([tenMiB, Buffer.from(' ')]), {
			headers: { 'Content-Type': 'application/json' },
			maxBodyLength: Infinity,
		});
		expectValidation(big, 'request body too large');
	});

	it('plays faults like any write: after = stored, response lost', async () => {
		sb.injectFault({ type: '500', method: 'POST', path: /\/pdf$/, when: 'after' });
		expect((await uploadParts(invoiceRecord.id, [pdfPart()])).status).toBe(500);
		expect(sb.invoicePdf(invoiceRecord.id)).toEqual(PDF);
	});
});

// ------------------------------------------------------------------ invoice history

describe('invoice history', () => {
	const HISTORY_KEYS = [
		'id', 'invoice_id', 'invoice_number', 'contact_id', 'customer_external_id', 'type', 'channel',
		'template_name', 'subject', 'sent_to', 'sent_at', 'status',
	].sort();

	let cust1: Json;
	beforeEach(async () => {
		cust1 = await mustPost('/v1/customers', customer('CUST-1', { contact_email_address: 'ap@acme.example', mobile_number: '+447700900001' }));
		await mustPost('/v1/customers', customer('CUST-2', { company_name: 'Beta GmbH' }));
		await mustPost('/v1/invoices', invoice('INV-1', { invoice_number: 'SI-1' }));
		await mustPost('/v1/invoices', invoice('INV-2', { invoice_number: 'SI-2', customer_external_id: 'CUST-2' }));
		await mustPost('/v1/invoices', invoice('INV-3', { invoice_number: 'SI-3' }));
		sb.addHistory('INV-1', { sent_at: '2024-05-24T09:00:00Z' });
		sb.addHistory('INV-2', { sent_at: '2024-05-25T09:00:00Z', channel: 'sms', status: 'failed' });
		sb.addHistory('INV-1', { sent_at: '2024-05-31T09:00:00Z', template_name: 'Second reminder', subject: 'Still unpaid' });
		sb.addHistory('INV-1', { sent_at: '2024-05-20T09:00:00Z', type: 'reminder' }); // added late, sent first
	});

	const ids = async (url: string, params: Json = {}) => {
		const r = await api.get(url, { params });
		expect(r.status).toBe(200);
		return r.data.data.map((e: Json) => `${e.invoice_id}@${e.sent_at.slice(5, 10)}`);
	};

	it('lists every entry oldest first in a list envelope, with the shape the sandbox assumes', async () => {
		const r = await api.get('/v1/invoices/history');
		expect(r.data).toMatchObject({
			url: 'https://openapi.chaserhq.com/v1/invoices/history',
			object: 'list',
			page_number: 0,
			page_size: 100,
			total_count: 4,
		});
		expect(r.data.data.map((e: Json) => e.sent_at)).toEqual([
			'2024-05-20T09:00:00Z', '2024-05-24T09:00:00Z', '2024-05-25T09:00:00Z', '2024-05-31T09:00:00Z',
		]);
		for (const e of r.data.data) expect(Object.keys(e).sort()).toEqual(HISTORY_KEYS);
		expect(r.data.data[0]).toEqual({
			id: expect.stringMatching(/^his_[0-9a-f]{20}$/),
			invoice_id: 'INV-1',
			invoice_number: 'SI-1',
			contact_id: cust1.id,
			customer_external_id: 'CUST-1',
			type: 'reminder',
			channel: 'email',
			template_name: 'Reminder',
			subject: 'Invoice SI-1 is overdue',
			sent_to: 'ap@acme.example',
			sent_at: '2024-05-20T09:00:00Z',
			status: 'sent',
		});
		expect(r.data.data[2]).toMatchObject({ invoice_id: 'INV-2', channel: 'sms', subject: null, sent_to: null, status: 'failed', template_name: 'SMS reminder' });
		expect(r.data.data[3]).toMatchObject({ template_name: 'Second reminder', subject: 'Still unpaid' });
		expect(sb.count('invoice_history')).toBe(4);
	});

	it('pages and filters on invoice_id, invoice_number and contact_id, in every filter spelling', async () => {
		expect(await ids('/v1/invoices/history', { page: 1, limit: 3 })).toEqual(['INV-1@05-31']);
		expect((await api.get('/v1/invoices/history', { params: { limit: 3 } })).data).toMatchObject({ page_size: 3, total_count: 4 });
		expect(await ids('/v1/invoices/history', { invoice_id: 'INV-2' })).toEqual(['INV-2@05-25']);
		expect(await ids('/v1/invoices/history', { 'filter[invoice_number][eq]': 'SI-1' })).toEqual(['INV-1@05-20', 'INV-1@05-24', 'INV-1@05-31']);
		expect(await ids('/v1/invoices/history', { 'contact_id[ne]': cust1.id })).toEqual(['INV-2@05-25']);
		expect(await ids('/v1/invoices/history', { 'filter[invoice_id][in]': 'INV-2,INV-3' })).toEqual(['INV-2@05-25']);
		expect(await ids('/v1/invoices/history', { contact_id: cust1.id, limit: 1, page: 2 })).toEqual(['INV-1@05-31']);
		expectValidation(await api.get('/v1/invoices/history', { params: { customer_external_id: 'CUST-1' } }), 'unknown filter field: customer_external_id (filterable: invoice_id, invoice_number, contact_id)');
		expectValidation(await api.get('/v1/invoices/history', { params: { 'invoice_id[like]': 'INV' } }), 'invalid filter operator for invoice_id: like');
		expectValidation(await api.get('/v1/invoices/history', { params: { limit: 101 } }), 'limit');
		expectValidation(await api.get('/v1/invoices/history', { params: { date_from: '2024-05-01' } }), 'unknown filter field: date_from');
	});

	it("lists one invoice's entries by internal or ext_ id, pages them, and 404s unknown invoices", async () => {
		const inv1 = sb.findInvoice('INV-1')!;
		const r = await api.get(`/v1/invoices/${inv1.id}/history`);
		expect(r.data).toMatchObject({ url: `https://openapi.chaserhq.com/v1/invoices/${inv1.id}/history`, object: 'list', total_count: 3 });
		expect(await ids('/v1/invoices/ext_INV-1/history', { page: 1, limit: 2 })).toEqual(['INV-1@05-31']);
		expect((await api.get('/v1/invoices/ext_INV-3/history')).data).toMatchObject({ total_count: 0, data: [] });
		expect((await api.get('/v1/invoices/ext_NOPE/history')).status).toBe(404);
		expect((await api.get('/v1/invoices/inv_00000000000000000000/history')).status).toBe(404);
		expect((await api.post('/v1/invoices/ext_INV-1/history', {})).status).toBe(404);
		expectValidation(await api.get('/v1/invoices/ext_INV-1/history', { params: { invoice_id: 'INV-1' } }), 'unknown filter field: invoice_id (this list has no filters)');
		expect(sb.invoiceHistory('INV-1').map((e) => e.sent_at)).toEqual(['2024-05-20T09:00:00Z', '2024-05-24T09:00:00Z', '2024-05-31T09:00:00Z']);
		expect(sb.invoiceHistory('NOPE')).toEqual([]);
	});

	it('does not take /v1/invoices/history for an invoice called history', async () => {
		await mustPost('/v1/invoices', invoice('history'));
		sb.addHistory('history', { sent_at: '2024-06-01T09:00:00Z' });
		expect((await api.get('/v1/invoices/history')).data.total_count).toBe(5);
		expect((await api.get('/v1/invoices/ext_history')).data.data.invoice_id).toBe('history');
		expect(await ids('/v1/invoices/ext_history/history')).toEqual(['history@06-01']);
		expect((await api.put('/v1/invoices/ext_history', { amount_due: 0 })).status).toBe(200);
	});

	it('keeps entries attached when the invoice_id or the customer external_id changes', async () => {
		expect((await api.put('/v1/invoices/ext_INV-1', { invoice_id: 'INV-1B', invoice_number: 'SI-1B' })).status).toBe(200);
		expect((await api.put('/v1/customers/ext_CUST-1', { external_id: 'CUST-1B' })).status).toBe(200);
		const entries = (await api.get('/v1/invoices/ext_INV-1B/history')).data.data;
		expect(entries).toHaveLength(3);
		// the identifying fields follow; what was sent (invoice_number, subject) stays as sent
		expect(entries[0]).toMatchObject({ invoice_id: 'INV-1B', customer_external_id: 'CUST-1B', contact_id: cust1.id, invoice_number: 'SI-1' });
		expect(await ids('/v1/invoices/history', { invoice_id: 'INV-1B' })).toHaveLength(3);
	});

	it('validates addHistory input and is emptied by reset()', () => {
		expect(() => sb.addHistory('NOPE', {})).toThrow('addHistory: unknown invoice: NOPE');
		expect(() => sb.addHistory('INV-1', { channel: 'fax' })).toThrow('invalid field: channel must be one of email, sms');
		expect(() => sb.addHistory('INV-1', { sent_at: '2024-05-20' })).toThrow('invalid field: sent_at');
		expect(() => sb.addHistory('INV-1', { sentAt: '2024-05-20T09:00:00Z' } as never)).toThrow('unknown field: sentAt');
		const added = sb.addHistory(sb.findInvoice('INV-3')!.id, {});
		expect(Date.now() - Date.parse(added.sent_at)).toBeLessThan(5000);
		expect(sb.count('history')).toBe(5);
		sb.reset();
		expect(sb.count('invoice_history')).toBe(0);
	});
});

describe('seeded invoice history', () => {
	let demo: Sandbox;
	beforeAll(async () => {
		demo = await createSandbox({ seed: 'demo', apiKey: KEY, apiSecret: SECRET });
	});
	afterAll(async () => {
		await demo.close();
	});

	const DAY = 86_400_000;
	const REFERENCE = Date.parse('2025-06-30T00:00:00Z');

	it('gives overdue invoices the reminders sent up to the reference date, and late-paid ones until payment', () => {
		const invoices = [...demo.store.invoices.values()];
		expect(demo.count('invoice_history')).toBeGreaterThan(100);
		let overdue = 0;
		for (const inv of invoices) {
			const entries = demo.invoiceHistory(inv.invoice_id);
			const due = Date.parse(inv.due_date);
			const dueDay = Math.floor(due / DAY) * DAY;
			const firstAt = dueDay + DAY + 9 * 3600_000;
			if (inv.status === 'DRAFT' || inv.status === 'VOIDED') expect(entries).toEqual([]);
			if (inv.status === 'AUTHORISED' && inv.amount_due > 0 && firstAt <= REFERENCE) {
				overdue++;
				expect(Date.parse(entries[0].sent_at)).toBe(firstAt);
				expect(entries[1] === undefined || Date.parse(entries[1].sent_at) === dueDay + 8 * DAY + 9 * 3600_000).toBe(true);
			}
			for (const e of entries) {
				expect(Date.parse(e.sent_at)).toBeLessThanOrEqual(inv.status === 'PAID' ? Date.parse(inv.fully_paid_date) : REFERENCE);
				expect(e).toMatchObject({ invoice_id: inv.invoice_id, invoice_number: inv.invoice_number, customer_external_id: inv.customer_external_id });
				expect(e.contact_id).toBe(demo.findCustomer(inv.customer_external_id)!.id);
			}
			const times = entries.map((e) => Date.parse(e.sent_at));
			expect(times).toEqual([...times].sort((a, b) => a - b));
		}
		expect(overdue).toBeGreaterThan(10);
		const all = [...demo.store.collections.invoiceHistory.order];
		expect(all.map((e) => e.sent_at)).toEqual(all.map((e) => e.sent_at).sort());
		expect(new Set(all.map((e) => e.channel))).toEqual(new Set(['email', 'sms']));
		expect(all.some((e) => e.status === 'failed')).toBe(true);
	});

	it('answers "when was the last reminder sent" over HTTP', async () => {
		const c = client(demo);
		const inv = [...demo.store.invoices.values()].find((i) => demo.invoiceHistory(i.invoice_id).length > 3)!;
		const total = (await c.get(`/v1/invoices/ext_${encodeURIComponent(inv.invoice_id)}/history`, { params: { limit: 1 } })).data.total_count;
		const last = await c.get(`/v1/invoices/${inv.id}/history`, { params: { limit: 1, page: total - 1 } });
		expect(last.data.data[0]).toEqual(demo.invoiceHistory(inv.id).at(-1));
	});

	it('is deterministic and leaves the rest of the seeded data as it was without history', async () => {
		const other = await createSandbox({ seed: 'demo' });
		const without = await createSandbox({
			seed: { customers: 24, invoicesPerCustomer: 5, creditNotes: 10, overpayments: 6, contactPersonsPerCustomer: 1 },
		});
		try {
			const entries = (s: Sandbox) => [...s.store.collections.invoiceHistory.order];
			expect(entries(other)).toEqual(entries(demo));
			expect(without.count('invoice_history')).toBe(0);
			const records = (s: Sandbox) =>
				[...s.store.customers.values(), ...s.store.invoices.values(), ...s.store.creditNotes.values(), ...s.store.overpayments.values()].map(
					(rec) => {
						const copy: Json = { ...rec };
						delete copy.created_at;
						delete copy.updated_at;
						return copy;
					},
				);
			expect(records(without)).toEqual(records(demo));
		} finally {
			await other.close();
			await without.close();
		}
	});
});

// ------------------------------------------------------------------ credit notes and overpayments

describe('credit notes and overpayments', () => {
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
		await mustPost('/v1/customers', customer('CUST-2', { company_name: 'Beta GmbH' }));
	});

	it('creates credit notes with default ACTIVE and stores the date as sent', async () => {
		const a = await mustPost('/v1/credit_notes', creditNote('CN-1', { date: '2024-03-05' }));
		expect(a).toMatchObject({ id: expect.stringMatching(/^crn_/), status: 'ACTIVE', date: '2024-03-05', customer_name: 'Acme Widgets Ltd' });
		const b = await mustPost('/v1/credit_notes', creditNote('CN-2', { status: 'AUTHORISED' }));
		expect(b.date).toBe('2024-04-23T11:00:00Z');
		expectValidation(await api.post('/v1/credit_notes', creditNote('CN-3', { status: 'OPEN' })), 'status must be one of ACTIVE');
		expectValidation(await api.post('/v1/credit_notes', creditNote('CN-1')), 'credit_note_id already exists');
		expectValidation(await api.post('/v1/credit_notes', creditNote('CN-4', { date: '05/03/2024' })), 'invalid field: date');
		expect((await api.get('/v1/credit_notes/ext_CN-1')).data.object).toBe('credit_note');
	});

	it('filters credit notes by status, customer and date range', async () => {
		await mustPost('/v1/credit_notes', creditNote('CN-1', { date: '2024-03-01T09:00:00Z' }));
		await mustPost('/v1/credit_notes', creditNote('CN-2', { date: '2024-03-31T23:00:00Z', status: 'PAID' }));
		await mustPost('/v1/credit_notes', creditNote('CN-3', { date: '2024-04-01', customer_external_id: 'CUST-2' }));
		const ids = async (params: Json) =>
			(await api.get('/v1/credit_notes', { params })).data.data.map((c: Json) => c.credit_note_id);
		expect(await ids({ date_from: '2024-03-01', date_to: '2024-03-31' })).toEqual(['CN-1', 'CN-2']);
		expect(await ids({ date_from: '2024-03-02' })).toEqual(['CN-2', 'CN-3']);
		expect(await ids({ status: 'PAID' })).toEqual(['CN-2']);
		expect(await ids({ customer_external_id: 'CUST-2' })).toEqual(['CN-3']);
		expect(await ids({ 'filter[date][gt]': '2024-03-31' })).toEqual(['CN-3']);
		expect(await ids({ 'date[lt]': '2024-03-31T23:00:00Z' })).toEqual(['CN-1']);
		expectValidation(await api.get('/v1/credit_notes', { params: { date_from: '01/03/2024' } }), 'date');
	});

	it('creates overpayments with default AUTHORISED and strict dates', async () => {
		const o = await mustPost('/v1/overpayments', overpayment());
		expect(o).toMatchObject({ id: expect.stringMatching(/^ovp_/), status: 'AUTHORISED', customer_name: 'Acme Widgets Ltd' });
		expectValidation(await api.post('/v1/overpayments', overpayment('OP-2', { date: '2024-04-23' })), 'invalid field: date');
		expectValidation(await api.post('/v1/overpayments', overpayment('OP-3', { status: 'ACTIVE' })), 'invalid field: status');
		const put = await api.put('/v1/overpayments/ext_OP-1', { remaining_credit: 0, status: 'PAID' });
		expect(put.data.data).toMatchObject({ remaining_credit: 0, status: 'PAID', total: 20 });
		expect(sb.findOverpayment('OP-1')!.status).toBe('PAID');
		expect(sb.findCreditNote('nothing')).toBeUndefined();
	});
});

// ------------------------------------------------------------------ lists: paging and filters

describe('lists', () => {
	beforeEach(async () => {
		sb.seed({ customers: 3 });
		for (let i = 1; i <= 7; i++)
			await mustPost('/v1/invoices', invoice(`INV-${i}`, {
				customer_external_id: i % 2 ? 'CUST-00001' : 'CUST-00002',
				amount_due: i * 100,
				status: i <= 2 ? 'PAID' : 'AUTHORISED',
				date: `2024-0${i}-15T10:00:00Z`,
			}));
	});

	const ids = async (params: Json) =>
		(await api.get('/v1/invoices', { params })).data.data.map((inv: Json) => inv.invoice_id);

	it('pages in insertion order with total_count', async () => {
		const r = await api.get('/v1/invoices', { params: { page: 1, limit: 3 } });
		expect(r.data).toMatchObject({
			url: 'https://openapi.chaserhq.com/v1/invoices',
			object: 'list',
			page_number: 1,
			page_size: 3,
			total_count: 7,
		});
		expect(r.data.data.map((i: Json) => i.invoice_id)).toEqual(['INV-4', 'INV-5', 'INV-6']);
		expect(await ids({ page: 2, limit: 3 })).toEqual(['INV-7']);
		expect(await ids({ page: 9, limit: 3 })).toEqual([]);
		expect((await api.get('/v1/invoices')).data.page_size).toBe(100);
	});

	it.each([
		[{ page: -1 }, 'page'],
		[{ page: 'one' }, 'page'],
		[{ page: 1.5 }, 'page'],
		[{ limit: 0 }, 'limit'],
		[{ limit: 101 }, 'limit'],
		[{ limit: 'all' }, 'limit'],
		[{ page_size: 10 }, 'unknown filter field: page_size'],
		[{ offset: 10 }, 'unknown filter field: offset'],
	])('rejects paging %j', async (params, fragment) => {
		expectValidation(await api.get('/v1/invoices', { params }), fragment);
	});

	it('accepts the three filter spellings', async () => {
		expect(await ids({ status: 'PAID' })).toEqual(['INV-1', 'INV-2']);
		expect(await ids({ 'status[eq]': 'PAID' })).toEqual(['INV-1', 'INV-2']);
		expect(await ids({ 'filter[status][eq]': 'PAID' })).toEqual(['INV-1', 'INV-2']);
		expect(await ids({ 'filter[status]': 'PAID' })).toEqual(['INV-1', 'INV-2']);
	});

	it('supports every operator and combines filters with AND', async () => {
		expect(await ids({ 'amount_due[gt]': 500 })).toEqual(['INV-6', 'INV-7']);
		expect(await ids({ 'amount_due[gte]': 500 })).toEqual(['INV-5', 'INV-6', 'INV-7']);
		expect(await ids({ 'amount_due[lt]': 200 })).toEqual(['INV-1']);
		expect(await ids({ 'amount_due[lte]': 200 })).toEqual(['INV-1', 'INV-2']);
		expect(await ids({ 'status[ne]': 'AUTHORISED' })).toEqual(['INV-1', 'INV-2']);
		expect(await ids({ 'invoice_id[in]': 'INV-3,INV-5,INV-99' })).toEqual(['INV-3', 'INV-5']);
		expect(await ids({ 'filter[invoice_id][nin]': 'INV-1,INV-2,INV-3' })).toEqual(['INV-4', 'INV-5', 'INV-6', 'INV-7']);
		expect(await ids({ customer_external_id: 'CUST-00002', 'amount_due[gte]': 400 })).toEqual(['INV-4', 'INV-6']);
		expect(await ids({ date_from: '2024-03-15', date_to: '2024-05-15' })).toEqual(['INV-3', 'INV-4', 'INV-5']);
		expect(await ids({ 'due_date[gte]': '2024-05-23T11:00:00Z' })).toHaveLength(7);
		const paged = await api.get('/v1/invoices', { params: { status: 'AUTHORISED', limit: 2, page: 1 } });
		expect(paged.data.total_count).toBe(5);
		expect(paged.data.data.map((i: Json) => i.invoice_id)).toEqual(['INV-5', 'INV-6']);
	});

	it.each([
		[{ companyName: 'x' }, 'unknown filter field: companyName'],
		[{ 'filter[customer][eq]': 'x' }, 'unknown filter field: customer'],
		[{ 'status[like]': 'PAID' }, 'invalid filter operator for status: like'],
		[{ status: 'paid' }, 'invalid filter value for status'],
		[{ 'amount_due[gt]': 'lots' }, 'invalid filter value for amount_due'],
		[{ 'date[gt]': 'yesterday' }, 'invalid filter value for date'],
		[{ 'filter[status': 'PAID' }, 'invalid query parameter'],
	])('rejects filter %j', async (params, fragment) => {
		expectValidation(await api.get('/v1/invoices', { params }), fragment);
	});

	it('filters customers', async () => {
		const r = await api.get('/v1/customers', { params: { 'filter[external_id][in]': 'CUST-00001,CUST-00003' } });
		expect(r.data.data.map((c: Json) => c.external_id)).toEqual(['CUST-00001', 'CUST-00003']);
		expectValidation(await api.get('/v1/customers', { params: { amount_due: 1 } }), 'unknown filter field: amount_due');
	});

	// How fast is the benchmark's business (npm run bench), not a test's: these machines are shared and noisy.
	it('pages through 50,000 customers', async () => {
		sb.reset();
		sb.addCustomers(50000);
		expect(sb.count('customers')).toBe(50000);
		const last = await api.get('/v1/customers', { params: { page: 499, limit: 100 } });
		const first = await api.get('/v1/customers', { params: { page: 0, limit: 100 } });
		expect(last.data.total_count).toBe(50000);
		expect(last.data.data).toHaveLength(100);
		expect(last.data.data[99].external_id).toBe('CUST-50000');
		expect(first.data.data[0].external_id).toBe('CUST-00001');
	});
});

// ------------------------------------------------------------------ bulk

describe('bulk upserts', () => {
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
	});

	it('inserts and modifies, reporting counts and inserted ids', async () => {
		const existing = await mustPost('/v1/invoices', invoice('INV-1'));
		const r = await api.put('/v1/bulk/invoices', {
			entries: [invoice('INV-2'), { invoice_id: 'INV-1', amount_due: 0, status: 'PAID' }, invoice('INV-3')],
		});
		expect(r.status).toBe(200);
		expect(r.data.object).toBe('bulk_result');
		expect(r.data.url).toBe('https://openapi.chaserhq.com/v1/bulk/invoices');
		expect(r.data.data).toEqual({
			modified_count: 1,
			inserted_count: 2,
			inserted_ids: [
				{ index: 0, id: sb.findInvoice('INV-2')!.id },
				{ index: 2, id: sb.findInvoice('INV-3')!.id },
			],
		});
		expect(sb.findInvoice('INV-1')).toMatchObject({ id: existing.id, status: 'PAID', amount_due: 0, total: 120 });
	});

	it('matches on id too', async () => {
		const c = await mustPost('/v1/customers', customer('CUST-2'));
		const r = await api.put('/v1/bulk/customers', { entries: [{ id: c.id, company_name: 'Renamed plc' }] });
		expect(r.data.data).toMatchObject({ modified_count: 1, inserted_count: 0 });
		expect(sb.findCustomer('CUST-2')!.company_name).toBe('Renamed plc');
		expectValidation(
			await api.put('/v1/bulk/customers', { entries: [{ id: 'cus_nope', company_name: 'x' }] }),
			'entries[0].id not found: cus_nope',
		);
	});

	it('is all-or-nothing and reports every bad entry index', async () => {
		const entries = Array.from({ length: 10 }, (_, i) => invoice(`INV-${i}`));
		entries[3] = invoice('INV-3', { currency_code: 'pounds' });
		entries[7] = invoice('INV-7', { amountDue: 5 });
		const r = await api.put('/v1/bulk/invoices', { entries });
		expectValidation(r, 'entries[3].currency_code must be an ISO 4217 code', 'entries[7].amountDue');
		expect(r.data.errors).toEqual([
			{ index: 3, field: 'currency_code', message: expect.stringContaining('entries[3].currency_code') },
			{ index: 7, field: 'amountDue', message: expect.stringContaining('entries[7].amountDue is not a known field') },
		]);
		expect(sb.count('invoices')).toBe(0);
	});

	it('validates new entries as creates and existing ones as updates', async () => {
		await mustPost('/v1/invoices', invoice('INV-1'));
		const r = await api.put('/v1/bulk/invoices', { entries: [{ invoice_id: 'INV-1', amount_due: 1 }, { invoice_id: 'INV-2' }] });
		expectValidation(r, 'entries[1].invoice_number is required');
		expect(r.data.errors.every((e: Json) => e.index === 1)).toBe(true);
		expect(sb.findInvoice('INV-1')!.amount_due).toBe(120);
	});

	it('rejects the same record twice, unknown customers and bad envelopes', async () => {
		expectValidation(await api.put('/v1/bulk/invoices', { entries: [invoice('INV-1'), invoice('INV-1')] }), 'entries[1].invoice_id duplicates entries[0]');
		expectValidation(
			await api.put('/v1/bulk/invoices', { entries: [invoice('INV-1', { customer_external_id: 'X' })] }),
			'entries[0].customer_external_id references an unknown customer: X',
		);
		expectValidation(await api.put('/v1/bulk/invoices', { entries: [] }), 'entries must contain between 1 and 100');
		expectValidation(
			await api.put('/v1/bulk/invoices', { entries: Array.from({ length: 101 }, (_, i) => invoice(`INV-${i}`)) }),
			'got 101',
		);
		expectValidation(await api.put('/v1/bulk/invoices', [invoice()]), 'JSON object');
		expectValidation(await api.put('/v1/bulk/invoices', { data: [invoice()] }), 'unknown field: data');
		expectValidation(await api.put('/v1/bulk/invoices', { entries: ['x'] }), 'entries[0] must be an object');
		expect((await api.post('/v1/bulk/invoices', { entries: [invoice()] })).status).toBe(404);
		expect(sb.count('invoices')).toBe(0);
	});

	it('upserts credit notes and overpayments', async () => {
		const cn = await api.put('/v1/bulk/credit_notes', { entries: [creditNote('CN-1'), creditNote('CN-2')] });
		expect(cn.data.data.inserted_count).toBe(2);
		const op = await api.put('/v1/bulk/overpayments', { entries: [overpayment('OP-1')] });
		expect(op.data.data.inserted_count).toBe(1);
		const again = await api.put('/v1/bulk/overpayments', { entries: [{ overpayment_id: 'OP-1', total: 30 }] });
		expect(again.data.data).toMatchObject({ modified_count: 1, inserted_count: 0, inserted_ids: [] });
	});

	it('stores 10,000 invoices in 100 bulk requests', async () => {
		sb.seed({ customers: 50 });
		const customers = [...sb.store.customers.values()];
		for (let b = 0; b < 100; b++) {
			const entries = Array.from({ length: 100 }, (_, i) =>
				invoice(`BULK-${b}-${i}`, {
					customer_external_id: customers[(b + i) % customers.length].external_id,
					payments: [{ amount: 10, date: '2024-04-24T10:00:00Z' }],
				}),
			);
			const r = await api.put('/v1/bulk/invoices', { entries });
			expect(r.status).toBe(200);
		}
		expect(sb.count('invoices')).toBe(10000);
	});
});

// ------------------------------------------------------------------ rate limit

describe('rate limit', () => {
	afterEach(() => sb.setRateLimit(null));

	it('answers 429 with Retry-After when the window is full, and frees slots as time passes', async () => {
		sb.setRateLimit({ requests: 3, windowMs: 1000, retryAfter: true });
		for (let i = 0; i < 3; i++) expect((await api.get('/v1/organisation')).status).toBe(200);
		const r = await api.get('/v1/organisation');
		expect(r.status).toBe(429);
		expect(r.data).toEqual({ message: 'rate limit exceeded', type: 'rate_limit_error', url: DOCS + 'rate_limit' });
		expect(r.headers['retry-after']).toBe('1');
		await sleep(1050);
		expect((await api.get('/v1/organisation')).status).toBe(200);
	});

	it('does not count 429s or unauthenticated requests, and omits Retry-After unless asked', async () => {
		sb.setRateLimit({ requests: 2, windowMs: 1000 });
		const anon = axios.create({ baseURL: sb.url, validateStatus: () => true });
		for (let i = 0; i < 5; i++) expect((await anon.get('/v1/organisation')).status).toBe(403);
		const t0 = Date.now();
		expect((await api.get('/v1/organisation')).status).toBe(200);
		await sleep(100);
		expect((await api.get('/v1/organisation')).status).toBe(200);
		const limited = await api.get('/v1/organisation');
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBeUndefined();
		for (let i = 0; i < 5; i++) expect((await api.get('/v1/organisation')).status).toBe(429);
		// The first request leaves the window 1 s after it arrived; the rejected ones did not extend it.
		await sleep(Math.max(0, t0 + 1050 - Date.now()));
		expect((await api.get('/v1/organisation')).status).toBe(200);
	});

	it('can be switched off and is cleared by reset()', async () => {
		sb.setRateLimit({ requests: 1, windowMs: 60000, retryAfter: true });
		expect((await api.get('/v1/organisation')).status).toBe(200);
		const r = await api.get('/v1/organisation');
		expect(r.status).toBe(429);
		expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(59);
		sb.reset();
		expect((await api.get('/v1/organisation')).status).toBe(200);
		sb.setRateLimit(null);
		for (let i = 0; i < 5; i++) expect((await api.get('/v1/organisation')).status).toBe(200);
	});
});

// ------------------------------------------------------------------ faults

describe('fault injection', () => {
	beforeEach(async () => {
		await mustPost('/v1/customers', customer('CUST-1'));
		sb.clearLog();
	});

	it('500 before: the request is not applied', async () => {
		const handle = sb.injectFault({ type: '500', method: 'POST', path: '/v1/invoices' });
		const r = await api.post('/v1/invoices', invoice());
		expect(r.status).toBe(500);
		expect(r.data).toEqual({ message: 'internal server error', type: 'internal_server_error', url: DOCS + 'internal_server_error' });
		expect(sb.count('invoices')).toBe(0);
		expect(handle).toMatchObject({ hits: 1, remaining: 0 });
		expect(sb.requests[0]).toMatchObject({ method: 'POST', path: '/v1/invoices', status: 500, fault: '500' });
		expect((await api.post('/v1/invoices', invoice())).status).toBe(200);
	});

	it('500 after: the create lands but the response is lost', async () => {
		sb.injectFault({ type: '500', path: '/v1/invoices', when: 'after' });
		expect((await api.post('/v1/invoices', invoice())).status).toBe(500);
		expect(sb.findInvoice('INV-1')).toMatchObject({ invoice_id: 'INV-1', id: expect.stringMatching(/^inv_/) });
		expectValidation(await api.post('/v1/invoices', invoice()), 'invoice_id already exists');
	});

	it('matches method, path prefix, RegExp and count', async () => {
		sb.injectFault({ type: '503', method: 'PUT', count: 2 });
		sb.injectFault({ type: '502', path: /^\/v1\/customers\/ext_/ });
		expect((await api.get('/v1/customers')).status).toBe(200);
		const proxied = await api.get('/v1/customers/ext_CUST-1');
		expect(proxied.status).toBe(502);
		expect(proxied.headers['content-type']).toMatch(/^text\/html/);
		expect((await api.get('/v1/customers/ext_CUST-1')).status).toBe(200);
		expect((await api.put('/v1/customers/ext_CUST-1', { status: 'ARCHIVED' })).status).toBe(503);
		expect((await api.put('/v1/customers/ext_CUST-1', { status: 'ARCHIVED' })).status).toBe(503);
		expect(sb.findCustomer('CUST-1')!.status).toBe('ACTIVE');
		expect((await api.put('/v1/customers/ext_CUST-1', { status: 'ARCHIVED' })).status).toBe(200);
	});

	it('504 with a Chaser-style JSON body when asked', async () => {
		sb.injectFault({ type: '504', format: 'json' });
		const r = await api.get('/v1/organisation');
		expect(r.status).toBe(504);
		expect(r.data.type).toBe('internal_server_error');
	});

	it('429 with Retry-After seconds or an HTTP-date', async () => {
		sb.injectFault({ type: '429', retryAfter: 3 });
		const a = await api.get('/v1/organisation');
		expect(a.status).toBe(429);
		expect(a.headers['retry-after']).toBe('3');
		sb.injectFault({ type: '429', retryAfter: 'date' });
		const b = await api.get('/v1/organisation');
		const when = Date.parse(b.headers['retry-after']);
		expect(when).toBeGreaterThan(Date.now() - 1000);
		expect(when).toBeLessThan(Date.now() + 3000);
		sb.injectFault({ type: 429 });
		const c = await api.get('/v1/organisation');
		expect(c.status).toBe(429);
		expect(c.headers['retry-after']).toBeUndefined();
	});

	it('reset destroys the socket without a response', async () => {
		sb.injectFault({ type: 'reset', when: 'after' });
		await expect(api.post('/v1/invoices', invoice())).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|ERR_/) });
		expect(sb.findInvoice('INV-1')).toMatchObject({ invoice_id: 'INV-1', id: expect.stringMatching(/^inv_/) });
		expect(sb.requests[0]).toMatchObject({ status: 0, fault: 'reset' });
		expect((await api.get('/v1/organisation')).status).toBe(200);
	});

	it('malformed sends truncated JSON with status 200', async () => {
		sb.injectFault({ type: 'malformed' });
		const r = await api.get('/v1/customers', { responseType: 'text', transformResponse: (x) => x });
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toMatch(/^application\/json/);
		expect(() => JSON.parse(r.data)).toThrow();
	});

	it('slow before: a client that times out leaves nothing applied', async () => {
		sb.injectFault({ type: 'slow', delayMs: 300 });
		await expect(api.post('/v1/invoices', invoice(), { timeout: 100 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
		await sleep(400);
		expect(sb.count('invoices')).toBe(0);
	});

	it('slow before: a patient client gets the answer after the delay', async () => {
		sb.injectFault({ type: 'slow', delayMs: 200 });
		const t0 = Date.now();
		expect((await api.post('/v1/invoices', invoice())).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
		expect(sb.requests[0]).toMatchObject({ fault: 'slow', status: 200 });
	});

	it('slow after: applied at once, response delayed', async () => {
		sb.injectFault({ type: 'slow', delayMs: 300, when: 'after' });
		await expect(api.post('/v1/invoices', invoice(), { timeout: 100 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
		expect(sb.findInvoice('INV-1')).toMatchObject({ invoice_id: 'INV-1', id: expect.stringMatching(/^inv_/) });
	});

	it('only faults authenticated requests; cancel() and clearFaults() remove faults', async () => {
		const h = sb.injectFault({ type: '500', count: Infinity });
		const anon = axios.create({ baseURL: sb.url, validateStatus: () => true });
		expect((await anon.get('/v1/organisation')).status).toBe(403);
		expect((await anon.get('/status/')).status).toBe(200);
		expect((await api.get('/v1/organisation')).status).toBe(500);
		h.cancel();
		expect((await api.get('/v1/organisation')).status).toBe(200);
		sb.injectFault({ type: '500', count: 5 });
		sb.clearFaults();
		expect((await api.get('/v1/organisation')).status).toBe(200);
		expect(() => sb.injectFault({ type: 'explode' as never })).toThrow(/unknown fault type/);
	});
});

// ------------------------------------------------------------------ log, seeding, lifecycle

describe('request log', () => {
	it('records method, path, parsed query and body, status and time', async () => {
		const before = Date.now();
		await api.post('/v1/customers', customer());
		await api.get('/v1/customers', { params: { 'filter[status][in]': 'ACTIVE,ARCHIVED', limit: 5 } });
		await api.post('/v1/customers', 'not json', raw);
		expect(sb.requests).toHaveLength(3);
		expect(sb.requests[0]).toMatchObject({ method: 'POST', path: '/v1/customers', body: customer(), status: 200 });
		expect(sb.requests[0].time).toBeGreaterThanOrEqual(before);
		expect(sb.requests[1]).toMatchObject({ method: 'GET', query: { 'filter[status][in]': 'ACTIVE,ARCHIVED', limit: '5' } });
		expect(sb.requests[2]).toMatchObject({ body: 'not json', status: 400, error: expect.stringContaining('not valid JSON') });
		sb.clearLog();
		expect(sb.requests).toHaveLength(0);
	});

	it('counts the busiest window over every request it received, 429s included', async () => {
		sb.setRateLimit({ requests: 2, windowMs: 60_000 });
		for (let i = 0; i < 3; i++) await api.get('/v1/customers');
		expect(sb.requests.map((request) => request.status)).toEqual([200, 200, 429]);
		expect(sb.busiestWindow(60_000)).toBe(3);
		expect(busiestWindow([0, 10, 59_999, 60_000, 120_000], 60_000)).toBe(3);
		expect(busiestWindow([0, 60_000, 120_000], 60_000)).toBe(1);
		expect(busiestWindow([], 60_000)).toBe(0);
	});
});

describe('audit', () => {
	it('names the keys it does not hold and those it holds more than once', async () => {
		await api.post('/v1/customers', customer('A'));
		await api.post('/v1/customers', customer('B'));
		// Two customers with one external ID cannot be made through the API: stand for a store gone wrong.
		sb.store.collections.customers.order.push({ ...sb.findCustomer('B'), id: 'dup' });
		expect(sb.audit('customers', 'external_id', ['A', 'B', 'C'])).toEqual({ missing: ['C'], duplicated: ['B'] });
		expect(sb.audit('customer', 'external_id', ['A'])).toEqual({ missing: [], duplicated: [] });
		expect(() => sb.audit('nothing', 'id', [])).toThrow('unknown kind: nothing');
	});
});

describe('seeding', () => {
	it('is deterministic and realistic', async () => {
		const a = await createSandbox({ seed: 'demo' });
		const b = await createSandbox({ seed: 'demo' });
		try {
			const strip = (s: Sandbox) =>
				[...s.store.invoices.values(), ...s.store.customers.values()].map((rec) => {
					const copy: Json = { ...rec };
					delete copy.created_at;
					delete copy.updated_at;
					return copy;
				});
			expect(strip(a)).toEqual(strip(b));
			expect(a.count('customers')).toBe(24);
			expect(a.count('invoices')).toBe(120);
			expect(a.count('credit_notes')).toBe(10);
			expect(a.count('overpayments')).toBe(6);
			expect(a.count('contact_persons')).toBe(24);
			const statuses = new Set([...a.store.invoices.values()].map((i) => i.status));
			expect(statuses).toEqual(expect.objectContaining({ size: expect.any(Number) }));
			expect(statuses.has('PAID') && statuses.has('AUTHORISED')).toBe(true);
			const currencies = new Set([...a.store.invoices.values()].map((i) => i.currency_code));
			expect(currencies.size).toBeGreaterThan(1);
		} finally {
			await a.close();
			await b.close();
		}
	});

	it('produces records that pass the API validation (round-trip through bulk)', async () => {
		const src = await createSandbox({ seed: 'demo' });
		try {
			const body = (rec: Json) => {
				const rest = { ...rec };
				for (const responseOnly of ['id', 'created_at', 'updated_at']) delete rest[responseOnly];
				return rest;
			};
			const check = (schema: unknown, recs: Json[]) => {
				for (const rec of recs) expect(validateObject(body(rec), schema as never, 'create').issues).toEqual([]);
			};
			check(SCHEMAS.CUSTOMER, [...src.store.customers.values()]);
			check(SCHEMAS.CONTACT_PERSON, [...src.store.contactPersons.values()]);
			check(SCHEMAS.INVOICE, [...src.store.invoices.values()]);
			check(SCHEMAS.CREDIT_NOTE, [...src.store.creditNotes.values()]);
			check(SCHEMAS.OVERPAYMENT, [...src.store.overpayments.values()]);
			const customers = [...src.store.customers.values()].map(body);
			expect((await api.put('/v1/bulk/customers', { entries: customers })).data.data.inserted_count).toBe(24);
			const invoices = [...src.store.invoices.values()].map(body);
			expect((await api.put('/v1/bulk/invoices', { entries: invoices.slice(0, 100) })).status).toBe(200);
		} finally {
			await src.close();
		}
	});

	it('adds more data on each seed() call without clashing', () => {
		sb.seed({ customers: 2, invoicesPerCustomer: 2, creditNotes: 1, overpayments: 1, contactPersonsPerCustomer: 1 });
		sb.seed({ customers: 2, invoicesPerCustomer: 2 });
		expect(sb.count('customers')).toBe(4);
		expect(sb.count('invoices')).toBe(8);
		expect(sb.count('credit_notes')).toBe(1);
		expect(sb.findCustomer('CUST-00004')).toMatchObject({ external_id: 'CUST-00004', id: expect.stringMatching(/^cus_/) });
	});
});

describe('lifecycle', () => {
	it('closes promptly with idle keep-alive sockets and pending slow faults', async () => {
		const other = await createSandbox({ apiKey: KEY, apiSecret: SECRET });
		const c = client(other);
		expect((await c.get('/v1/organisation')).status).toBe(200);
		other.injectFault({ type: 'slow', delayMs: 60000 });
		const pending = c.get('/v1/organisation').catch((e: Error) => e);
		await sleep(50);
		// close() must not wait for the 60 s fault: the test's own time limit (30 s) would fail first.
		await other.close();
		expect(await pending).toBeInstanceOf(Error);
	});

	it('listens on 127.0.0.1', () => {
		expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
	});
});

describe('layout', () => {
	it('keeps the route table in its order (the first matching row wins), with its public rows and the PDF upload body limit', () => {
		expect(ROUTES.map((r) => `${r.method} ${r.pattern}`)).toEqual([
			'GET /',
			'GET /status',
			'GET /status/',
			'GET /files/invoices/:file',
			'GET /v1/organisation',
			'POST /v1/organisation/sync',
			'GET /v1/organisations',
			'GET /v1/tasks',
			'GET /v1/customers',
			'POST /v1/customers',
			'GET /v1/customers/:customerId',
			'PUT /v1/customers/:customerId',
			'PUT /v1/bulk/customers',
			'GET /v1/customers/:customerId/contact_persons',
			'POST /v1/customers/:customerId/contact_persons',
			'GET /v1/customers/:customerId/contact_persons/:contactId',
			'PUT /v1/customers/:customerId/contact_persons/:contactId',
			'DELETE /v1/customers/:customerId/contact_persons/:contactId',
			'PUT /v1/bulk/customers/:customerId/contact_persons',
			'GET /v1/invoices',
			'POST /v1/invoices',
			'GET /v1/invoices/history',
			'GET /v1/invoices/:invoiceId',
			'PUT /v1/invoices/:invoiceId',
			'GET /v1/invoices/:invoiceId/history',
			'POST /v1/invoices/:invoiceId/pdf',
			'PUT /v1/bulk/invoices',
			'GET /v1/credit_notes',
			'POST /v1/credit_notes',
			'GET /v1/credit_notes/:creditNoteId',
			'PUT /v1/credit_notes/:creditNoteId',
			'PUT /v1/bulk/credit_notes',
			'GET /v1/overpayments',
			'POST /v1/overpayments',
			'GET /v1/overpayments/:overpaymentId',
			'PUT /v1/overpayments/:overpaymentId',
			'PUT /v1/bulk/overpayments',
		]);
		expect(ROUTES.filter((r) => r.public).map((r) => r.pattern)).toEqual(['/', '/status', '/status/', '/files/invoices/:file']);
		expect(ROUTES.filter((r) => r.maxBodyBytes !== undefined).map((r) => [r.pattern, r.maxBodyBytes])).toEqual([
			['/v1/invoices/:invoiceId/pdf', 10 * 1024 * 1024 + 64 * 1024],
		]);
	});

	it('routes by a table of method, pattern and handler', () => {
		for (const route of ROUTES) {
			expect(route).toEqual(expect.objectContaining({ method: expect.any(String), pattern: expect.stringMatching(/^\//), handler: expect.any(Function) }));
		}
		const router = new Router([
			{ method: 'GET', pattern: '/v1/things/special', handler: 'special' },
			{ method: 'GET', pattern: '/v1/things/:id', handler: 'one' },
			{ method: 'GET', pattern: '/v1/things/:id/parts/:partId', handler: 'part' },
		]);
		expect(router.match('GET', '/v1/things/special')).toMatchObject({ route: { handler: 'special' }, params: {} });
		expect(router.match('GET', '/v1/things/ext_A%2FB')).toMatchObject({ route: { handler: 'one' }, params: { id: 'ext_A/B' } });
		expect(router.match('GET', '/v1/things/t1/parts/p%201')).toMatchObject({ params: { id: 't1', partId: 'p 1' } });
		expect(router.match('PUT', '/v1/things/t1')).toBeNull();
		expect(router.match('GET', '/v1/things/')).toBeNull();
		expect(router.match('GET', '/v1/things//parts/p')).toBeNull();
		expect(router.match('GET', '/v1/things/%E0%A4%A')).toBeNull();
	});

	it('seeds without loading the HTTP layer', () => {
		const modules = sandboxModulesLoadedBy('seed');
		expect(modules).toContain('seed.js');
		for (const http of ['routes.js', 'handlers.js', 'router.js', 'server.js', 'presenters.js', 'index.js'])
			expect(modules).not.toContain(http);
	});
});
