import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { locatorParts, readCustomer, refTo } from '../../../../core/records';
import { customer } from '../../../../core/registry';
import { invoiceHistory } from '../../../../core/registry/invoiceHistory';
import { filterQuery } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { getRecords } from '../../helpers/operations';
import { exactTextFilter, filtersField, returnAllOrLimit } from '../fields';

const { filters: wire } = invoiceHistory;

const properties: INodeProperties[] = [
	{
		displayName: `The reminders Chaser sent, across invoices, one item each, in the order Chaser lists them. ${invoiceHistory.help}`,
		name: 'historyNotice',
		type: 'notice',
		default: '',
	},
	...returnAllOrLimit,
	filtersField([
		recordLocator(customer, {
			required: false,
			description:
				'Only the reminders about this customer\'s invoices. Pick it as anywhere else: "From list" or "Your ID" (its external ID) costs one read to learn the Chaser ID the history is filtered on; "By ID" is that Chaser ID itself.',
		}),
		exactTextFilter({
			label: 'Invoice ID',
			name: 'invoiceId',
			placeholder: 'e.g. 8f14e45f-ceea-467f-a1b2-3c4d5e6f7a8b',
			help: "Only the reminders about the invoice with this ID from your own system (invoice_id in Chaser), not the invoice number",
		}),
		exactTextFilter({
			label: 'Invoice Number',
			name: 'invoiceNumber',
			placeholder: 'e.g. INV-1042',
			help: 'Only the reminders about invoices with this number, as printed on the invoice',
		}),
	]),
	optionsField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getManyHistory'] } },
	properties,
);

/**
 * Every invoice's history: `GET /v1/invoices/history`, filtered on `invoice_id`, `invoice_number` and
 * `contact_id` (the customer's Chaser ID, looked up once per customer and run when it is picked by external ID).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const chaserIds = new Map<string, Promise<string>>();
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const invoiceId = check.text(filters.invoiceId, 'Invoice ID');
		const invoiceNumber = check.text(filters.invoiceNumber, 'Invoice Number');
		const { mode, value } = locatorParts(filters.customer);
		const picked = check.text(value, 'Customer');
		let contactId: string | undefined;
		if (picked !== undefined) {
			const ref = refTo(customer, mode, picked);
			if (ref.ownId === undefined) {
				contactId = picked;
			} else {
				let lookup = chaserIds.get(picked);
				if (!lookup) {
					lookup = readCustomer(this, itemIndex, ref).then((record) => String(record.id));
					chaserIds.set(picked, lookup);
					lookup.catch(() => chaserIds.delete(picked));
				}
				contactId = await lookup;
			}
		}
		const qs = filterQuery([
			{ field: wire.invoiceId, operator: 'eq', value: invoiceId },
			{ field: wire.invoiceNumber, operator: 'eq', value: invoiceNumber },
			{ field: wire.customer, operator: 'eq', value: contactId },
		]);
		return await getRecords(this, itemIndex, { path: invoiceHistory.path, qs });
	});
}
