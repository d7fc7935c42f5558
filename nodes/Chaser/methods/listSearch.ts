import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RECORDS } from '../actions/common.descriptions';
import type { RecordRef } from '../helpers/records';
import { locatorParts, recordNotFound, refTo } from '../helpers/records';
import { chaserPage, filterQuery, MAX_PAGE_SIZE } from '../transport';

/**
 * The "From List" pickers of the resource locators. Chaser's list endpoints have no "contains" filter,
 * so the search text is matched here while paging through the list: one call reads at most
 * PAGES_PER_CALL pages (500 records) and hands back a token for the next ones, which the editor asks
 * for when the user scrolls to the end. In a longer list, a search also looks the text up as an exact
 * ID or number (one request per such field), so a record typed or pasted in full is found wherever
 * it is. Each picker's value is the record's own ID from your system (external ID, invoice ID, …).
 */

/** Pages one call reads at most: a few requests per keystroke, even on a large ledger. */
const PAGES_PER_CALL = 5;

/** How many exact-match records one look-up asks for (IDs are unique; numbers nearly so). */
const EXACT_MATCH_LIMIT = 10;

interface Picker {
	/** The list endpoint. */
	path: string;
	/** Fields the search text is found in (anywhere, ignoring case). */
	searchFields: string[];
	/** Fields the search text is also looked up by exactly, beyond the pages one call reads. */
	exactFields: string[];
	/** The record as the picker shows it; the value is its ID in your own system. */
	item: (record: IDataObject) => INodeListSearchItems;
	/** Sorts the records one call returns (the customers by company name). */
	sortKey?: (record: IDataObject) => string;
	/** What a 404 from the list means (the contact people of a customer that does not exist). */
	notFoundMessage?: string;
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, CUSTOMERS, filter, paginationToken);
}

export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, INVOICES, filter, paginationToken);
}

export async function searchCreditNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, CREDIT_NOTES, filter, paginationToken);
}

export async function searchOverpayments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, OVERPAYMENTS, filter, paginationToken);
}

/** The contact people of the customer chosen in the node's Customer field. */
export async function searchContactPersons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, contactPersonsOf(chosenCustomer(this)), filter, paginationToken);
}

const CUSTOMERS: Picker = {
	path: '/v1/customers',
	searchFields: ['company_name', 'external_id'],
	exactFields: ['external_id'],
	item: (customer) => ({
		name: `${text(customer.company_name)}${statusMark(customer.status, ['ACTIVE'])} (${text(customer.external_id)})`,
		value: text(customer.external_id),
	}),
	sortKey: (customer) => text(customer.company_name),
};

const INVOICES: Picker = {
	path: '/v1/invoices',
	searchFields: ['invoice_number', 'invoice_id', 'customer_name', 'customer_external_id'],
	exactFields: ['invoice_number', 'invoice_id'],
	item: (invoice) => ({
		name: joined(
			text(invoice.invoice_number) + statusMark(invoice.status, ['AUTHORISED']),
			text(invoice.customer_name ?? invoice.customer_external_id),
			`${money(invoice.amount_due, invoice.currency_code)} due`,
		),
		value: text(invoice.invoice_id),
	}),
};

const CREDIT_NOTES: Picker = {
	path: '/v1/credit_notes',
	searchFields: ['credit_note_number', 'credit_note_id', 'customer_name', 'customer_external_id'],
	exactFields: ['credit_note_number', 'credit_note_id'],
	item: (creditNote) => ({
		name: joined(
			text(creditNote.credit_note_number) + statusMark(creditNote.status, ['ACTIVE', 'AUTHORISED']),
			text(creditNote.customer_name ?? creditNote.customer_external_id),
			`${money(creditNote.remaining_credit, creditNote.currency_code)} left`,
		),
		value: text(creditNote.credit_note_id),
	}),
};

const OVERPAYMENTS: Picker = {
	path: '/v1/overpayments',
	searchFields: ['overpayment_id', 'customer_name', 'customer_external_id'],
	exactFields: ['overpayment_id'],
	item: (overpayment) => ({
		name: joined(
			text(overpayment.customer_name ?? overpayment.customer_external_id) +
				statusMark(overpayment.status, ['AUTHORISED']),
			day(overpayment.date),
			`${money(overpayment.remaining_credit, overpayment.currency_code)} left`,
			text(overpayment.overpayment_id),
		),
		value: text(overpayment.overpayment_id),
	}),
};

const contactPersonsOf = (customer: RecordRef): Picker => ({
	path: `/v1/customers/${customer.segment}/contact_persons`,
	notFoundMessage: recordNotFound(RECORDS.customer, customer),
	searchFields: ['contact_first_name', 'contact_last_name', 'contact_email_address', 'external_id'],
	exactFields: ['external_id'],
	item: (contact) => ({
		name: `${joined(
			[text(contact.contact_first_name), text(contact.contact_last_name)].filter(Boolean).join(' ') +
				statusMark(contact.status, ['ACTIVE']),
			text(contact.contact_email_address),
		)} (${text(contact.external_id)})`,
		value: text(contact.external_id),
	}),
});

async function search(
	context: ILoadOptionsFunctions,
	picker: Picker,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim();
	const needle = wanted.toLowerCase();
	const firstPage = Number(paginationToken ?? 0);
	const found: IDataObject[] = [];
	let page = Number.isSafeInteger(firstPage) && firstPage > 0 ? firstPage : 0;
	const lastPage = page + PAGES_PER_CALL;
	let more = true;
	// A sorted picker reads its whole window, so the order holds across it; the others stop at a screenful.
	while (more && page < lastPage && (picker.sortKey || found.length < MAX_PAGE_SIZE)) {
		const { records, total } = await chaserPage(context, picker.path, {}, page, MAX_PAGE_SIZE, picker.notFoundMessage);
		page++;
		found.push(...records.filter((record) => contains(record, picker.searchFields, needle)));
		more = total !== undefined ? page * MAX_PAGE_SIZE < total : records.length === MAX_PAGE_SIZE;
	}
	if (picker.sortKey) {
		const key = picker.sortKey;
		found.sort((a, b) => key(a).localeCompare(key(b), undefined, { sensitivity: 'base' }));
	}
	if (wanted && more && !paginationToken) found.unshift(...(await exactMatches(context, picker, wanted, found)));
	return {
		results: found.map(picker.item),
		paginationToken: more ? String(page) : undefined,
	};
}

/** Records whose ID or number is exactly the search text, found anywhere in the list (not yet in `found`). */
async function exactMatches(
	context: ILoadOptionsFunctions,
	picker: Picker,
	wanted: string,
	found: IDataObject[],
): Promise<IDataObject[]> {
	const matches: IDataObject[] = [];
	const seen = new Set(found.map((record) => picker.item(record).value));
	for (const field of picker.exactFields) {
		if (found.some((record) => text(record[field]) === wanted)) continue;
		const qs = filterQuery([{ field, operator: 'eq', value: wanted }]);
		const { records } = await chaserPage(context, picker.path, qs, 0, EXACT_MATCH_LIMIT, picker.notFoundMessage);
		for (const record of records) {
			const value = picker.item(record).value;
			if (seen.has(value)) continue;
			seen.add(value);
			matches.push(record);
		}
	}
	return matches;
}

/** The customer chosen in the node's Customer field. */
function chosenCustomer(context: ILoadOptionsFunctions): RecordRef {
	const { mode, value } = locatorParts(context.getCurrentNodeParameter(RECORDS.customer.parameter));
	const chosen = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	// The editor resolves expressions before it asks; one it could not resolve still starts with "=".
	if (chosen === '' || chosen.startsWith('=')) {
		throw new NodeOperationError(context.getNode(), 'Choose the customer first', {
			description: 'Contact people are listed per customer: pick one in the Customer field, then open this list again.',
		});
	}
	return refTo(RECORDS.customer, mode, chosen);
}

function contains(record: IDataObject, fields: string[], needle: string): boolean {
	return needle === '' || fields.some((field) => text(record[field]).toLowerCase().includes(needle));
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** Parts of a label, skipping empty ones. */
function joined(...parts: string[]): string {
	return parts.filter((part) => part !== '').join(' · ');
}

/** " [Voided]" for a status a person should notice, right after the record's name (long labels are cut at the end). */
function statusMark(status: unknown, usual: string[]): string {
	const value = text(status).toUpperCase();
	if (value === '' || usual.includes(value)) return '';
	return ` [${value.charAt(0)}${value.slice(1).toLowerCase()}]`;
}

/** "GBP 1,234.50", with the currency's own decimals. */
function money(amount: unknown, currencyCode: unknown): string {
	const value = typeof amount === 'number' ? amount : Number(amount);
	const currency = text(currencyCode).toUpperCase();
	if (!Number.isFinite(value)) return currency;
	try {
		return new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' })
			.format(value)
			.replace(/\u00a0/g, ' ');
	} catch {
		return `${currency} ${value}`.trim();
	}
}

/** The calendar date of an ISO date-time. */
function day(value: unknown): string {
	return text(value).slice(0, 10);
}
