import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, simplifyField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { invoice } from '../../../../core/registry';
import { filterQuery } from '../../../../core/transport';
import { InputValidator, isBlank } from '../../../../core/validation';
import {
	currencyCondition,
	customerCondition,
	dateConditions,
	getRecords,
	statusCondition,
} from '../../helpers/operations';
import { currencyFilter, customerFilter, dateRangeFilters, exactTextFilter, filtersField, returnAllOrLimit, statusFilter } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	filtersField([
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
		currencyFilter,
		customerFilter(invoice),
		...dateRangeFilters(invoice, 'issued'),
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
		exactTextFilter({
			label: 'Invoice Number',
			name: 'invoice_number',
			placeholder: 'e.g. INV-1042',
			help: 'The whole invoice number, exactly as printed on the invoice: "INV-10" does not find INV-1042',
		}),
		statusFilter(invoice),
	]),
	simplifyField,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs = filterQuery([
			statusCondition(filters.status, invoice, check),
			customerCondition(filters.customer_external_id, check),
			{ field: 'invoice_number', operator: 'eq', value: check.text(filters.invoice_number, 'Invoice Number') },
			currencyCondition(filters.currency_code, check),
			...dateConditions('date', filters.date_from, filters.date_to, { from: 'Date From', to: 'Date To' }, check),
			...dateConditions(
				'due_date',
				filters.due_date_from,
				filters.due_date_to,
				{ from: 'Due Date From', to: 'Due Date To' },
				check,
			),
			{ field: 'amount_due', operator: 'gte', value: amount(filters.amount_due_min, 'Amount Due Min', check) },
			{ field: 'amount_due', operator: 'lte', value: amount(filters.amount_due_max, 'Amount Due Max', check) },
		]);
		return await getRecords(this, itemIndex, { path: invoice.path, qs }, invoice.summary);
	});
}

function amount(value: unknown, label: string, check: InputValidator): number | undefined {
	return isBlank(value) ? undefined : check.amount(value, label);
}
