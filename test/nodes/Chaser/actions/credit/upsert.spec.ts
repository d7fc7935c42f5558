import { useSandbox } from '../../../../helpers/sandbox';
import { addRecord, customerIn, CUSTOMERS, itemIndexes, outcomes, recordIn } from './fixtures';
import type { CreditProfile } from './profiles';
import { numberField, withNumber, writeParameters } from './profiles';

/** Create or Update, for credit notes and overpayments. */
export function describeUpsert(p: CreditProfile): void {
	const base = writeParameters(p, 'upsert', { currencyCode: 'GBP', date: '2024-03-15' });

	const item = (id: string, overrides: Record<string, unknown> = {}) => ({
		id,
		...withNumber(p, { number: `N-${id}` }),
		customer: 'CUST-00001',
		total: 100,
		remaining: 100,
		...overrides,
	});

	const bulk = `PUT /v1/bulk/${p.path}`;

	describe(`${p.resource}: upsert`, () => {
		const chaser = useSandbox({ seed: CUSTOMERS });
		const entries = (index: number) => (chaser.sandbox.requests[index].body as { entries: unknown[] }).entries;

		beforeEach(() => {
			addRecord(chaser, p, { [p.key]: 'OLD-1', ...numberField(p, 'N-OLD-1'), remaining_credit: 100, status: p.defaultStatus });
		});

		it(`creates new ${p.many} and updates existing ones in one bulk request`, async () => {
			const existingId = recordIn(chaser, p, 'OLD-1').id;
			const result = await chaser.run({
				parameters: { ...base, additionalFields: { status: '={{ $json.status }}' } },
				items: [
					item('NEW-1', { status: p.defaultStatus }),
					item('OLD-1', { remaining: 0, status: 'PAID' }),
					item('NEW-2', { status: 'DRAFT' }),
				],
			});
			expect(result.error).toBeUndefined();
			expect(chaser.calls()).toEqual([bulk]);
			expect(chaser.sandbox.requests[0].body).toEqual({
				entries: [
					expect.objectContaining({ [p.key]: 'NEW-1', ...numberField(p, 'N-NEW-1'), status: p.defaultStatus }),
					{
						[p.key]: 'OLD-1',
						...numberField(p, 'N-OLD-1'),
						currency_code: 'GBP',
						total: 100,
						remaining_credit: 0,
						date: '2024-03-15T00:00:00.000Z',
						status: 'PAID',
						customer_external_id: 'CUST-00001',
					},
					expect.objectContaining({ [p.key]: 'NEW-2', status: 'DRAFT' }),
				],
			});
			expect(result.success.map((output) => [output.pairedItem, output.json[p.key], output.json.id])).toEqual([
				[{ item: 0 }, 'NEW-1', recordIn(chaser, p, 'NEW-1').id],
				[{ item: 1 }, 'OLD-1', null],
				[{ item: 2 }, 'NEW-2', recordIn(chaser, p, 'NEW-2').id],
			]);
			expect(p.find(chaser, 'OLD-1')).toMatchObject({ id: existingId, remaining_credit: 0, status: 'PAID' });
			expect(chaser.sandbox.count(p.path)).toBe(3);
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
				const { errors, ok: landed, paired } = outcomes(result, onError);
				expect(paired).toEqual(itemIndexes(5));
								expect(errors.map((output) => output.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
				// Each error item is its input row plus what went wrong, naming the item and its ID.
				expect(errors[0].json).toEqual({
					...item('NEW-2', { customer: 'CUST-404' }),
					error: `Chaser rejected item 1, ${p.noun} ID 'NEW-2': customer_external_id references an unknown customer: CUST-404`,
					// An unknown customer: the advice is to check the Customer field or create the customer first.
					details: expect.stringMatching(/check the Customer field, or create the customer first/),
				});
				expect(errors[1].json).toEqual({ ...item('NEW-3', { total: 'abc' }), error: '"Total" must be a number, got "abc" [item 3]' });
				expect(landed.map((output) => [output.pairedItem, output.json[p.key]])).toEqual([
					[{ item: 0 }, 'NEW-1'],
					[{ item: 2 }, 'OLD-1'],
					[{ item: 4 }, 'NEW-4'],
				]);
				expect(p.find(chaser, 'NEW-2')).toBeUndefined();
				expect(p.find(chaser, 'NEW-3')).toBeUndefined();
				expect(p.find(chaser, 'OLD-1')).toMatchObject({ remaining_credit: 25 });
				expect(chaser.sandbox.count(p.path)).toBe(3);
				// The item that failed validation was never sent; the rejected one was dropped and the rest re-sent.
				expect(chaser.calls()).toEqual([bulk, bulk]);
				expect(entries(0)).toHaveLength(4);
				expect(entries(1)).toHaveLength(3);
			},
		);

		it('stops on the first invalid item without On Error, before sending anything', async () => {
			const result = await chaser.run({ parameters: base, items: [item('NEW-1'), item('', {})] });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(`"${p.idLabel}" is required [item 1]`);
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
			expect(chaser.sandbox.count(p.path)).toBe(5);
		});

		it('without the bulk endpoint, updates by ID and creates on 404, returning full records', async () => {
			const result = await chaser.run({
				parameters: { ...base, options: { useBulk: false } },
				items: [item('OLD-1', { remaining: 10 }), item('NEW-1')],
			});
			expect(result.error).toBeUndefined();
			expect(chaser.calls()).toEqual([`PUT /v1/${p.path}/ext_OLD-1`, `PUT /v1/${p.path}/ext_NEW-1`, `POST /v1/${p.path}`]);
			expect(result.success.map((output) => [output.pairedItem, output.json[p.key], output.json.customer_name])).toEqual([
				[{ item: 0 }, 'OLD-1', customerIn(chaser, 'CUST-00001').company_name],
				[{ item: 1 }, 'NEW-1', customerIn(chaser, 'CUST-00001').company_name],
			]);
			expect(p.find(chaser, 'OLD-1')).toMatchObject({ remaining_credit: 10 });
		});
	});
}
