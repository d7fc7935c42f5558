/**
 * Multipart bodies (the invoice PDF upload): what the transport hands n8n's HTTP helper, and that every attempt
 * gets a body of its own. The bytes on the wire are checked against the sandbox in
 * test/nodes/Chaser/actions/invoice/uploadPdf.test.ts, through n8n's real engine.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { chaserRequest, configureTransport, resetPacing, resetTransportSettings } from '../../../core/transport';
import type { ChaserFormData } from '../../../core/transport';
import type { Answer } from './fakeContext';
import { fail, fakeContext, ok, thrown } from './fakeContext';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const upload = (formData: ChaserFormData, extra: object = {}) => ({
	method: 'POST' as const,
	path: '/v1/invoices/ext_INV-1/pdf',
	formData,
	...extra,
});
const file = { file: { data: PDF, fileName: 'INV-1.pdf', mimeType: 'application/pdf' } };
const uploaded = { data: { id: 'inv_1', invoice_pdf_link: 'https://chaser.test/files/inv_1.pdf' } };

let slept: number[];
beforeEach(() => {
	resetPacing();
	slept = [];
	configureTransport({
		rateLimit: { requests: 0, windowMs: 0 },
		sleep: async (ms: number) => {
			slept.push(ms);
		},
		random: () => 0.5,
	});
});
afterEach(() => {
	resetPacing();
	resetTransportSettings();
});

const script =
	(...answers: Answer[]) =>
	(_options: unknown, index: number) =>
		answers[Math.min(index, answers.length - 1)];

/** The parts of the FormData a request carried, as name → { text } or { fileName, type, bytes }. */
async function partsOf(options: IHttpRequestOptions) {
	expect(options.body).toBeInstanceOf(FormData);
	const form = options.body as unknown as FormData;
	const parts: Record<string, unknown> = {};
	for (const [name, value] of form.entries()) {
		parts[name] =
			typeof value === 'string'
				? { text: value }
				: { fileName: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
	}
	return parts;
}

describe('chaserRequest with formData', () => {
	it('sends a FormData body with the file part: its name, type and bytes; the answer is read as JSON', async () => {
		const fake = fakeContext(script(ok(uploaded)));
		await expect(chaserRequest(fake.context, upload({ ...file, note: 'first' }))).resolves.toEqual(uploaded);
		expect(fake.sent[0]).toMatchObject({ method: 'POST', url: 'https://chaser.test/v1/invoices/ext_INV-1/pdf', json: true });
		expect(fake.sent[0].headers).toBeUndefined();
		expect(await partsOf(fake.sent[0])).toEqual({
			file: { fileName: 'INV-1.pdf', type: 'application/pdf', bytes: PDF },
			note: { text: 'first' },
		});
	});

	it('a body without formData is unchanged (JSON)', async () => {
		const fake = fakeContext(script(ok(uploaded)));
		await chaserRequest(fake.context, { method: 'PUT', path: '/v1/invoices/ext_INV-1', body: { total: 1 } });
		expect(fake.sent[0].body).toEqual({ total: 1 });
	});

	it('an idempotent upload is retried after a 5xx or a reset, with a new body carrying the whole file each time', async () => {
		const fake = fakeContext(script(fail(500), thrown('ECONNRESET', 'socket hang up'), ok(uploaded)));
		await expect(chaserRequest(fake.context, upload(file, { idempotent: true }))).resolves.toEqual(uploaded);
		expect(fake.calls()).toEqual([
			'POST /v1/invoices/ext_INV-1/pdf',
			'POST /v1/invoices/ext_INV-1/pdf',
			'POST /v1/invoices/ext_INV-1/pdf',
		]);
		expect(slept).toEqual([375, 750]);
		const bodies = fake.sent.map((options) => options.body);
		expect(new Set(bodies).size).toBe(3);
		for (const options of fake.sent) {
			expect(await partsOf(options)).toEqual({ file: { fileName: 'INV-1.pdf', type: 'application/pdf', bytes: PDF } });
		}
	});

	it('a 429 is waited out and the upload sent again with a new body', async () => {
		const fake = fakeContext(script(fail(429, { message: 'rate limit exceeded' }, { 'retry-after': '2' }), ok(uploaded)));
		await expect(chaserRequest(fake.context, upload(file, { idempotent: true }))).resolves.toEqual(uploaded);
		expect(fake.sent).toHaveLength(2);
		expect(fake.sent[0].body).not.toBe(fake.sent[1].body);
	});

	it('a POST not marked idempotent is still not retried after a failure that may have landed', async () => {
		const fake = fakeContext(script(fail(500), ok(uploaded)));
		await expect(chaserRequest(fake.context, upload(file))).rejects.toThrow('HTTP 500');
		expect(fake.sent).toHaveLength(1);
	});

	it('a 400 or 413 is not retried: Chaser refused the file', async () => {
		const fake = fakeContext(
			script(fail(413, { message: 'file is too large: 11000000 bytes (at most 10485760, 10 MiB)', type: 'validation_error' })),
		);
		await expect(chaserRequest(fake.context, upload(file, { idempotent: true }))).rejects.toThrow(
			'Chaser rejected the request: file is too large: 11000000 bytes (at most 10485760, 10 MiB)',
		);
		expect(fake.sent).toHaveLength(1);
	});
});
