import { useSandbox } from '../../../../helpers/sandbox';

describe('organisation: getAll', () => {
	const chaser = useSandbox();

	it('returns every organisation the key can see, one item each', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'getAll', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json.organisation_id)).toEqual(['ORG-SANDBOX-001', 'ORG-SANDBOX-002']);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(chaser.calls()).toEqual(['GET /v1/organisations']);
		expect(chaser.sandbox.requests[0].query).toEqual({ page: '0', limit: '100' });
	});

	it('stops at the limit', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'getAll', returnAll: false, limit: 1 },
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json.name)).toEqual(['Sandbox Trading Ltd']);
		expect(chaser.sandbox.requests.map((request: { query: unknown }) => request.query)).toEqual([
			{ page: '0', limit: '1' },
		]);
	});

	it('with "Continue" on error, a refused key becomes one error item per input item', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'getAll', returnAll: true },
			items: [{}, {}],
			credentials: { apiKey: 'nope' },
			onError: 'continueRegularOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toHaveLength(2);
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of result.success) expect(item.json.error).toMatch(/Chaser refused the credentials/);
	});
});
