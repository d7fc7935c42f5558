// @ts-check
'use strict';

/**
 * Deterministic, realistic demo data: UK/EU/US companies with contacts,
 * invoices (unpaid, part-paid, paid, draft, voided), credit notes and
 * overpayments. Records are built directly (no HTTP round trip) but always
 * satisfy the same schema the API validates (a test checks that).
 */

const { Random, hashUnit } = require('./random');
const { RESOURCES, CONTACT_PERSONS, SCHEMAS, HISTORY_PREFIX } = require('./schema');
const { newRecord } = require('./records');
const { validateObject } = require('./validation');

/**
 * @typedef {import('./store').Store} Store
 * @typedef {import('./store').Entity} Entity
 * @typedef {{ customers?: number, invoicesPerCustomer?: number, creditNotes?: number, overpayments?: number,
 *   contactPersonsPerCustomer?: number, history?: boolean }} SeedSpec
 *   history: the invoices this call creates get the reminders Chaser would have sent them (see reminders())
 *
 * @typedef {{ type?: string, channel?: string, template_name?: string | null, subject?: string | null,
 *   sent_to?: string | null, sent_at?: string, status?: string }} HistoryInput
 *
 * @typedef {{ customers: Entity[], invoices: Entity[], creditNotes: Entity[], overpayments: Entity[],
 *   contactPersons: Entity[], history: Entity[] }} Seeded
 */

/** @type {Required<SeedSpec>} */
const DEMO = {
	customers: 24,
	invoicesPerCustomer: 5,
	creditNotes: 10,
	overpayments: 6,
	contactPersonsPerCustomer: 1,
	history: true,
};

/**
 * Days after the due date on which seeded reminders go out: weekly for a month, then every two weeks.
 * @param {number} n the n-th reminder (0-based)
 */
const reminderDay = (n) => (n < 5 ? [1, 8, 15, 22, 30][n] : 30 + (n - 4) * 14);
const EMAIL_TEMPLATES = ['Polite reminder', 'Second reminder', 'Firm reminder', 'Final reminder'];

const DAY = 86400000;

/**
 * @typedef {object} Country
 * @property {string} code @property {string} name @property {string} currency @property {number} vat
 * @property {string[]} words @property {string[]} trades @property {string[]} suffixes
 * @property {string[]} first @property {string[]} last @property {string[]} cities @property {string} tld
 * @property {(r: Random) => string} phone @property {(r: Random) => string} mobile @property {(r: Random) => string} postcode
 * @property {number} weight
 */

const d = (/** @type {Random} */ r, /** @type {number} */ n) => String(r.int(0, 10 ** n - 1)).padStart(n, '0');
const L = (/** @type {Random} */ r) => 'ABCDEFGHJKLMNPRSTUWXYZ'[r.int(0, 21)];

const UK_TRADES = ['Logistics', 'Joinery', 'Engineering', 'Catering', 'Consulting', 'Print & Design', 'Building Supplies',
	'Facilities', 'Electrical', 'Software', 'Analytics', 'Hospitality', 'Removals', 'Dental Care', 'Marketing'];

/** @type {Country[]} */
const COUNTRIES = [
	{
		code: 'GB', name: 'United Kingdom', currency: 'GBP', vat: 0.2, weight: 45, tld: 'co.uk',
		words: ['Thornbury', 'Ashford', 'Kestrel', 'Pennine', 'Harrow', 'Severn', 'Whitmore', 'Blackwood', 'Oakridge',
			'Fenwick', 'Castlegate', 'Bramley', 'Larkspur', 'Northgate', 'Redbrook', 'Wexcombe', 'Holloway', 'Trent Valley'],
		trades: UK_TRADES, suffixes: ['Ltd', 'Ltd', 'Ltd', 'Limited', 'LLP', 'plc'],
		first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Sophie', 'Priya', 'Mohammed', 'Emily', 'Callum'],
		last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Patel', 'Wilson', 'Evans', 'Thomas', 'Khan', 'Roberts', 'Walker', 'Hughes'],
		cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Birmingham', 'Glasgow', 'Edinburgh', 'Cardiff', 'Nottingham'],
		phone: (r) => `+44 20 7946 0${d(r, 3)}`, // Ofcom drama range
		mobile: (r) => `+447700900${d(r, 3)}`,
		postcode: (r) => `${L(r)}${L(r)}${r.int(1, 29)} ${r.int(1, 9)}${L(r)}${L(r)}`,
	},
	{
		code: 'US', name: 'United States', currency: 'USD', vat: 0.07, weight: 20, tld: 'com',
		words: ['Summit', 'Redwood', 'Liberty', 'Cascade', 'Lakeshore', 'Granite', 'Prairie', 'Hudson', 'Bayview', 'Pioneer'],
		trades: ['Supply Co.', 'Solutions', 'Manufacturing', 'Labs', 'Logistics', 'Health', 'Builders', 'Analytics'],
		suffixes: ['Inc.', 'LLC', 'Corp.'],
		first: ['James', 'Olivia', 'Michael', 'Emma', 'David', 'Mia', 'Daniel', 'Harper', 'Carlos', 'Grace'],
		last: ['Johnson', 'Williams', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Anderson', 'Lee', 'Clark'],
		cities: ['Austin', 'Denver', 'Chicago', 'Seattle', 'Boston', 'Atlanta', 'Portland', 'Minneapolis'],
		phone: (r) => `+1 202 555 01${d(r, 2)}`, // fictional 555-01xx range
		mobile: (r) => `+1415555${'01' + d(r, 2)}`,
		postcode: (r) => d(r, 5),
	},
	{
		code: 'DE', name: 'Germany', currency: 'EUR', vat: 0.19, weight: 10, tld: 'de',
		words: ['Bergmann', 'Hoffmann', 'Rheinland', 'Alpen', 'Nordlicht', 'Weber', 'Schwarzwald', 'Elbe', 'Kranich'],
		trades: ['Maschinenbau', 'Logistik', 'Handel', 'Bau', 'Software', 'Elektrotechnik'],
		suffixes: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG'],
		first: ['Lukas', 'Hannah', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie'],
		last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Wagner', 'Becker', 'Schulz', 'Koch'],
		cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Leipzig'],
		phone: (r) => `+49 30 ${d(r, 7)}`,
		mobile: (r) => `+49151${d(r, 8)}`,
		postcode: (r) => d(r, 5),
	},
	{
		code: 'FR', name: 'France', currency: 'EUR', vat: 0.2, weight: 8, tld: 'fr',
		words: ['Dubois', 'Lumière', 'Provence', 'Moreau', 'Atlantique', 'Bastide', 'Garonne'],
		trades: ['Distribution', 'Conseil', 'Transports', 'Informatique', 'Bâtiment'],
		suffixes: ['SARL', 'SAS', 'SA'],
		first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Manon'],
		last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Laurent', 'Girard', 'Roux'],
		cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Nantes', 'Lille'],
		phone: (r) => `+33 1 ${d(r, 2)} ${d(r, 2)} ${d(r, 2)} ${d(r, 2)}`,
		mobile: (r) => `+336${d(r, 8)}`,
		postcode: (r) => d(r, 5),
	},
	{
		code: 'NL', name: 'Netherlands', currency: 'EUR', vat: 0.21, weight: 7, tld: 'nl',
		words: ['Van Dijk', 'Oranje', 'Delta', 'Zuiderzee', 'De Vries', 'Molen'],
		trades: ['Techniek', 'Logistiek', 'Installatie', 'Bouw', 'Advies'],
		suffixes: ['B.V.', 'B.V.', 'N.V.'],
		first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Tess'],
		last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser'],
		cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Den Haag'],
		phone: (r) => `+31 20 ${d(r, 3)} ${d(r, 4)}`,
		mobile: (r) => `+316${d(r, 8)}`,
		postcode: (r) => `${r.int(1000, 9999)} ${L(r)}${L(r)}`,
	},
	{
		code: 'IE', name: 'Ireland', currency: 'EUR', vat: 0.23, weight: 5, tld: 'ie',
		words: ['Shannon', 'Liffey', 'Connemara', 'Kerrigan', 'Wicklow', 'Burren'],
		trades: UK_TRADES, suffixes: ['Ltd', 'DAC'],
		first: ['Seán', 'Aoife', 'Conor', 'Niamh', 'Cian', 'Saoirse'],
		last: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan'],
		cities: ['Dublin', 'Cork', 'Galway', 'Limerick'],
		phone: (r) => `+353 1 ${d(r, 3)} ${d(r, 4)}`,
		mobile: (r) => `+35387${d(r, 7)}`,
		postcode: (r) => `D${String(r.int(1, 24)).padStart(2, '0')} ${L(r)}${d(r, 1)}${L(r)}${d(r, 1)}`,
	},
	{
		code: 'ES', name: 'Spain', currency: 'EUR', vat: 0.21, weight: 5, tld: 'es',
		words: ['Iberia', 'Sol', 'Castilla', 'Navarro', 'Mediterráneo'],
		trades: ['Distribuciones', 'Servicios', 'Construcciones', 'Tecnología'],
		suffixes: ['S.L.', 'S.L.', 'S.A.'],
		first: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Javier'],
		last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez'],
		cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao'],
		phone: (r) => `+34 91 ${d(r, 3)} ${d(r, 2)} ${d(r, 2)}`,
		mobile: (r) => `+346${d(r, 8)}`,
		postcode: (r) => d(r, 5),
	},
];
const TOTAL_WEIGHT = COUNTRIES.reduce((s, c) => s + c.weight, 0);

/** @param {Random} r */
function pickCountry(r) {
	let x = r.next() * TOTAL_WEIGHT;
	for (const c of COUNTRIES) if ((x -= c.weight) < 0) return c;
	return COUNTRIES[0];
}

/** @param {string} s */
const ascii = (s) =>
	s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** @param {Random} r */
const guid = (r) => {
	const h = (/** @type {number} */ n) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
	return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[r.int(0, 3)]}${h(3)}-${h(12)}`;
};

/** @param {number} t ms @param {number} hour */
const at = (t, hour = 0) => new Date(Math.floor(t / DAY) * DAY + hour * 3600000).toISOString();

/** @param {number} x */
const money = (x) => Math.round(x * 100) / 100;

class Seeder {
	/** @param {Store} store @param {{ referenceDate?: Date | string | number, seed?: number }} [opts] */
	constructor(store, opts = {}) {
		this.store = store;
		this.reference = new Date(opts.referenceDate ?? '2025-06-30T00:00:00Z').getTime();
		this.baseSeed = opts.seed ?? 20240423;
	}

	/** A fresh PRNG per call, so repeated calls add different but deterministic data. */
	random() {
		return new Random(this.baseSeed + this.store.next('seedCall') * 7919);
	}

	/**
	 * @param {'demo' | 'none' | SeedSpec} spec
	 * @returns {Seeded}
	 */
	seed(spec) {
		/** @type {Seeded} */
		const out = { customers: [], invoices: [], creditNotes: [], overpayments: [], contactPersons: [], history: [] };
		if (spec === 'none') return out;
		const s = { ...(spec === 'demo' ? DEMO : { ...DEMO, ...spec }) };
		if (spec !== 'demo') {
			// explicit specs default to "nothing" for kinds they do not mention
			s.customers = spec.customers ?? 0;
			s.invoicesPerCustomer = spec.invoicesPerCustomer ?? 0;
			s.creditNotes = spec.creditNotes ?? 0;
			s.overpayments = spec.overpayments ?? 0;
			s.contactPersonsPerCustomer = spec.contactPersonsPerCustomer ?? 0;
			s.history = spec.history ?? false;
		}
		const r = this.random();
		/** @type {Entity[]} */
		const customers = out.customers;
		for (let i = 0; i < s.customers; i++) {
			const { customer, country } = this.customer(r, true);
			customers.push(customer);
			for (let j = 0; j < s.contactPersonsPerCustomer; j++) out.contactPersons.push(this.contact(r, customer, country));
			for (let j = 0; j < s.invoicesPerCustomer; j++) out.invoices.push(this.invoice(r, customer, country));
		}
		const pool = customers.length ? customers : this.store.collections.customers.order;
		if (pool.length) {
			for (let i = 0; i < s.creditNotes; i++) out.creditNotes.push(this.creditNote(r, r.pick(pool)));
			for (let i = 0; i < s.overpayments; i++) out.overpayments.push(this.overpayment(r, r.pick(pool)));
		}
		// Last, and without the shared PRNG or id stream: history never changes the other seeded data.
		if (s.history) for (const invoice of out.invoices) out.history.push(...this.reminders(invoice));
		return out;
	}

	/**
	 * The reminders Chaser would have sent for a seeded invoice: from the day after it fell due, on the days of
	 * reminderDay(), up to the reference date (or the day it was paid, for a PAID invoice paid late), at 09:00 UTC.
	 * Every third one is an SMS when the customer has a mobile number; about 1 in 25 failed.
	 * @param {Entity} invoice @returns {Entity[]}
	 */
	reminders(invoice) {
		const due = Date.parse(invoice.due_date);
		let until = this.reference;
		if (invoice.status === 'PAID') until = invoice.fully_paid_date ? Date.parse(invoice.fully_paid_date) : due;
		else if (invoice.status !== 'AUTHORISED' || !(invoice.amount_due > 0)) return [];
		const customer = this.store.collections.customers.getByKey(invoice.customer_external_id);
		/** @type {Entity[]} */
		const sent = [];
		for (let n = 0; ; n++) {
			const day = reminderDay(n);
			const at = Math.floor(due / DAY) * DAY + day * DAY + 9 * 3600000;
			if (at > until) break;
			const sms = n % 3 === 2 && !!customer?.mobile_number;
			sent.push(
				this.insertHistory(invoice, {
					type: 'reminder',
					channel: sms ? 'sms' : 'email',
					template_name: sms ? 'SMS reminder' : EMAIL_TEMPLATES[Math.min(n, EMAIL_TEMPLATES.length - 1)],
					subject: sms ? null : `Invoice ${invoice.invoice_number} is ${day} ${day === 1 ? 'day' : 'days'} overdue`,
					sent_to: (sms ? customer?.mobile_number : customer?.contact_email_address) ?? null,
					sent_at: new Date(at).toISOString(),
					status: hashUnit(`${invoice.invoice_id}#${n}`, 7) < 0.04 ? 'failed' : 'sent',
				}),
			);
		}
		return sent;
	}

	/**
	 * One history entry for an invoice (its invoice_id or internal id), for tests. Absent fields get defaults:
	 * type reminder, channel email, status sent, sent_at now, and template_name, subject and sent_to as the seed
	 * would write them. Throws on an unknown invoice or a bad field.
	 * @param {string} key @param {HistoryInput} input @returns {Entity}
	 */
	addHistory(key, input) {
		const invoice = this.store.collections.invoices.find(key);
		if (!invoice) throw new Error(`addHistory: unknown invoice: ${key}`);
		const { value, issues } = validateObject({ sent_at: new Date().toISOString(), ...input }, SCHEMAS.HISTORY_ENTRY, 'create');
		if (issues.length) throw new Error(`addHistory: ${issues.map((i) => i.message).join('; ')}`);
		const customer = this.store.collections.customers.getByKey(invoice.customer_external_id);
		const sms = value.channel === 'sms';
		if (!('template_name' in input)) value.template_name = sms ? 'SMS reminder' : 'Reminder';
		if (!('subject' in input)) value.subject = sms ? null : `Invoice ${invoice.invoice_number} is overdue`;
		if (!('sent_to' in input)) value.sent_to = (sms ? customer?.mobile_number : customer?.contact_email_address) ?? null;
		return this.insertHistory(invoice, value);
	}

	/**
	 * Store a history entry: the invoice's identifying fields, then the entry's own.
	 * @param {Entity} invoice @param {Record<string, unknown>} value validated HISTORY_ENTRY fields
	 */
	insertHistory(invoice, value) {
		const customer = this.store.collections.customers.getByKey(invoice.customer_external_id);
		/** @type {Entity} */
		const entry = {
			id: this.store.newId(HISTORY_PREFIX, this.store.historyIdRandom),
			invoice_id: invoice.invoice_id,
			invoice_number: invoice.invoice_number,
			contact_id: customer ? customer.id : null,
			customer_external_id: invoice.customer_external_id,
			type: value.type,
			channel: value.channel,
			template_name: value.template_name,
			subject: value.subject,
			sent_to: value.sent_to,
			sent_at: value.sent_at,
			status: value.status,
		};
		this.store.insertHistory(invoice, entry);
		return entry;
	}

	/**
	 * Fast bulk customers for benchmarks: no contacts, addresses kept small.
	 * @param {number} n
	 */
	addCustomers(n) {
		const r = this.random();
		/** @type {Entity[]} */
		const added = [];
		for (let i = 0; i < n; i++) added.push(this.customer(r, false).customer);
		return added;
	}

	/** @param {Random} r @param {boolean} detailed */
	customer(r, detailed) {
		const country = pickCountry(r);
		const word = r.pick(country.words);
		const company = `${word} ${r.pick(country.trades)} ${r.pick(country.suffixes)}`;
		const first = r.pick(country.first);
		const last = r.pick(country.last);
		const domain = `${ascii(word)}.${country.tld}`;
		const coll = this.store.collections.customers;
		let externalId;
		do externalId = `CUST-${String(this.store.next('customer')).padStart(5, '0')}`;
		while (coll.getByKey(externalId));
		const city = r.pick(country.cities);
		const value = {
			external_id: externalId,
			company_name: company,
			contact_first_name: first,
			contact_last_name: last,
			contact_email_address: r.chance(0.3) ? `accounts@${domain}` : `${ascii(first)}.${ascii(last)}@${domain}`,
			phone_number: country.phone(r),
			mobile_number: r.chance(0.7) ? country.mobile(r) : null,
			status: r.chance(0.08) ? 'ARCHIVED' : 'ACTIVE',
			addresses: [
				{
					address_type: 'Billing',
					address_line1: `${r.int(1, 240)} ${r.pick(['High Street', 'Station Road', 'Market Square', 'Mill Lane', 'Park Avenue'])}`,
					address_line2: detailed && r.chance(0.3) ? `Unit ${r.int(1, 40)}` : null,
					address_line3: null,
					address_line4: null,
					city,
					region: null,
					postal_code: country.postcode(r),
					country: country.name,
				},
			],
			groups: detailed && r.chance(0.4) ? [{ name: r.pick(['Key accounts', 'Public sector', 'Resellers', 'Slow payers']), status: 'ACTIVE' }] : [],
		};
		const customer = newRecord(this.store, RESOURCES.customers, value);
		coll.insert(customer);
		return { customer, country };
	}

	/** @param {Random} r @param {Entity} customer @param {Country} country */
	contact(r, customer, country) {
		const first = r.pick(country.first);
		const last = r.pick(country.last);
		const contacts = this.store.contactsOf(customer.id);
		const rec = newRecord(this.store, CONTACT_PERSONS, {
			external_id: `${customer.external_id}-CP${contacts.size + 1}`,
			contact_first_name: first,
			contact_last_name: last,
			contact_email_address: `${ascii(first)}.${ascii(last)}@${customer.contact_email_address.split('@')[1]}`,
			phone_number: country.phone(r),
			mobile_number: r.chance(0.5) ? country.mobile(r) : null,
			status: 'ACTIVE',
		});
		this.store.insertContact(customer.id, rec);
		return rec;
	}

	/** @param {Random} r @param {Entity} customer @param {Country} country */
	invoice(r, customer, country) {
		const issued = this.reference - r.int(3, 200) * DAY;
		const due = issued + r.pick([14, 30, 30, 30, 45, 60]) * DAY;
		const total = r.amount(120, 18000);
		const roll = r.next();
		const status = roll < 0.2 ? 'PAID' : roll < 0.25 ? 'DRAFT' : roll < 0.28 ? 'VOIDED' : 'AUTHORISED';
		/** @type {{ amount: number, date: string }[]} */
		const payments = [];
		let paid = 0;
		let fullyPaid = null;
		if (status === 'PAID') {
			const split = r.chance(0.3) ? money(total * r.amount(0.3, 0.7)) : total;
			const t1 = Math.min(this.reference, issued + r.int(5, 50) * DAY);
			payments.push({ amount: split, date: at(t1, 12) });
			if (split < total) payments.push({ amount: money(total - split), date: at(Math.min(this.reference, t1 + r.int(3, 20) * DAY), 12) });
			paid = total;
			fullyPaid = payments[payments.length - 1].date;
		} else if (status === 'AUTHORISED' && r.chance(0.15)) {
			paid = money(total * r.amount(0.2, 0.7));
			payments.push({ amount: paid, date: at(Math.min(this.reference, issued + r.int(5, 40) * DAY), 12) });
		}
		const seq = this.store.next('invoice');
		const rec = newRecord(this.store, RESOURCES.invoices, {
			invoice_id: guid(r),
			invoice_number: `INV-${String(1000 + seq)}`,
			status,
			currency_code: country.currency,
			amount_due: status === 'VOIDED' ? 0 : money(total - paid),
			amount_paid: paid,
			total,
			sub_total: money(total / (1 + country.vat)),
			date: at(issued),
			due_date: at(due),
			fully_paid_date: fullyPaid,
			customer_external_id: customer.external_id,
			payments,
		});
		this.store.collections.invoices.insert(rec);
		return rec;
	}

	/** @param {Random} r @param {Entity} customer */
	creditNote(r, customer) {
		const total = r.amount(40, 2500);
		const roll = r.next();
		const remaining = roll < 0.6 ? total : roll < 0.85 ? money(total * r.amount(0.1, 0.9)) : 0;
		const rec = newRecord(this.store, RESOURCES.credit_notes, {
			credit_note_id: guid(r),
			credit_note_number: `CN-${String(this.store.next('creditNote')).padStart(4, '0')}`,
			remaining_credit: remaining,
			total,
			date: at(this.reference - r.int(1, 150) * DAY),
			currency_code: this.currencyOf(customer),
			customer_external_id: customer.external_id,
			status: remaining === 0 ? 'PAID' : r.chance(0.5) ? 'ACTIVE' : 'AUTHORISED',
		});
		this.store.collections.creditNotes.insert(rec);
		return rec;
	}

	/** @param {Random} r @param {Entity} customer */
	overpayment(r, customer) {
		const total = r.amount(15, 1500);
		const remaining = r.chance(0.7) ? total : 0;
		const rec = newRecord(this.store, RESOURCES.overpayments, {
			overpayment_id: guid(r),
			remaining_credit: remaining,
			total,
			date: at(this.reference - r.int(1, 120) * DAY, 15),
			currency_code: this.currencyOf(customer),
			customer_external_id: customer.external_id,
			status: remaining === 0 ? 'PAID' : 'AUTHORISED',
		});
		this.store.collections.overpayments.insert(rec);
		return rec;
	}

	/** Use the currency the customer's invoices use, from its address country. */
	/** @param {Entity} customer */
	currencyOf(customer) {
		const name = customer.addresses?.[0]?.country;
		return COUNTRIES.find((c) => c.name === name)?.currency ?? 'GBP';
	}
}

/** The sandbox organisations: the current one plus a second the key can see. */
/** @param {Store} store */
function seedOrganisations(store) {
	const orgs = store.collections.organisations;
	const current = {
		id: store.newId('org_'),
		organisation_id: 'ORG-SANDBOX-001',
		name: 'Sandbox Trading Ltd',
		legal_name: 'Sandbox Trading Limited',
		base_currency: 'GBP',
		country_code: 'GB',
		timezone: 'Europe/London',
		last_sync_date: null,
	};
	orgs.insert(current);
	orgs.insert({
		id: store.newId('org_'),
		organisation_id: 'ORG-SANDBOX-002',
		name: 'Sandbox Europe GmbH',
		legal_name: 'Sandbox Europe GmbH',
		base_currency: 'EUR',
		country_code: 'DE',
		timezone: 'Europe/Berlin',
		last_sync_date: null,
	});
	store.currentOrganisationId = current.id;
}

module.exports = { Seeder, seedOrganisations, DEMO, COUNTRIES };
