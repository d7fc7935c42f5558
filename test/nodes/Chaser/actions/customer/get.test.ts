import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 3, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };
const SUMMARY = [
	'id',
	'external_id',
	'company_name',
	'contact_first_name',
	'contact_last_name',
	'contact_email_address',
	'phone_number',
	'mobile_number',
	'status',
];


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('customer: get', () => {
	const chaser = useSandbox({ seed: SEED });

	it('gets a customer by External ID, simplified by default', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00002' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['GET /v1/customers/ext_CUST-00002']);
		const stored = must(chaser.sandbox.findCustomer('CUST-00002'));
		const expected: Record<string, unknown> = {};
		for (const field of SUMMARY) if (stored[field] !== undefined) expected[field] = stored[field];
		expect(result.success.map((item) => item.json)).toEqual([expected]);
		expect(Object.keys(result.success[0].json)).not.toContain('addresses');
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
	});

	it('gets a customer by Chaser ID and From List, raw when Simplify is off', async () => {
		const stored = must(chaser.sandbox.findCustomer('CUST-00001'));
		const byId = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'id', value: stored.id },
				simplify: false,
			},
		});
		expect(byId.error).toBeUndefined();
		expect(byId.success.map((item) => item.json)).toEqual([stored]);

		const fromList = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'list', value: 'CUST-00001', cachedResultName: 'Whatever (CUST-00001)' },
				simplify: false,
			},
		});
		expect(fromList.success.map((item) => item.json)).toEqual([stored]);
		expect(chaser.calls()).toEqual([`GET /v1/customers/${stored.id}`, 'GET /v1/customers/ext_CUST-00001']);
	});

	it('asks for extra fields and keeps them when simplified', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00003' },
				options: { extraFields: ['payer_rating', 'payment_portal_link'] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].query).toEqual({ additional_fields: 'payer_rating,payment_portal_link' });
		expect(result.success[0].json).toMatchObject({
			external_id: 'CUST-00003',
			payer_rating: expect.any(Number),
			payment_portal_link: expect.stringMatching(/^https:\/\//),
		});
		expect(result.success[0].json).not.toHaveProperty('payer_rating_updated_at');
	});

	it('reports an unknown customer by its external ID', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'externalId', value: 'X' },
			},
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No customer with external ID 'X' exists in Chaser");
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');

		const byId = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'id', value: 'cus_nope' },
			},
		});
		expect(byId.error?.message).toBe("No customer with Chaser ID 'cus_nope' exists in Chaser");
	});

	it('with continueErrorOutput, an unknown customer among known ones goes to the error output, paired', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'get',
				customer: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' },
			},
			items: [{ id: 'CUST-00001' }, { id: 'X' }, { id: 'CUST-00003' }],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
			[{ item: 0 }, 'CUST-00001'],
			[{ item: 2 }, 'CUST-00003'],
		]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, "No customer with external ID 'X' exists in Chaser"],
		]);
	});
});
