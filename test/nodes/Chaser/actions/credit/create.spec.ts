import { useSandbox } from '../../../../helpers/sandbox';
import { addRecord, customerIn, CUSTOMERS, itemIndexes, outcomes } from './fixtures';
import type { CreditProfile } from './profiles';
import { numberField, withNumber, writeParameters } from './profiles';

/** Create, for credit notes and overpayments. */
export function describeCreate(p: CreditProfile): void {
	const base = writeParameters(p, 'create', { currencyCode: '={{ $json.currency }}', date: '={{ $json.date }}' });

	const item = (overrides: Record<string, unknown> = {}) => ({
		id: p.id(1),
		...withNumber(p, { number: 'CN-0001' }),
		customer: 'CUST-00001',
		currency: 'GBP',
		total: 120,
		remaining: 120,
		date: '2024-03-15',
		...overrides,
	});

	const posts = (count: number) => Array.from({ length: count }, () => `POST /v1/${p.path}`);

	describe(`${p.resource}: create`, () => {
		const chaser = useSandbox({ seed: CUSTOMERS });

		it(`creates ${p.many} from the items, one request each, and returns the stored records`, async () => {
			const result = await chaser.run({
				parameters: { ...base, additionalFields: { status: '={{ $json.status }}' } },
				items: [
					item({ status: p.defaultStatus }),
					item({
						id: p.id(2),
						...withNumber(p, { number: 'CN-0002' }),
						customer: 'CUST-00002',
						currency: 'eur',
						total: '80.50',
						remaining: 0,
						date: '2024-03-16T09:30:00+01:00',
						status: 'PAID',
					}),
				],
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((output) => output.json)).toEqual([
				expect.objectContaining({
					id: expect.stringMatching(new RegExp(`^${p.internalPrefix}`)),
					[p.key]: p.id(1),
					customer_name: customerIn(chaser, 'CUST-00001').company_name,
					status: p.defaultStatus,
				}),
				expect.objectContaining({ [p.key]: p.id(2), status: 'PAID', currency_code: 'EUR' }),
			]);
			expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(chaser.calls()).toEqual(posts(2));
			expect(chaser.sandbox.requests.map((request) => request.body)).toEqual([
				{
					[p.key]: p.id(1),
					...numberField(p, 'CN-0001'),
					currency_code: 'GBP',
					total: 120,
					remaining_credit: 120,
					date: '2024-03-15T00:00:00.000Z',
					status: p.defaultStatus,
					customer_external_id: 'CUST-00001',
				},
				{
					[p.key]: p.id(2),
					...numberField(p, 'CN-0002'),
					currency_code: 'EUR',
					total: 80.5,
					remaining_credit: 0,
					// 09:30 at +01:00 is 16 March where it was written: that calendar date is kept.
					date: '2024-03-16T00:00:00.000Z',
					status: 'PAID',
					customer_external_id: 'CUST-00002',
				},
			]);
			expect(p.find(chaser, p.id(2))).toMatchObject({
				...numberField(p, 'CN-0002'),
				customer_external_id: 'CUST-00002',
				total: 80.5,
				remaining_credit: 0,
			});
		});

		it(`leaves the status to Chaser (${p.defaultStatusLabel}) when none is given`, async () => {
			const result = await chaser.run({ parameters: base, items: [item()] });
			expect(result.error).toBeUndefined();
			expect(chaser.sandbox.requests[0].body).not.toHaveProperty('status');
			expect(p.find(chaser, p.id(1))).toMatchObject({ status: p.defaultStatus });
		});

		it("looks up the customer's external ID when the customer is picked by Chaser ID", async () => {
			const customer = customerIn(chaser, 'CUST-00003');
			const result = await chaser.run({
				parameters: { ...base, customer: { __rl: true, mode: 'id', value: customer.id } },
				items: [item()],
			});
			expect(result.error).toBeUndefined();
			expect(chaser.calls()).toEqual([`GET /v1/customers/${customer.id}`, `POST /v1/${p.path}`]);
			expect(p.find(chaser, p.id(1))).toMatchObject({ customer_external_id: 'CUST-00003' });
		});

		const invalid: Array<[Record<string, unknown>, string]> = [
			[{ currency: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
			[{ total: 'abc' }, '"Total" must be a number, got "abc" [item 0]'],
			[{ remaining: -5 }, '"Remaining Credit" must be at least 0, got -5 [item 0]'],
			[{ id: '' }, `"${p.idLabel}" is required [item 0]`],
			...(p.number ? [[{ number: ' ' }, `"${p.number.label}" is required [item 0]`] as [Record<string, unknown>, string]] : []),
			[{ customer: '' }, '"Customer" is required [item 0]'],
			[{ date: '15/03/2024' }, '"Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "15/03/2024" [item 0]'],
			[{ remaining: 150 }, '"Remaining Credit" (150) cannot be more than "Total" (120) [item 0]'],
		];
		it.each(invalid)('rejects %j before sending anything', async (overrides, message) => {
			const result = await chaser.run({ parameters: base, items: [item(overrides)] });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(message);
			expect(chaser.calls()).toEqual([]);
		});

		it('rejects an unknown status in Additional Fields before sending anything', async () => {
			const result = await chaser.run({ parameters: { ...base, additionalFields: { status: 'OPEN' } }, items: [item()] });
			expect(result.error?.message).toBe(`"Status" must be one of ${p.statuses}, got "OPEN" [item 0]`);
			expect(chaser.calls()).toEqual([]);
		});

		it("surfaces Chaser's message when the customer does not exist", async () => {
			const result = await chaser.run({ parameters: base, items: [item({ customer: 'CUST-404' })] });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe('Chaser rejected the request: customer not found: CUST-404');
			expect(chaser.calls()).toEqual(posts(1));
			expect(chaser.sandbox.requests[0].status).toBe(400);
			expect(chaser.sandbox.count(p.path)).toBe(0);
		});

		it(`reports ${p.article} ${p.noun} ID that is already taken`, async () => {
			addRecord(chaser, p, { [p.key]: p.id(1) });
			const result = await chaser.run({ parameters: base, items: [item()] });
			expect(result.error?.message).toMatch(new RegExp(`^Chaser rejected the request: .*${p.key} already exists`));
			expect(chaser.sandbox.count(p.path)).toBe(1);
		});

		it('settles a create whose response was lost by reading it back, without creating it twice', async () => {
			chaser.sandbox.injectFault({ type: '500', method: 'POST', path: `/v1/${p.path}`, when: 'after' });
			const result = await chaser.run({ parameters: base, items: [item()] });
			expect(result.error).toBeUndefined();
			expect(result.success[0].json).toMatchObject({ [p.key]: p.id(1) });
			expect(chaser.calls()).toEqual([`POST /v1/${p.path}`, `GET /v1/${p.path}/ext_${p.id(1)}`]);
			expect(chaser.sandbox.count(p.path)).toBe(1);
		});

		it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
			'with %s, accounts for every item once, paired to its input',
			async (onError) => {
				const result = await chaser.run({
					parameters: base,
					items: [
						item({ id: p.id(1) }),
						item({ id: p.id(2), customer: 'CUST-404' }),
						item({ id: p.id(3), currency: 'XXZ' }),
						item({ id: p.id(4), customer: 'CUST-00002' }),
					],
					onError,
				});
				expect(result.error).toBeUndefined();
				const { errors, ok: created, paired } = outcomes(result, onError);
				expect(paired).toEqual(itemIndexes(4));
								expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
					[{ item: 1 }, 'Chaser rejected the request: customer not found: CUST-404'],
					[{ item: 2 }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 2]'],
				]);
				expect(created.map((output) => [output.pairedItem, output.json[p.key]])).toEqual([
					[{ item: 0 }, p.id(1)],
					[{ item: 3 }, p.id(4)],
				]);
				expect(chaser.calls()).toEqual(posts(3));
				expect(chaser.sandbox.count(p.path)).toBe(2);
			},
		);
	});
}
