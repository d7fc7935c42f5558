import axios from 'axios';
import type { IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { searchCustomers } from '../../../../../nodes/Chaser/methods/listSearch';
import type { ChaserCredentials } from '../../../../helpers/engine';
import type { SandboxHandle } from '../../../../helpers/sandbox';
import { useSandbox } from '../../../../helpers/sandbox';

const noExtras = { invoicesPerCustomer: 0, creditNotes: 0, overpayments: 0, contactPersonsPerCustomer: 0 };

/** The editor's load-options context, with n8n's authenticated request replaced by axios + Basic auth. */
function loadOptionsContext(chaser: SandboxHandle, overrides: Partial<ChaserCredentials> = {}): ILoadOptionsFunctions {
	const credentials = { ...chaser.credentials, ...overrides };
	const node: INode = {
		id: 'chaser',
		name: 'Chaser',
		type: 'n8n-nodes-chaser.chaser',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const httpRequestWithAuthentication = async (
		credentialType: string,
		options: IHttpRequestOptions,
	): Promise<IN8nHttpFullResponse> => {
		expect(credentialType).toBe('chaserApi');
		const response = await axios.request({
			method: options.method,
			url: options.url,
			params: options.qs,
			data: options.body,
			timeout: options.timeout,
			auth: { username: credentials.apiKey, password: credentials.apiSecret },
			validateStatus: () => true,
		});
		return { body: response.data, headers: response.headers as IN8nHttpFullResponse['headers'], statusCode: response.status };
	};
	return {
		getNode: () => node,
		getCredentials: async () => ({ ...credentials }),
		getNodeParameter: () => {
			throw new Error('no parameters in a load-options call');
		},
		helpers: { httpRequestWithAuthentication },
	} as unknown as ILoadOptionsFunctions;
}


/** The record, which the test has just made sure exists. */
function must<T>(record: T | undefined): T {
	if (record === undefined) throw new Error('expected the sandbox to hold this record');
	return record;
}

describe('customer picker: searchCustomers', () => {
	const chaser = useSandbox();

	it('lists customers a page at a time, with a token for the next page', async () => {
		chaser.sandbox.seed({ customers: 250, ...noExtras });
		const first = await searchCustomers.call(loadOptionsContext(chaser));
		expect(first.results).toHaveLength(100);
		const customer = must(chaser.sandbox.findCustomer('CUST-00001'));
		expect(first.results[0]).toEqual({ name: `${customer.company_name} (CUST-00001)`, value: 'CUST-00001' });
		expect(first.paginationToken).toBe('1');

		const second = await searchCustomers.call(loadOptionsContext(chaser), undefined, first.paginationToken);
		expect(second.results[0].value).toBe('CUST-00101');
		expect(second.paginationToken).toBe('2');

		const third = await searchCustomers.call(loadOptionsContext(chaser), '', second.paginationToken);
		expect(third.results.map((result) => result.value)).toEqual(
			Array.from({ length: 50 }, (_, index) => `CUST-${String(201 + index).padStart(5, '0')}`),
		);
		expect(third.paginationToken).toBeUndefined();

		expect(chaser.calls()).toEqual(['GET /v1/customers', 'GET /v1/customers', 'GET /v1/customers']);
		expect(chaser.sandbox.requests.map((request) => request.query)).toEqual([
			{ page: '0', limit: '100' },
			{ page: '1', limit: '100' },
			{ page: '2', limit: '100' },
		]);
	});

	it('matches the search text against external ID and company name, ignoring case', async () => {
		chaser.sandbox.seed({ customers: 250, ...noExtras });
		const byId = await searchCustomers.call(loadOptionsContext(chaser), ' cust-0024 ');
		expect(byId.results.map((result) => result.value)).toEqual(
			Array.from({ length: 10 }, (_, index) => `CUST-0024${index}`),
		);
		expect(byId.paginationToken).toBeUndefined();

		const target = must(chaser.sandbox.findCustomer('CUST-00123'));
		const byName = await searchCustomers.call(loadOptionsContext(chaser), target.company_name.toUpperCase());
		expect(byName.results).toContainEqual({ name: `${target.company_name} (CUST-00123)`, value: 'CUST-00123' });
		for (const result of byName.results) expect(result.name.toLowerCase()).toContain(target.company_name.toLowerCase());

		const none = await searchCustomers.call(loadOptionsContext(chaser), 'no such customer');
		expect(none).toEqual({ results: [], paginationToken: undefined });
	});

	it('scans at most five pages per call and hands back where it stopped', async () => {
		chaser.sandbox.seed({ customers: 700, ...noExtras });
		// '069' is in CUST-00069 (page 0) and CUST-00690 to CUST-00699 (page 6).
		const first = await searchCustomers.call(loadOptionsContext(chaser), '069');
		expect(first.results.map((result) => result.value)).toEqual(['CUST-00069']);
		expect(first.paginationToken).toBe('5');
		expect(chaser.sandbox.requests.map((request) => request.query.page)).toEqual(['0', '1', '2', '3', '4']);

		chaser.sandbox.clearLog();
		const second = await searchCustomers.call(loadOptionsContext(chaser), '069', first.paginationToken);
		expect(second.results.map((result) => result.value)).toEqual(
			Array.from({ length: 10 }, (_, index) => `CUST-0069${index}`),
		);
		expect(second.paginationToken).toBeUndefined();
		expect(chaser.sandbox.requests.map((request) => request.query.page)).toEqual(['5', '6']);
	});

	it('returns an empty list for an empty ledger', async () => {
		expect(await searchCustomers.call(loadOptionsContext(chaser))).toEqual({ results: [], paginationToken: undefined });
	});

	it('explains refused credentials', async () => {
		const wrongKey = loadOptionsContext(chaser, { apiKey: 'wrong' });
		await expect(searchCustomers.call(wrongKey, 'x')).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'Chaser refused the credentials: requested resource is forbidden',
			httpCode: '403',
		});
	});
});
