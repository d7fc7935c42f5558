/**
 * The output schemas the editor shows before a first run (scripts/schemas.js writes them at build time from
 * nodes/Chaser/actions/outputs.ts and nodes/ChaserTrigger/outputs.ts) against real outputs: every operation is run
 * through n8n-core against the sandbox, and every field of every output item must be in its operation's schema,
 * with the schema's type (null is allowed: Chaser sends null for a field without a value).
 */
import type { IDataObject } from 'n8n-workflow';

import type { JsonSchema } from '../../core/schemas';
import { operationSchemas } from '../../nodes/Chaser/actions/outputs';
import { triggerSchema } from '../../nodes/ChaserTrigger/outputs';
import { EVENTS } from '../../nodes/ChaserTrigger/events';
import { useSandbox } from '../helpers/sandbox';
import { pdf, runWithFiles } from './Chaser/actions/invoice/binaryInput';
import { chaserTrigger } from './ChaserTrigger/support/trigger';

/** What in `value` the schema does not describe: "path: why" for each. A tiny JSON-schema check, enough for ours. */
export function mismatches(schema: JsonSchema, value: unknown, at = '$'): string[] {
	if (value === null) return [];
	const actual = Array.isArray(value) ? 'array' : typeof value;
	if (actual !== schema.type) return [`${at}: ${actual}, the schema says ${schema.type}`];
	if (schema.type === 'array') {
		return (value as unknown[]).flatMap((entry, index) => (schema.items ? mismatches(schema.items, entry, `${at}[${index}]`) : []));
	}
	if (schema.type !== 'object') return [];
	return Object.entries(value as IDataObject).flatMap(([key, entry]) => {
		const property = schema.properties?.[key];
		return property ? mismatches(property, entry, `${at}.${key}`) : [`${at}.${key}: not in the schema`];
	});
}

const schemas = new Map(operationSchemas().map(({ resource, operation, schema }) => [`${resource}/${operation}`, schema]));
const rl = (value: string, mode = 'externalId') => ({ __rl: true, mode, value });
const today = new Date().toISOString().slice(0, 10);

describe('output schemas', () => {
	const chaser = useSandbox({ seed: 'demo' });
	const first = (collection: 'customers' | 'invoices' | 'creditNotes' | 'overpayments', where: (record: IDataObject) => boolean = () => true) => {
		const found = [...chaser.sandbox.store.collections[collection].order].find(where) as IDataObject | undefined;
		if (!found) throw new Error(`the demo data has no ${collection}`);
		return found;
	};

	/** Parameters for one run of each operation, on the demo data. */
	const cases: Record<string, () => Record<string, unknown>> = {
		'customer/create': () => ({
			externalId: 'CUST-NEW',
			companyName: 'Oakridge Trading Ltd',
			additionalFields: {
				addresses: { address: [{ address_line1: '1 High St', city: 'Leeds', address_type: 'Billing' }] },
				groups: { group: [{ name: 'Key Accounts', status: 'ACTIVE' }] },
			},
		}),
		'customer/get': () => ({ customer: rl(String(first('customers').external_id)) }),
		'customer/getAll': () => ({ limit: 5 }),
		'customer/update': () => ({ customer: rl(String(first('customers').external_id)), updateFields: { phone_number: '+442079460001' } }),
		'customer/upsert': () => ({ externalId: String(first('customers').external_id), companyName: 'Renamed Ltd' }),
		'contactPerson/create': () => ({ customer: rl(String(first('customers').external_id)), externalId: 'CP-NEW', additionalFields: { contact_first_name: 'Jane' } }),
		'contactPerson/get': () => contact(),
		'contactPerson/getAll': () => ({ customer: rl(String(first('customers').external_id)) }),
		'contactPerson/update': () => ({ ...contact(), updateFields: { contact_last_name: 'Smith' } }),
		'contactPerson/upsert': () => ({ customer: rl(String(first('customers').external_id)), externalId: 'CP-UPSERT' }),
		'contactPerson/delete': () => contact(),
		'invoice/create': () => newInvoice('INV-NEW'),
		'invoice/get': () => ({ invoice: rl(String(first('invoices').invoice_id)) }),
		'invoice/getAll': () => ({ limit: 5 }),
		'invoice/update': () => ({ invoice: rl(String(first('invoices').invoice_id)), updateFields: { due_date: `${today}T00:00:00` } }),
		'invoice/upsert': () => newInvoice('INV-UPSERT'),
		'invoice/recordPayment': () => ({
			invoice: rl(String(first('invoices', (record) => record.status === 'AUTHORISED' && (record.amount_due as number) > 10).invoice_id)),
			amount: 10,
			paymentDate: today,
		}),
		'creditNote/create': () => newCredit('creditNote', { creditNoteId: 'CN-ID-NEW', creditNoteNumber: 'CN-NEW' }),
		'creditNote/get': () => ({ creditNoteId: rl(String(first('creditNotes').credit_note_id)) }),
		'creditNote/getAll': () => ({ limit: 5 }),
		'creditNote/update': () => ({ creditNoteId: rl(String(first('creditNotes').credit_note_id)), updateFields: { date: today } }),
		'creditNote/upsert': () => newCredit('creditNote', { creditNoteId: 'CN-ID-UP', creditNoteNumber: 'CN-UP' }),
		'overpayment/create': () => newCredit('overpayment', { overpaymentId: 'OVP-NEW' }),
		'overpayment/get': () => ({ overpaymentId: rl(String(first('overpayments').overpayment_id)) }),
		'overpayment/getAll': () => ({ limit: 5 }),
		'overpayment/update': () => ({ overpaymentId: rl(String(first('overpayments').overpayment_id)), updateFields: { date: today } }),
		'overpayment/upsert': () => newCredit('overpayment', { overpaymentId: 'OVP-UP' }),
		'invoice/uploadPdf': () => ({ invoice: rl(String(first('invoices').invoice_id)) }),
		'invoice/getHistory': () => ({ invoice: rl(String(first('invoices', (record) => record.invoice_id === firstHistory().invoice_id).invoice_id)) }),
		'invoice/getManyHistory': () => ({ limit: 5 }),
		'organisation/get': () => ({}),
		'organisation/getAll': () => ({}),
		'organisation/sync': () => ({}),
	};

	const firstHistory = () => [...chaser.sandbox.store.collections.invoiceHistory.order][0] as IDataObject;

	/** The demo data's first contact person: `<customer external ID>-CP1` of the first customer. */
	function contact() {
		const owner = String(first('customers').external_id);
		const person = chaser.sandbox.findContactPerson(owner, `${owner}-CP1`) as IDataObject | undefined;
		if (!person) throw new Error('the demo data has no contact person');
		return { customer: rl(owner), contactExternalId: rl(String(person.external_id)) };
	}

	function newInvoice(id: string) {
		return {
			invoiceId: id,
			invoiceNumber: `N-${id}`,
			customer: rl(String(first('customers').external_id)),
			status: 'AUTHORISED',
			currencyCode: 'GBP',
			total: 120,
			date: today,
			dueDate: today,
			additionalFields: { payments: { payment: [{ amount: 20, date: today }] } },
		};
	}

	function newCredit(resource: 'creditNote' | 'overpayment', own: Record<string, string>) {
		return { ...own, customer: rl(String(first('customers').external_id)), currencyCode: 'GBP', total: 50, remainingCredit: 50, date: today };
	}

	it('the check itself finds a field the schema lacks, a wrong type, and a wrong type inside a list', () => {
		const schema = schemas.get('invoice/recordPayment') as JsonSchema;
		expect(mismatches(schema, { total: '12', surprise: 1, payments: [{ amount: 'x' }], due_date: null })).toEqual([
			'$.total: string, the schema says number',
			'$.surprise: not in the schema',
			'$.payments[0].amount: string, the schema says number',
		]);
	});

	it('there is a run here for every operation the node offers, and a schema for each', () => {
		expect(Object.keys(cases).sort()).toEqual([...schemas.keys()].sort());
	});

	it.each([...schemas.keys()].sort())('%s: every field of a real output is in the schema, with its type', async (key) => {
		const [resource, operation] = key.split('/');
		const parameters = { resource, operation, ...cases[key]() };
		const result =
			operation === 'uploadPdf'
				? await runWithFiles(chaser, { parameters, items: [{ binary: { data: { bytes: pdf(), mimeType: 'application/pdf' } } }] })
				: await chaser.run({ parameters });
		expect(result.error).toBeUndefined();
		expect(result.success.length).toBeGreaterThan(0);
		for (const item of result.success) expect(mismatches(schemas.get(key) as JsonSchema, item.json)).toEqual([]);
	});

	it('Create or Update with Skip Unchanged Records: skipped is in the schema too', async () => {
		const parameters = { resource: 'customer', operation: 'upsert', ...cases['customer/upsert'](), options: { skipUnchanged: true } };
		const result = await chaser.run({ parameters });
		for (const item of result.success) expect(mismatches(schemas.get('customer/upsert') as JsonSchema, item.json)).toEqual([]);
		expect(result.success[0].json).toHaveProperty('skipped');
	});

	it.each(Object.keys(EVENTS))('trigger, %s: the item Fetch Test Event gives is in the trigger\'s schema', async (event) => {
		const result = await chaserTrigger(chaser, { event }).fetchTestEvent();
		expect(result.error).toBeUndefined();
		expect(result.items?.length).toBe(1);
		for (const item of result.items ?? []) expect(mismatches(triggerSchema(), item.json)).toEqual([]);
	});
});
