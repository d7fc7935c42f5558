import { displayMoney } from '../money';
import { statusLabel } from './resource';

/** Pieces of a picker's label, shared by the resources' `picker.label`. */

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** Parts of a label, skipping empty ones. */
export function joined(...parts: string[]): string {
	return parts.filter((part) => part !== '').join(' · ');
}

/** " [Voided]" for a status a person should notice, right after the record's name (long labels are cut at the end). */
export function statusMark(status: unknown, usual: string[]): string {
	const value = text(status).toUpperCase();
	if (value === '' || usual.includes(value)) return '';
	return ` [${statusLabel(value)}]`;
}

/** "GBP 1,234.50", with the currency's own decimals. */
export const money = displayMoney;

/** The calendar date of an ISO date-time. */
export function day(value: unknown): string {
	return text(value).slice(0, 10);
}
