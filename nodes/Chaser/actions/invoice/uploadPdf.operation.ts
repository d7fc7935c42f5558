import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsField, recordLocator, simplifyField } from '../../../../core/fields';
import { forEachItem } from '../../../../core/items';
import type { RecordRef } from '../../../../core/records';
import { recordNotFound, recordPath, recordRef } from '../../../../core/records';
import { invoice } from '../../../../core/registry';
import { invoicePdf } from '../../../../core/registry/invoice';
import { chaserRequest } from '../../../../core/transport';
import { InputValidator } from '../../../../core/validation';
import { simplifiedRecord } from '../../helpers/operations';

const MAX_MIB = invoicePdf.maxBytes / (1024 * 1024);

const properties: INodeProperties[] = [
	recordLocator(invoice, {
		description:
			'The invoice the PDF belongs to; it must already be in Chaser (create it first, e.g. with Create or Update). "Your ID" is its invoice ID from your own system (invoice_id in Chaser), not the invoice number; "By ID" is the ID Chaser gave it.',
	}),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description: `The binary field of the input item that holds the invoice PDF, as Read/Write Files from Disk, HTTP Request, an email trigger's attachments or Convert to File put it there. It must be a PDF (MIME type application/pdf, or a file with no particular type whose content is a PDF: starting with %PDF-) of at most ${MAX_MIB} MiB; anything else fails the item before any request. Chaser keeps one PDF per invoice: a new upload replaces the previous one.`,
	},
	simplifyField,
	optionsField([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. INV-1042.pdf',
			description:
				"The file name Chaser is given for the PDF. Empty: the binary file's own name, or the invoice's ID plus .pdf when it has none.",
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['invoice'], operation: ['uploadPdf'] } }, properties);

/**
 * Uploads each item's PDF to its invoice: `POST /v1/invoices/{invoice}/pdf`, multipart, the file as the part
 * `file`. The file is checked first (there, a PDF by its MIME type and content, small enough), so a wrong file
 * fails its item without a request. Outputs the invoice Chaser returns, with `invoice_pdf_link` and
 * `invoice_pdf_link_updated_at`.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const ref = recordRef(this, itemIndex, check, invoice);
		const field = check.requiredText(this.getNodeParameter('binaryPropertyName', itemIndex), 'Input Binary Field');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const file = await readPdf(this, itemIndex, field, check);
		const fileName = check.text(options.fileName, 'File Name') ?? file.binary.fileName ?? `${ownName(ref)}.pdf`;

		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: `${recordPath(invoice, ref)}${invoicePdf.pathSuffix}`,
			formData: { [invoicePdf.part]: { data: file.bytes, fileName, mimeType: invoicePdf.mimeType } },
			// A new upload replaces the file, so sending it again cannot duplicate anything.
			idempotent: true,
			itemIndex,
			notFoundMessage: recordNotFound(invoice, ref),
		});
		return simplifiedRecord(this, itemIndex, envelope.data as IDataObject, invoicePdf.summary);
	});
}

/** MIME types that say nothing about what a file is: its content decides. */
const UNTYPED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const PDF_TYPES = new Set([invoicePdf.mimeType, 'application/x-pdf']);

/**
 * The PDF in the item's binary field `field`, checked before anything is sent: present (n8n's own check and
 * message), declared as a PDF or as untyped bytes, not over the size limit, and starting with `%PDF-`.
 */
async function readPdf(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	check: InputValidator,
): Promise<{ binary: IBinaryData; bytes: Buffer }> {
	const binary = context.helpers.assertBinaryData(itemIndex, field);
	const what = `The file in "Input Binary Field" '${field}'${binary.fileName ? ` (${binary.fileName})` : ''}`;
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (!PDF_TYPES.has(mimeType) && !UNTYPED.has(mimeType)) {
		check.fail(
			`${what} is ${mimeType}, not a PDF`,
			"Upload PDF sends the invoice's PDF only (application/pdf). Check that the field holds the PDF; if it is one whose MIME type was lost on the way, set the MIME Type to application/pdf where the file is made (e.g. in Convert to File's options).",
		);
	}
	const tooLarge = (bytes: number) =>
		check.fail(
			`${what} is ${(bytes / (1024 * 1024)).toFixed(1)} MiB; a PDF for Chaser may be at most ${MAX_MIB} MiB (${invoicePdf.maxBytes} bytes)`,
			'Make the PDF smaller (e.g. lower the resolution of its images) and upload it again.',
		);
	if (typeof binary.bytes === 'number' && binary.bytes > invoicePdf.maxBytes) tooLarge(binary.bytes);
	const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, field);
	if (bytes.length > invoicePdf.maxBytes) tooLarge(bytes.length);
	if (!bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
		check.fail(
			`${what} is not a PDF: its content does not start with %PDF-${bytes.length === 0 ? ' (it is empty)' : ''}`,
			'The file may be damaged, or be another kind of file with a PDF name or type. Check what the earlier node put in this field (a base64 text must be converted with Convert to File, "Move Base64 String to File").',
		);
	}
	return { binary, bytes };
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** The invoice's ID as the item gave it, for a file name. */
function ownName(ref: RecordRef): string {
	return ref.ownId ?? decodeURIComponent(ref.segment);
}
