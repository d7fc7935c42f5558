/**
 * Activates the Chaser Trigger in a workflow and runs its polls through n8n-core's PollContext, as n8n does, with
 * the package's own TypeScript classes. The runner itself is tooling/poll.js.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	NodeApiError,
	NodeOperationError,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { ChaserTrigger } from '../../nodes/ChaserTrigger/ChaserTrigger.node';
import { createPoller } from '../../tooling/poll';
import type { ChaserCredentials } from './engine';

export interface ActivateOptions {
	parameters: INodeParameters;
	credentials: ChaserCredentials;
	/** The workflow's static data as n8n saved it; none = a new workflow. */
	staticData?: IDataObject;
	/** 'activate' (switched on, the default), 'init' (n8n started), 'update' (the active workflow was edited). */
	activation?: WorkflowActivateMode;
	/** Fetch Test Event in the editor instead. */
	manual?: boolean;
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

export interface ActiveTrigger {
	/** One poll with the activation's context: the first is the one n8n runs at activation. */
	poll(): Promise<PollResult>;
}

const poller = createPoller({ Node: ChaserTrigger, Credential: ChaserApi });

export function activateTrigger(options: ActivateOptions): ActiveTrigger {
	return poller.activate(options) as ActiveTrigger;
}
