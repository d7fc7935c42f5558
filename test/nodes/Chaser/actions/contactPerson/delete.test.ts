import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 1, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 2 };

describe('contactPerson: delete', () => {
	const chaser = useSandbox({ seed: SEED });

	it('deletes the contact and returns { deleted: true }', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'delete',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				contactExternalId: 'CUST-00001-CP1',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(chaser.calls()).toEqual(['DELETE /v1/customers/ext_CUST-00001/contact_persons/ext_CUST-00001-CP1']);
		expect(chaser.sandbox.findContactPerson('CUST-00001', 'CUST-00001-CP1')).toBeUndefined();
		expect(chaser.sandbox.count('contact_persons')).toBe(1);
	});

	it('requires the contact person and sends nothing without it', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'delete',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				contactExternalId: '={{ $json.id }}',
			},
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Contact Person" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('with continueErrorOutput, a second delete of the same contact goes to the error output', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'delete',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				contactExternalId: '={{ $json.id }}',
			},
			items: [{ id: 'CUST-00001-CP1' }, { id: 'CUST-00001-CP1' }, { id: 'CUST-00001-CP2' }],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json])).toEqual([
			[{ item: 0 }, { deleted: true }],
			[{ item: 2 }, { deleted: true }],
		]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, expect.stringMatching(/^No contact person with external ID 'CUST-00001-CP1' exists for the customer/)],
		]);
		expect(chaser.sandbox.count('contact_persons')).toBe(0);
	});
});
