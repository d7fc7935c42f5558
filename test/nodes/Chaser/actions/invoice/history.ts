/** Reminders put into the sandbox's invoice history, with known times, for the history tests. */
import type { Sandbox } from '../../../../helpers/sandbox';

/** `count` reminders for `invoiceId`, a day apart from 1 March 2025 09:00 UTC; every third one an SMS. */
export function addReminders(sandbox: Sandbox, invoiceId: string, count: number, firstDay = 1): void {
	for (let n = 0; n < count; n++) {
		const day = String(firstDay + n).padStart(2, '0');
		sandbox.addHistory(invoiceId, {
			sent_at: `2025-03-${day}T09:00:00.000Z`,
			...(n % 3 === 2 ? { channel: 'sms' } : {}),
		});
	}
}
