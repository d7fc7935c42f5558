/**
 * What the trigger tests share: a clock that only fakes the date (sockets and timers stay real), and a
 * trigger whose workflow static data is carried from poll to poll, as n8n keeps it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { PollResult } from '../../../helpers/poll';
import { pollTrigger } from '../../../helpers/poll';
import type { SandboxHandle } from '../../../helpers/sandbox';

/** Call in a describe block; `at('2026-03-10T09:00:00Z')` sets "now" for the polls that follow. */
export function useClock(): { at(instant: string): void } {
	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
		});
	});
	afterEach(() => jest.useRealTimers());
	return { at: (instant) => jest.setSystemTime(new Date(instant)) };
}

export interface TestTrigger {
	/** The workflow's static data as saved after the last poll; assign to restart from another copy. */
	staticData: IDataObject;
	poll(): Promise<PollResult>;
	/** Fetch Test Event in the editor: a manual poll with the saved static data. */
	fetchTestEvent(): Promise<PollResult>;
}

export function chaserTrigger(
	chaser: SandboxHandle,
	parameters: INodeParameters,
	{ timezone = 'UTC' }: { timezone?: string } = {},
): TestTrigger {
	const trigger: TestTrigger = {
		staticData: {},
		poll: async () => {
			const result = await pollTrigger({ parameters, credentials: chaser.credentials, staticData: trigger.staticData, timezone });
			trigger.staticData = result.staticData;
			return result;
		},
		fetchTestEvent: async () =>
			await pollTrigger({ parameters, credentials: chaser.credentials, staticData: trigger.staticData, timezone, mode: 'manual' }),
	};
	return trigger;
}

/** The values of `field` in the items a poll returned, in order; [] for "nothing new". */
export function emitted(result: PollResult, field = 'invoice_id'): unknown[] {
	return (result.items ?? []).map((item) => item.json[field]);
}

/** Midnight UTC of a calendar date: how Chaser stores dates. */
export function day(date: string): string {
	return `${date}T00:00:00.000Z`;
}
