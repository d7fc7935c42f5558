/**
 * Money arithmetic and display, for every amount the package works out or shows. Sums of decimal amounts in floating point drift
 * (0.1 + 0.2 = 0.30000000000000004), so every computed amount is rounded to the currency's minor unit:
 * 2 decimals for GBP, EUR or USD, 0 for JPY, 3 for KWD.
 */

const DEFAULT_DECIMALS = 2;

/** Decimals of the currency's minor unit as Intl knows them; 2 when the code is unknown. */
export function currencyDecimals(currencyCode: unknown): number {
	if (typeof currencyCode !== 'string' || !/^[A-Za-z]{3}$/.test(currencyCode.trim())) return DEFAULT_DECIMALS;
	try {
		const format = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode.trim().toUpperCase() });
		return format.resolvedOptions().maximumFractionDigits ?? DEFAULT_DECIMALS;
	} catch {
		return DEFAULT_DECIMALS;
	}
}

/** Rounds half away from zero to `decimals`, correcting binary noise first (1.005 → 1.01). */
export function roundMoney(value: number, decimals = DEFAULT_DECIMALS): number {
	const factor = 10 ** decimals;
	const scaled = Number((Math.abs(value) * factor).toPrecision(15));
	const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
	return rounded === 0 ? 0 : rounded;
}

/** An amount as the pickers and messages show it: the code, then the amount grouped, e.g. "GBP 1,358.86". */
export function displayMoney(amount: unknown, currencyCode: unknown): string {
	const value = typeof amount === 'number' ? amount : Number(amount);
	const currency = typeof currencyCode === 'string' ? currencyCode.trim().toUpperCase() : '';
	if (!Number.isFinite(value)) return currency;
	if (currency === '') {
		return new Intl.NumberFormat('en-GB', { minimumFractionDigits: DEFAULT_DECIMALS, maximumFractionDigits: DEFAULT_DECIMALS }).format(value);
	}
	try {
		return new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' })
			.format(value)
			.replace(/\u00a0/g, ' ');
	} catch {
		return `${currency} ${value}`.trim();
	}
}
