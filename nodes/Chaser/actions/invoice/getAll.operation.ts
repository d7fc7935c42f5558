import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { simplifyAll } from '../../helpers/simplify';
import { InputValidator, isBlank } from '../../helpers/validation';
import { chaserPaginate, filterQuery } from '../../transport';
import { INVOICE_STATUSES, invoiceStatusOptions, returnAllOrLimit, simplifyField } from '../common.descriptions';
import { INVOICE_SUMMARY_FIELDS } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Amount Due Max',
				name: 'amount_due_max',
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
				description: 'Only invoices with at most this much still owed',
			},
			{
				displayName: 'Amount Due Min',
				name: 'amount_due_min',
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
				description: 'Only invoices with at least this much still owed. Use 0.01 to leave out settled invoices.',
			},
			{ displayName: 'Currency Code', name: 'currency_code', type: 'string', default: '', placeholder: 'e.g. GBP' },
			{
				displayName: 'Customer External ID',
				name: 'customer_external_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. CUST-0042',
				description: "Only this customer's invoices, given by the ID the customer has in your own system",
			},
			{
				displayName: 'Date From',
				name: 'date_from',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or after this date',
			},
			{
				displayName: 'Date To',
				name: 'date_to',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or before this date, that whole day included',
			},
			{
				displayName: 'Due Date From',
				name: 'due_date_from',
				type: 'dateTime',
				default: '',
				description: 'Only invoices due on or after this date',
			},
			{
				displayName: 'Due Date To',
				name: 'due_date_to',
				type: 'dateTime',
				default: '',
				description:
					"Only invoices due on or before this date, that whole day included. With Amount Due Min 0.01 and status Authorised, {{ $today.minus(1, 'day') }} lists what is overdue.",
			},
			{ displayName: 'Invoice Number', name: 'invoice_number', type: 'string', default: '', placeholder: 'e.g. INV-1042' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: invoiceStatusOptions,
				default: [],
				description: 'Only invoices in one of these statuses',
			},
		],
	},
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const issued = check.dateRange(filters.date_from, filters.date_to, { from: 'Date From', to: 'Date To' });
		const due = check.dateRange(filters.due_date_from, filters.due_date_to, {
			from: 'Due Date From',
			to: 'Due Date To',
		});
		const qs = filterQuery([
			{ field: 'status', operator: 'in', value: statuses(filters.status, check) },
			{ field: 'customer_external_id', operator: 'eq', value: check.text(filters.customer_external_id, 'Customer External ID') },
			{ field: 'invoice_number', operator: 'eq', value: check.text(filters.invoice_number, 'Invoice Number') },
			{ field: 'currency_code', operator: 'eq', value: currency(filters.currency_code, check) },
			{ field: 'date', operator: 'gte', value: issued.from },
			{ field: 'date', operator: 'lte', value: issued.to },
			{ field: 'due_date', operator: 'gte', value: due.from },
			{ field: 'due_date', operator: 'lte', value: due.to },
			{ field: 'amount_due', operator: 'gte', value: amount(filters.amount_due_min, 'Amount Due Min', check) },
			{ field: 'amount_due', operator: 'lte', value: amount(filters.amount_due_max, 'Amount Due Max', check) },
		]);
		const invoices = await chaserPaginate(this, '/v1/invoices', qs, {
			max: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number),
			itemIndex,
		});
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplifyAll(invoices, INVOICE_SUMMARY_FIELDS, simplify);
	});
}

function statuses(value: unknown, check: InputValidator): string[] | undefined {
	const list = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? value.split(',') : [];
	if (list.length === 0) return undefined;
	return list.map((status) => check.oneOf(String(status).trim(), INVOICE_STATUSES, 'Status'));
}

function currency(value: unknown, check: InputValidator): string | undefined {
	return isBlank(value) ? undefined : check.currency(value, 'Currency Code');
}

function amount(value: unknown, label: string, check: InputValidator): number | undefined {
	return isBlank(value) ? undefined : check.amount(value, label);
}
