/**
 * What the trigger tests share: a clock that only fakes the date (sockets and timers stay real), and a
 * trigger activated in a workflow whose static data n8n keeps between polls and activations.
 */
import type { IDataObject, INodeParameters, WorkflowActivateMode } from 'n8n-workflow';

import type { ActiveTrigger, PollResult } from '../../../helpers/poll';
import { activateTrigger } from '../../../helpers/poll';
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
	/** The workflow's static data as n8n would have saved it after the last poll. */
	readonly staticData: IDataObject;
	/** The next poll; the first one is the poll n8n runs when the workflow is switched on (activation 'activate'). */
	poll(): Promise<PollResult>;
	/**
	 * Activates the workflow again, as n8n does after a restart ('init'), an edit of the active workflow ('update')
	 * or when it is switched off and on ('activate'), from `staticData` (default: as saved after the last poll).
	 */
	activate(activation: WorkflowActivateMode, staticData?: IDataObject): void;
	/** Fetch Test Event in the editor, with the saved static data. */
	fetchTestEvent(): Promise<PollResult>;
}

export function chaserTrigger(
	chaser: SandboxHandle,
	parameters: INodeParameters,
	{ timezone = 'UTC' }: { timezone?: string } = {},
): TestTrigger {
	let staticData: IDataObject = {};
	let active: ActiveTrigger | undefined;
	const activate = (activation: WorkflowActivateMode, from = staticData) => {
		staticData = from;
		active = activateTrigger({ parameters, credentials: chaser.credentials, staticData, activation, timezone });
	};
	return {
		get staticData() {
			return staticData;
		},
		poll: async () => {
			if (!active) activate('activate');
			const result = await active!.poll();
			staticData = result.staticData;
			return result;
		},
		activate,
		fetchTestEvent: async () =>
			await activateTrigger({ parameters, credentials: chaser.credentials, staticData, manual: true, timezone }).poll(),
	};
}

/** The values of `field` in the items a poll returned, in order; [] for "nothing new". */
export function emitted(result: PollResult, field = 'invoice_id'): unknown[] {
	return (result.items ?? []).map((item) => item.json[field]);
}

/** Midnight UTC of a calendar date: how Chaser stores dates. */
export function day(date: string): string {
	return `${date}T00:00:00.000Z`;
}
