/** A file sent in a multipart/form-data body (see `ChaserRequest.formData`). */
export interface ChaserFile {
	data: Uint8Array;
	fileName: string;
	mimeType: string;
}

/** The parts of a multipart/form-data body, by name: text fields and files. */
export type ChaserFormData = Record<string, string | ChaserFile>;

/**
 * A new FormData (Node's own, which n8n's HTTP helpers send as multipart/form-data with a boundary) for one
 * attempt. A body is built per attempt, never reused: a retry sends the whole file again.
 */
export function toFormData(parts: ChaserFormData): FormData {
	const form = new FormData();
	for (const [name, part] of Object.entries(parts)) {
		if (typeof part === 'string') form.append(name, part);
		else form.append(name, new Blob([new Uint8Array(part.data)], { type: part.mimeType }), part.fileName);
	}
	return form;
}
