/**
 * Runs Input → Chaser through n8n's real engine (as test/helpers/engine.ts does) with input items that carry
 * binary files, as Read Files, HTTP Request or Convert to File would hand them on. The input node stores each
 * file with n8n's own `prepareBinaryData`, so the Chaser node reads it through n8n's binary helpers.
 */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ChaserApi } from '../../../../../credentials/ChaserApi.credentials';
import { Chaser } from '../../../../../nodes/Chaser/Chaser.node';
import type { RunOptions, RunResult } from '../../../../helpers/engine';
import type { SandboxHandle } from '../../../../helpers/sandbox';
import { createEngine } from '../../../../../tooling/engine';

/** A file in an input item's binary field; `mimeType` and `fileName` as the earlier node set them (or not). */
export interface InputFile {
	bytes: Buffer;
	mimeType?: string;
	fileName?: string;
}

export interface FileItem {
	json?: IDataObject;
	binary?: Record<string, InputFile>;
}

let pending: FileItem[] = [];

/** Emits `pending`, each file stored through n8n's prepareBinaryData (what file-producing nodes call). */
class FileInput {
	description: INodeTypeDescription = {
		displayName: 'File Input',
		name: 'fileInput',
		group: ['input'],
		version: 1,
		description: 'Emits items with binary files',
		defaults: { name: 'File Input' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items: INodeExecutionData[] = [];
		for (const item of pending) {
			const binary: IBinaryKeyData = {};
			for (const [field, file] of Object.entries(item.binary ?? {})) {
				binary[field] = await this.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType);
				// What a node that knows no type or name leaves (n8n would guess them from the name and content).
				if (file.mimeType === undefined) binary[field].mimeType = '';
				if (file.fileName === undefined) delete binary[field].fileName;
			}
			items.push({ json: item.json ?? {}, ...(item.binary ? { binary } : {}) });
		}
		return [items];
	}
}

const engine = createEngine({
	Node: Chaser,
	Credential: ChaserApi,
	extraNodeTypes: { 'engine.input': new FileInput() satisfies INodeType },
	label: 'files',
});

/** Runs the Chaser node on `items` (with their files) against the handle's sandbox. */
export async function runWithFiles(
	chaser: SandboxHandle,
	options: Omit<RunOptions, 'credentials' | 'items'> & { items: FileItem[] },
): Promise<RunResult> {
	pending = options.items;
	try {
		return await engine.runChaser({ ...options, items: options.items.map(() => ({})), credentials: chaser.credentials });
	} finally {
		pending = [];
	}
}

/** A small, well-formed PDF. */
export function pdf(text = 'Invoice'): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
	);
}
