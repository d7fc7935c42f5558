/**
 * Test data for the credit note and overpayment tests: records put straight into the sandbox's store
 * (no request, so the request log starts empty) with IDs the tests can name.
 */
import type { SandboxHandle } from '../../../../helpers/sandbox';

/** Three customers, CUST-00001 to CUST-00003, and nothing else. */
export const CUSTOMERS = { customers: 3 };

type Fields = Record<string, unknown>;

let sequence = 0;

function stamp(prefix: string): Fields {
	const now = new Date().toISOString();
	return { id: `${prefix}${String(++sequence).padStart(20, '0')}`, created_at: now, updated_at: now };
}

export function addCreditNote(chaser: SandboxHandle, fields: Fields = {}): Fields {
	const record = {
		...stamp('crn_'),
		credit_note_id: 'CN-ID-1',
		credit_note_number: 'CN-0001',
		remaining_credit: 100,
		total: 100,
		date: '2024-03-15T00:00:00.000Z',
		currency_code: 'GBP',
		customer_external_id: 'CUST-00001',
		status: 'ACTIVE',
		...fields,
	};
	chaser.sandbox.store.collections.creditNotes.insert(record);
	return record;
}

export function addOverpayment(chaser: SandboxHandle, fields: Fields = {}): Fields {
	const record = {
		...stamp('ovp_'),
		overpayment_id: 'OVP-1',
		remaining_credit: 50,
		total: 50,
		date: '2024-03-15T15:00:00.000Z',
		currency_code: 'GBP',
		customer_external_id: 'CUST-00001',
		status: 'AUTHORISED',
		...fields,
	};
	chaser.sandbox.store.collections.overpayments.insert(record);
	return record;
}

/** Every input item shows up once across both outputs, paired to itself. */
export function pairedItems(items: Array<{ pairedItem?: unknown }>): unknown[] {
	return items
		.map((item) => item.pairedItem)
		.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function stored<T>(record: T | undefined, what: string): T {
	if (record === undefined) throw new Error(`${what} is not in the sandbox`);
	return record;
}

/** Records the test expects the sandbox to hold; a missing one fails the test with its name. */
export const customerIn = (chaser: SandboxHandle, externalId: string) =>
	stored(chaser.sandbox.findCustomer(externalId), `Customer ${externalId}`);
export const creditNoteIn = (chaser: SandboxHandle, id: string) =>
	stored(chaser.sandbox.findCreditNote(id), `Credit note ${id}`);
export const overpaymentIn = (chaser: SandboxHandle, id: string) =>
	stored(chaser.sandbox.findOverpayment(id), `Overpayment ${id}`);
