import type { INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../../../../helpers/sandbox';
import { addRecord, customerIn, CUSTOMERS, itemIndexes, outcomes } from './fixtures';
import type { CreditProfile } from './profiles';
import { numberField } from './profiles';

/** Get, for credit notes and overpayments. */
export function describeGet(p: CreditProfile): void {
	const parameters = (id: string, more: INodeParameters = {}): INodeParameters => ({
		resource: p.resource,
		operation: 'get',
		[p.idParameter]: id,
		...more,
	});

	describe(`${p.resource}: get`, () => {
		const chaser = useSandbox({ seed: CUSTOMERS });

		beforeEach(() => {
			addRecord(chaser, p, { [p.key]: p.id(1), ...numberField(p, 'CN-0001') });
			addRecord(chaser, p, { [p.key]: p.awkwardId, ...numberField(p, 'CN-0002'), customer_external_id: 'CUST-00002' });
		});

		it(`gets ${p.many} by your own ID, simplified by default`, async () => {
			const result = await chaser.run({
				parameters: parameters('={{ $json.id }}'),
				items: [{ id: p.id(1) }, { id: p.awkwardId }],
			});
			expect(result.error).toBeUndefined();
			expect(result.success.map((output) => output.json)).toEqual([
				{
					id: expect.stringMatching(new RegExp(`^${p.internalPrefix}`)),
					[p.key]: p.id(1),
					...numberField(p, 'CN-0001'),
					customer_external_id: 'CUST-00001',
					customer_name: customerIn(chaser, 'CUST-00001').company_name,
					status: p.defaultStatus,
					currency_code: 'GBP',
					total: p.total,
					remaining_credit: p.total,
					date: p.date,
				},
				expect.objectContaining({ [p.key]: p.awkwardId, customer_external_id: 'CUST-00002' }),
			]);
			expect(result.success.map((output) => output.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(chaser.calls()).toEqual([`GET /v1/${p.path}/ext_${p.id(1)}`, `GET /v1/${p.path}/ext_${p.awkwardPath}`]);
		});

		it('returns every field with Simplify off', async () => {
			const result = await chaser.run({ parameters: parameters(p.id(1), { simplify: false }) });
			expect(result.error).toBeUndefined();
			expect(result.success[0].json).toEqual(
				expect.objectContaining({ [p.key]: p.id(1), created_at: expect.any(String), updated_at: expect.any(String) }),
			);
		});

		it(`says which ${p.noun} does not exist`, async () => {
			const result = await chaser.run({ parameters: parameters(p.missingId) });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe(p.notFound);
			expect(chaser.calls()).toEqual([`GET /v1/${p.path}/ext_${p.missingId}`]);
		});

		it(`picks ${p.article} ${p.noun} from the list, by your ID or by Chaser's ID; a plain ID (0.1.0) is your ID`, async () => {
			const stored = p.find(chaser, p.id(1));
			const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
			const picks = [locator('list', p.id(1)), locator('externalId', p.id(1)), locator('id', String(stored?.id)), p.id(1)];
			for (const pick of picks) {
				const result = await chaser.run({ parameters: { resource: p.resource, operation: 'get', [p.idParameter]: pick } });
				expect(result.success.map((output) => output.json[p.key])).toEqual([p.id(1)]);
			}
			const ownId = `GET /v1/${p.path}/ext_${p.id(1)}`;
			expect(chaser.calls()).toEqual([ownId, ownId, `GET /v1/${p.path}/${String(stored?.id)}`, ownId]);

			const missing = await chaser.run({
				parameters: { resource: p.resource, operation: 'get', [p.idParameter]: locator('id', `${p.internalPrefix}nope`) },
			});
			expect(missing.error?.message).toBe(`No ${p.noun} with Chaser ID '${p.internalPrefix}nope' exists in Chaser`);
		});

		it('requires the ID before sending anything', async () => {
			const result = await chaser.run({ parameters: parameters('={{ $json.id }}'), items: [{ id: '' }] });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(`"${p.recordLabel}" is required [item 0]`);
			expect(chaser.calls()).toEqual([]);
		});

		it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
			'with %s, accounts for every item once, paired to its input',
			async (onError) => {
				const result = await chaser.run({
					parameters: parameters('={{ $json.id }}'),
					items: [{ id: p.missingId }, { id: p.id(1) }, { id: '' }],
					onError,
				});
				expect(result.error).toBeUndefined();
				const { errors, ok: found, paired } = outcomes(result, onError);
				expect(paired).toEqual(itemIndexes(3));
				expect(errors.map((output) => [output.pairedItem, output.json.error])).toEqual([
					[{ item: 0 }, p.notFound],
					[{ item: 2 }, `"${p.recordLabel}" is required [item 2]`],
				]);
				expect(found.map((output) => [output.pairedItem, output.json[p.key]])).toEqual([[{ item: 1 }, p.id(1)]]);
				expect(chaser.calls()).toEqual([`GET /v1/${p.path}/ext_${p.missingId}`, `GET /v1/${p.path}/ext_${p.id(1)}`]);
			},
		);
	});
}
