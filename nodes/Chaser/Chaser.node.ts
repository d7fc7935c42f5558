import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../../core/pickers';
import { CREDENTIAL_TEST, credentialTestMethod } from '../../core/transport';
import { resourceDescriptions, resourceField } from './actions';
import { router } from './actions/router';

export class Chaser implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chaser',
		name: 'chaser',
		icon: { light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage customers, invoices, payments and credit notes in Chaser, the accounts receivable platform',
		defaults: { name: 'Chaser' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chaserApi', required: true, testedBy: 'chaserApiTest' }],
		properties: [resourceField, ...resourceDescriptions],
	};

	methods = { listSearch, credentialTest: { [CREDENTIAL_TEST]: credentialTestMethod } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
