import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { forEachItem } from '../../../../core/items';
import { InputValidator } from '../../../../core/validation';
import { SYNC_PATH } from '../../../../core/registry';
import { chaserRequest } from '../../../../core/transport';
import { optionsField } from '../../../../core/fields';

const syncTaskOptions = [
	{
		name: 'Calculate Contact Balances',
		value: 'CALCULATE_CONTACT_BALANCES',
		description: "Recalculate each customer's outstanding and overdue balance",
	},
	{
		name: 'Calculate Next Chases',
		value: 'CALCULATE_NEXT_CHASES',
		description: 'Work out which reminders go out next and when, from the current invoices and payments',
	},
	{
		name: 'Calculate Task Reminders',
		value: 'CALCULATE_TASK_REMINDERS',
		description: 'Refresh the reminders for tasks your team has set in Chaser',
	},
	{
		name: 'Calculate Total Revenue',
		value: 'CALCULATE_TOTAL_REVENUE',
		description: 'Recalculate the revenue totals shown in Chaser reports',
	},
	{
		name: 'Update Invoice Instalments',
		value: 'UPDATE_INVOICE_INSTALMENTS',
		description: 'Bring instalment plans up to date with the payments received',
	},
	{
		name: 'Verify Contact Credit Limit',
		value: 'VERIFY_CONTACT_CREDIT_LIMIT',
		description: 'Check each customer against their credit limit with the new balances',
	},
];

const SYNC_TASKS = syncTaskOptions.map((option) => option.value);

const properties: INodeProperties[] = [
	{
		displayName:
			'Chaser allows 5 syncs per hour. Sync once after a batch (for example after pushing payments), not once per item: with many input items, turn on "Execute Once" in the node settings.',
		name: 'syncNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Tasks',
		name: 'tasks',
		type: 'multiOptions',
		options: syncTaskOptions,
		default: [],
		description:
			"What Chaser should recalculate. Chaser updates balances, overdue amounts and next chases only when it syncs, so after pushing invoices or payments run a sync to see them straight away. Leave empty for Chaser's standard sync. Chaser allows 5 syncs per hour.",
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['organisation'], operation: ['sync'] } }, properties);

/**
 * A 429 here is usually the 5-syncs-per-hour limit, which no short wait fixes; wait only long enough
 * to ride out the ordinary per-minute limit, then say what happened.
 */
const SYNC_RATE_LIMIT = {
	maxWaitMs: 60_000,
	message: 'Chaser refused the sync: it allows 5 syncs per hour per organisation',
	description:
		'Wait before syncing again, and sync once per batch rather than once per item (turn on "Execute Once" in the node settings). Chaser also syncs on its own schedule.',
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await forEachItem(this, async (itemIndex) => {
		const check = new InputValidator(this, itemIndex);
		const chosen = this.getNodeParameter('tasks', itemIndex, []) as unknown;
		const tasks = (Array.isArray(chosen) ? chosen : [chosen]).filter((task) => task !== '' && task != null);
		const body: IDataObject =
			tasks.length > 0 ? { tasks: tasks.map((task) => ({ task: check.oneOf(task, SYNC_TASKS, 'Tasks') })) } : {};
		// Not a create: no readBackPath, so a failed sync is retried only when it provably never landed.
		const envelope = await chaserRequest(this, {
			method: 'POST',
			path: SYNC_PATH,
			body,
			itemIndex,
			rateLimit: SYNC_RATE_LIMIT,
		});
		return envelope.data as IDataObject;
	});
}
