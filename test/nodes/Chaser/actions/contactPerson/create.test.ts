import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('contactPerson: create', () => {
	const chaser = useSandbox({ seed: SEED });

	it("adds contact people to the customer picked by external ID, with the item's fields", async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
				externalId: '={{ $json.id }}',
				additionalFields: {
					contact_first_name: '={{ $json.first }}',
					contact_last_name: 'Smith',
					contact_email_address: '={{ $json.email }}',
					mobile_number: '+447700900123',
					status: 'ACTIVE',
				},
			},
			items: [
				{ customer: 'CUST-00001', id: 'CP-1', first: 'Jane', email: 'jane@example.com' },
				{ customer: 'CUST-00002', id: 'CP-2', first: 'John', email: 'john@example.com' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: expect.stringMatching(/^cp_/), external_id: 'CP-1', contact_first_name: 'Jane' }),
			expect.objectContaining({ id: expect.stringMatching(/^cp_/), external_id: 'CP-2', contact_first_name: 'John' }),
		]);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual([
			'POST /v1/customers/ext_CUST-00001/contact_persons',
			'POST /v1/customers/ext_CUST-00002/contact_persons',
		]);
		expect(chaser.sandbox.requests[0].body).toEqual({
			external_id: 'CP-1',
			contact_first_name: 'Jane',
			contact_last_name: 'Smith',
			contact_email_address: 'jane@example.com',
			mobile_number: '+447700900123',
			status: 'ACTIVE',
		});
		expect(chaser.sandbox.findContactPerson('CUST-00001', 'CP-1')).toMatchObject({
			contact_first_name: 'Jane',
			contact_email_address: 'jane@example.com',
		});
		expect(chaser.sandbox.findContactPerson('CUST-00002', 'CP-2')).toMatchObject({ contact_first_name: 'John' });
	});

	it('accepts a customer picked by Chaser ID and encodes odd characters in IDs', async () => {
		const customer = must(chaser.sandbox.findCustomer('CUST-00001'));
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'id', value: customer.id },
				externalId: 'CP/1 A',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toMatchObject({ external_id: 'CP/1 A', status: 'ACTIVE' });
		expect(chaser.calls()).toEqual([`POST /v1/customers/${customer.id}/contact_persons`]);
		expect(chaser.sandbox.findContactPerson('CUST-00001', 'CP/1 A')).toBeDefined();
	});

	it('validates before sending: missing external ID, bad email, missing customer', async () => {
		const missingId = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				externalId: '={{ $json.id }}',
			},
			items: [{ id: '  ' }],
		});
		expect(missingId.error?.name).toBe('NodeOperationError');
		expect(missingId.error?.message).toBe('"External ID" is required [item 0]');

		const badEmail = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				externalId: 'CP-1',
				additionalFields: { contact_email_address: 'not-an-email' },
			},
		});
		expect(badEmail.error?.message).toBe('"Email Address" must be an email address, got "not-an-email" [item 0]');

		const noCustomer = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'list', value: '={{ $json.customer }}' },
				externalId: 'CP-1',
			},
			items: [{ customer: '' }],
		});
		expect(noCustomer.error?.message).toBe('"Customer" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('names the customer when it does not exist', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'NOPE' },
				externalId: 'CP-1',
			},
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No customer with external ID 'NOPE' exists in Chaser");
		expect(chaser.calls()).toEqual(['POST /v1/customers/ext_NOPE/contact_persons']);
	});

	it('reports a duplicate external ID as a clear 400', async () => {
		chaser.sandbox.seed({ customers: 0 });
		const first = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				externalId: 'CP-1',
			},
		});
		expect(first.error).toBeUndefined();
		const second = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				externalId: 'CP-1',
			},
		});
		expect(second.error?.message).toMatch(/^Chaser rejected the request: .*external_id already exists/);
		expect(chaser.sandbox.count('contact_persons')).toBe(1);
	});

	it('settles a create whose response was lost by reading the contact back, without creating it twice', async () => {
		chaser.sandbox.injectFault({ type: '500', method: 'POST', path: /contact_persons$/, when: 'after' });
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				externalId: 'CP-1',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toMatchObject({ external_id: 'CP-1' });
		expect(chaser.calls()).toEqual([
			'POST /v1/customers/ext_CUST-00001/contact_persons',
			'GET /v1/customers/ext_CUST-00001/contact_persons/ext_CP-1',
		]);
		expect(chaser.sandbox.count('contact_persons')).toBe(1);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: {
					resource: 'contactPerson',
					operation: 'create',
					customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
					externalId: '={{ $json.id }}',
				},
				items: [
					{ customer: 'CUST-00001', id: 'CP-1' },
					{ customer: 'NOPE', id: 'CP-2' },
					{ customer: 'CUST-00002', id: '' },
					{ customer: 'CUST-00002', id: 'CP-4' },
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			const all = [...result.success, ...result.errorOutput];
			expect(all.map((item) => item.pairedItem).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
				[0, 1, 2, 3].map((item) => ({ item })),
			);
			const errors = onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((item) => item.json.error);
			expect(errors.map((item) => [item.pairedItem, item.json.error])).toEqual([
				[{ item: 1 }, "No customer with external ID 'NOPE' exists in Chaser"],
				[{ item: 2 }, '"External ID" is required [item 2]'],
			]);
			const created = result.success.filter((item) => !item.json.error);
			expect(created.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
				[{ item: 0 }, 'CP-1'],
				[{ item: 3 }, 'CP-4'],
			]);
			expect(chaser.sandbox.count('contact_persons')).toBe(2);
		},
	);
});
