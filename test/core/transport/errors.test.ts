/** Each error's advice fits its cause (the message says what happened, the description what to do). */
import { toNodeApiError } from '../../../core/transport/errors';
import type { Failure } from '../../../core/transport/failures';
import { useSandbox } from '../../helpers/sandbox';
import { fakeNode as node } from './fakeContext';

const BASE_URL_HELP = 'Check the Base URL in the Chaser credential: for Chaser it is https://openapi.chaserhq.com.';

const client = (status: number, message: string): Failure => ({ ok: false, kind: 'client', status, message, neverLanded: true });

describe('toNodeApiError: advice by cause', () => {
	it.each([
		['external_id already exists', /^A record with this ID is already in Chaser\. To change it, use Update, or Create or Update/],
		['invoice_id already exists', /use Update, or Create or Update/],
		['customer not found: CUST-404', /^Invoices, credit notes and overpayments belong to a customer that must already be in Chaser: check the Customer field, or create the customer first/],
		['unknown customer: CUST-404', /check the Customer field, or create the customer first/],
		['currency_code must be an ISO 4217 code', /^Correct the field Chaser names and run the node again\.$/],
	])('400 "%s"', (chaserSays, advice) => {
		const error = toNodeApiError(node, client(400, chaserSays), {});
		expect(error.message).toBe(`Chaser rejected the request: ${chaserSays}`);
		expect(error.description).toMatch(advice);
	});

	it.each([401, 403])('%i: check the key and secret', (status) => {
		const error = toNodeApiError(node, client(status, 'requested resource is forbidden'), {});
		expect(error.message).toBe('Chaser refused the credentials: requested resource is forbidden');
		expect(error.description).toMatch(/^Check the API Key and API Secret in the Chaser credential\. Keys are created in Chaser under/);
	});

	it('404 on a record: the message names the ID, the description says how to check it', () => {
		const error = toNodeApiError(node, client(404, 'entity not found'), {
			notFoundMessage: "No invoice with Invoice ID 'INV-9' exists in Chaser",
		});
		expect(error.message).toBe("No invoice with Invoice ID 'INV-9' exists in Chaser");
		expect(error.description).toMatch(/^Check that ID: it must be exactly the ID the record has in Chaser/);
	});

	it('404 where Chaser always has something (a list, the organisation): the Base URL is wrong', () => {
		const error = toNodeApiError(node, client(404, 'entity not found'), {});
		expect(error.message).toBe('Chaser found nothing at this address: entity not found');
		expect(error.description).toBe(BASE_URL_HELP);
	});

	it('a redirect without a Location still says what happened and what to do', () => {
		const error = toNodeApiError(node, { ok: false, kind: 'redirect', status: 302, message: 'HTTP 302', neverLanded: true }, {});
		expect(error.message).toBe(
			'Chaser (or a proxy in front of it) answered with a redirect (HTTP 302) to an address it did not give, which the node does not follow',
		);
		expect(error.description).toMatch(/not sent there\. Check the Base URL/);
		expect(error.httpCode).toBe('302');
	});

	it.each([
		['network', { kind: 'network', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND chaser.invalid' }],
		['malformed', { kind: 'malformed', status: 200, message: 'Chaser sent a response that is not valid JSON' }],
	] as const)('%s: points at the Base URL', (_kind, failure) => {
		const error = toNodeApiError(node, { ok: false, neverLanded: false, ...failure } as Failure, { attempts: 2 });
		expect(error.description).toContain(BASE_URL_HELP);
	});
});

describe('advice in a real run', () => {
	const chaser = useSandbox();

	it('creating a customer whose External ID is taken says to use Update or Create or Update', async () => {
		const parameters = { resource: 'customer', operation: 'create', externalId: 'C-1', companyName: 'Acme', additionalFields: {} };
		const result = await chaser.run({ parameters, items: [{}, {}], onError: 'continueErrorOutput' });
		expect(result.success).toHaveLength(1);
		expect(result.errorOutput.map((item) => [item.json.error, item.json.details])).toEqual([
			[
				'Chaser rejected the request: external_id already exists',
				'A record with this ID is already in Chaser. To change it, use Update, or Create or Update, which creates or updates by ID in one step; Get reads it.',
			],
		]);
	});
});
