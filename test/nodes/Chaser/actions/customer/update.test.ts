import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 3, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('customer: update', () => {
	const chaser = useSandbox({ seed: SEED });

	it('sends only the fields given and keeps the rest', async () => {
		const before = { ...chaser.sandbox.findCustomer('CUST-00001') };
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				updateFields: { contact_email_address: 'new@example.com', mobile_number: '' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_CUST-00001']);
		expect(chaser.sandbox.requests[0].body).toEqual({ contact_email_address: 'new@example.com' });
		const after = chaser.sandbox.findCustomer('CUST-00001');
		expect(after).toMatchObject({
			contact_email_address: 'new@example.com',
			company_name: before.company_name,
			addresses: before.addresses,
		});
		expect(result.success.map((item) => item.json)).toEqual([after]);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
	});

	it('updates by Chaser ID, replaces addresses and can rename the external ID', async () => {
		const customer = must(chaser.sandbox.findCustomer('CUST-00002'));
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'id', value: customer.id },
				updateFields: {
					external_id: 'CUST-RENAMED',
					addresses: { address: [{ address_type: 'Delivery', city: 'Leeds' }] },
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`PUT /v1/customers/${customer.id}`]);
		expect(chaser.sandbox.requests[0].body).toEqual({
			external_id: 'CUST-RENAMED',
			addresses: [{ address_type: 'Delivery', city: 'Leeds' }],
		});
		expect(chaser.sandbox.findCustomer('CUST-RENAMED')).toMatchObject({
			id: customer.id,
			addresses: [{ address_type: 'Delivery', city: 'Leeds' }],
		});
	});

	it('fails without a request when Update Fields is empty or invalid', async () => {
		const empty = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				updateFields: {},
			},
		});
		expect(empty.error?.name).toBe('NodeOperationError');
		expect(empty.error?.message).toBe('Set at least one field in "Update Fields" [item 0]');

		const blankName = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				updateFields: { company_name: '   ' },
			},
		});
		// Blank text counts as not set, as an empty field in the editor does.
		expect(blankName.error?.message).toBe('Set at least one field in "Update Fields" [item 0]');

		const badEmail = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: 'CUST-00001' },
				updateFields: { contact_email_address: 'nope' },
			},
		});
		expect(badEmail.error?.message).toBe('"Contact Email Address" must be an email address, got "nope" [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('reports an unknown customer', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: 'NOPE' },
				updateFields: { company_name: 'New Name' },
			},
		});
		expect(result.error?.message).toBe("No customer with external ID 'NOPE' exists in Chaser");
		expect(chaser.sandbox.count('customers')).toBe(3);
	});

	it('with continueErrorOutput, good items update and bad ones go to the error output, paired', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'customer',
				operation: 'update',
				customer: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' },
				updateFields: { company_name: '={{ $json.name }}' },
			},
			items: [
				{ id: 'CUST-00001', name: 'One Ltd' },
				{ id: 'NOPE', name: 'Two Ltd' },
				{ id: 'CUST-00003', name: '' },
				{ id: 'CUST-00002', name: 'Four Ltd' },
			],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.company_name])).toEqual([
			[{ item: 0 }, 'One Ltd'],
			[{ item: 3 }, 'Four Ltd'],
		]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, "No customer with external ID 'NOPE' exists in Chaser"],
			[{ item: 2 }, 'Set at least one field in "Update Fields" [item 2]'],
		]);
		expect(chaser.calls()).toEqual([
			'PUT /v1/customers/ext_CUST-00001',
			'PUT /v1/customers/ext_NOPE',
			'PUT /v1/customers/ext_CUST-00002',
		]);
	});
});
