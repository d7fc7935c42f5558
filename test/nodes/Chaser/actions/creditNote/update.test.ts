import { useSandbox } from '../../../../helpers/sandbox';
import { addCreditNote, CUSTOMERS, pairedItems } from './fixtures';

const base = { resource: 'creditNote', operation: 'update', creditNoteId: '={{ $json.id }}' };

describe('creditNote: update', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	beforeEach(() => {
		addCreditNote(chaser, { credit_note_id: 'CN-ID-1', total: 100, remaining_credit: 100 });
		addCreditNote(chaser, { credit_note_id: 'CN-ID-2', credit_note_number: 'CN-0002' });
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
				{ id: 'CN-ID-1', remaining: 0, status: 'PAID' },
				{ id: 'CN-ID-2', remaining: '40.25', status: 'ACTIVE' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((output) => output.json)).toEqual([
			expect.objectContaining({ credit_note_id: 'CN-ID-1', remaining_credit: 0, status: 'PAID', total: 100 }),
			expect.objectContaining({ credit_note_id: 'CN-ID-2', remaining_credit: 40.25, credit_note_number: 'CN-0002' }),
		]);
		expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['PUT /v1/credit_notes/ext_CN-ID-1', 'PUT /v1/credit_notes/ext_CN-ID-2']);
		expect(chaser.sandbox.requests.map((request) => request.body)).toEqual([
			{ remaining_credit: 0, status: 'PAID' },
			{ remaining_credit: 40.25, status: 'ACTIVE' },
		]);
		expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({ remaining_credit: 0, status: 'PAID', total: 100 });
	});

	it('moves a credit note to another customer and converts the date and currency', async () => {
		const result = await chaser.run({
			parameters: {
				...base,
				updateFields: {
					customer_external_id: 'CUST-00003',
					date: '2024-04-01T10:00:00',
					currency_code: 'usd',
					credit_note_number: 'CN-0001-A',
				},
			},
			items: [{ id: 'CN-ID-1' }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].body).toEqual({
			customer_external_id: 'CUST-00003',
			date: '2024-04-01T10:00:00.000Z',
			currency_code: 'USD',
			credit_note_number: 'CN-0001-A',
		});
		expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({
			customer_external_id: 'CUST-00003',
			credit_note_number: 'CN-0001-A',
		});
	});

	it.each([
		[{}, 'Set at least one field in "Update Fields" [item 0]'],
		[{ currency_code: 'XXZ' }, '"Currency Code" must be an ISO 4217 currency code such as GBP, USD or EUR, got "XXZ" [item 0]'],
		[{ total: 'lots' }, '"Total" must be a number, got "lots" [item 0]'],
		[{ total: 50, remaining_credit: 60 }, '"Remaining Credit" (60) cannot be more than "Total" (50) [item 0]'],
	])('rejects Update Fields %j before sending anything', async (updateFields, message) => {
		const result = await chaser.run({ parameters: { ...base, updateFields }, items: [{ id: 'CN-ID-1' }] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('requires the ID before sending anything', async () => {
		const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: ' ' }] });
		expect(result.error?.message).toBe('"Credit Note ID" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('says which credit note does not exist', async () => {
		const result = await chaser.run({ parameters: { ...base, updateFields: { status: 'PAID' } }, items: [{ id: 'CN-404' }] });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No credit note with credit note ID 'CN-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['PUT /v1/credit_notes/ext_CN-404']);
	});

	it("surfaces Chaser's message when moving to an unknown customer", async () => {
		const result = await chaser.run({
			parameters: { ...base, updateFields: { customer_external_id: 'CUST-404' } },
			items: [{ id: 'CN-ID-1' }],
		});
		expect(result.error?.message).toBe('Chaser rejected the request: customer not found: CUST-404');
		expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({ customer_external_id: 'CUST-00001' });
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: { ...base, updateFields: { remaining_credit: '={{ $json.remaining }}' } },
				items: [
					{ id: 'CN-ID-1', remaining: 10 },
					{ id: 'CN-404', remaining: 10 },
					{ id: 'CN-ID-2', remaining: 'ten' },
					{ id: 'CN-ID-2', remaining: 20 },
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2, 3].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 1 }, "No credit note with credit note ID 'CN-404' exists in Chaser"],
				[{ item: 2 }, '"Remaining Credit" must be a number, got "ten" [item 2]'],
			]);
			expect(chaser.sandbox.findCreditNote('CN-ID-1')).toMatchObject({ remaining_credit: 10 });
			expect(chaser.sandbox.findCreditNote('CN-ID-2')).toMatchObject({ remaining_credit: 20 });
			expect(chaser.calls()).toHaveLength(3);
		},
	);
});
