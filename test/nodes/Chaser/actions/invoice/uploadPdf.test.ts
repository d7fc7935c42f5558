import type { Sandbox } from '../../../../helpers/sandbox';
import { useSandbox } from '../../../../helpers/sandbox';
import { pdf, runWithFiles } from './binaryInput';
import { addCustomer, addInvoice, invoiceIn } from './fixtures';

const uploadPdf = (value = '={{ $json.id }}', extra: object = {}) => ({
	resource: 'invoice',
	operation: 'uploadPdf',
	invoice: { __rl: true, mode: 'externalId', value },
	...extra,
});

const MiB = 1024 * 1024;

/** The file name the sandbox stored with an invoice's PDF (by Chaser's ID). */
function pdfName(sandbox: Sandbox, id: string): string | undefined {
	return (sandbox.store.invoicePdfs as Map<string, { filename: string }>).get(id)?.filename;
}

describe('invoice: uploadPdf', () => {
	const chaser = useSandbox();
	beforeEach(() => {
		addCustomer(chaser.sandbox, 'CUST-1', 'Acme Trading Ltd');
		addInvoice(chaser.sandbox, 'INV-1');
		addInvoice(chaser.sandbox, 'INV/2 A', { invoice_number: 'N-2' });
		chaser.sandbox.clearLog();
	});

	it('uploads the PDF of the binary field "data" as the multipart part file, and outputs the invoice with its PDF link', async () => {
		const file = pdf('one');
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf(),
			items: [{ json: { id: 'INV-1' }, binary: { data: { bytes: file, mimeType: 'application/pdf', fileName: 'INV-1 March.pdf' } } }],
		});
		expect(result.error).toBeUndefined();
		const stored = invoiceIn(chaser.sandbox, 'INV-1');
		expect(chaser.calls()).toEqual(['POST /v1/invoices/ext_INV-1/pdf']);
		expect(chaser.sandbox.invoicePdf('INV-1')).toEqual(file);
		expect(pdfName(chaser.sandbox, stored.id)).toBe('INV-1 March.pdf');
		expect(result.success).toHaveLength(1);
		expect(result.success[0].pairedItem).toEqual({ item: 0 });
		expect(result.success[0].json).toEqual({
			id: stored.id,
			invoice_id: 'INV-1',
			invoice_number: 'N-INV-1',
			customer_external_id: 'CUST-1',
			customer_name: 'Acme Trading Ltd',
			status: 'AUTHORISED',
			currency_code: 'GBP',
			amount_due: 1000,
			invoice_pdf_link: `${chaser.sandbox.url}/files/invoices/${stored.id}.pdf`,
			invoice_pdf_link_updated_at: stored.invoice_pdf_link_updated_at,
		});
		expect(result.success[0].json.invoice_pdf_link_updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		// The link serves what was uploaded.
		const served = await fetch(String(result.success[0].json.invoice_pdf_link));
		expect(Buffer.from(await served.arrayBuffer())).toEqual(file);
	});

	it('outputs the whole invoice with Simplify off; takes another binary field, Chaser ID and a File Name option', async () => {
		const stored = invoiceIn(chaser.sandbox, 'INV/2 A');
		const result = await runWithFiles(chaser, {
			parameters: {
				...uploadPdf(),
				invoice: { __rl: true, mode: 'id', value: stored.id },
				binaryPropertyName: 'attachment_0',
				simplify: false,
				options: { fileName: '={{ $json.number }}.pdf' },
			},
			items: [{ json: { number: 'N-2' }, binary: { attachment_0: { bytes: pdf('two'), mimeType: 'application/pdf', fileName: 'scan.pdf' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual([`POST /v1/invoices/${stored.id}/pdf`]);
		expect(pdfName(chaser.sandbox, stored.id)).toBe('N-2.pdf');
		expect(result.success[0].json).toMatchObject({ invoice_id: 'INV/2 A', sub_total: 833.33, payments: [], total: 1000 });
		expect(result.success[0].json.invoice_pdf_link).toContain(`/files/invoices/${stored.id}.pdf`);
	});

	it('names a file without a name after the invoice, and sends an untyped file (octet-stream or none) that is a PDF as application/pdf', async () => {
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf(),
			items: [
				{ json: { id: 'INV/2 A' }, binary: { data: { bytes: pdf(), mimeType: 'application/pdf' } } },
				{ json: { id: 'INV-1' }, binary: { data: { bytes: pdf(), mimeType: 'application/octet-stream', fileName: 'download' } } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(['POST /v1/invoices/ext_INV%2F2%20A/pdf', 'POST /v1/invoices/ext_INV-1/pdf']);
		expect(pdfName(chaser.sandbox, invoiceIn(chaser.sandbox, 'INV/2 A').id)).toBe('INV/2 A.pdf');
		expect(pdfName(chaser.sandbox, invoiceIn(chaser.sandbox, 'INV-1').id)).toBe('download');
	});

	it('a new upload replaces the PDF', async () => {
		for (const text of ['first', 'second']) {
			const result = await runWithFiles(chaser, {
				parameters: uploadPdf(),
				items: [{ json: { id: 'INV-1' }, binary: { data: { bytes: pdf(text), mimeType: 'application/pdf', fileName: `${text}.pdf` } } }],
			});
			expect(result.error).toBeUndefined();
		}
		expect(chaser.sandbox.invoicePdf('INV-1')).toEqual(pdf('second'));
	});

	describe('refuses a bad file before any request, naming the item', () => {
		const refused: Array<[string, object, string]> = [
			['no binary data at all', {}, "This operation expects the node's input data to contain a binary file 'data', but none was found [item 0]"],
			[
				'no such binary field',
				{ binary: { other: { bytes: pdf(), mimeType: 'application/pdf', fileName: 'a.pdf' } } },
				"The item has no binary field 'data' [item 0]",
			],
			[
				'another MIME type',
				{ binary: { data: { bytes: Buffer.from('hello'), mimeType: 'text/plain', fileName: 'notes.txt' } } },
				`The file in "Input Binary Field" 'data' (notes.txt) is text/plain, not a PDF [item 0]`,
			],
			[
				'a PDF type on content that is not a PDF',
				{ binary: { data: { bytes: Buffer.from('<html>Not found</html>'), mimeType: 'application/pdf', fileName: 'invoice.pdf' } } },
				`The file in "Input Binary Field" 'data' (invoice.pdf) is not a PDF: its content does not start with %PDF- [item 0]`,
			],
			[
				'untyped content that is not a PDF',
				{ binary: { data: { bytes: Buffer.from('PK\u0003\u0004'), fileName: 'invoice.zip' } } },
				`The file in "Input Binary Field" 'data' (invoice.zip) is not a PDF: its content does not start with %PDF- [item 0]`,
			],
			[
				'an empty file',
				{ binary: { data: { bytes: Buffer.alloc(0), mimeType: 'application/pdf', fileName: 'empty.pdf' } } },
				`The file in "Input Binary Field" 'data' (empty.pdf) is not a PDF: its content does not start with %PDF- (it is empty) [item 0]`,
			],
			[
				'a PDF over 10 MiB',
				{ binary: { data: { bytes: Buffer.concat([pdf(), Buffer.alloc(10 * MiB)]), mimeType: 'application/pdf', fileName: 'big.pdf' } } },
				`The file in "Input Binary Field" 'data' (big.pdf) is 10.0 MiB; a PDF for Chaser may be at most 10 MiB (10485760 bytes) [item 0]`,
			],
		];

		it.each(refused)('%s', async (_label, item, message) => {
			const result = await runWithFiles(chaser, { parameters: uploadPdf(), items: [{ json: { id: 'INV-1' }, ...item }] });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toBe(message);
			expect(chaser.calls()).toEqual([]);
		});

		it('an empty Input Binary Field or invoice', async () => {
			const noField = await runWithFiles(chaser, {
				parameters: uploadPdf('INV-1', { binaryPropertyName: ' ' }),
				items: [{ binary: { data: { bytes: pdf(), mimeType: 'application/pdf' } } }],
			});
			expect(noField.error?.message).toBe('"Input Binary Field" is required [item 0]');
			const noInvoice = await runWithFiles(chaser, {
				parameters: uploadPdf(),
				items: [{ json: { id: '  ' }, binary: { data: { bytes: pdf(), mimeType: 'application/pdf' } } }],
			});
			expect(noInvoice.error?.message).toBe('"Invoice" is required [item 0]');
			expect(chaser.calls()).toEqual([]);
		});

		it('says what to do', async () => {
			const result = await runWithFiles(chaser, {
				parameters: uploadPdf(),
				items: [{ json: { id: 'INV-1' }, binary: { data: { bytes: Buffer.from('x'), mimeType: 'image/png', fileName: 'a.png' } } }],
			});
			expect(result.error?.description).toContain('application/pdf');
		});
	});

	it('says which invoice does not exist', async () => {
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf('INV-404'),
			items: [{ binary: { data: { bytes: pdf(), mimeType: 'application/pdf', fileName: 'a.pdf' } } }],
		});
		expect(result.error?.message).toBe("No invoice with invoice ID 'INV-404' exists in Chaser");
		expect(chaser.calls()).toEqual(['POST /v1/invoices/ext_INV-404/pdf']);
	});

	it('retries after a 5xx or a dropped connection, sending the whole file again', async () => {
		chaser.sandbox.injectFault({ type: '500', method: 'POST', path: '/v1/invoices/ext_INV-1/pdf', count: 1 });
		chaser.sandbox.injectFault({ type: 'reset', method: 'POST', path: '/v1/invoices/ext_INV-1/pdf', count: 1 });
		const file = pdf('retried');
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf(),
			items: [{ json: { id: 'INV-1' }, binary: { data: { bytes: file, mimeType: 'application/pdf', fileName: 'r.pdf' } } }],
		});
		expect(result.error).toBeUndefined();
		expect(chaser.calls()).toEqual(Array(3).fill('POST /v1/invoices/ext_INV-1/pdf'));
		expect(chaser.sandbox.invoicePdf('INV-1')).toEqual(file);
		expect(result.success[0].json.invoice_pdf_link).toBeTruthy();
	});

	it('continues past bad items when set to, one paired item each, the good ones uploaded', async () => {
		const good = { bytes: pdf(), mimeType: 'application/pdf', fileName: 'ok.pdf' };
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf(),
			onError: 'continueRegularOutput',
			items: [
				{ json: { id: 'INV-1' }, binary: { data: good } },
				{ json: { id: 'INV-404' }, binary: { data: good } },
				{ json: { id: 'INV-1' }, binary: { data: { bytes: Buffer.from('hello'), mimeType: 'text/plain', fileName: 'n.txt' } } },
				{ json: { id: 'INV-1' } },
				{ json: { id: 'INV/2 A' }, binary: { data: good } },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((item) => [item.json.invoice_id ?? item.json.error, item.pairedItem])).toEqual([
			['INV-1', { item: 0 }],
			["No invoice with invoice ID 'INV-404' exists in Chaser", { item: 1 }],
			[`The file in "Input Binary Field" 'data' (n.txt) is text/plain, not a PDF [item 2]`, { item: 2 }],
			["This operation expects the node's input data to contain a binary file 'data', but none was found [item 3]", { item: 3 }],
			['INV/2 A', { item: 4 }],
		]);
		expect(chaser.calls()).toEqual([
			'POST /v1/invoices/ext_INV-1/pdf',
			'POST /v1/invoices/ext_INV-404/pdf',
			'POST /v1/invoices/ext_INV%2F2%20A/pdf',
		]);
	});

	it('sends bad items to the error output with Continue (using error output)', async () => {
		const result = await runWithFiles(chaser, {
			parameters: uploadPdf(),
			onError: 'continueErrorOutput',
			items: [
				{ json: { id: 'INV-1' }, binary: { data: { bytes: pdf(), mimeType: 'application/pdf', fileName: 'ok.pdf' } } },
				{ json: { id: 'INV-1' }, binary: { data: { bytes: Buffer.from('x'), mimeType: 'image/png', fileName: 'a.png' } } },
			],
		});
		expect(result.success.map((item) => item.json.invoice_id)).toEqual(['INV-1']);
		expect(result.errorOutput).toHaveLength(1);
		expect(result.errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(chaser.calls()).toEqual(['POST /v1/invoices/ext_INV-1/pdf']);
	});
});
