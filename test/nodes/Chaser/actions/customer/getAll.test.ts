import { useSandbox } from '../../../../helpers/sandbox';

const noExtras = { invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('customer: getAll', () => {
	const chaser = useSandbox();

	it('Return All walks every page: 250 customers → pages 0, 1, 2 of 100 and exactly 250 items', async () => {
		chaser.sandbox.seed({ customers: 250, ...noExtras });
		const result = await chaser.run({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true, simplify: false },
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(250);
		expect(new Set(result.success.map((item) => item.json.external_id)).size).toBe(250);
		expect(result.success[249].json).toEqual(chaser.sandbox.findCustomer('CUST-00250'));
		expect(result.success.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([
			{ page: '0', limit: '100' },
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
		]);
	});

	it('Limit 30 costs one request of 30; Limit 150 two requests', async () => {
		chaser.sandbox.seed({ customers: 250, ...noExtras });
		const thirty = await chaser.run({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 30 },
		});
		expect(thirty.success).toHaveLength(30);
		expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([{ page: '0', limit: '30' }]);

		chaser.sandbox.clearLog();
		const oneFifty = await chaser.run({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 150 },
		});
		expect(oneFifty.success).toHaveLength(150);
		expect(oneFifty.success[149].json.external_id).toBe('CUST-00150');
		expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([
			{ page: '0', limit: '100' },
			{ page: '1', limit: '100' },
		]);
	});

	it('simplifies each customer to the summary fields', async () => {
		chaser.sandbox.seed({ customers: 2, ...noExtras });
		const result = await chaser.run({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(Object.keys(result.success[0].json)).toEqual(
			expect.not.arrayContaining(['addresses', 'groups', 'created_at', 'updated_at']),
		);
		expect(result.success[0].json).toMatchObject({ id: expect.any(String), external_id: 'CUST-00001' });
	});

	it('sends filters as filter[field][op] and extra fields as additional_fields', async () => {
		chaser.sandbox.seed({ customers: 5, ...noExtras });
		must(chaser.sandbox.findCustomer('CUST-00004')).status = 'ARCHIVED';
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { external_id: 'CUST-00002, CUST-00004 ,CUST-00005', status: ['ACTIVE'] },
				options: { extraFields: ['average_days_to_pay'] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].query).toEqual({
			'filter[external_id][in]': 'CUST-00002,CUST-00004,CUST-00005',
			'filter[status][in]': 'ACTIVE',
			additional_fields: 'average_days_to_pay',
			page: '0',
			limit: '100',
		});
		expect(result.success.map((item) => item.json.external_id)).toEqual(['CUST-00002', 'CUST-00005']);
		expect(result.success[0].json.average_days_to_pay).toEqual(expect.any(Number));

		chaser.sandbox.clearLog();
		const company = must(chaser.sandbox.findCustomer('CUST-00003'));
		const byName = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { company_name: company.company_name, contact_email_address: company.contact_email_address },
			},
		});
		expect(byName.success.map((item) => item.json.external_id)).toEqual(['CUST-00003']);
		expect(chaser.sandbox.requests[0].query).toMatchObject({
			'filter[company_name][eq]': company.company_name,
			'filter[contact_email_address][eq]': company.contact_email_address,
		});
	});

	it('takes filter values from numeric cells as text, and refuses values that cannot be text', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { external_id: '={{ $json.id }}', company_name: '={{ $json.name }}' },
		};
		const result = await chaser.run({ parameters, items: [{ id: 10042, name: 2024 }] });
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].query).toMatchObject({
			'filter[external_id][in]': '10042',
			'filter[company_name][eq]': '2024',
		});

		chaser.sandbox.clearLog();
		const bad = await chaser.run({ parameters, items: [{ id: ['A', 'B'], name: 'Acme' }] });
		expect(bad.error?.message).toBe('"External IDs" must be text, got ["A","B"] [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('returns nothing (and no error) when no customer matches', async () => {
		const result = await chaser.run({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([]);
		expect(chaser.calls()).toEqual(['GET /v1/customers']);
	});

	it('with continueRegularOutput and a refused key, each input item gets one paired error', async () => {
		const result = await chaser.run({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
			items: [{}, {}],
			credentials: { apiSecret: 'wrong' },
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'Chaser refused the credentials: requested resource is forbidden'],
			[{ item: 1 }, 'Chaser refused the credentials: requested resource is forbidden'],
		]);
	});
});
