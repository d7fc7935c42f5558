import { useSandbox } from '../../../../helpers/sandbox';
import { addOverpayment, customerIn, CUSTOMERS, pairedItems } from '../creditNote/fixtures';

describe('overpayment: get', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	beforeEach(() => {
		addOverpayment(chaser, { overpayment_id: 'OVP-1' });
		addOverpayment(chaser, { overpayment_id: 'OVP/2 B', customer_external_id: 'CUST-00002' });
	});

	it('gets overpayments by your own ID, simplified by default', async () => {
		const result = await chaser.run({
			parameters: { resource: 'overpayment', operation: 'get', overpaymentId: '={{ $json.id }}' },
			items: [{ id: 'OVP-1' }, { id: 'OVP/2 B' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((output) => output.json)).toEqual([
			{
				id: expect.stringMatching(/^ovp_/),
				overpayment_id: 'OVP-1',
				customer_external_id: 'CUST-00001',
				customer_name: customerIn(chaser, 'CUST-00001').company_name,
				status: 'AUTHORISED',
				currency_code: 'GBP',
				total: 50,
				remaining_credit: 50,
				date: '2024-03-15T15:00:00.000Z',
			},
			expect.objectContaining({ overpayment_id: 'OVP/2 B', customer_external_id: 'CUST-00002' }),
		]);
		expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['GET /v1/overpayments/ext_OVP-1', 'GET /v1/overpayments/ext_OVP%2F2%20B']);
	});

	it('returns every field with Simplify off', async () => {
		const result = await chaser.run({
			parameters: { resource: 'overpayment', operation: 'get', overpaymentId: 'OVP-1', simplify: false },
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toEqual(
			expect.objectContaining({ overpayment_id: 'OVP-1', created_at: expect.any(String), updated_at: expect.any(String) }),
		);
	});

	it('says which overpayment does not exist', async () => {
		const result = await chaser.run({ parameters: { resource: 'overpayment', operation: 'get', overpaymentId: 'OVP-404' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No overpayment with overpayment ID 'OVP-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/overpayments/ext_OVP-404']);
	});

	it('requires the ID before sending anything', async () => {
		const result = await chaser.run({
			parameters: { resource: 'overpayment', operation: 'get', overpaymentId: '={{ $json.id }}' },
			items: [{ id: '' }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Overpayment ID" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: { resource: 'overpayment', operation: 'get', overpaymentId: '={{ $json.id }}' },
				items: [{ id: 'OVP-404' }, { id: 'OVP-1' }, { id: '' }],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 0 }, "No overpayment with overpayment ID 'OVP-404' exists in Chaser"],
				[{ item: 2 }, '"Overpayment ID" is required [item 2]'],
			]);
			const found = result.success.filter((output) => !output.json.error);
			expect(found.map((output) => [output.pairedItem, output.json.overpayment_id])).toEqual([[{ item: 1 }, 'OVP-1']]);
			expect(chaser.calls()).toEqual(['GET /v1/overpayments/ext_OVP-404', 'GET /v1/overpayments/ext_OVP-1']);
		},
	);
});
