import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 3 };
const customer = (value: string) => ({ __rl: true, mode: 'externalId', value });

describe('contactPerson: getAll', () => {
	const chaser = useSandbox({ seed: SEED });

	it("returns all of one customer's contact people, one item each", async () => {
		const result = await chaser.run({
			parameters: { resource: 'contactPerson', operation: 'getAll', customer: customer('CUST-00002'), returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json.external_id)).toEqual([
			'CUST-00002-CP1',
			'CUST-00002-CP2',
			'CUST-00002-CP3',
		]);
		expect(result.success[0].json).toEqual(chaser.sandbox.findContactPerson('CUST-00002', 'CUST-00002-CP1'));
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(chaser.calls()).toEqual(['GET /v1/customers/ext_CUST-00002/contact_persons']);
		expect(chaser.sandbox.requests[0].query).toEqual({ page: '0', limit: '100' });
	});

	it('pages through many contacts with Return All', async () => {
		chaser.sandbox.seed({ customers: 1, contactPersonsPerCustomer: 0, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0 });
		// 120 contacts on the third customer
		const items = Array.from({ length: 120 }, (_, index) => ({ id: `CP-${index}` }));
		const created = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'create',
				customer: customer('CUST-00003'),
				externalId: '={{ $json.id }}',
			},
			items,
		});
		expect(created.error).toBeUndefined();
		chaser.sandbox.clearLog();
		const result = await chaser.run({
			parameters: { resource: 'contactPerson', operation: 'getAll', customer: customer('CUST-00003'), returnAll: true },
		});
		expect(result.success).toHaveLength(120);
		expect(chaser.sandbox.requests.map((request: { query: unknown }) => request.query)).toEqual([
			{ page: '0', limit: '100' },
			{ page: '1', limit: '100' },
		]);
	});

	it('respects the limit and sends filters as filter[field][op]', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'getAll',
				customer: customer('CUST-00001'),
				returnAll: false,
				limit: 2,
				filters: { status: 'ACTIVE' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(2);
		expect(chaser.sandbox.requests[0].query).toEqual({ 'filter[status][in]': 'ACTIVE', page: '0', limit: '2' });

		chaser.sandbox.clearLog();
		const byExternalId = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'getAll',
				customer: customer('CUST-00001'),
				returnAll: true,
				filters: { external_id: 'CUST-00001-CP2' },
			},
		});
		expect(byExternalId.success.map((item) => item.json.external_id)).toEqual(['CUST-00001-CP2']);
		expect(chaser.sandbox.requests[0].query).toMatchObject({ 'filter[external_id][eq]': 'CUST-00001-CP2' });
	});

	it('names the customer when it does not exist', async () => {
		const result = await chaser.run({
			parameters: { resource: 'contactPerson', operation: 'getAll', customer: customer('NOPE'), returnAll: true },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No customer with external ID 'NOPE' exists in Chaser");
	});

	it('with continueErrorOutput, routes the unknown customer to the error output, paired', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'getAll',
				customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
				returnAll: true,
			},
			items: [{ customer: 'NOPE' }, { customer: 'CUST-00001' }],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }, { item: 1 }]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, "No customer with external ID 'NOPE' exists in Chaser"],
		]);
	});
});
