import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsField } from './actions/common.descriptions';
import * as contactPerson from './actions/contactPerson';
import * as creditNote from './actions/creditNote';
import * as customer from './actions/customer';
import * as invoice from './actions/invoice';
import * as organisation from './actions/organisation';
import * as overpayment from './actions/overpayment';
import { router } from './actions/router';
import {
	searchContactPersons,
	searchCreditNotes,
	searchCustomers,
	searchInvoices,
	searchOverpayments,
} from './methods/listSearch';

export class Chaser implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chaser',
		name: 'chaser',
		icon: { light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, invoices, payments and credit notes in Chaser, the accounts receivable platform',
		defaults: { name: 'Chaser' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chaserApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact Person', value: 'contactPerson' },
					{ name: 'Credit Note', value: 'creditNote' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Organisation', value: 'organisation' },
					{ name: 'Overpayment', value: 'overpayment' },
				],
				default: 'customer',
			},
			...contactPerson.description,
			...creditNote.description,
			...customer.description,
			...invoice.description,
			...organisation.description,
			...overpayment.description,
			requestOptionsField,
		],
	};

	methods = {
		listSearch: { searchContactPersons, searchCreditNotes, searchCustomers, searchInvoices, searchOverpayments },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
