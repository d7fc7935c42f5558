/**
 * Test data for the credit note and overpayment tests: records put straight into the sandbox's store
 * (no request, so the request log starts empty) with IDs the tests can name.
 */
import type { RunResult } from '../../../../helpers/engine';
import type { SandboxHandle } from '../../../../helpers/sandbox';
import type { CreditProfile } from './profiles';
import { numberField } from './profiles';

/** Three customers, CUST-00001 to CUST-00003, and nothing else. */
export const CUSTOMERS = { customers: 3 };

type Fields = Record<string, unknown>;

let sequence = 0;

function stamp(prefix: string): Fields {
	const now = new Date().toISOString();
	return { id: `${prefix}${String(++sequence).padStart(20, '0')}`, created_at: now, updated_at: now };
}

/** Stores a credit note (CN-ID-1, CN-0001, 100 GBP, Active) or an overpayment (OVP-1, 50 GBP, Authorised). */
export function addRecord(chaser: SandboxHandle, profile: CreditProfile, fields: Fields = {}): Fields {
	const record = {
		...stamp(profile.internalPrefix),
		[profile.key]: profile.id(1),
		...numberField(profile, 'CN-0001'),
		remaining_credit: profile.total,
		total: profile.total,
		date: profile.date,
		currency_code: 'GBP',
		customer_external_id: 'CUST-00001',
		status: profile.defaultStatus,
		...fields,
	};
	chaser.sandbox.store.collections[profile.collection].insert(record);
	return record;
}

/** Every input item shows up once across both outputs, paired to itself. */
export function pairedItems(items: Array<{ pairedItem?: unknown }>): unknown[] {
	return items
		.map((item) => item.pairedItem)
		.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** [{ item: 0 }, …, { item: count - 1 }] */
export const itemIndexes = (count: number) => Array.from({ length: count }, (_, index) => ({ item: index }));

/**
 * A run with On Error set, taken apart: the error items (on the error output, or among the main output
 * with continueRegularOutput), the other items, and every item's pairing sorted (see pairedItems).
 */
export function outcomes(result: RunResult, onError: 'continueRegularOutput' | 'continueErrorOutput') {
	return {
		errors: onError === 'continueErrorOutput' ? result.errorOutput : result.success.filter((output) => output.json.error),
		ok: result.success.filter((output) => !output.json.error),
		paired: pairedItems([...result.success, ...result.errorOutput]),
	};
}

function stored<T>(record: T | undefined, what: string): T {
	if (record === undefined) throw new Error(`${what} is not in the sandbox`);
	return record;
}

/** Records the test expects the sandbox to hold; a missing one fails the test with its name. */
export const customerIn = (chaser: SandboxHandle, externalId: string) =>
	stored(chaser.sandbox.findCustomer(externalId), `Customer ${externalId}`);
export const recordIn = (chaser: SandboxHandle, profile: CreditProfile, id: string) =>
	stored(profile.find(chaser, id), `${profile.resource} ${id}`);
