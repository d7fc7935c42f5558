import { useSandbox } from '../../../../helpers/sandbox';
import { addRecord, CUSTOMERS, itemIndexes, outcomes } from './fixtures';
import type { CreditProfile } from './profiles';
import { numberField } from './profiles';

/** Update, for credit notes and overpayments. */
export function describeUpdate(p: CreditProfile): void {
	const base = { resource: p.resource, operation: 'update', [p.idParameter]: '={{ $json.id }}' };

	describe(`${p.resource}: update`, () => {
		const chaser = useSandbox({ seed: CUSTOMERS });

		beforeEach(() => {
			addRecord(chaser, p, { [p.key]: p.id(1), total: 100, remaining_credit: 100 });
			addRecord(chaser, p, { [p.key]: p.id(2), ...p.secondRecord });
		});

		it(`moves ${p.article} ${p.noun} picked by Chaser's ID to a customer picked from the list`, async () => {
			const stored = p.find(chaser, p.id(1));
			const result = await chaser.run({
				parameters: {
					resource: p.resource,
					operation: 'update',
					[p.idParameter]: { __rl: true, mode: 'id', value: String(stored?.id) },
					updateFields: { customer_external_id: { __rl: true, mode: 'list', value: 'CUST-00002' } },
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.success[0].json).toMatchObject({ [p.key]: p.id(1), customer_external_id: 'CUST-00002' });
			expect(chaser.calls()).toEqual([`PUT /v1/${p.path}/${String(stored?.id)}`]);
			expect(chaser.sandbox.requests[0].body).toEqual({ customer_external_id: 'CUST-00002' });
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
					{ id: p.id(1), remaining: 0, status: 'PAID' },
					{ id: p.id(2), remaining: '40.25', status: p.defaultStatus },
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((output) => output.json)).toEqual([
				expect.objectContaining({ [p.key]: p.id(1), remaining_credit: 0, status: 'PAID', total: 100 }),
				expect.objectContaining({ [p.key]: p.id(2), remaining_credit: 40.25, ...p.secondRecord }),
			]);
			expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(chaser.calls()).toEqual([`PUT /v1/${p.path}/ext_${p.id(1)}`, `PUT /v1/${p.path}/ext_${p.id(2)}`]);
			expect(chaser.sandbox.requests.map((request) => request.body)).toEqual([
				{ remaining_credit: 0, status: 'PAID' },
				{ remaining_credit: 40.25, status: p.defaultStatus },
			]);
			expect(p.find(chaser, p.id(1))).toMatchObject({ remaining_credit: 0, status: 'PAID', total: 100 });
		});

		it(`moves ${p.article} ${p.noun} to another customer and converts the date and currency`, async () => {
			const result = await chaser.run({
				parameters: {
					...base,
					updateFields: {
						customer_external_id: 'CUST-00003',
						date: '2024-04-01T10:00:00',
						currency_code: 'usd',
						...numberField(p, 'CN-0001-A'),
					},
				},
				items: [{ id: p.id(1) }],
			});
			expect(result.error).toBeUndefined();
			expect(chaser.sandbox.requests[0].body).toEqual({
				customer_external_id: 'CUST-00003',
				date: '2024-04-01T00:00:00.000Z',
				currency_code: 'USD',
				...numberField(p, 'CN-0001-A'),
			});
			expect(p.find(chaser, p.id(1))).toMatchObject({
				customer_external_id: 'CUST-00003',
				currency_code: 'USD',
				...numberField(p, 'CN-0001-A'),
			});
		});

		it.each([
			[{}, 'Set at least one field in "Update Fields" [item 0]'],
			[{ currency_code: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
			[{ total: 'lots' }, '"Total" must be a number, got "lots" [item 0]'],
			[{ total: 50, remaining_credit: 60 }, '"Remaining Credit" (60) cannot be more than "Total" (50) [item 0]'],
		])('rejects Update Fields %j before sending anything', async (updateFields, message) => {
			const result = await chaser.run({ parameters: { ...base, updateFields }, items: [{ id: p.id(1) }] });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(message);
			expect(chaser.calls()).toEqual([]);
		});

		it('requires the ID before sending anything', async () => {
			const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: ' ' }] });
			expect(result.error?.message).toBe(`"${p.recordLabel}" is required [item 0]`);
			expect(chaser.calls()).toEqual([]);
		});

		it(`says which ${p.noun} does not exist`, async () => {
			const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: p.missingId }] });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(p.notFound);
			expect(chaser.calls()).toEqual([`PUT /v1/${p.path}/ext_${p.missingId}`]);
		});

		it("surfaces Chaser's message when moving to an unknown customer", async () => {
			const result = await chaser.run({
				parameters: { ...base, updateFields: { customer_external_id: 'CUST-404' } },
				items: [{ id: p.id(1) }],
			});
			expect(result.error?.message).toBe('Chaser rejected the request: customer not found: CUST-404');
			expect(p.find(chaser, p.id(1))).toMatchObject({ customer_external_id: 'CUST-00001' });
		});

		it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
			'with %s, accounts for every item once, paired to its input',
			async (onError) => {
				const result = await chaser.run({
					parameters: { ...base, updateFields: { remaining_credit: '={{ $json.remaining }}' } },
					items: [
						{ id: p.id(1), remaining: 10 },
						{ id: p.missingId, remaining: 10 },
						{ id: p.id(2), remaining: 'ten' },
						{ id: p.id(2), remaining: 20 },
					],
					onError,
				});
				expect(result.error).toBeUndefined();
				const { errors, paired } = outcomes(result, onError);
				expect(paired).toEqual(itemIndexes(4));
								expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
					[{ item: 1 }, p.notFound],
					[{ item: 2 }, '"Remaining Credit" must be a number, got "ten" [item 2]'],
				]);
				expect(p.find(chaser, p.id(1))).toMatchObject({ remaining_credit: 10 });
				expect(p.find(chaser, p.id(2))).toMatchObject({ remaining_credit: 20 });
				expect(chaser.calls()).toHaveLength(3);
			},
		);
	});
}
