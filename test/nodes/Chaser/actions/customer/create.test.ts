import { useSandbox } from '../../../../helpers/sandbox';

describe('customer: create', () => {
	const chaser = useSandbox();

	const parameters = {
		resource: 'customer',
		operation: 'create',
		externalId: '={{ $json.id }}',
		companyName: '={{ $json.name }}',
	};

	it('creates customers with addresses and groups, sending snake_case bodies', async () => {
		const result = await chaser.run({
			parameters: {
				...parameters,
				additionalFields: {
					contact_first_name: 'Jane',
					contact_last_name: 'Smith',
					contact_email_address: '={{ $json.email }}',
					phone_number: '+442079460000',
					mobile_number: '+447700900123',
					status: 'ACTIVE',
					addresses: {
						address: [
							{
								address_type: 'Billing',
								address_line1: '1 High Street',
								address_line2: '',
								city: 'London',
								postal_code: 'EC1A 1AA',
								country: 'United Kingdom',
							},
						],
					},
					groups: { group: [{ name: 'Key Accounts', status: 'ACTIVE' }] },
				},
			},
			items: [
				{ id: 'CUST-1', name: 'Acme Trading Ltd', email: 'accounts@acme.example' },
				{ id: 'CUST-2', name: 'Bolt Supplies Ltd', email: 'ap@bolt.example' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['POST /v1/customers', 'POST /v1/customers']);
		expect(chaser.sandbox.requests[0].body).toEqual({
			external_id: 'CUST-1',
			company_name: 'Acme Trading Ltd',
			contact_first_name: 'Jane',
			contact_last_name: 'Smith',
			contact_email_address: 'accounts@acme.example',
			phone_number: '+442079460000',
			mobile_number: '+447700900123',
			status: 'ACTIVE',
			addresses: [
				{
					address_type: 'Billing',
					address_line1: '1 High Street',
					city: 'London',
					postal_code: 'EC1A 1AA',
					country: 'United Kingdom',
				},
			],
			groups: [{ name: 'Key Accounts', status: 'ACTIVE' }],
		});
		const stored = chaser.sandbox.findCustomer('CUST-1');
		expect(stored).toMatchObject({
			company_name: 'Acme Trading Ltd',
			contact_email_address: 'accounts@acme.example',
			addresses: [expect.objectContaining({ city: 'London', address_type: 'Billing' })],
			groups: [expect.objectContaining({ name: 'Key Accounts', id: expect.stringMatching(/^grp_/) })],
		});
		expect(result.success.map((item) => item.json)).toEqual([stored, chaser.sandbox.findCustomer('CUST-2')]);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('rejects a missing company name or a bad email before sending anything', async () => {
		const result = await chaser.run({
			parameters: { ...parameters, additionalFields: { contact_email_address: '={{ $json.email }}' } },
			items: [
				{ id: 'CUST-1', name: '', email: 'a@b.example' },
				{ id: 'CUST-2', name: 'Bolt', email: 'not-an-email' },
			],
			onError: 'continueRegularOutput',
		});
		expect(result.success.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, '"Company Name" is required [item 0]'],
			[{ item: 1 }, '"Contact Email Address" must be an email address, got "not-an-email" [item 1]'],
		]);
		expect(chaser.calls()).toEqual([]);

		const stopped = await chaser.run({ parameters, items: [{ id: 'CUST-1' }] });
		expect(stopped.error?.name).toBe('NodeOperationError');
		expect(stopped.error?.message).toBe('"Company Name" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('rejects an email address with an empty domain part before Chaser does', async () => {
		const result = await chaser.run({
			parameters: { ...parameters, additionalFields: { contact_email_address: '={{ $json.email }}' } },
			items: [
				{ id: 'CUST-1', name: 'Acme', email: 'ap@acme..example' },
				{ id: 'CUST-2', name: 'Bolt', email: 'ap@.bolt.example' },
				{ id: 'CUST-3', name: 'Crane', email: 'ap@crane.example.' },
				{ id: 'CUST-4', name: 'Delta', email: 'ap@delta.co.uk' },
			],
			onError: 'continueRegularOutput',
		});
		expect(result.success.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, '"Contact Email Address" must be an email address, got "ap@acme..example" [item 0]'],
			[{ item: 1 }, '"Contact Email Address" must be an email address, got "ap@.bolt.example" [item 1]'],
			[{ item: 2 }, '"Contact Email Address" must be an email address, got "ap@crane.example." [item 2]'],
			[{ item: 3 }, undefined],
		]);
		expect(chaser.calls()).toEqual(['POST /v1/customers']);
		expect(chaser.sandbox.findCustomer('CUST-4')).toMatchObject({ contact_email_address: 'ap@delta.co.uk' });
	});

	it('sends numbers where Chaser wants text as their decimal text, as they come from spreadsheet cells', async () => {
		const result = await chaser.run({
			parameters: {
				...parameters,
				additionalFields: {
					phone_number: '={{ $json.phone }}',
					mobile_number: '={{ $json.mobile }}',
					contact_first_name: '={{ $json.first }}',
					addresses: { address: [{ address_line1: '={{ $json.street }}', postal_code: '={{ $json.zip }}' }] },
					groups: { group: [{ name: '={{ $json.group }}' }] },
				},
			},
			items: [{ id: 10042, name: 2024, phone: 442079460000, mobile: 447700900123, first: '  Jane ', street: 221, zip: 10115, group: 7 }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.sandbox.requests[0].body).toEqual({
			external_id: '10042',
			company_name: '2024',
			phone_number: '442079460000',
			mobile_number: '447700900123',
			contact_first_name: 'Jane',
			addresses: [{ address_line1: '221', address_type: 'Billing', postal_code: '10115' }],
			groups: [{ name: '7', status: 'ACTIVE' }],
		});
		expect(chaser.sandbox.findCustomer('10042')).toMatchObject({ phone_number: '442079460000', company_name: '2024' });
	});

	it.each([
		[{ phone: true }, '"Phone Number" must be text, got true [item 0]'],
		[{ phone: { number: '+44' } }, '"Phone Number" must be text, got {"number":"+44"} [item 0]'],
		[{ phone: ['+44', '+33'] }, '"Phone Number" must be text, got ["+44","+33"] [item 0]'],
		[{ street: { line: 1 } }, '"Addresses > Address 1 > Address Line 1" must be text, got {"line":1} [item 0]'],
		[{ id: false }, '"External ID" must be text, got false [item 0]'],
	])('refuses %j, which cannot be text, before sending anything', async (fields, message) => {
		const result = await chaser.run({
			parameters: {
				...parameters,
				additionalFields: {
					phone_number: '={{ $json.phone }}',
					addresses: { address: [{ address_line1: '={{ $json.street }}' }] },
				},
			},
			items: [{ id: 'CUST-1', name: 'Acme', phone: '+442079460000', street: '1 High Street', ...fields }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(chaser.calls()).toEqual([]);
	});

	it('reports a duplicate external ID as a clear 400 from Chaser', async () => {
		chaser.sandbox.seed({ customers: 1, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 });
		const result = await chaser.run({ parameters, items: [{ id: 'CUST-00001', name: 'Copy Ltd' }] });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^Chaser rejected the request: .*external_id already exists/);
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(chaser.calls()).toEqual(['POST /v1/customers']);
		expect(chaser.sandbox.count('customers')).toBe(1);
	});

	it('settles a lost response by reading the customer back instead of creating it twice', async () => {
		chaser.sandbox.injectFault({ type: 'reset', method: 'POST', path: '/v1/customers', when: 'after' });
		const result = await chaser.run({ parameters, items: [{ id: 'CUST-1', name: 'Acme' }] });
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toMatchObject({ external_id: 'CUST-1', company_name: 'Acme' });
		expect(chaser.calls()).toEqual(['POST /v1/customers', 'GET /v1/customers/ext_CUST-1']);
		expect(chaser.sandbox.count('customers')).toBe(1);
	});

	it('fails with a NodeApiError explaining refused credentials (403)', async () => {
		const result = await chaser.run({
			parameters,
			items: [{ id: 'CUST-1', name: 'Acme' }],
			credentials: { apiKey: 'wrong-key' },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Chaser refused the credentials: requested resource is forbidden');
		expect(result.error?.description).toMatch(/Check the API Key and API Secret in the Chaser credential/);
		expect((result.error as { httpCode?: string }).httpCode).toBe('403');
		expect(chaser.sandbox.requests.map((request: { status: number }) => request.status)).toEqual([403]);
		expect(chaser.sandbox.count('customers')).toBe(0);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with %s, a mix of good and bad items is fully accounted for and paired',
		async (onError) => {
			chaser.sandbox.seed({ customers: 1, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 });
			const result = await chaser.run({
				parameters,
				items: [
					{ id: 'CUST-A', name: 'Alpha Ltd' },
					{ id: 'CUST-00001', name: 'Duplicate Ltd' },
					{ id: 'CUST-B', name: '' },
					{ id: 'CUST-C', name: 'Gamma Ltd' },
				],
				onError,
			});
			expect(result.error).toBeUndefined();
			const errors =
				onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((item) => item.json.error);
			const good = result.success.filter((item) => !item.json.error);
			expect(good.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
				[{ item: 0 }, 'CUST-A'],
				[{ item: 3 }, 'CUST-C'],
			]);
			// Each error item keeps its input row, with what happened and, where there is some, what to do.
			expect(errors.map((item) => [item.pairedItem, item.json])).toEqual([
				[
					{ item: 1 },
					{
						id: 'CUST-00001',
						name: 'Duplicate Ltd',
						error: 'Chaser rejected the request: external_id already exists',
						details:
							'A record with this ID is already in Chaser. To change it, use Update, or Create or Update, which creates or updates by ID in one step; Get reads it.',
					},
				],
				[{ item: 2 }, { id: 'CUST-B', name: '', error: '"Company Name" is required [item 2]' }],
			]);
			expect(result.success.length + result.errorOutput.length).toBe(4);
			if (onError === 'continueErrorOutput') expect(result.success.every((item) => !item.json.error)).toBe(true);
			expect(chaser.calls()).toEqual(['POST /v1/customers', 'POST /v1/customers', 'POST /v1/customers']);
		},
	);
});
