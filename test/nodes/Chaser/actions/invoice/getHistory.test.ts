import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, customerIn, invoiceIn } from './fixtures';
import { addReminders } from './history';

const getHistory = (value = '={{ $json.id }}', extra: object = {}) => ({
	resource: 'invoice',
	operation: 'getHistory',
	invoice: { __rl: true, mode: 'externalId', value },
	...extra,
});

describe('invoice: getHistory', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		Object.assign(customerIn(chaser.sandbox, 'CUST-1'), { contact_email_address: 'ap@acme.example', mobile_number: '+447700900123' });
		addInvoice(chaser.sandbox, 'INV-1');
		addInvoice(chaser.sandbox, 'INV/2 A', { invoice_number: 'N-2' });
		addInvoice(chaser.sandbox, 'INV-3');
		addReminders(chaser.sandbox, 'INV-1', 3);
		addReminders(chaser.sandbox, 'INV/2 A', 2, 10);
		chaser.sandbox.clearLog();
	});

	it("outputs the invoice's reminders, oldest first, one item each, as Chaser sends them", async () => {
		const result = await chaser.run({ parameters: getHistory(), items: [{ id: 'INV-1' }] });
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1/history']);
		expect(chaser.sandbox.requests[0].query).toEqual({ page: '0', limit: '50' });
		expect(result.success.map((item) => [item.json.channel, item.json.sent_at, item.pairedItem])).toEqual([
			['email', '2025-03-01T09:00:00.000Z', { item: 0 }],
			['email', '2025-03-02T09:00:00.000Z', { item: 0 }],
			['sms', '2025-03-03T09:00:00.000Z', { item: 0 }],
		]);
		expect(result.success[0].json).toEqual({
			id: expect.stringMatching(/^his_/),
			invoice_id: 'INV-1',
			invoice_number: 'N-INV-1',
			contact_id: customerIn(chaser.sandbox, 'CUST-1').id,
			customer_external_id: 'CUST-1',
			type: 'reminder',
			channel: 'email',
			template_name: 'Reminder',
			subject: 'Invoice N-INV-1 is overdue',
			sent_to: 'ap@acme.example',
			sent_at: '2025-03-01T09:00:00.000Z',
			status: 'sent',
		});
		expect(result.success[2].json).toMatchObject({ channel: 'sms', sent_to: '+447700900123', subject: null });
	});

	it('reads one invoice per input item, by invoice ID or Chaser ID; an invoice without reminders gives no items', async () => {
		const second = invoiceIn(chaser.sandbox, 'INV/2 A');
		const result = await chaser.run({
			parameters: getHistory('={{ $json.id }}', { invoice: { __rl: true, mode: '={{ $json.mode }}', value: '={{ $json.id }}' } }),
			items: [
				{ mode: 'id', id: second.id },
				{ mode: 'externalId', id: 'INV-3' },
				{ mode: 'externalId', id: 'INV-1' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([
			`GET /v1/invoices/${second.id}/history`,
			'GET /v1/invoices/ext_INV-3/history',
			'GET /v1/invoices/ext_INV-1/history',
		]);
		expect(result.success.map((item) => [item.json.invoice_id, item.pairedItem])).toEqual([
			['INV/2 A', { item: 0 }],
			['INV/2 A', { item: 0 }],
			['INV-1', { item: 2 }],
			['INV-1', { item: 2 }],
			['INV-1', { item: 2 }],
		]);
	});

	describe('paging', () => {
		beforeEach(() => {
			addReminders(chaser.sandbox, 'INV-3', 28);
			for (let month = 4; month <= 10; month++) {
				for (let day = 1; day <= 28; day++) {
					chaser.sandbox.addHistory('INV-3', { sent_at: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00.000Z` });
				}
			}
			chaser.sandbox.clearLog();
		});
		const pages = () => chaser.sandbox.requests.map(({ query }) => query);

		it('returns every entry with Return All, reading pages of 100', async () => {
			const result = await chaser.run({ parameters: getHistory('INV-3', { returnAll: true }) });
			expect(result.success).toHaveLength(224);
			expect(result.success[0].json.sent_at).toBe('2025-03-01T09:00:00.000Z');
			expect(result.success[223].json.sent_at).toBe('2025-10-28T09:00:00.000Z');
			expect(pages()).toEqual([
				{ page: '0', limit: '100' },
				{ page: '1', limit: '100' },
				{ page: '2', limit: '100' },
			]);
		});

		it('stops at the Limit', async () => {
			const small = await chaser.run({ parameters: getHistory('INV-3', { limit: 5 }) });
			expect(small.success).toHaveLength(5);
			const large = await chaser.run({ parameters: getHistory('INV-3', { limit: 150 }) });
			expect(large.success).toHaveLength(150);
			expect(pages()).toEqual([
				{ page: '0', limit: '5' },
				{ page: '0', limit: '100' },
				{ page: '1', limit: '100' },
			]);
		});
	});

	it('says which invoice does not exist', async () => {
		const result = await chaser.run({ parameters: getHistory('INV-404') });
		expect(result.error?.message).toBe("No invoice with invoice ID 'INV-404' exists in Chaser");
		const byId = await chaser.run({ parameters: { ...getHistory(), invoice: { __rl: true, mode: 'id', value: 'inv_404' } } });
		expect(byId.error?.message).toBe("No invoice with Chaser ID 'inv_404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-404/history', 'GET /v1/invoices/inv_404/history']);
	});

	it('requires an invoice before sending anything', async () => {
		const result = await chaser.run({ parameters: getHistory(), items: [{ id: ' ' }] });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Invoice" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('continues past missing invoices when set to, one paired error item each', async () => {
		const result = await chaser.run({
			parameters: getHistory(),
			onError: 'continueRegularOutput',
			items: [{ id: 'INV-404' }, { id: '' }, { id: 'INV/2 A' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.error ?? item.json.invoice_id, item.pairedItem])).toEqual([
			["No invoice with invoice ID 'INV-404' exists in Chaser", { item: 0 }],
			['"Invoice" is required [item 1]', { item: 1 }],
			['INV/2 A', { item: 2 }],
			['INV/2 A', { item: 2 }],
		]);
		expect(result.success[0].json).toMatchObject({ id: 'INV-404', details: expect.stringContaining('Check that ID') });
	});
});
