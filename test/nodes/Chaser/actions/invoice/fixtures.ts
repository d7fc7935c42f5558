/** Known customers and invoices put straight into the sandbox store, so tests can state exact amounts. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../../../helpers/sandbox';
import { newRecord } from '../../../../../sandbox/records';
import { RESOURCES } from '../../../../../sandbox/schema';

export function addCustomer(sandbox: Sandbox, externalId: string, companyName = `${externalId} Ltd`): IDataObject {
	const record = newRecord(sandbox.store, RESOURCES.customers, {
		external_id: externalId,
		company_name: companyName,
		status: 'ACTIVE',
		addresses: [],
		groups: [],
	});
	sandbox.store.collections.customers.insert(record);
	return record as IDataObject;
}

/** An unpaid £1,000.00 invoice for CUST-1 unless `fields` says otherwise. */
export function addInvoice(sandbox: Sandbox, invoiceId: string, fields: IDataObject = {}): IDataObject {
	const record = newRecord(sandbox.store, RESOURCES.invoices, {
		invoice_id: invoiceId,
		invoice_number: `N-${invoiceId}`,
		status: 'AUTHORISED',
		currency_code: 'GBP',
		amount_due: 1000,
		amount_paid: 0,
		total: 1000,
		sub_total: 833.33,
		date: '2025-01-10T00:00:00.000Z',
		due_date: '2025-02-09T00:00:00.000Z',
		fully_paid_date: null,
		customer_external_id: 'CUST-1',
		payments: [],
		...fields,
	});
	sandbox.store.collections.invoices.insert(record);
	return record as IDataObject;
}

/**
 * Parameters of Create / Create or Update for an invoice taken from the item's json. Amount Due and Amount
 * Paid come from the item's `due` and `paid` (left out when the item has none); `additionalFields` adds to them.
 */
export function newInvoiceParameters(
	operation: 'create' | 'upsert',
	{ additionalFields = {}, ...extra }: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'invoice',
		operation,
		invoiceId: '={{ $json.id }}',
		invoiceNumber: '={{ $json.number }}',
		customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
		status: 'AUTHORISED',
		currencyCode: '={{ $json.currency }}',
		total: '={{ $json.total }}',
		date: '={{ $json.date }}',
		dueDate: '={{ $json.dueDate }}',
		additionalFields: { amount_due: '={{ $json.due }}', amount_paid: '={{ $json.paid }}', ...(additionalFields as object) },
		...extra,
	};
}

export function invoiceItem(id: string, fields: IDataObject = {}): IDataObject {
	return {
		id,
		number: `N-${id}`,
		customer: 'CUST-1',
		currency: 'GBP',
		total: 1200,
		due: 1200,
		paid: 0,
		date: '2025-03-01',
		dueDate: '2025-03-31',
		...fields,
	};
}

type Stored = { id: string } & IDataObject;

/** The stored invoice, failing the test when it is missing. */
export function invoiceIn(sandbox: Sandbox, invoiceId: string): Stored {
	const record = sandbox.findInvoice(invoiceId);
	if (!record) throw new Error(`The sandbox has no invoice ${invoiceId}`);
	return record as Stored;
}

/** The stored customer, failing the test when it is missing. */
export function customerIn(sandbox: Sandbox, externalId: string): Stored {
	const record = sandbox.findCustomer(externalId);
	if (!record) throw new Error(`The sandbox has no customer ${externalId}`);
	return record as Stored;
}
