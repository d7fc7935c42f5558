import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, customerIn } from './fixtures';
import { addReminders } from './history';

const getManyHistory = { resource: 'invoice', operation: 'getManyHistory' };

describe('invoice: getManyHistory', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addCustomer(chaser.sandbox, 'CUST/2', 'Bravo Foods plc');
		addInvoice(chaser.sandbox, 'INV-1');
		addInvoice(chaser.sandbox, 'INV-2', { invoice_number: 'SHARED' });
		addInvoice(chaser.sandbox, 'INV-3', { invoice_number: 'SHARED', customer_external_id: 'CUST/2' });
		addReminders(chaser.sandbox, 'INV-1', 2);
		addReminders(chaser.sandbox, 'INV-2', 2, 5);
		addReminders(chaser.sandbox, 'INV-3', 3, 10);
		chaser.sandbox.clearLog();
	});

	const reminders = (result: Awaited<ReturnType<typeof chaser.run>>) =>
		result.success.map((item) => `${item.json.invoice_id} ${String(item.json.sent_at).slice(0, 10)}`);

	it("lists every invoice's reminders, oldest first, without filters", async () => {
		const result = await chaser.run({ parameters: { ...getManyHistory, returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(reminders(result)).toEqual([
			'INV-1 2025-03-01',
			'INV-1 2025-03-02',
			'INV-2 2025-03-05',
			'INV-2 2025-03-06',
			'INV-3 2025-03-10',
			'INV-3 2025-03-11',
			'INV-3 2025-03-12',
		]);
		expect(chaser.calls()).toEqual(['GET /v1/invoices/history']);
		expect(chaser.sandbox.requests[0].query).toEqual({ page: '0', limit: '100' });
	});

	it('filters on Invoice ID and Invoice Number as filter[field][eq]', async () => {
		const byId = await chaser.run({ parameters: { ...getManyHistory, returnAll: true, filters: { invoiceId: ' INV-2 ' } } });
		expect(reminders(byId)).toEqual(['INV-2 2025-03-05', 'INV-2 2025-03-06']);
		const byNumber = await chaser.run({ parameters: { ...getManyHistory, limit: 10, filters: { invoiceNumber: 'SHARED' } } });
		expect(reminders(byNumber)).toEqual(['INV-2 2025-03-05', 'INV-2 2025-03-06', 'INV-3 2025-03-10', 'INV-3 2025-03-11', 'INV-3 2025-03-12']);
		expect(chaser.sandbox.requests.map(({ query }) => query)).toEqual([
			{ 'filter[invoice_id][eq]': 'INV-2', page: '0', limit: '100' },
			{ 'filter[invoice_number][eq]': 'SHARED', page: '0', limit: '10' },
		]);
	});

	it("filters on the customer: picked by external ID, its Chaser ID is read once per customer and sent as contact_id", async () => {
		const bravo = customerIn(chaser.sandbox, 'CUST/2');
		const result = await chaser.run({
			parameters: {
				...getManyHistory,
				returnAll: true,
				filters: {
					customer: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.customer }}' },
					invoiceNumber: '={{ $json.number }}',
				},
			},
			items: [
				{ mode: 'list', customer: 'CUST/2', number: 'SHARED' },
				{ mode: 'externalId', customer: 'CUST/2' },
				{ mode: 'id', customer: customerIn(chaser.sandbox, 'CUST-1').id, number: 'SHARED' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([
			'GET /v1/customers/ext_CUST%2F2',
			'GET /v1/invoices/history',
			'GET /v1/invoices/history',
			'GET /v1/invoices/history',
		]);
		expect(chaser.sandbox.requests.slice(1).map(({ query }) => query)).toEqual([
			{ 'filter[invoice_number][eq]': 'SHARED', 'filter[contact_id][eq]': bravo.id, page: '0', limit: '100' },
			{ 'filter[contact_id][eq]': bravo.id, page: '0', limit: '100' },
			{ 'filter[invoice_number][eq]': 'SHARED', 'filter[contact_id][eq]': customerIn(chaser.sandbox, 'CUST-1').id, page: '0', limit: '100' },
		]);
		expect(result.success.map((item) => [item.json.invoice_id, item.pairedItem])).toEqual([
			['INV-3', { item: 0 }],
			['INV-3', { item: 0 }],
			['INV-3', { item: 0 }],
			['INV-3', { item: 1 }],
			['INV-3', { item: 1 }],
			['INV-3', { item: 1 }],
			['INV-2', { item: 2 }],
			['INV-2', { item: 2 }],
		]);
	});

	it('returns nothing (no items) when no reminder matches', async () => {
		const result = await chaser.run({ parameters: { ...getManyHistory, returnAll: true, filters: { invoiceId: 'INV-404' } } });
		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([]);
	});

	it('pages with Return All and stops at the Limit', async () => {
		addReminders(chaser.sandbox, 'INV-1', 20, 3);
		for (let n = 0; n < 130; n++) chaser.sandbox.addHistory('INV-2', { sent_at: `2025-05-01T${String(n % 24).padStart(2, '0')}:00:00.000Z` });
		chaser.sandbox.clearLog();
		const all = await chaser.run({ parameters: { ...getManyHistory, returnAll: true } });
		expect(all.success).toHaveLength(157);
		const limited = await chaser.run({ parameters: { ...getManyHistory, limit: 120 } });
		expect(limited.success).toHaveLength(120);
		expect(chaser.sandbox.requests.map(({ query }) => `${query.page}/${query.limit}`)).toEqual(['0/100', '1/100', '0/100', '1/100']);
	});

	it('says which customer does not exist', async () => {
		const result = await chaser.run({
			parameters: { ...getManyHistory, filters: { customer: { __rl: true, mode: 'externalId', value: 'CUST-404' } } },
		});
		expect(result.error?.message).toBe("No customer with external ID 'CUST-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/customers/ext_CUST-404']);
	});

	it('refuses a filter value that cannot be text before sending anything', async () => {
		const result = await chaser.run({
			parameters: { ...getManyHistory, filters: { invoiceId: '={{ $json.ids }}' } },
			items: [{ ids: ['INV-1', 'INV-2'] }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Invoice ID" must be text, got ["INV-1","INV-2"] [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('continues past bad items when set to, one paired error item each', async () => {
		const result = await chaser.run({
			parameters: {
				...getManyHistory,
				returnAll: true,
				filters: { customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' }, invoiceId: '={{ $json.invoice }}' },
			},
			onError: 'continueRegularOutput',
			items: [
				{ customer: 'CUST-404', invoice: 'INV-1' },
				{ customer: 'CUST-1', invoice: true },
				{ customer: 'CUST-1', invoice: 'INV-1' },
				{ customer: 'CUST-404', invoice: 'INV-1' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.error ?? item.json.invoice_id, item.pairedItem])).toEqual([
			["No customer with external ID 'CUST-404' exists in Chaser", { item: 0 }],
			['"Invoice ID" must be text, got true [item 1]', { item: 1 }],
			['INV-1', { item: 2 }],
			['INV-1', { item: 2 }],
			["No customer with external ID 'CUST-404' exists in Chaser", { item: 3 }],
		]);
		expect(chaser.calls()).toEqual([
			'GET /v1/customers/ext_CUST-404',
			'GET /v1/customers/ext_CUST-1',
			'GET /v1/invoices/history',
			'GET /v1/customers/ext_CUST-404',
		]);
	});
});
