import { configureTransport } from '../../../../../core/transport';
import { useSandbox } from '../../../../helpers/sandbox';

describe('organisation: sync', () => {
	const chaser = useSandbox();

	it('asks Chaser for the chosen tasks and returns its result', async () => {
		const result = await chaser.run({
			parameters: {
				resource: 'organisation',
				operation: 'sync',
				tasks: ['CALCULATE_NEXT_CHASES', 'CALCULATE_CONTACT_BALANCES'],
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([{ result: true }]);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(chaser.calls()).toEqual(['POST /v1/organisation/sync']);
		expect(chaser.sandbox.requests[0].body).toEqual({
			tasks: [{ task: 'CALCULATE_NEXT_CHASES' }, { task: 'CALCULATE_CONTACT_BALANCES' }],
		});
		expect(chaser.sandbox.organisation.last_sync_date).toEqual(expect.any(String));
	});

	it('sends no tasks when none is chosen (a full sync)', async () => {
		const result = await chaser.run({ parameters: { resource: 'organisation', operation: 'sync' } });
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([{ result: true }]);
		// The node passes `{}`; n8n's HTTP layer sends an empty object as no body at all.
		expect(chaser.calls()).toEqual(['POST /v1/organisation/sync']);
		expect(chaser.sandbox.requests[0].body).toBeUndefined();
	});

	it('rejects an unknown task from an expression before sending anything', async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'sync', tasks: '={{ ["RECALCULATE_EVERYTHING"] }}' },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/^"Tasks" must be one of CALCULATE_CONTACT_BALANCES, .*, got "RECALCULATE_EVERYTHING" \[item 0\]$/);
		expect(chaser.calls()).toEqual([]);
	});

	it("explains Chaser's limit of 5 syncs per hour when it is reached", async () => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'sync' },
			items: [{}, {}, {}, {}, {}, {}],
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual(new Array(5).fill({ result: true }));
		expect(result.success.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 5 });
		expect(result.errorOutput[0].json.error).toBe(
			'Chaser refused the sync: it allows 5 syncs per hour per organisation',
		);

		// Still over the limit: without "Continue", the run stops with advice on what to do.
		const stopped = await chaser.run({ parameters: { resource: 'organisation', operation: 'sync' } });
		expect(stopped.error?.name).toBe('NodeApiError');
		expect(stopped.error?.message).toBe('Chaser refused the sync: it allows 5 syncs per hour per organisation');
		expect(stopped.error?.description).toMatch(/Execute Once/);
	});

	it('waits at most a minute on the sync limit, not the full rate-limit budget', async () => {
		// The clock moves with every wait, as it does for real: a wait is counted once, not again as part of the next hold.
		let waitedMs = 0;
		let clock = 1_000_000;
		configureTransport({
			now: () => clock,
			sleep: async (ms: number) => {
				waitedMs += ms;
				clock += ms;
			},
		});
		chaser.sandbox.injectFault({ type: '429', method: 'POST', path: '/v1/organisation/sync', count: 100 });
		const result = await chaser.run({ parameters: { resource: 'organisation', operation: 'sync' } });
		expect(result.error?.message).toBe('Chaser refused the sync: it allows 5 syncs per hour per organisation');
		expect(waitedMs).toBeGreaterThan(0);
		expect(waitedMs).toBeLessThanOrEqual(60_000);
	});

	it('does not resend a sync whose outcome is unknown (no read-back for a sync)', async () => {
		chaser.sandbox.injectFault({ type: '500', method: 'POST', path: '/v1/organisation/sync', when: 'after' });
		const result = await chaser.run({ parameters: { resource: 'organisation', operation: 'sync' } });
		expect(result.error?.message).toMatch(/Chaser had a problem handling the request \(HTTP 500\)/);
		expect(chaser.calls()).toEqual(['POST /v1/organisation/sync']);
	});

	it('retries a sync that provably never landed', async () => {
		chaser.sandbox.injectFault({ type: '429', method: 'POST', path: '/v1/organisation/sync', when: 'before' });
		const result = await chaser.run({ parameters: { resource: 'organisation', operation: 'sync' } });
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json)).toEqual([{ result: true }]);
		expect(chaser.calls()).toEqual(['POST /v1/organisation/sync', 'POST /v1/organisation/sync']);
	});
});
