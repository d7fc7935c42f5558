/** A saved credential whose Requests per Minute is 0 or not a number stops the node before any request, saying so. */
import { requestsPerMinuteProblem } from '../../../core/transport/pacer';
import { useSandbox } from '../../helpers/sandbox';

describe('Requests per Minute from the credential', () => {
	const chaser = useSandbox();

	it.each([0, -1, 0.5, 'lots'])('%p stops the node before any request, naming the field and what to enter', async (requestsPerMinute) => {
		const result = await chaser.run({
			parameters: { resource: 'organisation', operation: 'get' },
			credentials: { requestsPerMinute } as never,
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			/^"Requests per Minute" in the Chaser credential is .+: enter how many requests a minute n8n may send with this key, at least 1/,
		);
		expect(chaser.calls()).toEqual([]);
	});

	it.each([undefined, '', 1, 200, '150'])('%p is fine (empty means Chaser\'s 200)', (requestsPerMinute) => {
		expect(requestsPerMinuteProblem(requestsPerMinute)).toBeUndefined();
	});
});
