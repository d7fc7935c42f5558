import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };

const parameters = {
	resource: 'customer',
	operation: 'upsert',
	externalId: '={{ $json.id }}',
	companyName: '={{ $json.name }}',
	additionalFields: { contact_email_address: '={{ $json.email }}' },
};


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('customer: upsert', () => {
	const chaser = useSandbox({ seed: SEED });

	it('creates new and updates existing customers in one bulk request', async () => {
		const result = await chaser.run({
			parameters,
			items: [
				{ id: 'CUST-00001', name: 'Renamed One Ltd', email: 'one@example.com' },
				{ id: 'CUST-NEW', name: 'Brand New Ltd', email: 'new@example.com' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/customers']);
		expect(chaser.sandbox.requests[0].body).toEqual({
			entries: [
				{ external_id: 'CUST-00001', company_name: 'Renamed One Ltd', contact_email_address: 'one@example.com' },
				{ external_id: 'CUST-NEW', company_name: 'Brand New Ltd', contact_email_address: 'new@example.com' },
			],
		});
		const created = must(chaser.sandbox.findCustomer('CUST-NEW'));
		expect(chaser.sandbox.findCustomer('CUST-00001')).toMatchObject({ company_name: 'Renamed One Ltd' });
		expect(created).toMatchObject({ company_name: 'Brand New Ltd' });
		// Every record has the same keys: id is Chaser's ID for a record this run created, null for one it updated.
		expect(result.success.map((item) => [item.pairedItem, item.json])).toEqual([
			[
				{ item: 0 },
				{
					external_id: 'CUST-00001',
					company_name: 'Renamed One Ltd',
					contact_email_address: 'one@example.com',
					id: null,
					created: false,
				},
			],
			[
				{ item: 1 },
				{
					external_id: 'CUST-NEW',
					company_name: 'Brand New Ltd',
					contact_email_address: 'new@example.com',
					id: created.id,
					created: true,
				},
			],
		]);
		expect(chaser.sandbox.count('customers')).toBe(3);
	});

	it('fails only the item Chaser rejects (or the node catches), keeping the rest paired', async () => {
		const result = await chaser.run({
			parameters,
			items: [
				{ id: 'CUST-A', name: 'Alpha Ltd', email: 'a@example.com' },
				{ id: 'CUST-B', name: '', email: 'b@example.com' },
				{ id: 'CUST-C', name: 'Gamma Ltd', email: 'c@example.com' },
				{ id: 'CUST-00002', name: 'Two Ltd', email: 'two@example.com' },
			],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
			[{ item: 0 }, 'CUST-A'],
			[{ item: 2 }, 'CUST-C'],
			[{ item: 3 }, 'CUST-00002'],
		]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, '"Company Name" is required [item 1]'],
		]);
		// The invalid item never reached Chaser.
		const sent = chaser.sandbox.requests[0].body as { entries: Array<{ external_id: string }> };
		expect(sent.entries.map((entry) => entry.external_id)).toEqual([
			'CUST-A',
			'CUST-C',
			'CUST-00002',
		]);
	});

	it('sends the same customer twice in one run in two requests, in order, so the later row wins', async () => {
		// Chaser refuses the same record twice in one bulk request: the batch is sent before the second row joins.
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'upsert',
				externalId: '={{ $json.id }}',
				companyName: '={{ $json.name }}',
			},
			items: [
				{ id: 'CUST-X', name: 'X Ltd' },
				{ id: 'CUST-Y', name: 'Y Ltd' },
				{ id: 'CUST-X', name: 'X Again Ltd' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.company_name, item.json.created])).toEqual([
			[{ item: 0 }, 'X Ltd', true],
			[{ item: 1 }, 'Y Ltd', true],
			[{ item: 2 }, 'X Again Ltd', false],
		]);
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/customers', 'PUT /v1/bulk/customers']);
		expect(chaser.sandbox.requests.map((request) => (request.body as { entries: unknown[] }).entries.length)).toEqual([2, 1]);
		expect(chaser.sandbox.findCustomer('CUST-X')).toMatchObject({ company_name: 'X Again Ltd' });
	});

	it('with Use Bulk Endpoint off, updates with PUT and creates with POST after a 404', async () => {
		const result = await chaser.run({
			parameters: { ...parameters, options: { useBulk: false } },
			items: [
				{ id: 'CUST-00001', name: 'Renamed One Ltd', email: 'one@example.com' },
				{ id: 'CUST-NEW', name: 'Brand New Ltd', email: 'new@example.com' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([
			'PUT /v1/customers/ext_CUST-00001',
			'PUT /v1/customers/ext_CUST-NEW',
			'POST /v1/customers',
		]);
		expect(chaser.sandbox.requests.map((request: { status: number }) => request.status)).toEqual([200, 404, 200]);
		expect(result.success.map((item) => item.json)).toEqual([
			{ ...chaser.sandbox.findCustomer('CUST-00001'), created: false },
			{ ...chaser.sandbox.findCustomer('CUST-NEW'), created: true },
		]);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('with Use Bulk Endpoint off and continueRegularOutput, a bad item errors alone', async () => {
		const result = await chaser.run({
			parameters: { ...parameters, options: { useBulk: false } },
			items: [
				{ id: 'CUST-NEW', name: 'New Ltd', email: 'bad email' },
				{ id: 'CUST-00002', name: 'Two Ltd', email: 'two@example.com' },
			],
			onError: 'continueRegularOutput',
		});
		expect(result.success.map((item) => [item.pairedItem, item.json.error ?? item.json.company_name])).toEqual([
			[{ item: 0 }, '"Contact Email Address" must be an email address, got "bad email" [item 0]'],
			[{ item: 1 }, 'Two Ltd'],
		]);
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_CUST-00002']);
	});

	it('a refused key fails the run with a credentials error', async () => {
		const result = await chaser.run({
			parameters,
			items: [{ id: 'CUST-A', name: 'Alpha', email: 'a@example.com' }],
			credentials: { apiKey: 'bad' },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Chaser refused the credentials: requested resource is forbidden');
		expect(chaser.sandbox.count('customers')).toBe(2);
	});
});
