/**
 * Gives a test file its own Chaser sandbox on an ephemeral loopback port, fresh for each test,
 * and makes the transport skip real waits (pacing and back-off) unless a test asks for them.
 */
import { configureTransport, resetPacing, resetTransportSettings } from '../../core/transport';
import type { INodeListSearchResult } from 'n8n-workflow';

import type { ChaserCredentials, ListSearchOptions, RunOptions, RunResult } from './engine';
import { clearProcessedData, listSearch, runChaser } from './engine';

// The sandbox is plain JavaScript so it can also run standalone (npm run sandbox).
import { createSandbox } from '../../sandbox';

export const SANDBOX_KEY = 'test-key';
export const SANDBOX_SECRET = 'test-secret';

export type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

export interface SandboxHandle {
	readonly sandbox: Sandbox;
	readonly credentials: ChaserCredentials;
	/** Runs Input → Chaser through the engine against this sandbox. */
	run(options: Omit<RunOptions, 'credentials'> & { credentials?: Partial<ChaserCredentials> }): Promise<RunResult>;
	/** Calls a listSearch method (a "From List" picker) as the editor does, against this sandbox. */
	search(
		method: string,
		options?: Omit<ListSearchOptions, 'method' | 'credentials'> & { credentials?: Partial<ChaserCredentials> },
	): Promise<INodeListSearchResult>;
	/** Requests the sandbox received since the test started, as "METHOD /path". */
	calls(): string[];
}

/**
 * Call at the top of a describe block. `seed` is applied before every test; `logger` receives the
 * sandbox's printed request log (one line per request), which is silent otherwise.
 */
export function useSandbox(
	options: {
		seed?: Parameters<Sandbox['seed']>[0];
		rateLimit?: Parameters<Sandbox['setRateLimit']>[0];
		logger?: (line: string) => void;
	} = {},
): SandboxHandle {
	let sandbox: Sandbox;
	const handle: SandboxHandle = {
		get sandbox() {
			return sandbox;
		},
		get credentials() {
			return { apiKey: SANDBOX_KEY, apiSecret: SANDBOX_SECRET, baseUrl: sandbox.url };
		},
		run: async (runOptions) =>
			await runChaser({ ...runOptions, credentials: { ...handle.credentials, ...runOptions.credentials } }),
		search: async (method, searchOptions = {}) =>
			await listSearch({
				...searchOptions,
				method,
				credentials: { ...handle.credentials, ...searchOptions.credentials },
			}),
		calls: () =>
			(sandbox.requests as Array<{ method: string; path: string }>).map(({ method, path }) => `${method} ${path}`),
	};

	beforeAll(async () => {
		sandbox = await createSandbox({
			port: 0,
			apiKey: SANDBOX_KEY,
			apiSecret: SANDBOX_SECRET,
			seed: 'none',
			quiet: !options.logger,
			logger: options.logger,
		});
	});
	afterAll(async () => {
		await sandbox.close();
		resetTransportSettings();
	});
	beforeEach(() => {
		sandbox.reset();
		if (options.seed) sandbox.seed(options.seed);
		if (options.rateLimit) sandbox.setRateLimit(options.rateLimit);
		sandbox.clearLog();
		clearProcessedData();
		resetPacing();
		configureTransport({ sleep: async () => {}, rateLimit: { requests: 0, windowMs: 0 }, timeoutMs: 5_000 });
	});
	return handle;
}
