/**
 * Several n8n processes sharing one Chaser key (queue mode: one per worker), simulated in virtual time: each
 * process is the real transport with a pacer of its own (one per base URL here, as every process has its own
 * memory), all talking to one Chaser that allows 200 requests in any 60 s and sends no Retry-After.
 */
import { chaserRequest, configureTransport, resetPacing, resetTransportSettings } from '../../../core/transport';
import { busiestWindow as mostInAnyWindow } from '../../../sandbox';
import { fail, fakeContext, ok } from './fakeContext';
import { virtualClock } from './support/virtualClock';

const WINDOW = 60_000;
const LIMIT = 200;
/** Each way between n8n and Chaser. */
const LATENCY_MS = 20;

let clock: ReturnType<typeof virtualClock>;

beforeEach(() => {
	resetPacing();
	clock = virtualClock();
	configureTransport({ rateLimit: { requests: LIMIT, windowMs: WINDOW }, now: clock.now, sleep: clock.sleep });
});
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

/** Chaser's limit as the sandbox enforces it: a sliding window over accepted requests; a 429 does not count. */
function simulatedChaser() {
	const accepted: number[] = [];
	const attempts: Array<{ at: number; status: number }> = [];
	const respond = async () => {
		await clock.sleep(LATENCY_MS);
		const at = clock.now();
		const inWindow = accepted.filter((time) => time > at - WINDOW).length;
		const status = inWindow < LIMIT ? 200 : 429;
		if (status === 200) accepted.push(at);
		attempts.push({ at, status });
		await clock.sleep(LATENCY_MS);
		return status === 200 ? ok({ data: { id: 'cus_1' } }) : fail(429, { message: 'rate limit exceeded' });
	};
	/** The most requests Chaser received (429s included) in any 60 s. */
	const busiestWindow = () =>
		mostInAnyWindow(
			attempts.map((attempt) => attempt.at),
			WINDOW,
		);
	const share429 = () => attempts.filter((attempt) => attempt.status === 429).length / attempts.length;
	return { respond, attempts, busiestWindow, share429 };
}

/** `processes` × `executions` concurrent executions, each sending `requests` one after the other. */
async function runFleet(
	chaser: ReturnType<typeof simulatedChaser>,
	{ processes, executions, requests, budget }: { processes: number; executions: number; requests: number; budget?: number },
) {
	const work = [];
	for (let process = 0; process < processes; process++) {
		const { context } = fakeContext(chaser.respond, {}, { baseUrl: `https://process-${process}.test`, requestsPerMinute: budget });
		for (let execution = 0; execution < executions; execution++) {
			work.push(
				(async () => {
					for (let i = 0; i < requests; i++) await chaserRequest(context, { method: 'GET', path: '/v1/customers/ext_C-1' });
				})(),
			);
		}
	}
	await clock.run(Promise.all(work));
	return clock.now();
}

describe('a fleet of processes sharing one key', () => {
	it('queue mode, 2 workers with the default budget: 6 executions × 60 requests stay inside the limit with rare 429s', async () => {
		const chaser = simulatedChaser();
		await runFleet(chaser, { processes: 2, executions: 3, requests: 60 });
		expect(chaser.attempts.filter((attempt) => attempt.status === 200)).toHaveLength(360);
		expect(chaser.busiestWindow()).toBeLessThanOrEqual(210);
		expect(chaser.share429()).toBeLessThanOrEqual(0.02);
	});

	it('queue mode, 2 workers with the budget set per worker (100 each): no 429 at all', async () => {
		const chaser = simulatedChaser();
		const tookMs = await runFleet(chaser, { processes: 2, executions: 3, requests: 60, budget: 100 });
		expect(chaser.attempts.filter((attempt) => attempt.status === 429)).toEqual([]);
		expect(chaser.busiestWindow()).toBeLessThanOrEqual(LIMIT);
		// 360 requests at 200 per window: done early in the second window.
		expect(tookMs).toBeLessThan(2 * WINDOW);
	});

	it('3 processes × 2 executions × 300 requests (1,800, nine windows of work) settle under the limit', async () => {
		const chaser = simulatedChaser();
		await runFleet(chaser, { processes: 3, executions: 2, requests: 300 });
		expect(chaser.attempts.filter((attempt) => attempt.status === 200)).toHaveLength(1_800);
		expect(chaser.busiestWindow()).toBeLessThanOrEqual(210);
		expect(chaser.share429()).toBeLessThanOrEqual(0.02);
	});

	it('one process alone never meets a 429 and needs no more time than the limit', async () => {
		const chaser = simulatedChaser();
		const tookMs = await runFleet(chaser, { processes: 1, executions: 3, requests: 100 });
		expect(chaser.attempts.filter((attempt) => attempt.status === 429)).toEqual([]);
		// 300 requests: 200 at once, the rest as the first ones leave the window.
		expect(tookMs).toBeLessThan(1.05 * WINDOW);
	});
});
