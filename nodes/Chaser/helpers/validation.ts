import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Checks on user input, run before any request is sent. Each error names the field as the
 * editor shows it and the item, so a bad row in a 500-item run is easy to find.
 */
export class InputValidator {
	constructor(
		private readonly node: INode,
		readonly itemIndex: number,
	) {}

	fail(message: string, description?: string): never {
		throw new NodeOperationError(this.node, `${message} [item ${this.itemIndex}]`, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	/** A non-empty string (numbers are accepted and turned into text, as IDs often arrive as numbers). */
	requiredString(value: unknown, label: string): string {
		const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
		if (typeof text !== 'string' || text.trim() === '') this.fail(`"${label}" is required`);
		return (text as string).trim();
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
	 * An ISO 8601 date-time in UTC, as Chaser expects. Accepts ISO strings, the editor's date picker,
	 * Luxon DateTimes and JS Dates from expressions. A date or time without a zone is read as UTC, so the
	 * calendar date picked is the date Chaser shows.
	 */
	dateTime(value: unknown, label: string): string {
		const date = toDate(value);
		if (!date) this.fail(`"${label}" must be a date such as 2024-04-23 or 2024-04-23T11:00:00Z, got ${describe(value)}`);
		return (date as Date).toISOString();
	}

	/**
	 * The bounds of a date filter, each optional. An upper bound at midnight means that whole day (an
	 * accountant picking "to 31 March" means invoices dated 31 March too); a range that ends before it
	 * starts is an error rather than an empty result.
	 */
	dateRange(
		from: unknown,
		to: unknown,
		labels: { from: string; to: string },
	): { from?: string; to?: string } {
		const set = (value: unknown) => value !== undefined && value !== null && value !== '';
		const start = set(from) ? this.dateTime(from, labels.from) : undefined;
		let end = set(to) ? this.dateTime(to, labels.to) : undefined;
		if (end?.endsWith('T00:00:00.000Z')) end = `${end.slice(0, 10)}T23:59:59.999Z`;
		if (start !== undefined && end !== undefined && start > end) {
			this.fail(`"${labels.from}" (${start}) must be on or before "${labels.to}" (${end})`);
		}
		return { from: start, to: end };
	}

	oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
		if (typeof value !== 'string' || !allowed.includes(value as T)) {
			this.fail(`"${label}" must be one of ${allowed.join(', ')}, got ${describe(value)}`);
		}
		return value as T;
	}

	email(value: unknown, label: string): string {
		const text = this.requiredString(value, label);
		if (!EMAIL.test(text)) this.fail(`"${label}" must be an email address, got ${describe(value)}`);
		return text;
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

const ZONE_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;
const CALENDAR_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

function toDate(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (isLuxonLike(value)) return value.isValid === false ? undefined : value.toJSDate();
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	let iso: string;
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = `${text}T00:00:00Z`;
	else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?/.test(text)) {
		iso = text.replace(' ', 'T');
		if (!ZONE_SUFFIX.test(iso)) iso += 'Z';
	} else return undefined;
	if (!existsOnCalendar(text)) return undefined;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Whether the written date and time exist. `Date` rolls 30 February over into 1 March and 24:00 into
 * the next day, which would silently send a different date from the one typed.
 */
function existsOnCalendar(text: string): boolean {
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = CALENDAR_PARTS.exec(text) ?? [];
	const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
	return (
		Number(month) >= 1 &&
		Number(month) <= 12 &&
		Number(day) >= 1 &&
		Number(day) <= daysInMonth &&
		Number(hour) <= 23 &&
		Number(minute) <= 59 &&
		Number(second) <= 59
	);
}

function isLuxonLike(value: unknown): value is { toJSDate: () => Date; isValid?: boolean } {
	return typeof value === 'object' && value !== null && typeof (value as IDataObject).toJSDate === 'function';
}

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return `"${value}"`;
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}
