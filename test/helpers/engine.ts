/**
 * Runs a workflow "Input → Chaser" through n8n-core's real execution engine, in-process, with the
 * package's own TypeScript classes (the node and its credential). The engine itself is
 * tooling/engine.js, shared with the benchmark (scripts/bench/engine.js).
 */
import type {
	ExecutionError,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	IRun,
} from 'n8n-workflow';

import { ChaserApi } from '../../credentials/ChaserApi.credentials';
import { Chaser } from '../../nodes/Chaser/Chaser.node';
import { createEngine } from '../../tooling/engine';

export interface ChaserCredentials {
	apiKey: string;
	apiSecret: string;
	baseUrl: string;
}

export interface RunOptions {
	/** The Chaser node's parameters (resource, operation, fields). */
	parameters: INodeParameters;
	/** Input items for the Chaser node; one empty item by default, like a Manual Trigger. */
	items?: IDataObject[];
	credentials: ChaserCredentials;
	/** The node's "On Error" setting. */
	onError?: INode['onError'];
	/** The workflow's time zone setting (IANA name); n8n's default when omitted. */
	timezone?: string;
}

export interface RunResult {
	/** Items on the Chaser node's main output (index 0) and, with continueErrorOutput, its error output (index 1). */
	success: INodeExecutionData[];
	errorOutput: INodeExecutionData[];
	/** The workflow's error when the node stopped it. */
	error?: ExecutionError;
	run: IRun;
}

const engine = createEngine({ Node: Chaser, Credential: ChaserApi, label: 'test' });

/**
 * Forgets what n8n's deduplication store holds (Record Payment's payment references, delta sync's records), as a
 * fresh n8n would.
 */
export function clearProcessedData(): void {
	engine.processedData.clear();
}

export async function runChaser(options: RunOptions): Promise<RunResult> {
	// The items go through JSON, as they would from a trigger or an earlier node's output.
	const items = JSON.parse(JSON.stringify(options.items ?? [{}])) as IDataObject[];
	return await engine.runChaser({ ...options, items });
}

export interface ListSearchOptions {
	/** The node's listSearch method, e.g. 'searchInvoices'. */
	method: string;
	/** The node's current parameters, as the editor sends them (e.g. the chosen customer). */
	parameters?: INodeParameters;
	credentials: ChaserCredentials;
	/** What the user typed in the list's search box. */
	filter?: string;
	paginationToken?: string;
}

/** Calls a listSearch method the way n8n's editor does, through n8n-core's LoadOptionsContext. */
export async function listSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	return await engine.listSearch(options);
}
