import type { IDataObject } from 'n8n-workflow';

import type { BulkPath } from '../../../core/transport';
import type { InputValidator } from '../../../core/validation';

/** What Create or Update (`upsert.ts`) and Skip Unchanged Records (`deltaSync.ts`) are told about a resource. */

/** Where records of one kind are created or updated. */
export interface UpsertTarget {
	/** e.g. `/v1/customers` (the registry's `path`); records live at `<collectionPath>/ext_<key>`. */
	collectionPath: string;
	bulkPath: BulkPath;
	/** What a 404 there means (contact persons: their customer does not exist). */
	notFoundMessage?: string;
}

/** One item's record: its external key, its full body (key included), and where it goes when not the spec's. */
export interface UpsertEntry {
	key: string;
	body: IDataObject;
	target?: UpsertTarget;
	/** Set when "Skip Unchanged Records" leaves it out (it is then output as it is, not sent). */
	unchanged?: boolean;
}

/** How one resource is created or updated by its external key. */
export interface UpsertSpec extends UpsertTarget {
	/** How an error names a record's key, e.g. "invoice ID". */
	keyLabel: string;
	/** Validates one item and returns its record. */
	buildEntry: (itemIndex: number, check: InputValidator) => Promise<UpsertEntry>;
	/**
	 * For records whose body depends on the record Chaser already holds (an invoice's amounts on the
	 * payments it has): the field the key is stored in, whether an entry needs the stored record, and how
	 * its body is finished once the stored record (or its absence) is known.
	 */
	stored?: {
		keyField: string;
		needed: (body: IDataObject) => boolean;
		/** `read`: whether the stored record was looked up (`stored` undefined then means there is none). */
		finish: (body: IDataObject, stored: IDataObject | undefined, check: InputValidator, read: boolean) => IDataObject;
	};
}

