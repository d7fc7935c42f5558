import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator, simplifyField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { invoice } from '../../../../core/registry';
import { InputValidator } from '../../../../core/validation';
import { getRecord } from '../../helpers/operations';

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['get'] } }, [
	recordLocator(invoice),
	simplifyField,
	optionsField(),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const ref = recordRef(this, itemIndex, new InputValidator(this, itemIndex), invoice);
		return await getRecord(
			this,
			itemIndex,
			{ path: recordPath(invoice, ref), notFoundMessage: recordNotFound(invoice, ref) },
			invoice.summary,
		);
	});
}
