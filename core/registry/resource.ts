/**
 * What the package knows about one Chaser resource, written once, in `core/registry/<resource>.ts`: where it
 * lives in the API, how a record is addressed, what the editor calls it and its fields, its statuses, what
 * Simplify keeps and what its picker shows. Editor descriptions, pickers, the trigger's events, Create or
 * Update and bulk, Simplify and validation all read it from there.
 */

/** How a value of a field is checked and sent (see `core/body.ts`) and shown in the editor. */
export type FieldKind =
	| 'text'
	| 'email'
	| 'amount'
	| 'date'
	| 'currency'
	| 'status'
	| 'customer'
	| 'payments'
	| 'addresses'
	| 'groups';

/** One field of a record, by Chaser's wire name. */
export interface FieldDefinition {
	/** The label in the editor and in error messages. */
	label: string;
	kind: FieldKind;
	/** What the field means: its help in the editor, wherever it is shown. */
	help?: string;
	/** Its help where it differs on Create and Create or Update (e.g. what the node works out when it is left out). */
	newHelp?: string;
	/** Its help in Update Fields, where it differs (e.g. "a new ID, if the ID in your own system changed"). */
	updateHelp?: string;
	placeholder?: string;
	/**
	 * Set when Create (and Create or Update) asks for the field as a required top-level parameter: that
	 * parameter's name. Other fields go under Additional Fields, unless `newRecord` is false.
	 */
	required?: string;
	/** False for fields a new record does not take from the editor (e.g. your own ID, given at the top). */
	newRecord?: boolean;
	/** False for fields Update Fields does not offer. */
	update?: boolean;
	/** The value a status or option field starts with in the editor. */
	default?: string;
}

/** How one record is addressed by the ID it has in your own system. */
export interface RecordKey {
	/** Chaser's field for it, e.g. `invoice_id`; it addresses the record as `ext_<value>`. */
	field: string;
	/** What it is called in messages and help, e.g. "invoice ID". */
	label: string;
	/** What to tell it apart from, e.g. "not the invoice number". */
	note?: string;
}

/** The editor's "From list" picker of a resource. */
export interface PickerDefinition {
	/** The list search method's name, e.g. `searchInvoices`. */
	method: string;
	/** Fields the search text is found in (anywhere, ignoring case). */
	searchFields: string[];
	/** Fields the search text is also looked up by exactly, beyond the pages one call reads. */
	exactFields: string[];
	/** The record as the list shows it. */
	label: (record: Record<string, unknown>) => string;
	/** Sorts the records one call returns (customers by company name). */
	sortKey?: (record: Record<string, unknown>) => string;
	/** What the list needs first, shown under it (contact persons: their customer). */
	hint?: string;
}

export interface ResourceDefinition {
	/** The Resource option's value, e.g. `creditNote`. */
	value: string;
	/** The Resource option's name, e.g. "Credit Note". */
	name: string;
	/** In sentences: "credit note", "credit notes". */
	noun: string;
	plural: string;
	/** The collection, e.g. `/v1/credit_notes` (contact persons: below their customer, see `contactPersonsPath`). */
	path: string;
	/** The bulk upsert endpoint, when Chaser has one. */
	bulkPath?: string;
	key?: RecordKey;
	/** The parameter of the record's locator, as saved in workflows (e.g. `invoice`, `creditNoteId`). */
	locator?: { parameter: string; examples: { ownId: string; chaserId: string } };
	/** Chaser's status values and what each means for this record ('' when it needs no words). */
	statuses?: Record<string, string>;
	/** The fields worth seeing at a glance: what Simplify keeps, and what the trigger outputs with it. */
	summary?: readonly string[];
	/**
	 * Every field the node sends, by wire name: first the ones Create asks for at the top (`required`), in the
	 * order the editor shows them, then the others (the editor sorts collections by label).
	 */
	fields?: Record<string, FieldDefinition>;
	picker?: PickerDefinition;
	/**
	 * For records with a Total: the statuses in which a Total of 0 makes sense (a draft being prepared, a voided
	 * record an accounting system zeroed). In any other status a 0 is refused before anything is sent, with `ask`
	 * saying what to enter (the editor pre-fills 0, which would otherwise create a record for nothing).
	 */
	zeroTotal?: { allowedIn: readonly string[]; ask: string };
	/**
	 * The fields Chaser adds to the records it returns, beyond `fields` (which the node sends), with their JSON
	 * types: with `fields` and `summary`, what the output schemas the editor shows before a first run list.
	 */
	returned?: Record<string, JsonType>;
}

/** A JSON value's type, as the output schemas name it. */
export type JsonType = 'string' | 'number' | 'boolean';

/** "an invoice", "a customer", "an Authorised invoice". */
export function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** A status value as people read it: AUTHORISED → "Authorised". */
export function statusLabel(value: string): string {
	return `${value.charAt(0)}${value.slice(1).toLowerCase()}`;
}

/** A resource's status values. */
export function statusValues(resource: ResourceDefinition): string[] {
	return Object.keys(resource.statuses ?? {});
}
