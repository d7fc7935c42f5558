import { useSandbox } from '../../../../helpers/sandbox';
import { addCreditNote, customerIn, CUSTOMERS, pairedItems } from './fixtures';

const base = {
	resource: 'creditNote',
	operation: 'create',
	creditNoteId: '={{ $json.id }}',
	creditNoteNumber: '={{ $json.number }}',
	customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
	currencyCode: '={{ $json.currency }}',
	total: '={{ $json.total }}',
	remainingCredit: '={{ $json.remaining }}',
	date: '={{ $json.date }}',
};

const item = (overrides: Record<string, unknown> = {}) => ({
	id: 'CN-ID-1',
	number: 'CN-0001',
	customer: 'CUST-00001',
	currency: 'GBP',
	total: 120,
	remaining: 120,
	date: '2024-03-15',
	...overrides,
});

describe('creditNote: create', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	it('creates credit notes from the items, one request each, and returns the stored records', async () => {
		const result = await chaser.run({
			parameters: { ...base, additionalFields: { status: '={{ $json.status }}' } },
			items: [
				item({ status: 'ACTIVE' }),
				item({
					id: 'CN-ID-2',
					number: 'CN-0002',
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
				id: expect.stringMatching(/^crn_/),
				credit_note_id: 'CN-ID-1',
				customer_name: customerIn(chaser, 'CUST-00001').company_name,
				status: 'ACTIVE',
			}),
			expect.objectContaining({ credit_note_id: 'CN-ID-2', status: 'PAID', currency_code: 'EUR' }),
		]);
		expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['POST /v1/credit_notes', 'POST /v1/credit_notes']);
		expect(chaser.sandbox.requests.map((request) => request.body)).toEqual([
			{
				credit_note_id: 'CN-ID-1',
				credit_note_number: 'CN-0001',
				currency_code: 'GBP',
				total: 120,
				remaining_credit: 120,
				date: '2024-03-15T00:00:00.000Z',
				status: 'ACTIVE',
				customer_external_id: 'CUST-00001',
			},
			{
				credit_note_id: 'CN-ID-2',
				credit_note_number: 'CN-0002',
				currency_code: 'EUR',
				total: 80.5,
				remaining_credit: 0,
				date: '2024-03-16T08:30:00.000Z',
				status: 'PAID',
				customer_external_id: 'CUST-00002',
			},
		]);
		expect(chaser.sandbox.findCreditNote('CN-ID-2')).toMatchObject({
			credit_note_number: 'CN-0002',
			customer_external_id: 'CUST-00002',
			total: 80.5,
			remaining_credit: 0,
		});
	});

	it('leaves the status to Chaser (Active) when none is given', async () => {
		const result = await chaser.run({ parameters: base, items: [item()] });
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].body).not.toHaveProperty('status');
		expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({ status: 'ACTIVE' });
	});

	it("looks up the customer's external ID when the customer is picked by Chaser ID", async () => {
		const customer = customerIn(chaser, 'CUST-00003');
		const result = await chaser.run({
			parameters: { ...base, customer: { __rl: true, mode: 'id', value: customer.id } },
			items: [item()],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`GET /v1/customers/${customer.id}`, 'POST /v1/credit_notes']);
		expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({ customer_external_id: 'CUST-00003' });
	});

	it.each([
		[{ currency: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
		[{ total: 'abc' }, '"Total" must be a number, got "abc" [item 0]'],
		[{ remaining: -5 }, '"Remaining Credit" must be at least 0, got -5 [item 0]'],
		[{ id: '' }, '"Credit Note ID" is required [item 0]'],
		[{ number: ' ' }, '"Credit Note Number" is required [item 0]'],
		[{ customer: '' }, '"Customer" is required [item 0]'],
		[{ date: '15/03/2024' }, '"Date" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got "15/03/2024" [item 0]'],
		[{ remaining: 150 }, '"Remaining Credit" (150) cannot be more than "Total" (120) [item 0]'],
	])('rejects %j before sending anything', async (overrides, message) => {
		const result = await chaser.run({ parameters: base, items: [item(overrides)] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('rejects an unknown status in Additional Fields before sending anything', async () => {
		const result = await chaser.run({ parameters: { ...base, additionalFields: { status: 'OPEN' } }, items: [item()] });
		expect(result.error?.message).toBe(
			'"Status" must be one of ACTIVE, AUTHORISED, DELETED, DRAFT, PAID, SUBMITTED, VOIDED, got "OPEN" [item 0]',
		);
		expect(chaser.calls()).toEqual([]);
	});

	it("surfaces Chaser's message when the customer does not exist", async () => {
		const result = await chaser.run({ parameters: base, items: [item({ customer: 'CUST-404' })] });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Chaser rejected the request: customer not found: CUST-404');
		expect(chaser.calls()).toEqual(['POST /v1/credit_notes']);
		expect(chaser.sandbox.requests[0].status).toBe(400);
		expect(chaser.sandbox.count('credit_notes')).toBe(0);
	});

	it('reports a credit note ID that is already taken', async () => {
		addCreditNote(chaser, { credit_note_id: 'CN-ID-1' });
		const result = await chaser.run({ parameters: base, items: [item()] });
		expect(result.error?.message).toMatch(/^Chaser rejected the request: .*credit_note_id already exists/);
		expect(chaser.sandbox.count('credit_notes')).toBe(1);
	});

	it('settles a create whose response was lost by reading it back, without creating it twice', async () => {
		chaser.sandbox.injectFault({ type: '500', method: 'POST', path: '/v1/credit_notes', when: 'after' });
		const result = await chaser.run({ parameters: base, items: [item()] });
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toMatchObject({ credit_note_id: 'CN-ID-1' });
		expect(chaser.calls()).toEqual(['POST /v1/credit_notes', 'GET /v1/credit_notes/ext_CN-ID-1']);
		expect(chaser.sandbox.count('credit_notes')).toBe(1);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: base,
				items: [
					item({ id: 'CN-ID-1' }),
					item({ id: 'CN-ID-2', customer: 'CUST-404' }),
					item({ id: 'CN-ID-3', currency: 'XXZ' }),
					item({ id: 'CN-ID-4', customer: 'CUST-00002' }),
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2, 3].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 1 }, 'Chaser rejected the request: customer not found: CUST-404'],
				[{ item: 2 }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 2]'],
			]);
			const created = result.success.filter((output) => !output.json.error);
			expect(created.map((output) => [output.pairedItem, output.json.credit_note_id])).toEqual([
				[{ item: 0 }, 'CN-ID-1'],
				[{ item: 3 }, 'CN-ID-4'],
			]);
			expect(chaser.calls()).toEqual(['POST /v1/credit_notes', 'POST /v1/credit_notes', 'POST /v1/credit_notes']);
			expect(chaser.sandbox.count('credit_notes')).toBe(2);
		},
	);
});
