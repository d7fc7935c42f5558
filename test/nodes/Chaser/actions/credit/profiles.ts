/**
 * Credit notes and overpayments share their implementation (nodes/Chaser/actions/credit.ts),
 * so they share their tests: each `<operation>.spec.ts` here describes one operation for a resource
 * profile, and `creditNote/<operation>.test.ts` and `overpayment/<operation>.test.ts` run it for theirs.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { SandboxHandle } from '../../../../helpers/sandbox';

export interface CreditProfile {
	/** The node's resource value. */
	resource: 'creditNote' | 'overpayment';
	/** The record's name and its article, for test names: "a" "credit note". */
	article: 'a' | 'an';
	noun: string;
	/** Plural, for test names: "credit notes". */
	many: string;
	/** The node's top-level ID parameter and its display name on Create and Create or Update. */
	idParameter: 'creditNoteId' | 'overpaymentId';
	idLabel: string;
	/** The same parameter's display name on Get and Update, where it picks the record (a resource locator). */
	recordLabel: string;
	/** Chaser's field for your own ID. */
	key: 'credit_note_id' | 'overpayment_id';
	/** Chaser's path segment (/v1/<path>), also the sandbox's count kind. */
	path: 'credit_notes' | 'overpayments';
	/** The sandbox store's collection, also the seed key. */
	collection: 'creditNotes' | 'overpayments';
	/** Prefix of Chaser's internal IDs. */
	internalPrefix: string;
	/** Your own IDs used in the tests: id(1), id(2), …; one that does not exist; one that needs encoding. */
	id(n: number): string;
	missingId: string;
	awkwardId: string;
	awkwardPath: string;
	/** What the node says for missingId. */
	notFound: string;
	/** The status Chaser gives a new record, as sent and as said in test names. */
	defaultStatus: string;
	defaultStatusLabel: string;
	/** The status options, as listed in the validation message. */
	statuses: string;
	/** Defaults of a stored test record. */
	total: number;
	date: string;
	/** A stored date in the middle of March 2024. */
	midMarch: string;
	/** The number field (credit notes only). */
	number?: { parameter: 'creditNoteNumber'; field: 'credit_note_number'; label: string };
	/** Fields of the second stored record in the update tests, checked again after the update. */
	secondRecord: Record<string, unknown>;
	find(chaser: SandboxHandle, id: string): Record<string, unknown> | undefined;
}

export const CREDIT_NOTE: CreditProfile = {
	resource: 'creditNote',
	article: 'a',
	noun: 'credit note',
	many: 'credit notes',
	idParameter: 'creditNoteId',
	idLabel: 'Credit Note ID',
	recordLabel: 'Credit Note',
	key: 'credit_note_id',
	path: 'credit_notes',
	collection: 'creditNotes',
	internalPrefix: 'crn_',
	id: (n) => `CN-ID-${n}`,
	missingId: 'CN-404',
	awkwardId: 'CN/2 B',
	awkwardPath: 'CN%2F2%20B',
	notFound: "No credit note with credit note ID 'CN-404' exists in Chaser",
	defaultStatus: 'ACTIVE',
	defaultStatusLabel: 'Active',
	statuses: 'ACTIVE, AUTHORISED, DELETED, DRAFT, PAID, SUBMITTED, VOIDED',
	total: 100,
	date: '2024-03-15T00:00:00.000Z',
	midMarch: '2024-03-10',
	number: { parameter: 'creditNoteNumber', field: 'credit_note_number', label: 'Credit Note Number' },
	secondRecord: { credit_note_number: 'CN-0002' },
	find: (chaser, id) => chaser.sandbox.findCreditNote(id),
};

export const OVERPAYMENT: CreditProfile = {
	resource: 'overpayment',
	article: 'an',
	noun: 'overpayment',
	many: 'overpayments',
	idParameter: 'overpaymentId',
	idLabel: 'Overpayment ID',
	recordLabel: 'Overpayment',
	key: 'overpayment_id',
	path: 'overpayments',
	collection: 'overpayments',
	internalPrefix: 'ovp_',
	id: (n) => `OVP-${n}`,
	missingId: 'OVP-404',
	awkwardId: 'OVP/2 B',
	awkwardPath: 'OVP%2F2%20B',
	notFound: "No overpayment with overpayment ID 'OVP-404' exists in Chaser",
	defaultStatus: 'AUTHORISED',
	defaultStatusLabel: 'Authorised',
	statuses: 'AUTHORISED, DELETED, DRAFT, PAID, SUBMITTED, VOIDED',
	total: 50,
	date: '2024-03-15T15:00:00.000Z',
	midMarch: '2024-03-10T15:00:00.000Z',
	secondRecord: { total: 80 },
	find: (chaser, id) => chaser.sandbox.findOverpayment(id),
};

/** `{ [number field]: value }` for a resource with a number, nothing otherwise. */
export function numberField(profile: CreditProfile, value: string): Record<string, string> {
	return profile.number ? { [profile.number.field]: value } : {};
}

/** `fields` for a resource with a number, nothing otherwise. */
export function withNumber<T extends object>(profile: CreditProfile, fields: T): T | Record<string, never> {
	return profile.number ? fields : {};
}

/**
 * Create / Create or Update parameters taking the ID, number, customer, total and remaining credit from
 * the item ($json.id, .number, .customer, .total, .remaining); currency and date as given.
 */
export function writeParameters(
	profile: CreditProfile,
	operation: 'create' | 'upsert',
	values: { currencyCode: string; date: string },
): INodeParameters {
	return {
		resource: profile.resource,
		operation,
		[profile.idParameter]: '={{ $json.id }}',
		...(profile.number ? { [profile.number.parameter]: '={{ $json.number }}' } : {}),
		customer: { __rl: true, mode: 'externalId', value: '={{ $json.customer }}' },
		currencyCode: values.currencyCode,
		total: '={{ $json.total }}',
		remainingCredit: '={{ $json.remaining }}',
		date: values.date,
	};
}
