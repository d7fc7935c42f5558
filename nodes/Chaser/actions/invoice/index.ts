import { invoice } from '../../../../core/registry';
import { resourceDescription } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getHistory from './getHistory.operation';
import * as getManyHistory from './getManyHistory.operation';
import * as recordPayment from './recordPayment.operation';
import * as update from './update.operation';
import * as uploadPdf from './uploadPdf.operation';
import * as upsert from './upsert.operation';

export const resource = invoice;
export const operations = { create, get, getAll, getHistory, getManyHistory, recordPayment, update, uploadPdf, upsert };
export const description = resourceDescription(resource, operations, {
	recordPayment: {
		name: 'Record Payment',
		description: 'Add a payment to an invoice and lower its amount due, marking it paid when settled',
		action: 'Record a payment on an invoice',
	},
	getHistory: {
		name: 'Get History',
		description: 'Get the reminders Chaser sent for an invoice: channel, template, recipient, time and status',
		action: 'Get the history of an invoice',
	},
	getManyHistory: {
		name: 'Get Many History',
		description: 'Get the reminders Chaser sent across invoices, filtered by customer, invoice ID or invoice number',
		action: 'Get the history of many invoices',
	},
	uploadPdf: {
		name: 'Upload PDF',
		description: "Upload an invoice's PDF from a binary field, replacing any earlier one",
		action: 'Upload the PDF of an invoice',
	},
});
