import { useSandbox } from '../../../../helpers/sandbox';
import { addCustomer, addInvoice, invoiceIn } from './fixtures';

describe('invoice: get', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addInvoice(chaser.sandbox, 'INV-1', { amount_due: 400, amount_paid: 600, payments: [{ amount: 600, date: '2025-01-20T12:00:00.000Z' }] });
		addInvoice(chaser.sandbox, 'INV/2 A', { invoice_number: 'N-2' });
		chaser.sandbox.clearLog();
	});

	it('gets invoices by invoice ID, simplified to the summary fields', async () => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' } },
			items: [{ id: 'INV-1' }, { id: 'INV/2 A' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toEqual({
			id: invoiceIn(chaser.sandbox, 'INV-1').id,
			invoice_id: 'INV-1',
			invoice_number: 'N-INV-1',
			customer_external_id: 'CUST-1',
			customer_name: 'Acme Trading Ltd',
			status: 'AUTHORISED',
			currency_code: 'GBP',
			total: 1000,
			amount_due: 400,
			due_date: '2025-02-09T00:00:00.000Z',
		});
		expect(result.success[1].json).toMatchObject({ invoice_id: 'INV/2 A', invoice_number: 'N-2' });
		expect(result.success.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1', 'GET /v1/invoices/ext_INV%2F2%20A']);
	});

	it('gets the full invoice by Chaser ID when Simplify is off', async () => {
		const stored = invoiceIn(chaser.sandbox, 'INV-1');
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'id', value: stored.id }, simplify: false },
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json).toMatchObject({
			id: stored.id,
			amount_paid: 600,
			sub_total: 833.33,
			payments: [{ amount: 600, date: '2025-01-20T12:00:00.000Z' }],
		});
		expect(chaser.calls()).toEqual([`GET /v1/invoices/${stored.id}`]);
	});

	it('takes a plain invoice ID from an expression', async () => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: '={{ $json.id }}' },
			items: [{ id: 'INV-1' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success[0].json.invoice_id).toBe('INV-1');
	});

	it('says which invoice does not exist', async () => {
		const byInvoiceId = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'externalId', value: 'INV-404' } },
		});
		expect(byInvoiceId.error?.message).toBe("No invoice with invoice ID 'INV-404' exists in Chaser");
		const byChaserId = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'id', value: 'inv_404' } },
		});
		expect(byChaserId.error?.message).toBe("No invoice with Chaser ID 'inv_404' exists in Chaser");
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-404', 'GET /v1/invoices/inv_404']);
	});

	it('requires an invoice before sending anything', async () => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' } },
			items: [{ id: '  ' }],
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Invoice" is required [item 0]');
		expect(chaser.calls()).toEqual([]);
	});

	it('continues past missing invoices when set to, one paired item each', async () => {
		const result = await chaser.run({
			parameters: { resource: 'invoice', operation: 'get', invoice: { __rl: true, mode: 'externalId', value: '={{ $json.id }}' } },
			onError: 'continueRegularOutput',
			items: [{ id: 'INV-1' }, { id: 'INV-404' }, { id: '' }, { id: 'INV/2 A' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_id ?? item.json.error, item.pairedItem])).toEqual([
			['INV-1', { item: 0 }],
			["No invoice with invoice ID 'INV-404' exists in Chaser", { item: 1 }],
			['"Invoice" is required [item 2]', { item: 2 }],
			['INV/2 A', { item: 3 }],
		]);
		expect(chaser.calls()).toEqual(['GET /v1/invoices/ext_INV-1', 'GET /v1/invoices/ext_INV-404', 'GET /v1/invoices/ext_INV%2F2%20A']);
	});
});
