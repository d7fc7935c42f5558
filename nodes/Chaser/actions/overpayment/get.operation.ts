import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../helpers/items';
import { pick } from '../../helpers/simplify';
import { InputValidator } from '../../helpers/validation';
import { chaserRequest } from '../../transport';
import { simplifyField } from '../common.descriptions';
import { creditNotFound, creditPath, readCreditId } from '../credit';
import { OVERPAYMENT, OVERPAYMENT_SUMMARY_FIELDS, overpaymentIdField } from './fields';

const properties: INodeProperties[] = [
	{ ...overpaymentIdField, description: "The overpayment's ID in your own system (its overpayment_id in Chaser)" },
	simplifyField,
];

export const description = updateDisplayOptions({ show: { resource: ['overpayment'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const id = readCreditId(this, itemIndex, check, OVERPAYMENT);
		const envelope = await chaserRequest(this, {
			method: 'GET',
			path: creditPath(OVERPAYMENT, id),
			itemIndex,
			notFoundMessage: creditNotFound(OVERPAYMENT, id),
		});
		const overpayment = envelope.data as IDataObject;
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return simplify ? pick(overpayment, OVERPAYMENT_SUMMARY_FIELDS) : overpayment;
	});
}
