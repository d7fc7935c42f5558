import { useSandbox } from '../../../../helpers/sandbox';
import { addOverpayment, CUSTOMERS, pairedItems } from '../creditNote/fixtures';

const base = { resource: 'overpayment', operation: 'update', overpaymentId: '={{ $json.id }}' };

describe('overpayment: update', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	beforeEach(() => {
		addOverpayment(chaser, { overpayment_id: 'OVP-1', total: 100, remaining_credit: 100 });
		addOverpayment(chaser, { overpayment_id: 'OVP-2', total: 80 });
	});

	it('sends only the fields set, and Chaser keeps the rest', async () => {
		const result = await chaser.run({
			parameters: {
				...base,
				updateFields: {
					remaining_credit: '={{ $json.remaining }}',
					status: '={{ $json.status }}',
				},
			},
			items: [
				{ id: 'OVP-1', remaining: 0, status: 'PAID' },
				{ id: 'OVP-2', remaining: '40.25', status: 'AUTHORISED' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((output) => output.json)).toEqual([
			expect.objectContaining({ overpayment_id: 'OVP-1', remaining_credit: 0, status: 'PAID', total: 100 }),
			expect.objectContaining({ overpayment_id: 'OVP-2', remaining_credit: 40.25, total: 80 }),
		]);
		expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['PUT /v1/overpayments/ext_OVP-1', 'PUT /v1/overpayments/ext_OVP-2']);
		expect(chaser.sandbox.requests.map((request) => request.body)).toEqual([
			{ remaining_credit: 0, status: 'PAID' },
			{ remaining_credit: 40.25, status: 'AUTHORISED' },
		]);
		expect(chaser.sandbox.findOverpayment('OVP-1')).toMatchObject({ remaining_credit: 0, status: 'PAID', total: 100 });
	});

	it('moves an overpayment to another customer and converts the date and currency', async () => {
		const result = await chaser.run({
			parameters: {
				...base,
				updateFields: {
					customer_external_id: 'CUST-00003',
					date: '2024-04-01T10:00:00',
					currency_code: 'usd',
				},
			},
			items: [{ id: 'OVP-1' }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].body).toEqual({
			customer_external_id: 'CUST-00003',
			date: '2024-04-01T10:00:00.000Z',
			currency_code: 'USD',
		});
		expect(chaser.sandbox.findOverpayment('OVP-1')).toMatchObject({
			customer_external_id: 'CUST-00003',
			currency_code: 'USD',
		});
	});

	it.each([
		[{}, 'Set at least one field in "Update Fields" [item 0]'],
		[{ currency_code: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
		[{ total: 'lots' }, '"Total" must be a number, got "lots" [item 0]'],
		[{ total: 50, remaining_credit: 60 }, '"Remaining Credit" (60) cannot be more than "Total" (50) [item 0]'],
	])('rejects Update Fields %j before sending anything', async (updateFields, message) => {
		const result = await chaser.run({ parameters: { ...base, updateFields }, items: [{ id: 'OVP-1' }] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('requires the ID before sending anything', async () => {
		const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: ' ' }] });
		expect(result.error?.message).toBe('"Overpayment ID" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('says which overpayment does not exist', async () => {
		const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: 'OVP-404' }] });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No overpayment with overpayment ID 'OVP-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['PUT /v1/overpayments/ext_OVP-404']);
	});

	it("surfaces Chaser's message when moving to an unknown customer", async () => {
		const result = await chaser.run({
			parameters: { ...base, updateFields: { customer_external_id: 'CUST-404' } },
			items: [{ id: 'OVP-1' }],
		});
		expect(result.error?.message).toBe('Chaser rejected the request: customer not found: CUST-404');
		expect(chaser.sandbox.findOverpayment('OVP-1')).toMatchObject({ customer_external_id: 'CUST-00001' });
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: { ...base, updateFields: { remaining_credit: '={{ $json.remaining }}' } },
				items: [
					{ id: 'OVP-1', remaining: 10 },
					{ id: 'OVP-404', remaining: 10 },
					{ id: 'OVP-2', remaining: 'ten' },
					{ id: 'OVP-2', remaining: 20 },
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2, 3].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 1 }, "No overpayment with overpayment ID 'OVP-404' exists in Chaser"],
				[{ item: 2 }, '"Remaining Credit" must be a number, got "ten" [item 2]'],
			]);
			expect(chaser.sandbox.findOverpayment('OVP-1')).toMatchObject({ remaining_credit: 10 });
			expect(chaser.sandbox.findOverpayment('OVP-2')).toMatchObject({ remaining_credit: 20 });
			expect(chaser.calls()).toHaveLength(3);
		},
	);
});
