/**
 * A Total of 0 is refused before any request on a record that would be chased or used as credit: the editor
 * pre-fills Total with 0, and an Authorised invoice for nothing is never chased. Draft, Voided and Deleted may be 0.
 */
import type { INode } from 'n8n-workflow';

import { creditNote, invoice, overpayment } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { checkTotal } from '../../../../nodes/Chaser/actions/input';
import { useSandbox } from '../../../helpers/sandbox';
import { addCustomer, addInvoice, invoiceItem, newInvoiceParameters } from './invoice/fixtures';

const check = new InputValidator({ getNode: () => ({ name: 'Chaser' }) as INode, getTimezone: () => 'UTC' }, 3);

function refusal(run: () => unknown): { message: string; description?: string } {
	try {
		run();
	} catch (error) {
		return error as { message: string; description?: string };
	}
	throw new Error('accepted');
}

describe('Total 0', () => {
	it.each([
		[invoice, 'AUTHORISED', '"Total" is 0 on an Authorised invoice: enter the invoice total including tax, as printed on the invoice [item 3]'],
		[invoice, 'PAID', '"Total" is 0 on a Paid invoice: enter the invoice total including tax, as printed on the invoice [item 3]'],
		[invoice, 'SUBMITTED', '"Total" is 0 on a Submitted invoice: enter the invoice total including tax, as printed on the invoice [item 3]'],
		[creditNote, 'ACTIVE', '"Total" is 0 on an Active credit note: enter the credit note total including tax [item 3]'],
		[creditNote, 'AUTHORISED', '"Total" is 0 on an Authorised credit note: enter the credit note total including tax [item 3]'],
		[overpayment, 'AUTHORISED', '"Total" is 0 on an Authorised overpayment: enter the amount the customer overpaid [item 3]'],
	])('is refused: %#, naming the field and the item', (resource, status, message) => {
		const error = refusal(() => checkTotal(resource, { total: 0, status }, check));
		expect(error.message).toBe(message);
		expect(error.description).toMatch(/^Nothing was sent\. The editor starts Total at 0: map the total from your system/);
		expect(error.description).toContain('Only Draft, Voided or Deleted');
	});

	it('names the record without a status when none is given (a credit note left at Chaser\'s default)', () => {
		expect(refusal(() => checkTotal(creditNote, { total: 0 }, check)).message).toBe(
			'"Total" is 0 on a credit note: enter the credit note total including tax [item 3]',
		);
	});

	it.each(['DRAFT', 'VOIDED', 'DELETED'])('is accepted in status %s, and any other total anywhere', (status) => {
		for (const resource of [invoice, creditNote, overpayment]) {
			expect(checkTotal(resource, { total: 0, status }, check)).toEqual({ total: 0, status });
			expect(checkTotal(resource, { total: 0.01, status: 'AUTHORISED' }, check)).toEqual({ total: 0.01, status: 'AUTHORISED' });
		}
	});

	it('in Update Fields is refused unless the update also sets a status that may be 0', () => {
		expect(refusal(() => checkTotal(invoice, { total: 0 }, check, true)).message).toBe(
			'"Total" is 0: enter the invoice total including tax, as printed on the invoice [item 3]',
		);
		expect(checkTotal(invoice, { total: 0, status: 'VOIDED' }, check, true)).toEqual({ total: 0, status: 'VOIDED' });
		expect(checkTotal(invoice, { amount_due: 0 }, check, true)).toEqual({ amount_due: 0 });
	});

	describe('in the node, before any request', () => {
		const chaser = useSandbox();
		beforeEach(() => {
			addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
			chaser.sandbox.clearLog();
		});

		it.each([
			['Create', 'create', {}],
			['Create or Update, bulk', 'upsert', {}],
			['Create or Update, one by one', 'upsert', { options: { useBulk: false } }],
		] as const)('%s: an Authorised invoice with Total 0 fails its item and sends nothing', async (_label, operation, extra) => {
			const result = await chaser.run({
				parameters: newInvoiceParameters(operation, extra),
				items: [invoiceItem('INV-0', { total: 0, due: 0, paid: 0 })],
			});
			expect(result.error?.message).toBe(
				'"Total" is 0 on an Authorised invoice: enter the invoice total including tax, as printed on the invoice [item 0]',
			);
			expect(chaser.calls()).toEqual([]);
		});

		it('Create: a Draft invoice may have Total 0', async () => {
			const result = await chaser.run({
				parameters: newInvoiceParameters('create', { status: 'DRAFT' }),
				items: [invoiceItem('INV-D', { total: 0, due: 0, paid: 0 })],
			});
			expect(result.error).toBeUndefined();
			expect(chaser.calls()).toEqual(['POST /v1/invoices']);
		});

		it('Update: Total 0 alone is refused and nothing is sent', async () => {
			addInvoice(chaser.sandbox, 'INV-U');
			chaser.sandbox.clearLog();
			const result = await chaser.run({
				parameters: {
					resource: 'invoice',
					operation: 'update',
					invoice: { __rl: true, mode: 'externalId', value: 'INV-U' },
					updateFields: { total: 0 },
				},
			});
			expect(result.error?.message).toBe('"Total" is 0: enter the invoice total including tax, as printed on the invoice [item 0]');
			expect(chaser.calls()).toEqual([]);
		});
	});
});
