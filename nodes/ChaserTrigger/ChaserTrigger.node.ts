import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { currencyCodeField, customerReference, optionsField, simplifyField } from '../../core/fields';
import { searchCustomers } from '../../core/pickers';
import { CREDENTIAL_TEST, credentialTestMethod } from '../../core/transport';
import { EVENTS } from './events';
import { pollChaser } from './poll';
import { DEFAULT_LOOK_BACK_DAYS } from './settings';

/** The canvas subtitle: the event's name as the Event field shows it ("Invoice Paid"), not its value. */
const subtitle = `={{ ${Object.values(EVENTS)
	.map(({ name, displayName }) => `$parameter["event"] === "${name}" ? "${displayName}" : `)
	.join('')}$parameter["event"] }}`;

const customer = customerReference({ description: "Only this customer's records. Leave empty for every customer." });

export class ChaserTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chaser Trigger',
		name: 'chaserTrigger',
		icon: { light: 'file:chaser.svg', dark: 'file:chaser.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle,
		description: 'Starts the workflow when an invoice is paid, falls overdue or is issued, or a credit note or overpayment arrives in Chaser',
		defaults: { name: 'Chaser Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chaserApi', required: true, testedBy: 'chaserApiTest' }],
		properties: [
			{
				displayName:
					'Chaser has no webhooks: this trigger asks Chaser at the Poll Times above and starts the workflow with one item per record that matched since the last check. It starts from the moment the workflow is activated and does not replay older records. Fetch Test Event shows the latest matching record.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'invoicePaid',
				options: Object.values(EVENTS)
					.map(({ displayName, name, description }) => ({ name: displayName, value: name, description }))
					.sort((a, b) => a.name.localeCompare(b.name)),
				description: 'What in Chaser starts the workflow',
			},
			{
				displayName: 'Days Overdue',
				name: 'daysOverdue',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				displayOptions: { show: { event: ['invoiceOverdue'] } },
				description:
					"Fire once the invoice is more than this many days past its due date, counted in the workflow's time zone. 0 fires the day after the due date; 7 fires on the 8th day after it (due 1 March: 9 March). An invoice fires again if it is paid and reopened, or its due date is moved and passes again.",
			},
			{
				displayName:
					'Invoice Issued goes by the issue date. An invoice dated up to "Look Back (Days)" before the last check fires when it reaches Chaser; importing older invoices (a back-dated import of past years) does not fire. A draft fires once it is authorised.',
				name: 'invoiceIssuedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['invoiceIssued'] } },
			},
			customer,
			simplifyField,
			optionsField([
				currencyCodeField({ name: 'currencyCode', description: 'Only records in this currency (ISO 4217 code)' }),
				{
					displayName: 'Look Back (Days)',
					name: 'lookBackDays',
					type: 'number',
					default: DEFAULT_LOOK_BACK_DAYS,
					typeOptions: { minValue: 0 },
					description:
						'Records often reach Chaser days after their date: a payment booked on Monday for Friday, an invoice entered late. Each check reads this many days further back than the last one and remembers what it already reported, so late records still fire and nothing fires twice. More days catch later entries but read more records on each check.',
				},
				{
					displayName: 'Minimum Amount',
					name: 'minimumAmount',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					description:
						'Only records of at least this amount: the total of a paid or issued invoice, credit note or overpayment; what is still due on an overdue invoice. 0 for every amount.',
				},
			]),
		],
	};

	methods = { listSearch: { searchCustomers }, credentialTest: { [CREDENTIAL_TEST]: credentialTestMethod } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChaser.call(this);
	}
}
