'use strict';
// What the overdue digest (examples/overdue-reminder-digest.json) must say, worked out from the sandbox, and what it
// did say, read from the email the mail catcher received. Shared by examples.e2e and chain.e2e.

/** Money as the Chaser node's pickers and the examples' messages show it: "GBP 1,358.86". */
function money(amount, currency) {
	return new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' }).format(amount).replace(/\u00a0/g, ' ');
}

/** 10 to the power of the currency's decimals (100 for GBP, 1 for JPY). */
function scale(currency) {
	return 10 ** (new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
}

/**
 * The invoices the digest must list: Authorised, at least 0.01 due, due on or before `dueBy` (the end of yesterday,
 * as the digest's Chaser node asks the sandbox).
 * @param {{ store: { collections: { invoices: { order: Iterable<any> } } } }} sandbox
 * @param {string} dueBy
 */
function overdueInvoices(sandbox, dueBy) {
	return [...sandbox.store.collections.invoices.order].filter(
		(invoice) => invoice.status === 'AUTHORISED' && invoice.amount_due >= 0.01 && invoice.due_date <= dueBy,
	);
}

/**
 * The total amount due per currency of `invoices`, added in each currency's smallest unit, formatted as money(),
 * currencies in alphabetical order.
 * @returns {Record<string, string>}
 */
function totalsByCurrency(invoices) {
	const units = {};
	for (const invoice of invoices) {
		const currency = invoice.currency_code;
		units[currency] = (units[currency] ?? 0) + Math.round(invoice.amount_due * scale(currency));
	}
	return Object.fromEntries(
		Object.keys(units)
			.sort()
			.map((currency) => [currency, money(units[currency] / scale(currency), currency)]),
	);
}

/**
 * The digest email's text body, read back: its rows ("  <number> | <customer> | <amount> | due <date> | <n> days
 * overdue", in order) and its per-currency total lines.
 * @param {string} text
 * @returns {{ rows: Array<{ invoiceNumber: string, customer: string, amount: string, dueDate: string, daysOverdue: number }>, totals: string[] }}
 */
function readDigest(text) {
	const rows = [...text.matchAll(/^ {2}(\S+) \| (.+) \| ([A-Z]{3} [\d,]+(?:\.\d+)?) \| due (\d{4}-\d{2}-\d{2}) \| (\d+) days overdue$/gm)].map(
		(match) => ({ invoiceNumber: match[1], customer: match[2], amount: match[3], dueDate: match[4], daysOverdue: Number(match[5]) }),
	);
	const block = text.split('Total overdue per currency:\n')[1];
	const totals = block ? block.split('\n\n')[0].split('\n').map((line) => line.trim()) : [];
	return { rows, totals };
}

/**
 * What is wrong with a digest email against the invoices it must list: [] when its rows (number, amount, due date,
 * most overdue first), its per-currency totals and its subject's count and totals all agree.
 * @param {{ subject: string, text: string, html: string }} mail
 * @param {any[]} overdue
 * @returns {string[]}
 */
function digestProblems(mail, overdue) {
	const problems = [];
	const { rows, totals } = readDigest(mail.text);
	const expectedTotals = totalsByCurrency(overdue);
	const listed = rows.map((row) => row.invoiceNumber).sort();
	const wanted = overdue.map((invoice) => invoice.invoice_number).sort();
	if (JSON.stringify(listed) !== JSON.stringify(wanted)) problems.push(`rows ${JSON.stringify(listed)} instead of ${JSON.stringify(wanted)}`);
	for (const row of rows) {
		const invoice = overdue.find((candidate) => candidate.invoice_number === row.invoiceNumber);
		if (!invoice) continue;
		const amount = money(invoice.amount_due, invoice.currency_code);
		if (row.amount !== amount) problems.push(`${row.invoiceNumber}: ${row.amount} instead of ${amount}`);
		if (row.dueDate !== invoice.due_date.slice(0, 10)) problems.push(`${row.invoiceNumber}: due ${row.dueDate} instead of ${invoice.due_date.slice(0, 10)}`);
	}
	const days = rows.map((row) => row.daysOverdue);
	if (days.some((day, index) => index > 0 && day > days[index - 1])) problems.push(`not most overdue first: ${days.join(', ')}`);
	if (JSON.stringify(totals) !== JSON.stringify(Object.values(expectedTotals))) {
		problems.push(`totals ${JSON.stringify(totals)} instead of ${JSON.stringify(Object.values(expectedTotals))}`);
	}
	const subjectTail = `: ${overdue.length} (${Object.values(expectedTotals).join(' + ') || 'nothing'})`;
	if (!/^Overdue invoices \d{4}-\d{2}-\d{2}: /.test(mail.subject) || !mail.subject.endsWith(subjectTail)) {
		problems.push(`subject "${mail.subject}" does not end with "${subjectTail}"`);
	}
	for (const total of Object.values(expectedTotals)) if (!mail.html.includes(`>${total}</td>`)) problems.push(`HTML lacks the total ${total}`);
	if (mail.html.includes('sent automatically with')) problems.push('HTML carries n8n attribution');
	return problems;
}

module.exports = { money, totalsByCurrency, overdueInvoices, readDigest, digestProblems };
