import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { pick } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { simplifyField } from '../common.descriptions';
import { INVOICE_SUMMARY_FIELDS, invoiceLocator, invoiceNotFound, invoiceRef } from './fields';

const properties: INodeProperties[] = [invoiceLocator, simplifyField];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = invoiceRef(this, itemIndex, check);
		const envelope = await chaserRequest(this, {
			method: 'GET',
			path: `/v1/invoices/${ref.segment}`,
			itemIndex,
			notFoundMessage: invoiceNotFound(ref),
		});
		const invoice = envelope.data as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplify ? pick(invoice, INVOICE_SUMMARY_FIELDS) : invoice;
	});
}
