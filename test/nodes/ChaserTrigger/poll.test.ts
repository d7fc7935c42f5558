import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';
import { addCustomer, addInvoice } from '../Chaser/actions/invoice/fixtures';
import { chaserTrigger, day, emitted, useClock } from './support/trigger';

const INVOICE_PAID = { event: 'invoicePaid' };

describe('Chaser Trigger: Invoice Paid', () => {
	const chaser = useSandbox();
	const clock = useClock();
	const queries = () => chaser.sandbox.requests.map(({ query }) => query);

	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		clock.at('2026-03-10T09:00:00Z');
	});

	function paidInvoice(invoiceId: string, paidOn: string, fields: IDataObject = {}): IDataObject {
		return addInvoice(chaser.sandbox, invoiceId, {
			status: 'PAID',
			amount_due: 0,
			amount_paid: 1000,
			fully_paid_date: day(paidOn),
			...fields,
		});
	}

	function pay(invoiceId: string, paidOn: string): void {
		Object.assign(chaser.sandbox.findInvoice(invoiceId) as IDataObject, {
			status: 'PAID',
			amount_due: 0,
			amount_paid: 1000,
			fully_paid_date: day(paidOn),
		});
	}

	function reopen(invoiceId: string): void {
		Object.assign(chaser.sandbox.findInvoice(invoiceId) as IDataObject, {
			status: 'AUTHORISED',
			amount_due: 1000,
			amount_paid: 0,
			fully_paid_date: null,
		});
	}

	it('reports nothing on the first poll after activation, and remembers what is already paid', async () => {
		paidInvoice('INV-OLD', '2025-12-01');
		paidInvoice('INV-RECENT', '2026-03-09');
		addInvoice(chaser.sandbox, 'INV-OPEN');
		chaser.sandbox.clearLog();

		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		const first = await trigger.poll();

		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(chaser.calls()).toEqual(['GET /v1/invoices']);
		expect(queries()).toEqual([
			{ 'filter[status][in]': 'PAID', 'filter[fully_paid_date][gte]': '2026-03-03T00:00:00.000Z', page: '0', limit: '100' },
		]);
		expect(trigger.staticData).toEqual({
			'node:Chaser Trigger': {
				settings: expect.any(String),
				day: '2026-03-10',
				seen: { 'INV-RECENT': '2026-03-09' },
			},
		});

		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('reports each newly paid invoice once, with the event name and the summary fields, then nothing', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		addInvoice(chaser.sandbox, 'INV-2');
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();

		pay('INV-1', '2026-03-10');
		const second = await trigger.poll();
		expect(second.items).toHaveLength(1);
		expect(second.items![0].json).toEqual({
			event: 'invoicePaid',
			id: expect.stringMatching(/^inv_/),
			invoice_id: 'INV-1',
			invoice_number: 'N-INV-1',
			customer_external_id: 'CUST-1',
			customer_name: 'Acme Trading Ltd',
			status: 'PAID',
			currency_code: 'GBP',
			total: 1000,
			amount_due: 0,
			due_date: '2025-02-09T00:00:00.000Z',
			fully_paid_date: '2026-03-10T00:00:00.000Z',
		});

		expect(emitted(await trigger.poll())).toEqual([]);
		clock.at('2026-03-11T09:00:00Z');
		expect(emitted(await trigger.poll())).toEqual([]);

		pay('INV-2', '2026-03-11');
		expect(emitted(await trigger.poll())).toEqual(['INV-2']);
		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('reads from the last poll less the look-back: a payment booked late fires once, one dated before the window never', async () => {
		for (const id of ['INV-LATE', 'INV-EDGE', 'INV-TOO-LATE']) addInvoice(chaser.sandbox, id);
		const trigger = chaserTrigger(chaser, { ...INVOICE_PAID, options: { lookBackDays: 3 } });
		await trigger.poll();

		clock.at('2026-03-12T08:00:00Z');
		pay('INV-LATE', '2026-03-08'); // booked two days late, dated before the last poll
		pay('INV-EDGE', '2026-03-07'); // the first day of the window: last poll (10 March) less 3 days
		pay('INV-TOO-LATE', '2026-03-06');
		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual(['INV-EDGE', 'INV-LATE']);
		expect(queries()[0]['filter[fully_paid_date][gte]']).toBe('2026-03-07T00:00:00.000Z');

		// The next day the window starts at 9 March: what it still reads is remembered, not reported again.
		clock.at('2026-03-13T08:00:00Z');
		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual([]);
		expect(queries()[0]['filter[fully_paid_date][gte]']).toBe('2026-03-09T00:00:00.000Z');
		expect((trigger.staticData['node:Chaser Trigger'] as IDataObject).seen).toEqual({});
	});

	it('fires again for an invoice that is reopened and paid again', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();
		pay('INV-1', '2026-03-10');
		expect(emitted(await trigger.poll())).toEqual(['INV-1']);

		reopen('INV-1'); // the payment bounced
		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual([]);
		// It dropped out of the list: one request by ID makes sure it no longer matches before it is forgotten.
		expect(queries()[1]).toMatchObject({ 'filter[invoice_id][in]': 'INV-1' });

		pay('INV-1', '2026-03-10');
		expect(emitted(await trigger.poll())).toEqual(['INV-1']);
		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('restarts from the saved position: what happened while n8n was down fires once, an older saved copy repeats nothing', async () => {
		for (const id of ['INV-1', 'INV-2', 'INV-3']) addInvoice(chaser.sandbox, id);
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();
		pay('INV-1', '2026-03-10');
		expect(emitted(await trigger.poll())).toEqual(['INV-1']);
		// n8n saves static data when a poll starts an execution; later polls that find nothing live in memory only.
		const savedWithExecution = trigger.staticData;
		clock.at('2026-03-11T09:00:00Z');
		await trigger.poll();

		// n8n stops for four days; two invoices are paid meanwhile. It starts again from what it saved.
		clock.at('2026-03-15T10:00:00Z');
		pay('INV-2', '2026-03-12');
		pay('INV-3', '2026-03-14');
		trigger.activate('init', savedWithExecution);
		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual(['INV-2', 'INV-3']);
		expect(queries()[0]['filter[fully_paid_date][gte]']).toBe('2026-03-03T00:00:00.000Z');
		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('carries on after an edit of the active workflow, but starts from now when it is switched off and on again', async () => {
		for (const id of ['INV-1', 'INV-2', 'INV-3']) addInvoice(chaser.sandbox, id);
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();

		pay('INV-1', '2026-03-10');
		trigger.activate('update'); // the user saved a change elsewhere in the workflow
		expect(emitted(await trigger.poll())).toEqual(['INV-1']);

		// Switched off; switched on again three days later: what was paid meanwhile is history.
		clock.at('2026-03-13T09:00:00Z');
		pay('INV-2', '2026-03-12');
		trigger.activate('activate');
		expect((await trigger.poll()).items).toBeNull();
		pay('INV-3', '2026-03-13');
		expect(emitted(await trigger.poll())).toEqual(['INV-3']);
	});

	it('reports many matches read over several pages, each once', async () => {
		for (let n = 0; n < 250; n++) addInvoice(chaser.sandbox, `INV-${String(n).padStart(3, '0')}`);
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();

		for (let n = 0; n < 250; n++) pay(`INV-${String(n).padStart(3, '0')}`, '2026-03-10');
		chaser.sandbox.clearLog();
		const result = await trigger.poll();
		expect(result.items).toHaveLength(250);
		expect(new Set(emitted(result)).size).toBe(250);
		expect(queries().map(({ page, limit }) => [page, limit])).toEqual([
			['0', '100'],
			['1', '100'],
			['2', '100'],
		]);

		chaser.sandbox.clearLog();
		expect(emitted(await trigger.poll())).toEqual([]);
		expect(chaser.calls()).toHaveLength(3);
	});

	it('waits out a 429 during a poll and loses nothing', async () => {
		for (let n = 0; n < 150; n++) addInvoice(chaser.sandbox, `INV-${String(n).padStart(3, '0')}`);
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();
		for (let n = 0; n < 150; n++) pay(`INV-${String(n).padStart(3, '0')}`, '2026-03-10');

		const fault = chaser.sandbox.injectFault({ type: '429', method: 'GET', path: '/v1/invoices', count: 1, retryAfter: 2 });
		chaser.sandbox.clearLog();
		const result = await trigger.poll();
		expect(fault.hits).toBe(1);
		expect(result.error).toBeUndefined();
		expect(new Set(emitted(result)).size).toBe(150);
		expect(chaser.sandbox.requests.map(({ status }) => status)).toEqual([429, 200, 200]);
	});

	it('fails a poll that stays rate limited, tells n8n to back off, and keeps its position for the next poll', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		const trigger = chaserTrigger(chaser, { ...INVOICE_PAID, options: { maxRateLimitWait: 0 } });
		await trigger.poll();
		const before = trigger.staticData;
		pay('INV-1', '2026-03-10');

		chaser.sandbox.injectFault({ type: '429', method: 'GET', path: '/v1/invoices', count: 1, retryAfter: 30 });
		const failed = await trigger.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toMatch(/rate limit/);
		expect(failed.error).toMatchObject({ httpCode: '429', failure: { cause: 'rate-limited', retryAfterMs: 30_000 } });
		expect(trigger.staticData).toEqual(before);

		expect(emitted(await trigger.poll())).toEqual(['INV-1']);
		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('retries a 5xx during a poll; when Chaser stays down the poll fails without moving and the next one catches up', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		addInvoice(chaser.sandbox, 'INV-2');
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();

		pay('INV-1', '2026-03-10');
		chaser.sandbox.injectFault({ type: '502', method: 'GET', path: '/v1/invoices', count: 2 });
		expect(emitted(await trigger.poll())).toEqual(['INV-1']);

		const before = trigger.staticData;
		clock.at('2026-03-11T09:00:00Z');
		pay('INV-2', '2026-03-11');
		chaser.sandbox.injectFault({ type: '500', method: 'GET', path: '/v1/invoices', count: 100 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toMatch(/^Chaser had a problem handling the request \(HTTP 500\)/);
		expect(failed.items).toBeNull();
		expect(trigger.staticData).toEqual(before);

		chaser.sandbox.clearFaults();
		expect(emitted(await trigger.poll())).toEqual(['INV-2']);
		expect(emitted(await trigger.poll())).toEqual([]);
	});

	it('skips a poll that starts while the previous one is still running', async () => {
		addInvoice(chaser.sandbox, 'INV-1');
		const trigger = chaserTrigger(chaser, INVOICE_PAID);
		await trigger.poll();
		pay('INV-1', '2026-03-10');

		chaser.sandbox.injectFault({ type: 'slow', method: 'GET', path: '/v1/invoices', count: 1, delayMs: 300 });
		chaser.sandbox.clearLog();
		const [slow, overlapping] = await Promise.all([trigger.poll(), trigger.poll()]);
		expect(emitted(slow)).toEqual(['INV-1']);
		expect(overlapping.items).toBeNull();
		expect(chaser.calls()).toEqual(['GET /v1/invoices']);
	});

	describe('Fetch Test Event', () => {
		it('returns the most recent matching record and leaves the saved position alone', async () => {
			addInvoice(chaser.sandbox, 'INV-NEW');
			paidInvoice('INV-EARLIER', '2026-03-09');
			paidInvoice('INV-LATEST', '2026-03-10');
			paidInvoice('INV-OLD', '2026-01-10');
			const trigger = chaserTrigger(chaser, INVOICE_PAID);
			await trigger.poll();
			const saved = trigger.staticData;

			chaser.sandbox.clearLog();
			const sample = await trigger.fetchTestEvent();
			expect(emitted(sample)).toEqual(['INV-LATEST']);
			expect(sample.items![0].json.event).toBe('invoicePaid');
			expect(queries()).toEqual([
				{ 'filter[status][in]': 'PAID', 'filter[fully_paid_date][gte]': '2026-03-09T00:00:00.000Z', page: '0', limit: '100' },
			]);
			expect(sample.staticData).toEqual(saved);

			pay('INV-NEW', '2026-03-10');
			expect(emitted(await trigger.poll())).toEqual(['INV-NEW']);
		});

		it('widens its window until a record turns up, and says what it searched when none matches', async () => {
			paidInvoice('INV-OLD', '2026-02-15');
			const trigger = chaserTrigger(chaser, INVOICE_PAID);
			expect(emitted(await trigger.fetchTestEvent())).toEqual(['INV-OLD']);
			expect(queries().map((query) => query['filter[fully_paid_date][gte]'])).toEqual([
				'2026-03-09T00:00:00.000Z',
				'2026-03-03T00:00:00.000Z',
				'2026-02-07T00:00:00.000Z',
			]);

			chaser.sandbox.clearLog();
			const overdue = await chaserTrigger(chaser, { event: 'invoiceOverdue', daysOverdue: 30 }).fetchTestEvent();
			expect(overdue.items).toBeNull();
			expect(overdue.error?.name).toBe('NodeOperationError');
			expect(overdue.error?.message).toBe(
				'No invoice matched: Invoice Overdue, more than 30 days overdue (due on or before 2026-02-07), at any date in Chaser — nothing to show as a test event',
			);
			expect(overdue.error?.description).toMatch(/^Fetch Test Event shows the latest invoice that matches the trigger's settings, and none does yet\. Try a wider setting \(Days Overdue\) or another Event/);
			expect(queries().map((query) => [query['filter[due_date][gte]'], query['filter[due_date][lte]']])).toEqual([
				['2026-02-06T00:00:00.000Z', '2026-02-07T23:59:59.999Z'],
				['2026-01-31T00:00:00.000Z', '2026-02-07T23:59:59.999Z'],
				['2026-01-07T00:00:00.000Z', '2026-02-07T23:59:59.999Z'],
				['2025-02-06T00:00:00.000Z', '2026-02-07T23:59:59.999Z'],
				[undefined, '2026-02-07T23:59:59.999Z'],
			]);
		});
	});
});
