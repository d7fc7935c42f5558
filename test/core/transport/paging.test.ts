import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../../helpers/sandbox';

describe('paging (customer get many)', () => {
	const chaser = useSandbox();

	const pages = () =>
		(chaser.sandbox.requests as Array<{ method: string; path: string; query: IDataObject }>).map(
			({ method, path, query }) => `${method} ${path}?page=${String(query.page)}&limit=${String(query.limit)}`,
		);

	const getMany = async (parameters: IDataObject) =>
		await chaser.run({ parameters: { resource: 'customer', operation: 'getAll', simplify: false, ...parameters } });

	it.each([
		[250, ['0', '1', '2'], 'stops at the short last page'],
		[200, ['0', '1'], 'stops at total_count without asking for an empty page'],
		[100, ['0'], 'one full page'],
		[1, ['0'], 'one record'],
		[0, ['0'], 'nothing there'],
	])('Return All over %i customers: pages %j (%s)', async (customers, expectedPages) => {
		const seeded = chaser.sandbox.seed({ customers }).customers.map((customer: IDataObject) => customer.external_id);
		chaser.sandbox.clearLog();
		const result = await getMany({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => item.json.external_id)).toEqual(seeded);
		expect(pages()).toEqual(expectedPages.map((page) => `GET /v1/customers?page=${page}&limit=100`));
	});

	it.each([
		[10, 250, ['page=0&limit=10'], 10],
		[100, 250, ['page=0&limit=100'], 100],
		[150, 250, ['page=0&limit=100', 'page=1&limit=100'], 150],
		[500, 120, ['page=0&limit=100', 'page=1&limit=100'], 120],
	])('Limit %i over %i customers asks only for what it needs', async (limit, customers, expectedPages, expectedCount) => {
		const seeded = chaser.sandbox.seed({ customers }).customers.map((customer: IDataObject) => customer.external_id);
		chaser.sandbox.clearLog();
		const result = await getMany({ returnAll: false, limit });
		expect(result.success.map((item) => item.json.external_id)).toEqual(seeded.slice(0, expectedCount));
		expect(pages()).toEqual(expectedPages.map((query) => `GET /v1/customers?${query}`));
	});

	it('keeps the filters on every page', async () => {
		chaser.sandbox.seed({ customers: 300 });
		chaser.sandbox.clearLog();
		const result = await getMany({ returnAll: true, filters: { status: 'ACTIVE' } });
		const active = (chaser.sandbox.store.collections.customers.order as IDataObject[]).filter((customer) => customer.status === 'ACTIVE');
		expect(result.success).toHaveLength(active.length);
		const queries = (chaser.sandbox.requests as Array<{ query: IDataObject }>).map((request) => request.query);
		expect(queries.length).toBe(Math.ceil(active.length / 100));
		expect(queries.every((query) => query['filter[status][in]'] === 'ACTIVE')).toBe(true);
	});

	it('every record is output once, paired with the one input item', async () => {
		chaser.sandbox.seed({ customers: 230 });
		const result = await getMany({ returnAll: true });
		const ids = result.success.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(230);
		expect(result.success.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});
