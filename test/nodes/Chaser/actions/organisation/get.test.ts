import { useSandbox } from '../../../../helpers/sandbox';

describe('organisation: get', () => {
	const chaser = useSandbox();

	it('returns the organisation the API key belongs to for every input item, read once', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'get' },
			items: [{ a: 1 }, { a: 2 }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([chaser.sandbox.organisation, chaser.sandbox.organisation]);
		expect(result.success[0].json).toMatchObject({
			organisation_id: 'ORG-SANDBOX-001',
			name: 'Sandbox Trading Ltd',
			base_currency: 'GBP',
		});
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['GET /v1/organisation']);
	});

	it('fails with a credentials error that says how to fix it when the key is wrong', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'get' },
			credentials: { apiSecret: 'wrong' },
		});
		expect(result.success).toEqual([]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/Chaser refused the credentials/);
		expect(result.error?.description).toMatch(/API Key and API Secret/);
		expect(chaser.sandbox.requests.map((request: { status: number }) => request.status)).toEqual([403]);
	});
});
