import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { ResourceDefinition } from './registry';
import { contactPerson, contactPersonsPath, creditNote, customer, invoice, overpayment } from './registry';
import { text } from './registry/labels';
import type { RecordRef } from './records';
import { locatorParts, recordNotFound, refTo } from './records';
import { chaserPage, filterQuery, MAX_PAGE_SIZE } from './transport';

/**
 * The "From List" pickers of the resource locators, one per resource, from the registry's `picker`. Chaser's
 * list endpoints have no "contains" filter, so the search text is matched here while paging through the list:
 * one call reads at most PAGES_PER_CALL pages (500 records) and hands back a token for the next ones, which the
 * editor asks for when the user scrolls to the end. In a longer list, the first call of a search also looks the
 * text up as an exact ID or number (one request per such field), so a record typed or pasted in full is found
 * wherever it is; the token then carries what that look-up found, so a later page does not list it again.
 * Each picker's value is the record's own ID from your system (external ID, invoice ID, …).
 */

/** Pages one call reads at most: a few requests per keystroke, even on a large ledger. */
const PAGES_PER_CALL = 5;

/** How many exact-match records one look-up asks for (IDs are unique; numbers nearly so). */
const EXACT_MATCH_LIMIT = 10;

type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

function pickerOf(resource: ResourceDefinition): ListSearch {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, resource, resource.path, undefined, filter, paginationToken);
	};
}

export const searchCustomers = pickerOf(customer);
export const searchInvoices = pickerOf(invoice);
export const searchCreditNotes = pickerOf(creditNote);
export const searchOverpayments = pickerOf(overpayment);

/**
 * The contact people of the customer chosen in the node's Customer field. With no customer chosen yet the list
 * is empty, and says so.
 */
export async function searchContactPersons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = chosenCustomer(this);
	if (!chosen) return { results: [] };
	return await search(
		this,
		contactPerson,
		contactPersonsPath(chosen.segment),
		recordNotFound(customer, chosen),
		filter,
		paginationToken,
	);
}

/** Every picker of the package, by the name the editor asks for (`picker.method` in the registry). */
export const listSearch = { searchContactPersons, searchCreditNotes, searchCustomers, searchInvoices, searchOverpayments };

/** Where the next call of a search goes on: the page to read, and the records the exact look-up already listed. */
interface Token {
	page: number;
	listed: string[];
}

function readToken(token: string | undefined): Token {
	if (!token) return { page: 0, listed: [] };
	try {
		const parsed = JSON.parse(token) as Partial<Token>;
		const page = Number(parsed.page);
		return {
			page: Number.isSafeInteger(page) && page > 0 ? page : 0,
			listed: Array.isArray(parsed.listed) ? parsed.listed.map(String) : [],
		};
	} catch {
		const page = Number(token);
		return { page: Number.isSafeInteger(page) && page > 0 ? page : 0, listed: [] };
	}
}

async function search(
	context: ILoadOptionsFunctions,
	resource: ResourceDefinition,
	path: string,
	notFoundMessage: string | undefined,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const picker = resource.picker!;
	const value = (record: IDataObject) => text(record[resource.key!.field]);
	const wanted = (filter ?? '').trim();
	const needle = wanted.toLowerCase();
	const token = readToken(paginationToken);
	const listed = new Set(token.listed);
	const found: IDataObject[] = [];
	let page = token.page;
	const lastPage = page + PAGES_PER_CALL;
	let more = true;
	// A sorted picker reads its whole window, so the order holds across it; the others stop at a screenful.
	while (more && page < lastPage && (picker.sortKey || found.length < MAX_PAGE_SIZE)) {
		const { records, total } = await chaserPage(context, path, {}, page, MAX_PAGE_SIZE, notFoundMessage);
		page++;
		found.push(...records.filter((record) => contains(record, picker.searchFields, needle) && !listed.has(value(record))));
		more = total !== undefined ? page * MAX_PAGE_SIZE < total : records.length === MAX_PAGE_SIZE;
	}
	if (picker.sortKey) {
		const key = picker.sortKey;
		found.sort((a, b) => key(a).localeCompare(key(b), undefined, { sensitivity: 'base' }));
	}
	if (wanted && more && !paginationToken) {
		const exact = await exactMatches(context, resource, path, notFoundMessage, wanted, found);
		for (const record of exact) listed.add(value(record));
		found.unshift(...exact);
	}
	const results: INodeListSearchItems[] = found.map((record) => ({ name: picker.label(record), value: value(record) }));
	return {
		results,
		paginationToken: more ? JSON.stringify({ page, listed: [...listed] }) : undefined,
	};
}

/** Records whose ID or number is exactly the search text, found anywhere in the list (not yet in `found`). */
async function exactMatches(
	context: ILoadOptionsFunctions,
	resource: ResourceDefinition,
	path: string,
	notFoundMessage: string | undefined,
	wanted: string,
	found: IDataObject[],
): Promise<IDataObject[]> {
	const picker = resource.picker!;
	const value = (record: IDataObject) => text(record[resource.key!.field]);
	const matches: IDataObject[] = [];
	const seen = new Set(found.map(value));
	for (const field of picker.exactFields) {
		if (found.some((record) => text(record[field]) === wanted)) continue;
		const qs = filterQuery([{ field, operator: 'eq', value: wanted }]);
		const { records } = await chaserPage(context, path, qs, 0, EXACT_MATCH_LIMIT, notFoundMessage);
		for (const record of records) {
			if (seen.has(value(record))) continue;
			seen.add(value(record));
			matches.push(record);
		}
	}
	return matches;
}

/** The customer chosen in the node's Customer field, if any. */
function chosenCustomer(context: ILoadOptionsFunctions): RecordRef | undefined {
	const { mode, value, name } = locatorParts(context.getCurrentNodeParameter(customer.locator.parameter));
	const chosen = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	// The editor resolves expressions before it asks; one it could not resolve still starts with "=".
	if (chosen === '' || chosen.startsWith('=')) return undefined;
	return refTo(customer, mode, chosen, name);
}

function contains(record: IDataObject, fields: string[], needle: string): boolean {
	return needle === '' || fields.some((field) => text(record[field]).toLowerCase().includes(needle));
}
