import { organisation } from '../../../../core/registry';
import { resourceDescription } from '../resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as sync from './sync.operation';

export const resource = organisation;
export const operations = { get, getAll, sync };
export const description = resourceDescription(resource, operations, {
	get: { name: 'Get', description: 'Get the organisation the API key belongs to', action: 'Get an organisation' },
	getAll: { name: 'Get Many', description: 'Get many organisations the API key can see', action: 'Get many organisations' },
	sync: {
		name: 'Sync',
		description: 'Ask Chaser to recalculate balances, overdue amounts and next chases',
		action: 'Sync an organisation',
	},
});
