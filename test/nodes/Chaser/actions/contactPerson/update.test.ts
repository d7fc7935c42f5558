import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 2 };
const customer = (value: string) => ({ __rl: true, mode: 'externalId', value });

describe('contactPerson: update', () => {
	const chaser = useSandbox({ seed: SEED });

	it('changes only the fields given and returns the updated contact', async () => {
		const before = { ...chaser.sandbox.findContactPerson('CUST-00001', 'CUST-00001-CP1') };
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00001'),
				contactExternalId: 'CUST-00001-CP1',
				updateFields: { contact_email_address: 'new@example.com', status: 'ARCHIVED' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_CUST-00001/contact_persons/ext_CUST-00001-CP1']);
		expect(chaser.sandbox.requests[0].body).toEqual({ contact_email_address: 'new@example.com', status: 'ARCHIVED' });
		const after = chaser.sandbox.findContactPerson('CUST-00001', 'CUST-00001-CP1');
		expect(after).toMatchObject({
			contact_email_address: 'new@example.com',
			status: 'ARCHIVED',
			contact_first_name: before.contact_first_name,
		});
		expect(result.success.map((item) => item.json)).toEqual([after]);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
	});

	it('can give the contact a new external ID', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00001'),
				contactExternalId: 'CUST-00001-CP2',
				updateFields: { external_id: 'CP-NEW' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.findContactPerson('CUST-00001', 'CP-NEW')).toBeDefined();
		expect(chaser.sandbox.findContactPerson('CUST-00001', 'CUST-00001-CP2')).toBeUndefined();
	});

	it('fails without a request when no field is set or a field is invalid', async () => {
		const empty = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00001'),
				contactExternalId: 'CUST-00001-CP1',
				updateFields: {},
			},
		});
		expect(empty.error?.name).toBe('NodeOperationError');
		expect(empty.error?.message).toBe('Set at least one field in "Update Fields" [item 0]');

		const badEmail = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00001'),
				contactExternalId: 'CUST-00001-CP1',
				updateFields: { contact_email_address: 'nope' },
			},
		});
		expect(badEmail.error?.message).toBe('"Email Address" must be an email address, got "nope" [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('says which contact was not found', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00002'),
				contactExternalId: 'CUST-00001-CP1',
				updateFields: { contact_first_name: 'Ann' },
			},
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			"No contact person with external ID 'CUST-00001-CP1' exists for the customer with external ID 'CUST-00002' in Chaser (or that customer does not exist)",
		);
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_CUST-00002/contact_persons/ext_CUST-00001-CP1']);
	});

	it('with continueRegularOutput, updates the good items and reports the bad one, all paired', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'update',
				customer: customer('CUST-00001'),
				contactExternalId: '={{ $json.id }}',
				updateFields: { contact_last_name: '={{ $json.last }}' },
			},
			items: [
				{ id: 'CUST-00001-CP1', last: 'One' },
				{ id: 'MISSING', last: 'Two' },
				{ id: 'CUST-00001-CP2', last: 'Three' },
			],
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.contact_last_name ?? item.json.error])).toEqual([
			[{ item: 0 }, 'One'],
			[{ item: 1 }, expect.stringMatching(/^No contact person with external ID 'MISSING'/)],
			[{ item: 2 }, 'Three'],
		]);
	});
});
