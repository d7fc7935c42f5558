import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarDate, dateInTimeZone } from './dates';

/** Whether a value counts as not set: nothing, or text that is empty once trimmed (an empty editor field). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Checks on user input, run before any request is sent. Each error names the field as the editor shows it
 * and the item, so a bad row in a 500-item run is easy to find.
 */
export class InputValidator {
	private readonly node: INode;

	/** The workflow's time zone, in which an instant (a JS Date, a UTC date-time) is read as a calendar date. */
	private readonly timeZone: string;

	/** `context`: the node's execute or poll context, for the node (errors) and the workflow's time zone. */
	constructor(
		context: { getNode(): INode; getTimezone(): string },
		readonly itemIndex: number,
	) {
		this.node = context.getNode();
		this.timeZone = context.getTimezone();
	}

	fail(message: string, description?: string): never {
		throw new NodeOperationError(this.node, `${message} [item ${this.itemIndex}]`, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	/**
	 * The one rule for every field Chaser types as text (IDs, numbers, names, phones, emails, address lines,
	 * filter values): a number becomes its decimal text (a phone number from a numeric spreadsheet cell,
	 * 442079460000, is sent as "442079460000"), text is trimmed, and blank counts as not set (undefined).
	 * A value that cannot be text (true, an object or a list) is an error.
	 */
	text(value: unknown, label: string): string | undefined {
		if (isBlank(value)) return undefined;
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		if (typeof value !== 'string') this.fail(`"${label}" must be text, got ${describe(value)}`);
		return (value as string).trim();
	}

	/** Text that must be set (see `text`). */
	requiredText(value: unknown, label: string): string {
		const text = this.text(value, label);
		if (text === undefined) this.fail(`"${label}" is required`);
		return text as string;
	}

	/** A finite number; numeric strings such as "120.50" from a spreadsheet are accepted. */
	amount(value: unknown, label: string, options: { min?: number; positive?: boolean } = {}): number {
		// Plain decimals only: Number() would also read "0x1A" or "1e3", which no ledger means.
		const number = typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number)) {
			this.fail(`"${label}" must be a number, got ${describe(value)}`);
		}
		if (options.positive && (number as number) <= 0) this.fail(`"${label}" must be greater than 0, got ${number}`);
		if (options.min !== undefined && (number as number) < options.min) {
			this.fail(`"${label}" must be at least ${options.min}, got ${number}`);
		}
		return number as number;
	}

	/** An ISO 4217 code that the platform's Intl knows, e.g. GBP. */
	currency(value: unknown, label: string): string {
		const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
		if (!/^[A-Z]{3}$/.test(code) || !isoCurrencies().has(code)) {
			this.fail(`"${label}" must be an ISO 4217 currency code such as GBP, USD or EUR, got ${describe(value)}`);
		}
		return code;
	}

	/**
	 * A calendar date, sent as midnight UTC of that date (`2026-11-26T00:00:00.000Z`), the form Chaser uses.
	 * Which date a value means is decided by `calendarDate` (core/dates.ts).
	 */
	date(value: unknown, label: string): string {
		return `${this.calendarDate(value, label)}T00:00:00.000Z`;
	}

	/** Today in the workflow's time zone, sent as a calendar date (see `date`). */
	today(): string {
		return `${dateInTimeZone(new Date(), this.timeZone)}T00:00:00.000Z`;
	}

	/**
	 * The bounds of a date filter, each optional: from the start of the first day to the end of the last
	 * (an accountant picking "to 31 March" means invoices dated 31 March too). A range that ends before it
	 * starts is an error rather than an empty result.
	 */
	dateRange(from: unknown, to: unknown, labels: { from: string; to: string }): { from?: string; to?: string } {
		const first = isBlank(from) ? undefined : this.calendarDate(from, labels.from);
		const last = isBlank(to) ? undefined : this.calendarDate(to, labels.to);
		if (first !== undefined && last !== undefined && first > last) {
			this.fail(`"${labels.from}" (${first}) must be on or before "${labels.to}" (${last})`);
		}
		return {
			from: first === undefined ? undefined : `${first}T00:00:00.000Z`,
			to: last === undefined ? undefined : `${last}T23:59:59.999Z`,
		};
	}

	oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
		if (typeof value !== 'string' || !allowed.includes(value as T)) {
			this.fail(`"${label}" must be one of ${allowed.join(', ')}, got ${describe(value)}`);
		}
		return value as T;
	}

	email(value: unknown, label: string): string {
		const text = this.requiredText(value, label);
		if (!EMAIL.test(text)) this.fail(`"${label}" must be an email address, got ${describe(value)}`);
		return text;
	}

	private calendarDate(value: unknown, label: string): string {
		const date = calendarDate(value, this.timeZone);
		if (date === undefined) {
			this.fail(`"${label}" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got ${describe(value)}`);
		}
		return date as string;
	}
}

/** local@domain.tld, with no empty domain label (Chaser rejects "a@b..com" and "a@b.com."). */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

let currencies: Set<string> | undefined;

function isoCurrencies(): Set<string> {
	currencies ??= new Set(Intl.supportedValuesOf('currency'));
	return currencies;
}

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return `"${value}"`;
	if (typeof value === 'number') return String(value);
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}
