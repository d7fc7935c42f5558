import { useSandbox } from '../../../../helpers/sandbox';
import { addOverpayment, customerIn, CUSTOMERS, overpaymentIn, pairedItems } from '../creditNote/fixtures';

const base = {
	resource: 'overpayment',
	operation: 'upsert',
	overpaymentId: '={{ $json.id }}',
	customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
	currencyCode: 'GBP',
	total: '={{ $json.total }}',
	remainingCredit: '={{ $json.remaining }}',
	date: '2024-03-15',
};

const item = (id: string, overrides: Record<string, unknown> = {}) => ({
	id,
	customer: 'CUST-00001',
	total: 100,
	remaining: 100,
	...overrides,
});

describe('overpayment: upsert', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	beforeEach(() => {
		addOverpayment(chaser, { overpayment_id: 'OLD-1', remaining_credit: 100, status: 'AUTHORISED' });
	});

	it('creates new overpayments and updates existing ones in one bulk request', async () => {
		const existingId = overpaymentIn(chaser, 'OLD-1').id;
		const result = await chaser.run({
			parameters: { ...base, additionalFields: { status: '={{ $json.status }}' } },
			items: [item('NEW-1', { status: 'AUTHORISED' }), item('OLD-1', { remaining: 0, status: 'PAID' }), item('NEW-2', { status: 'DRAFT' })],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/overpayments']);
		expect(chaser.sandbox.requests[0].body).toEqual({
			entries: [
				expect.objectContaining({ overpayment_id: 'NEW-1', status: 'AUTHORISED' }),
				{
					overpayment_id: 'OLD-1',
					currency_code: 'GBP',
					total: 100,
					remaining_credit: 0,
					date: '2024-03-15T00:00:00.000Z',
					status: 'PAID',
					customer_external_id: 'CUST-00001',
				},
				expect.objectContaining({ overpayment_id: 'NEW-2', status: 'DRAFT' }),
			],
		});
		expect(result.success.map((output) => [output.pairedItem, output.json.overpayment_id, output.json.id])).toEqual([
			[{ item: 0 }, 'NEW-1', overpaymentIn(chaser, 'NEW-1').id],
			[{ item: 1 }, 'OLD-1', undefined],
			[{ item: 2 }, 'NEW-2', overpaymentIn(chaser, 'NEW-2').id],
		]);
		expect(chaser.sandbox.findOverpayment('OLD-1')).toMatchObject({ id: existingId, remaining_credit: 0, status: 'PAID' });
		expect(chaser.sandbox.count('overpayments')).toBe(3);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, isolates the entry Chaser rejects and the one that fails validation; the rest land',
		async (onError) => {
			const result = await chaser.run({
				parameters: base,
				items: [
					item('NEW-1'),
					item('NEW-2', { customer: 'CUST-404' }),
					item('OLD-1', { remaining: 25 }),
					item('NEW-3', { total: 'abc' }),
					item('NEW-4', { customer: 'CUST-00002' }),
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2, 3, 4].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => output.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
			expect(errors[0].json.error).toMatch(/^Chaser rejected the request: .*unknown customer: CUST-404$/);
			expect(errors[1].json.error).toBe('"Total" must be a number, got "abc" [item 3]');
			const landed = result.success.filter((output) => !output.json.error);
			expect(landed.map((output) => [output.pairedItem, output.json.overpayment_id])).toEqual([
				[{ item: 0 }, 'NEW-1'],
				[{ item: 2 }, 'OLD-1'],
				[{ item: 4 }, 'NEW-4'],
			]);
			expect(chaser.sandbox.findOverpayment('NEW-2')).toBeUndefined();
			expect(chaser.sandbox.findOverpayment('NEW-3')).toBeUndefined();
			expect(chaser.sandbox.findOverpayment('OLD-1')).toMatchObject({ remaining_credit: 25 });
			expect(chaser.sandbox.count('overpayments')).toBe(3);
			// The item that failed validation was never sent; the rejected one was dropped and the rest re-sent.
			expect(chaser.calls()).toEqual(['PUT /v1/bulk/overpayments', 'PUT /v1/bulk/overpayments']);
			expect((chaser.sandbox.requests[0].body as { entries: unknown[] }).entries).toHaveLength(4);
			expect((chaser.sandbox.requests[1].body as { entries: unknown[] }).entries).toHaveLength(3);
		},
	);

	it('stops on the first invalid item without On Error, before sending anything', async () => {
		const result = await chaser.run({ parameters: base, items: [item('NEW-1'), item('', {})] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Overpayment ID" is required [item 1]');
		expect(chaser.calls()).toEqual([]);
	});

	it('rejects a bad currency before sending anything', async () => {
		const result = await chaser.run({ parameters: { ...base, currencyCode: 'XXZ' }, items: [item('NEW-1')] });
		expect(result.error?.message).toBe(
			'"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]',
		);
		expect(chaser.calls()).toEqual([]);
	});

	it('sends in batches of the chosen size', async () => {
		const result = await chaser.run({
			parameters: { ...base, options: { useBulk: true, batchSize: 2 } },
			items: [item('NEW-1'), item('NEW-2'), item('OLD-1'), item('NEW-3'), item('NEW-4')],
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(5);
		expect(chaser.sandbox.requests.map((request) => (request.body as { entries: unknown[] }).entries.length)).toEqual([2, 2, 1]);
		expect(chaser.sandbox.count('overpayments')).toBe(5);
	});

	it('without the bulk endpoint, updates by ID and creates on 404, returning full records', async () => {
		const result = await chaser.run({
			parameters: { ...base, options: { useBulk: false } },
			items: [item('OLD-1', { remaining: 10 }), item('NEW-1')],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([
			'PUT /v1/overpayments/ext_OLD-1',
			'PUT /v1/overpayments/ext_NEW-1',
			'POST /v1/overpayments',
		]);
		expect(result.success.map((output) => [output.pairedItem, output.json.overpayment_id, output.json.customer_name])).toEqual([
			[{ item: 0 }, 'OLD-1', customerIn(chaser, 'CUST-00001').company_name],
			[{ item: 1 }, 'NEW-1', customerIn(chaser, 'CUST-00001').company_name],
		]);
		expect(chaser.sandbox.findOverpayment('OLD-1')).toMatchObject({ remaining_credit: 10 });
	});
});
