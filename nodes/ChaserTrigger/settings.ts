import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InputValidator } from '../../core/validation';
import type { ChaserEvent, EventName } from './events';
import { EVENTS } from './events';

export const DEFAULT_LOOK_BACK_DAYS = 7;

/** What the user chose, validated: together it decides which records an event covers. */
export interface TriggerSettings {
	event: ChaserEvent;
	/** Invoice Overdue: how many days past its due date an invoice must be. */
	daysOverdue: number;
	/** How far before the last poll each poll reads again, for records that reach Chaser late. */
	lookBackDays: number;
	customerExternalId?: string;
	currencyCode?: string;
	minimumAmount?: number;
	/** The workflow's time zone: it decides what "today" is. */
	timeZone: string;
}

/** Changing the event or what it covers starts the trigger again from now, as a new activation would. */
export function settingsKey(settings: TriggerSettings): string {
	const { event, daysOverdue, lookBackDays, customerExternalId, currencyCode, minimumAmount, timeZone } = settings;
	return JSON.stringify([
		event.name,
		event.name === 'invoiceOverdue' ? daysOverdue : null,
		lookBackDays,
		customerExternalId ?? null,
		currencyCode ?? null,
		minimumAmount ?? null,
		timeZone,
	]);
}

/** Settings errors name the field; a trigger has no items, so there is no item number to add. */
class SettingsValidator extends InputValidator {
	private readonly triggerNode: INode;

	constructor(context: IPollFunctions) {
		super(context, 0);
		this.triggerNode = context.getNode();
	}

	fail(message: string, description?: string): never {
		throw new NodeOperationError(this.triggerNode, message, { description });
	}

	wholeDays(value: unknown, label: string): number {
		const days = this.amount(value, label, { min: 0 });
		if (!Number.isInteger(days)) this.fail(`"${label}" must be a whole number of days, got ${days}`);
		return days;
	}
}

/** Reads and checks the node's settings before any request is sent. */
export function readSettings(context: IPollFunctions): TriggerSettings {
	const check = new SettingsValidator(context);
	const eventName = context.getNodeParameter('event') as EventName;
	const event = EVENTS[eventName] ?? check.fail(`"Event" must be one of ${Object.keys(EVENTS).join(', ')}, got "${eventName}"`);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const set = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== '';
	const customer = context.getNodeParameter('customer', '', { extractValue: true });
	const minimumAmount = set(options.minimumAmount) ? check.amount(options.minimumAmount, 'Minimum Amount', { min: 0 }) : 0;
	return {
		event,
		daysOverdue:
			event.name === 'invoiceOverdue' ? check.wholeDays(context.getNodeParameter('daysOverdue', 0), 'Days Overdue') : 0,
		lookBackDays: set(options.lookBackDays)
			? check.wholeDays(options.lookBackDays, 'Look Back (Days)')
			: DEFAULT_LOOK_BACK_DAYS,
		customerExternalId: set(customer) ? check.requiredText(customer, 'Customer') : undefined,
		currencyCode: set(options.currencyCode) ? check.currency(options.currencyCode, 'Currency Code') : undefined,
		minimumAmount: minimumAmount > 0 ? minimumAmount : undefined,
		timeZone: context.getTimezone(),
	};
}
