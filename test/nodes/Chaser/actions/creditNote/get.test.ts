import { useSandbox } from '../../../../helpers/sandbox';
import { addCreditNote, customerIn, CUSTOMERS, pairedItems } from './fixtures';

describe('creditNote: get', () => {
	const chaser = useSandbox({ seed: CUSTOMERS });

	beforeEach(() => {
		addCreditNote(chaser, { credit_note_id: 'CN-ID-1', credit_note_number: 'CN-0001' });
		addCreditNote(chaser, { credit_note_id: 'CN/2 B', credit_note_number: 'CN-0002', customer_external_id: 'CUST-00002' });
	});

	it('gets credit notes by your own ID, simplified by default', async () => {
		const result = await chaser.run({
			parameters: { resource: 'creditNote', operation: 'get', creditNoteId: '={{ $json.id }}' },
			items: [{ id: 'CN-ID-1' }, { id: 'CN/2 B' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((output) => output.json)).toEqual([
			{
				id: expect.stringMatching(/^crn_/),
				credit_note_id: 'CN-ID-1',
				credit_note_number: 'CN-0001',
				customer_external_id: 'CUST-00001',
				customer_name: customerIn(chaser, 'CUST-00001').company_name,
				status: 'ACTIVE',
				currency_code: 'GBP',
				total: 100,
				remaining_credit: 100,
				date: '2024-03-15T00:00:00.000Z',
			},
			expect.objectContaining({ credit_note_id: 'CN/2 B', customer_external_id: 'CUST-00002' }),
		]);
		expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['GET /v1/credit_notes/ext_CN-ID-1', 'GET /v1/credit_notes/ext_CN%2F2%20B']);
	});

	it('returns every field with Simplify off', async () => {
		const result = await chaser.run({
			parameters: { resource: 'creditNote', operation: 'get', creditNoteId: 'CN-ID-1', simplify: false },
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toEqual(
			expect.objectContaining({ credit_note_id: 'CN-ID-1', created_at: expect.any(String), updated_at: expect.any(String) }),
		);
	});

	it('says which credit note does not exist', async () => {
		const result = await chaser.run({ parameters: { resource: 'creditNote', operation: 'get', creditNoteId: 'CN-404' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("No credit note with credit note ID 'CN-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/credit_notes/ext_CN-404']);
	});

	it('requires the ID before sending anything', async () => {
		const result = await chaser.run({
			parameters: { resource: 'creditNote', operation: 'get', creditNoteId: '={{ $json.id }}' },
			items: [{ id: '' }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Credit Note ID" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, accounts for every item once, paired to its input',
		async (onError) => {
			const result = await chaser.run({
				parameters: { resource: 'creditNote', operation: 'get', creditNoteId: '={{ $json.id }}' },
				items: [{ id: 'CN-404' }, { id: 'CN-ID-1' }, { id: '' }],
				onError,
			});
			expect(result.error).toBeUndefined();
			expect(pairedItems([...result.success, ...result.errorOutput])).toEqual([0, 1, 2].map((index) => ({ item: index })));
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error);
			expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
				[{ item: 0 }, "No credit note with credit note ID 'CN-404' exists in Chaser"],
				[{ item: 2 }, '"Credit Note ID" is required [item 2]'],
			]);
			const found = result.success.filter((output) => !output.json.error);
			expect(found.map((output) => [output.pairedItem, output.json.credit_note_id])).toEqual([[{ item: 1 }, 'CN-ID-1']]);
			expect(chaser.calls()).toEqual(['GET /v1/credit_notes/ext_CN-404', 'GET /v1/credit_notes/ext_CN-ID-1']);
		},
	);
});
