import type { IDataObject } from 'n8n-workflow';

import type { ChaserContext } from './request';
import { chaserRequest } from './request';

/** Chaser's largest page. */
export const MAX_PAGE_SIZE = 100;

export interface PageOptions {
	/** Stop after this many records; undefined means every record (Return All). */
	max?: number;
	itemIndex?: number;
	/** What a 404 means here, e.g. that the parent customer does not exist. */
	notFoundMessage?: string;
}

/**
 * Walks a Chaser list endpoint page by page (`page` is 0-based, `limit` at most 100) and returns
 * the records, without the envelopes. Stops at the end of the data (a short page or `total_count`)
 * or as soon as `max` records are in hand, so a Limit of 10 costs one small request.
 */
export async function chaserPaginate(
	context: ChaserContext,
	path: string,
	qs: IDataObject,
	options: PageOptions = {},
): Promise<IDataObject[]> {
	const { max, itemIndex, notFoundMessage } = options;
	const pageSize = max === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, max));
	const records: IDataObject[] = [];
	for (let page = 0; ; page++) {
		const envelope = await chaserRequest(context, {
			method: 'GET',
			path,
			qs: { ...qs, page, limit: pageSize },
			itemIndex,
			notFoundMessage,
		});
		const data = Array.isArray(envelope.data) ? (envelope.data as IDataObject[]) : [];
		for (const record of data) {
			records.push(record);
			if (max !== undefined && records.length >= max) return records;
		}
		const total = typeof envelope.total_count === 'number' ? envelope.total_count : undefined;
		if (data.length < pageSize) return records;
		if (total !== undefined && (page + 1) * pageSize >= total) return records;
	}
}

/** One page, envelope included, for callers that need `total_count` (the editor's search lists). */
export async function chaserPage(
	context: ChaserContext,
	path: string,
	qs: IDataObject,
	page: number,
	limit: number,
	notFoundMessage?: string,
): Promise<{ records: IDataObject[]; total?: number }> {
	const envelope = await chaserRequest(context, { method: 'GET', path, qs: { ...qs, page, limit }, notFoundMessage });
	return {
		records: Array.isArray(envelope.data) ? (envelope.data as IDataObject[]) : [],
		total: typeof envelope.total_count === 'number' ? envelope.total_count : undefined,
	};
}
