import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invoice } from '../../../../core/registry';
import type { InputValidator } from '../../../../core/validation';
import { readNewRecord, readUpdateFields } from '../input';
import { checkGivenAmounts, checkInvoiceAmounts, withPaidDate } from './amounts';

/** An invoice as Create and Create or Update read it, its amounts passed through `amounts` (see amounts.ts). */
export async function readNewInvoice(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
	amounts: (fields: IDataObject) => IDataObject,
): Promise<{ key: string; body: IDataObject }> {
	return await readNewRecord(context, itemIndex, check, invoice, amounts);
}

/** Create or Update before the stored invoice is known: what can be checked on the item alone. */
export async function readInvoiceEntry(
	context: IExecuteFunctions,
	itemIndex: number,
	check: InputValidator,
): Promise<{ key: string; body: IDataObject }> {
	return await readNewInvoice(context, itemIndex, check, (fields) => checkGivenAmounts(fields, check));
}

/** Update Fields, the amounts checked against each other, and the paid date that goes with the status. */
export function readInvoiceUpdate(context: IExecuteFunctions, itemIndex: number, check: InputValidator): IDataObject {
	return withPaidDate(checkInvoiceAmounts(readUpdateFields(context, itemIndex, check, invoice), check), undefined, check, false);
}
