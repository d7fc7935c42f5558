import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { chaserPage, MAX_PAGE_SIZE } from '../transport';

/** Pages scanned per search call: keeps the picker responsive on large ledgers. */
const PAGES_PER_SEARCH = 5;

/**
 * Backs the customer picker. Chaser's list has no "contains" filter, so the search text is matched
 * here against company name and external ID while paging; the token is the next page to read.
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	let page = paginationToken ? Number(paginationToken) : 0;
	const matches: IDataObject[] = [];
	let more = true;
	for (let scanned = 0; scanned < PAGES_PER_SEARCH && more; scanned++, page++) {
		const { records, total } = await chaserPage(this, '/v1/customers', {}, page, MAX_PAGE_SIZE);
		for (const customer of records) {
			const haystack = `${String(customer.company_name ?? '')} ${String(customer.external_id ?? '')}`.toLowerCase();
			if (haystack.includes(needle)) matches.push(customer);
		}
		more = total !== undefined ? (page + 1) * MAX_PAGE_SIZE < total : records.length === MAX_PAGE_SIZE;
		if (!needle) {
			page++;
			break;
		}
	}
	return {
		results: matches.map((customer) => ({
			name: `${String(customer.company_name)} (${String(customer.external_id)})`,
			value: String(customer.external_id),
		})),
		paginationToken: more ? String(page) : undefined,
	};
}
