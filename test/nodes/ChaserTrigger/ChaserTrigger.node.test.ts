import type { INodeProperties } from 'n8n-workflow';

import { ChaserTrigger } from '../../../nodes/ChaserTrigger/ChaserTrigger.node';

describe('Chaser Trigger: description', () => {
	const { description } = new ChaserTrigger();
	const property = (name: string) => description.properties.find((candidate) => candidate.name === name) as INodeProperties;

	it('is a polling trigger on the Chaser API credential, not an AI tool', () => {
		expect(description).toMatchObject({ name: 'chaserTrigger', group: ['trigger'], polling: true, inputs: [] });
		expect(description.credentials).toEqual([{ name: 'chaserApi', required: true, testedBy: 'chaserApiTest' }]);
		expect(description.usableAsTool).toBeUndefined();
	});

	it('lists the five events alphabetically, Invoice Paid by default', () => {
		const event = property('event');
		expect(event.default).toBe('invoicePaid');
		expect(event.options!.map((option) => (option as { name: string }).name)).toEqual([
			'Credit Note Issued',
			'Invoice Issued',
			'Invoice Overdue',
			'Invoice Paid',
			'Overpayment Received',
		]);
	});

	it('picks the customer from the list or by external ID, which is what Chaser filters lists by', () => {
		const customer = property('customer');
		expect(customer.required).toBe(false);
		expect(customer.modes!.map((mode) => mode.name)).toEqual(['list', 'externalId']);
	});
});
