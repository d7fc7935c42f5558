import type { INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import type { Sandbox, SandboxHandle } from '../helpers/sandbox';
import { useSandbox } from '../helpers/sandbox';

type Entity = Record<string, unknown> & { id: string };

/** What the shared cases need to know about one picker. */
interface Profile {
	method: string;
	path: (sandbox: Sandbox) => string;
	/** Seeds `count` records of the picker's kind and returns them in the order Chaser lists them. */
	seed: (sandbox: Sandbox, count: number) => Entity[];
	/** The picker's value for a record: its ID in your own system. */
	value: (record: Entity) => string;
	/** The node's other parameters the picker reads. */
	parameters?: (sandbox: Sandbox) => INodeParameters;
	/** A sorted picker reads all five pages per call; the others stop at a screenful (100). */
	sorted: boolean;
}

const nothingElse = { invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };
const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const onlyCustomer = (sandbox: Sandbox) => String(sandbox.store.collections.customers.order[0].external_id);

const profiles: Profile[] = [
	{
		method: 'searchCustomers',
		path: () => '/v1/customers',
		seed: (sandbox, count) => sandbox.seed({ customers: count, ...nothingElse }).customers as Entity[],
		value: (record) => String(record.external_id),
		sorted: true,
	},
	{
		method: 'searchInvoices',
		path: () => '/v1/invoices',
		seed: (sandbox, count) => {
			const invoices = sandbox.seed({ customers: Math.ceil(count / 5), ...nothingElse, invoicesPerCustomer: 5 })
				.invoices as Entity[];
			for (const extra of invoices.slice(count)) sandbox.store.collections.invoices.remove(extra);
			return invoices.slice(0, count);
		},
		value: (record) => String(record.invoice_id),
		sorted: false,
	},
	{
		method: 'searchCreditNotes',
		path: () => '/v1/credit_notes',
		seed: (sandbox, count) => sandbox.seed({ customers: 3, ...nothingElse, creditNotes: count }).creditNotes as Entity[],
		value: (record) => String(record.credit_note_id),
		sorted: false,
	},
	{
		method: 'searchOverpayments',
		path: () => '/v1/overpayments',
		seed: (sandbox, count) => sandbox.seed({ customers: 3, ...nothingElse, overpayments: count }).overpayments as Entity[],
		value: (record) => String(record.overpayment_id),
		sorted: false,
	},
	{
		method: 'searchContactPersons',
		path: (sandbox) => `/v1/customers/ext_${onlyCustomer(sandbox)}/contact_persons`,
		seed: (sandbox, count) =>
			sandbox.seed({ customers: 1, ...nothingElse, contactPersonsPerCustomer: count }).contactPersons as Entity[],
		value: (record) => String(record.external_id),
		parameters: (sandbox) => ({ customer: locator('list', onlyCustomer(sandbox)) }),
		sorted: false,
	},
];

/** Calls the picker until it hands back no token; resolves to every call's result and request count. */
async function allPages(chaser: SandboxHandle, profile: Profile, filter?: string) {
	const calls: Array<{ result: INodeListSearchResult; requests: number }> = [];
	let paginationToken: string | undefined;
	do {
		chaser.sandbox.clearLog();
		const result = await chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox), filter, paginationToken });
		calls.push({ result, requests: chaser.sandbox.requests.length });
		paginationToken = result.paginationToken;
	} while (paginationToken !== undefined && calls.length < 50);
	return calls;
}

describe.each(profiles)('$method', (profile) => {
	const chaser = useSandbox();

	it('pages through the whole list, every record once, at most five requests per call', async () => {
		const records = profile.seed(chaser.sandbox, 640);
		const calls = await allPages(chaser, profile);
		const values = calls.flatMap(({ result }) => result.results.map((item) => item.value));
		expect(values.sort()).toEqual(records.map(profile.value).sort());
		for (const { requests } of calls) expect(requests).toBeLessThanOrEqual(5);
		// Sorted: two windows of up to 500; otherwise a screenful of 100 per call, one request each.
		expect(calls.map(({ result }) => result.results.length)).toEqual(
			profile.sorted ? [500, 140] : [100, 100, 100, 100, 100, 100, 40],
		);
		expect(calls.map(({ result }) => pageOf(result.paginationToken))).toEqual(
			profile.sorted ? [5, undefined] : [1, 2, 3, 4, 5, 6, undefined],
		);
	});

	it('reads pages of 100 from the list with nothing but paging in the query', async () => {
		profile.seed(chaser.sandbox, 30);
		chaser.sandbox.clearLog();
		const result = await chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox) });
		expect(result.results).toHaveLength(30);
		expect(result.paginationToken).toBeUndefined();
		expect(chaser.calls()).toEqual([`GET ${profile.path(chaser.sandbox)}`]);
		expect(chaser.sandbox.requests[0].query).toEqual({ page: '0', limit: '100' });
	});

	it('finds the search text inside the labelled fields, ignoring case and spaces around it', async () => {
		const records = profile.seed(chaser.sandbox, 60);
		const id = profile.value(records[37]);
		const part = id.slice(-5);
		const result = await chaser.search(profile.method, {
			parameters: profile.parameters?.(chaser.sandbox),
			filter: `  ${part.toUpperCase()}  `,
		});
		const values = result.results.map((item) => item.value);
		const withPart = records.map(profile.value).filter((value) => value.toLowerCase().includes(part.toLowerCase()));
		expect(withPart).toContain(id);
		expect(values).toEqual(expect.arrayContaining(withPart));
		for (const item of result.results) expect(`${item.name} ${item.value}`.toLowerCase()).toContain(part.toLowerCase());
		expect(values.length).toBeLessThan(records.length);
		expect(result.paginationToken).toBeUndefined();
	});

	it('finds a record typed in full even beyond the pages one call reads', async () => {
		const records = profile.seed(chaser.sandbox, 640);
		const far = records[620];
		chaser.sandbox.clearLog();
		const result = await chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox), filter: profile.value(far) });
		expect(result.results[0].value).toBe(profile.value(far));
		expect(result.results.filter((item) => item.value === profile.value(far))).toHaveLength(1);
		expect(pageOf(result.paginationToken)).toBe(5);
		// Five pages scanned, then exact look-ups by ID (and by number, where the record has one).
		const scans = chaser.sandbox.requests.filter((request) => request.query.limit === '100');
		const lookUps = chaser.sandbox.requests.filter((request) => request.query.limit === '10');
		expect(scans).toHaveLength(5);
		expect(lookUps.length).toBeGreaterThanOrEqual(1);
		expect(lookUps.length).toBeLessThanOrEqual(2);
		for (const request of lookUps) expect(Object.values(request.query)).toContain(profile.value(far));
	});

	it('returns an empty list, without a token, when nothing matches or the list is empty', async () => {
		profile.seed(chaser.sandbox, 0);
		expect(await chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox) })).toEqual({
			results: [],
			paginationToken: undefined,
		});
		profile.seed(chaser.sandbox, 12);
		expect(
			await chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox), filter: 'nothing is called this' }),
		).toEqual({ results: [], paginationToken: undefined });
	});

	it('says the credentials were refused when Chaser answers 403', async () => {
		profile.seed(chaser.sandbox, 3);
		await expect(
			chaser.search(profile.method, { parameters: profile.parameters?.(chaser.sandbox), credentials: { apiSecret: 'wrong' } }),
		).rejects.toMatchObject({ message: 'Chaser refused the credentials: requested resource is forbidden', httpCode: '403' });
	});
});

describe('labels a person recognises', () => {
	const chaser = useSandbox();

	it('customers: sorted by company name, archived ones marked', async () => {
		const customers = chaser.sandbox.seed({ customers: 40, ...nothingElse }).customers as Entity[];
		const archived = customers.find((customer) => customer.status === 'ARCHIVED')!;
		expect(archived).toBeDefined();
		const { results } = await chaser.search('searchCustomers');
		const names = results.map((item) => item.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
		expect(results).toContainEqual({
			name: `${String(archived.company_name)} [Archived] (${String(archived.external_id)})`,
			value: archived.external_id,
		});
		const active = customers.find((customer) => customer.status === 'ACTIVE')!;
		expect(results).toContainEqual({ name: `${String(active.company_name)} (${String(active.external_id)})`, value: active.external_id });
	});

	it('invoices: number, customer, amount due in its currency; voided, paid and draft ones marked', async () => {
		const seeded = chaser.sandbox.seed({ customers: 1, ...nothingElse, invoicesPerCustomer: 4 });
		const company = String((seeded.customers[0] as Entity).company_name);
		const looks: Array<[string, string, number]> = [
			['AUTHORISED', 'GBP', 1234.5],
			['VOIDED', 'EUR', 0],
			['PAID', 'JPY', 0],
			['DRAFT', 'USD', 99],
		];
		seeded.invoices.forEach((invoice, index) => {
			[invoice.status, invoice.currency_code, invoice.amount_due] = looks[index];
		});
		const { results } = await chaser.search('searchInvoices');
		const [a, b, c, d] = seeded.invoices as Entity[];
		expect(results).toEqual([
			{ name: `${String(a.invoice_number)} · ${company} · GBP 1,234.50 due`, value: a.invoice_id },
			{ name: `${String(b.invoice_number)} [Voided] · ${company} · EUR 0.00 due`, value: b.invoice_id },
			{ name: `${String(c.invoice_number)} [Paid] · ${company} · JPY 0 due`, value: c.invoice_id },
			{ name: `${String(d.invoice_number)} [Draft] · ${company} · USD 99.00 due`, value: d.invoice_id },
		]);
	});

	it('credit notes and overpayments: what is left to allocate; used-up or cancelled ones marked', async () => {
		const seeded = chaser.sandbox.seed({ customers: 1, ...nothingElse, creditNotes: 2, overpayments: 2 });
		const company = String((seeded.customers[0] as Entity).company_name);
		const [open, used] = seeded.creditNotes as Entity[];
		Object.assign(open, { status: 'ACTIVE', currency_code: 'GBP', remaining_credit: 120 });
		Object.assign(used, { status: 'VOIDED', currency_code: 'GBP', remaining_credit: 0 });
		expect((await chaser.search('searchCreditNotes')).results).toEqual([
			{ name: `${String(open.credit_note_number)} · ${company} · GBP 120.00 left`, value: open.credit_note_id },
			{ name: `${String(used.credit_note_number)} [Voided] · ${company} · GBP 0.00 left`, value: used.credit_note_id },
		]);

		const [unallocated, refunded] = seeded.overpayments as Entity[];
		Object.assign(unallocated, { status: 'AUTHORISED', currency_code: 'EUR', remaining_credit: 1500, date: '2026-11-20T15:00:00.000Z' });
		Object.assign(refunded, { status: 'PAID', currency_code: 'EUR', remaining_credit: 0, date: '2026-10-02T15:00:00.000Z' });
		expect((await chaser.search('searchOverpayments')).results).toEqual([
			{
				name: `${company} · 2026-11-20 · EUR 1,500.00 left · ${String(unallocated.overpayment_id)}`,
				value: unallocated.overpayment_id,
			},
			{
				name: `${company} [Paid] · 2026-10-02 · EUR 0.00 left · ${String(refunded.overpayment_id)}`,
				value: refunded.overpayment_id,
			},
		]);
	});
});

describe('searchContactPersons: the contact people of the chosen customer', () => {
	const chaser = useSandbox();

	it('lists the chosen customer\'s contacts by name, email and ID, archived ones marked', async () => {
		const seeded = chaser.sandbox.seed({ customers: 2, ...nothingElse, contactPersonsPerCustomer: 2 });
		const [first, second] = seeded.customers as Entity[];
		const contact = chaser.sandbox.findContactPerson(String(second.external_id), `${String(second.external_id)}-CP2`)!;
		contact.status = 'ARCHIVED';
		const { results } = await chaser.search('searchContactPersons', {
			parameters: { customer: locator('externalId', String(second.external_id)) },
		});
		expect(results.map((item) => item.value)).toEqual([`${String(second.external_id)}-CP1`, `${String(second.external_id)}-CP2`]);
		expect(results[1].name).toBe(
			`${String(contact.contact_first_name)} ${String(contact.contact_last_name)} [Archived] · ${String(contact.contact_email_address)} (${String(contact.external_id)})`,
		);
		expect(chaser.calls()).toEqual([`GET /v1/customers/ext_${String(second.external_id)}/contact_persons`]);

		chaser.sandbox.clearLog();
		const byChaserId = await chaser.search('searchContactPersons', { parameters: { customer: locator('id', first.id) } });
		expect(byChaserId.results.map((item) => item.value)).toEqual([`${String(first.external_id)}-CP1`, `${String(first.external_id)}-CP2`]);
		expect(chaser.calls()).toEqual([`GET /v1/customers/${first.id}/contact_persons`]);
	});

	it('lists nothing, without a request or an error, until a customer is chosen (the field says to choose one first)', async () => {
		for (const parameters of [{}, { customer: locator('list', '') }, { customer: locator('externalId', '={{ $json.id }}') }]) {
			await expect(chaser.search('searchContactPersons', { parameters })).resolves.toEqual({ results: [] });
		}
		expect(chaser.calls()).toEqual([]);
	});

	it('says so when the chosen customer does not exist', async () => {
		await expect(
			chaser.search('searchContactPersons', { parameters: { customer: locator('externalId', 'NOPE-1') } }),
		).rejects.toMatchObject({ message: "No customer with external ID 'NOPE-1' exists in Chaser", httpCode: '404' });
	});
});

/** The page a search's token goes on from (the token also carries what the first call already listed). */
function pageOf(token: string | undefined): number | undefined {
	return token === undefined ? undefined : (JSON.parse(token) as { page: number }).page;
}
