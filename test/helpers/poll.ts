/**
 * Runs polls of the Chaser Trigger through n8n-core's PollContext, with the package's own TypeScript classes.
 * The runner itself is tooling/poll.js.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { ChaserTrigger } from '../../nodes/ChaserTrigger/ChaserTrigger.node';
import { createPoller } from '../../tooling/poll';
import type { ChaserCredentials } from './engine';

export interface PollOptions {
	parameters: INodeParameters;
	credentials: ChaserCredentials;
	/** The workflow's static data before the poll; none = a workflow just activated. */
	staticData?: IDataObject;
	/** 'trigger' for an active workflow, 'manual' for Fetch Test Event. */
	mode?: 'trigger' | 'manual';
	timezone?: string;
}

export interface PollResult {
	/** What poll() returned on its output; null for "nothing new". */
	items: INodeExecutionData[] | null;
	/** The workflow's static data after the poll, as n8n would save it. */
	staticData: IDataObject;
	/** What poll() threw, if it failed. */
	error?: NodeApiError | NodeOperationError;
}

const poller = createPoller({ Node: ChaserTrigger, Credential: ChaserApi });

export async function pollTrigger(options: PollOptions): Promise<PollResult> {
	return (await poller.poll(options)) as PollResult;
}
