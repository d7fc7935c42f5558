/**
 * Contact Person → Create or Update: a CRM that sends the same contact again updates it. Through Chaser's bulk
 * endpoint per customer (≤ 100 a request) by default, or one by one; each item ends as one paired output or error.
 */
import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../../../../helpers/sandbox';

const SEED = { customers: 2, invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };

function upsert(options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contactPerson',
		operation: 'upsert',
		customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
		externalId: '={{ $json.id }}',
		additionalFields: { contact_first_name: '={{ $json.first }}', contact_email_address: '={{ $json.email }}' },
		options,
	};
}

const jane = { customer: 'CUST-00001', id: 'CP-1', first: 'Jane', email: 'jane@example.com' };

describe('contactPerson: upsert', () => {
	const chaser = useSandbox({ seed: SEED });
	const stored = (customer: string, id: string) => chaser.sandbox.findContactPerson(customer, id);

	it.each([true, false])('creates the contact, then updates it when the CRM sends it again (bulk: %s)', async (useBulk) => {
		const first = await chaser.run({ parameters: upsert({ useBulk }), items: [jane] });
		const again = await chaser.run({ parameters: upsert({ useBulk }), items: [{ ...jane, first: 'Janet' }] });
		expect([first.error, again.error]).toEqual([undefined, undefined]);
		expect(first.success[0].json).toMatchObject({ external_id: 'CP-1', created: true });
		expect(again.success[0].json).toMatchObject({ external_id: 'CP-1', created: false });
		expect(stored('CUST-00001', 'CP-1')).toMatchObject({ contact_first_name: 'Janet', contact_email_address: 'jane@example.com' });
		expect(chaser.sandbox.count('contact_persons')).toBe(1);
		if (useBulk) {
			expect(chaser.calls()).toEqual([
				'PUT /v1/bulk/customers/ext_CUST-00001/contact_persons',
				'PUT /v1/bulk/customers/ext_CUST-00001/contact_persons',
			]);
		}
	});

	it("sends each customer's contacts to that customer's bulk endpoint, up to 100 a request, pairing every item", async () => {
		const items = Array.from({ length: 250 }, (_, n) => ({
			customer: n % 2 === 0 ? 'CUST-00001' : 'CUST-00002',
			id: `CP-${n}`,
			first: `Person ${n}`,
			email: `p${n}@example.com`,
		}));
		const result = await chaser.run({ parameters: upsert(), items });
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const puts = chaser.calls().filter((call) => call.startsWith('PUT'));
		expect(puts).toHaveLength(4);
		expect(new Set(puts)).toEqual(
			new Set(['PUT /v1/bulk/customers/ext_CUST-00001/contact_persons', 'PUT /v1/bulk/customers/ext_CUST-00002/contact_persons']),
		);
		expect(chaser.sandbox.count('contact_persons')).toBe(250);
	});

	it('pairs a bad item and an unknown customer with their errors; the rest lands', async () => {
		const result = await chaser.run({
			parameters: upsert(),
			items: [jane, { ...jane, id: 'CP-2', email: 'not-an-email' }, { ...jane, customer: 'NOPE', id: 'CP-3' }],
			onError: 'continueErrorOutput',
		});
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(result.errorOutput.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, '"Email Address" must be an email address, got "not-an-email" [item 1]'],
			[{ item: 2 }, expect.stringContaining("No customer with external ID 'NOPE' exists in Chaser")],
		]);
		expect(stored('CUST-00001', 'CP-1')).toBeDefined();
		// The bad email never left the node.
		expect(JSON.stringify(chaser.sandbox.requests.map((request) => request.body))).not.toContain('not-an-email');
	});
});
