/**
 * Create or Update with "Skip Unchanged Records" (delta sync), run through n8n's engine against the sandbox, with
 * n8n's deduplication store as the memory between runs (each run is one execution of the same workflow and node).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { DataDeduplicationService } from 'n8n-core';

import type { RunResult } from '../../../helpers/engine';
import { useSandbox } from '../../../helpers/sandbox';
import { CREDIT_NOTE, OVERPAYMENT, writeParameters } from '../actions/credit/profiles';
import { addCustomer, newInvoiceParameters, invoiceItem } from '../actions/invoice/fixtures';

const customers = (options: IDataObject = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'upsert',
	externalId: '={{ $json.id }}',
	companyName: '={{ $json.name }}',
	options: { skipUnchanged: true, ...options },
});

const rows = (count: number, name = (i: number) => `Company ${i} Ltd`) =>
	Array.from({ length: count }, (_, i) => ({ id: `C-${i}`, name: name(i) }));

/** External IDs the sandbox received in bulk requests, in order. */
const sentIds = (chaser: ReturnType<typeof useSandbox>) =>
	(chaser.sandbox.requests as Array<{ path: string; body: { entries?: IDataObject[] } }>)
		.filter((request) => request.path.startsWith('/v1/bulk/'))
		.flatMap((request) => (request.body.entries ?? []).map((entry) => entry.external_id));

const skippedFlags = (result: RunResult) => result.success.map((item) => item.json.skipped);

describe('Create or Update: Skip Unchanged Records', () => {
	const chaser = useSandbox();

	/** One run of the node, then the sandbox's log is cleared so the next run's requests stand alone. */
	const run = async (parameters: INodeParameters, items: IDataObject[], extra: IDataObject = {}) => {
		chaser.sandbox.clearLog();
		const result = await chaser.run({ parameters, items, ...extra });
		expect(result.error).toBeUndefined();
		return result;
	};

	it('sends everything the first time, nothing the second, and only the changed records after that', async () => {
		const first = await run(customers(), rows(250));
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/customers', 'PUT /v1/bulk/customers', 'PUT /v1/bulk/customers']);
		expect(skippedFlags(first)).toEqual(Array(250).fill(false));

		const second = await run(customers(), rows(250));
		expect(chaser.calls()).toEqual([]);
		expect(skippedFlags(second)).toEqual(Array(250).fill(true));
		// Skipped items still come out, paired with their inputs, as they would have been sent.
		expect(second.success.map((item) => item.pairedItem)).toEqual(rows(250).map((_, i) => ({ item: i })));
		expect(second.success[7].json).toEqual({ external_id: 'C-7', company_name: 'Company 7 Ltd', skipped: true });

		const changed = new Set([3, 120, 249]);
		const third = await run(customers(), rows(250, (i) => (changed.has(i) ? `Renamed ${i} Ltd` : `Company ${i} Ltd`)));
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/customers']);
		expect(sentIds(chaser)).toEqual(['C-3', 'C-120', 'C-249']);
		expect(skippedFlags(third)).toEqual(rows(250).map((_, i) => !changed.has(i)));
		expect(chaser.sandbox.findCustomer('C-120')).toMatchObject({ company_name: 'Renamed 120 Ltd' });
	});

	it('sends a record that changed back to what an earlier run sent', async () => {
		const paid = [{ id: 'C-1', name: 'Paid Ltd' }];
		const reopened = [{ id: 'C-1', name: 'Reopened Ltd' }];
		await run(customers(), paid);
		await run(customers(), reopened);
		await run(customers(), paid);
		expect(sentIds(chaser)).toEqual(['C-1']);
		expect(chaser.sandbox.findCustomer('C-1')).toMatchObject({ company_name: 'Paid Ltd' });
	});

	it('never remembers a record whose request failed: it is sent again next time', async () => {
		chaser.sandbox.injectFault({ type: '500', method: 'PUT', path: '/v1/bulk/customers', count: 100 });
		const failed = await run(customers(), rows(3), { onError: 'continueRegularOutput' });
		expect(failed.success.map((item) => item.json.error)).toEqual(Array(3).fill(expect.stringMatching(/HTTP 500/)));
		chaser.sandbox.clearFaults();

		const retried = await run(customers(), rows(3));
		expect(sentIds(chaser)).toEqual(['C-0', 'C-1', 'C-2']);
		expect(skippedFlags(retried)).toEqual([false, false, false]);
	});

	it('of a batch Chaser rejects in part, remembers the records that landed and not the one that did not', async () => {
		addCustomer(chaser.sandbox, 'CUST-1');
		const invoices = newInvoiceParameters('upsert', { options: { skipUnchanged: true } });
		const items = [invoiceItem('INV-1'), invoiceItem('INV-2', { customer: 'NO-SUCH-CUSTOMER' }), invoiceItem('INV-3')];
		const first = await run(invoices, items, { onError: 'continueErrorOutput' });
		expect(first.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);

		const second = await run(invoices, items, { onError: 'continueErrorOutput' });
		expect((chaser.sandbox.requests[0].body as { entries: IDataObject[] }).entries.map((entry) => entry.invoice_id)).toEqual([
			'INV-2',
		]);
		expect(skippedFlags(second)).toEqual([true, true]);
		expect(second.errorOutput.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
	});

	it('after a run that stopped on an error, sends everything again', async () => {
		await run(customers(), rows(150));
		chaser.sandbox.injectFault({ type: '500', method: 'PUT', path: '/v1/bulk/customers', count: 100 });
		chaser.sandbox.clearLog();
		const stopped = await chaser.run({ parameters: customers(), items: rows(150, (i) => (i === 0 ? 'Changed Ltd' : `Company ${i} Ltd`)) });
		expect(stopped.error?.message).toMatch(/HTTP 500/);
		chaser.sandbox.clearFaults();

		await run(customers(), rows(150));
		expect(sentIds(chaser)).toHaveLength(150);
	});

	it('fails a bad item before any request and keeps what the last run remembered', async () => {
		await run(customers(), rows(3));
		chaser.sandbox.clearLog();
		const stopped = await chaser.run({ parameters: customers(), items: [...rows(3), { id: 'C-9', name: '' }] });
		expect(stopped.error?.message).toMatch(/Company Name/);
		expect(chaser.calls()).toEqual([]);

		const next = await run(customers(), rows(3));
		expect(chaser.calls()).toEqual([]);
		expect(skippedFlags(next)).toEqual([true, true, true]);
	});

	it('remembers only the records of its last run: one left out is sent again when it comes back', async () => {
		await run(customers(), rows(3));
		await run(customers(), rows(2));
		await run(customers(), rows(3));
		expect(sentIds(chaser)).toEqual(['C-2']);
	});

	it('remembers per Chaser key: the same records for another key are sent', async () => {
		await run(customers(), rows(2));
		await run(customers(), rows(2), { credentials: { baseUrl: `${chaser.sandbox.url}/` } });
		expect(sentIds(chaser)).toEqual([]);
		// (The sandbox knows only its own key: what matters is that the records went out.)
		await run(customers(), rows(2), { credentials: { apiKey: 'another-key' }, onError: 'continueRegularOutput' });
		expect(chaser.calls()).toEqual(['PUT /v1/bulk/customers']);
	});

	it('with the same ID twice in one run, remembers what was sent last', async () => {
		await run(customers({ useBulk: false }), [
			{ id: 'C-1', name: 'First Ltd' },
			{ id: 'C-1', name: 'Second Ltd' },
		]);
		expect(chaser.sandbox.findCustomer('C-1')).toMatchObject({ company_name: 'Second Ltd' });
		await run(customers({ useBulk: false }), [{ id: 'C-1', name: 'Second Ltd' }]);
		expect(chaser.calls()).toEqual([]);
		await run(customers({ useBulk: false }), [{ id: 'C-1', name: 'First Ltd' }]);
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_C-1']);
	});

	it('one item at a time (bulk off): PUT only for the changed records', async () => {
		const single = customers({ useBulk: false });
		await run(single, rows(3));
		const second = await run(single, rows(3, (i) => (i === 1 ? 'Renamed Ltd' : `Company ${i} Ltd`)));
		expect(chaser.calls()).toEqual(['PUT /v1/customers/ext_C-1']);
		expect(skippedFlags(second)).toEqual([true, false, true]);
		expect(second.success[1].json).toMatchObject({ external_id: 'C-1', company_name: 'Renamed Ltd', skipped: false });
	});

	it('asks the store the same three times per run, whether the run has 1 batch or 30', async () => {
		const store = DataDeduplicationService.getInstance();
		const calls = [
			jest.spyOn(store, 'getProcessedDataCount'),
			jest.spyOn(store, 'checkProcessedAndRecord'),
			jest.spyOn(store, 'removeProcessed'),
			jest.spyOn(store, 'clearAllProcessedItems'),
		];
		const count = () => calls.map((spy) => spy.mock.calls.length);
		try {
			await run(customers(), rows(5));
			expect(count()).toEqual([1, 2, 0, 0]);
			await run(customers(), rows(3_000, (i) => `Other ${i} Ltd`));
			expect(count()).toEqual([2, 4, 0, 0]);
			expect(chaser.calls()).toHaveLength(30);
		} finally {
			calls.forEach((spy) => spy.mockRestore());
		}
	});

	it.each([
		['invoices', newInvoiceParameters('upsert'), (i: number) => invoiceItem(`INV-${i}`), '/v1/bulk/invoices'],
		[
			'credit notes',
			writeParameters(CREDIT_NOTE, 'upsert', { currencyCode: 'GBP', date: '2024-03-15' }),
			(i: number) => ({ id: `CN-${i}`, number: `N-${i}`, customer: 'CUST-1', total: 100, remaining: 100 }),
			'/v1/bulk/credit_notes',
		],
		[
			'overpayments',
			writeParameters(OVERPAYMENT, 'upsert', { currencyCode: 'GBP', date: '2024-03-15' }),
			(i: number) => ({ id: `OP-${i}`, customer: 'CUST-1', total: 100, remaining: 100 }),
			'/v1/bulk/overpayments',
		],
	])('works the same for %s', async (_label, parameters, item, path) => {
		addCustomer(chaser.sandbox, 'CUST-1');
		const withOption = { ...parameters, options: { skipUnchanged: true } };
		await run(withOption, [item(1), item(2)]);
		expect(chaser.calls()).toEqual([`PUT ${path}`]);
		const second = await run(withOption, [item(1), item(2)]);
		expect(chaser.calls()).toEqual([]);
		expect(skippedFlags(second)).toEqual([true, true]);
	});
});
