import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 2 };
const byExternalId = (value: string) => ({ __rl: true, mode: 'externalId', value });

describe('contactPerson: get', () => {
	const chaser = useSandbox({ seed: SEED });

	it('gets one contact person of a customer, as Chaser holds it, paired with its item', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'get',
				customer: byExternalId('CUST-00002'),
				contactExternalId: 'CUST-00002-CP1',
			},
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['GET /v1/customers/ext_CUST-00002/contact_persons/ext_CUST-00002-CP1']);
		const stored = chaser.sandbox.findContactPerson('CUST-00002', 'CUST-00002-CP1');
		expect(stored).toBeDefined();
		expect(result.success.map((item) => item.json)).toEqual([stored]);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
	});

	it('addresses the customer by Chaser ID, and takes IDs from each item', async () => {
		const customer = chaser.sandbox.findCustomer('CUST-00001');
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'get',
				customer: { __rl: true, mode: 'id', value: customer?.id },
				contactExternalId: '={{ $json.contact }}',
			},
			items: [{ contact: 'CUST-00001-CP2' }, { contact: 'CUST-00001-CP1' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.external_id])).toEqual([
			[{ item: 0 }, 'CUST-00001-CP2'],
			[{ item: 1 }, 'CUST-00001-CP1'],
		]);
		expect(chaser.calls()).toEqual([
			`GET /v1/customers/${customer?.id}/contact_persons/ext_CUST-00001-CP2`,
			`GET /v1/customers/${customer?.id}/contact_persons/ext_CUST-00001-CP1`,
		]);
	});

	it('picks the contact person from the list or by Chaser ID, as the editor stores them', async () => {
		const contact = chaser.sandbox.findContactPerson('CUST-00001', 'CUST-00001-CP2');
		for (const pick of [
			{ __rl: true, mode: 'list', value: 'CUST-00001-CP2', cachedResultName: 'Whoever (CUST-00001-CP2)' },
			{ __rl: true, mode: 'id', value: contact?.id },
		]) {
			const result = await chaser.run({
				parameters: { resource: 'contactPerson', operation: 'get', customer: byExternalId('CUST-00001'), contactExternalId: pick },
			});
			expect(result.success.map((item) => item.json)).toEqual([contact]);
		}
		expect(chaser.calls()).toEqual([
			'GET /v1/customers/ext_CUST-00001/contact_persons/ext_CUST-00001-CP2',
			`GET /v1/customers/ext_CUST-00001/contact_persons/${String(contact?.id)}`,
		]);
	});

	it('requires the contact person and sends nothing without it', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'get',
				customer: byExternalId('CUST-00001'),
				contactExternalId: '  ',
			},
		});
		expect(result.error?.message).toBe('"Contact Person" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('with continueErrorOutput, an unknown contact or customer goes to the error output with what was not found', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'get',
				customer: byExternalId('={{ $json.customer }}'),
				contactExternalId: '={{ $json.contact }}',
			},
			items: [
				{ customer: 'CUST-00001', contact: 'CUST-00001-CP9' },
				{ customer: 'CUST-00001', contact: 'CUST-00001-CP1' },
				{ customer: 'CUST-09999', contact: 'CUST-00001-CP1' },
			],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.pairedItem, item.json.external_id])).toEqual([[{ item: 1 }, 'CUST-00001-CP1']]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, expect.stringMatching(/^No contact person with external ID 'CUST-00001-CP9' exists for the customer with external ID 'CUST-00001'/)],
			[{ item: 2 }, expect.stringMatching(/^No contact person with external ID 'CUST-00001-CP1' exists for the customer with external ID 'CUST-09999' in Chaser \(or that customer does not exist\)/)],
		]);
	});

	it('says the credentials were refused on a 403', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'contactPerson',
				operation: 'get',
				customer: byExternalId('CUST-00001'),
				contactExternalId: 'CUST-00001-CP1',
			},
			credentials: { apiSecret: 'wrong' },
		});
		expect(result.error?.message).toBe('Chaser refused the credentials: requested resource is forbidden');
	});
});
