'use strict';
// n8n's editor in headless Chromium, driven the way a person uses it: sign in, add a node from the node creator,
// fill its parameters, run the step, open the credential. Every step waits for what it needs on screen, never for
// a fixed time: the editor is slow to load on a busy machine.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { chromiumOrWhyNot, launchChromium } = require('../../../tooling/browser');
const { log } = require('../../../tooling/install');

const VIEWPORT = { width: 1440, height: 900 };
/** The screenshots the README shows, retaken into docs/images/ by every run of the editor test. */
const README_SCREENSHOTS = [
	'invoice-picker',
	'record-payment',
	'record-payment-again',
	'skipped-unchanged',
	'zero-total',
	'exact-filters',
	'schema-preview',
	'trigger',
	'trigger-no-test-event',
	'credential-unreachable-host',
	'credential-wrong-secret',
];
const DOCS_IMAGES = path.resolve(__dirname, '..', '..', '..', 'docs', 'images');
/** How long one step may wait for the editor (n8n's first load compiles a lot of JavaScript). */
const STEP_TIMEOUT = 90000;

/**
 * Whether this machine can run the browser tests. When it truly cannot (no chromium and no way to install it),
 * says why, loudly, and the caller skips them.
 */
function browserOrSkip() {
	const chromium = chromiumOrWhyNot();
	if (chromium.unavailable) {
		const line = '!'.repeat(100);
		process.stderr.write(`\n${line}\nSKIPPING the editor tests in a real browser: ${chromium.unavailable}\n${line}\n\n`);
	}
	return chromium;
}

class Editor {
	/** Launches Chromium on n8n at `baseUrl`; screenshots go to a new folder, printed here. */
	static async open({ executablePath, baseUrl }) {
		const browser = await launchChromium(executablePath);
		const page = await browser.newPage({ viewport: VIEWPORT });
		page.setDefaultTimeout(STEP_TIMEOUT);
		// Leaving a workflow that was never saved asks "leave the page?": yes.
		page.on('dialog', (dialog) => dialog.accept());
		const screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chaser-editor-screenshots-'));
		log(`editor screenshots: ${screenshotDir}`);
		return new Editor(browser, page, baseUrl, screenshotDir);
	}

	constructor(browser, page, baseUrl, screenshotDir) {
		this.browser = browser;
		this.page = page;
		this.baseUrl = baseUrl;
		this.screenshotDir = screenshotDir;
		/** Every answer to the editor's calls to n8n (/rest/…, /schemas/…), and every error the console shows. */
		this.calls = [];
		this.consoleErrors = [];
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (url.pathname.startsWith('/rest/') || url.pathname.startsWith('/schemas/')) {
				// A schema's body is read at once: it is gone once the page navigates.
				const keep = url.pathname.startsWith('/schemas/') || url.pathname === '/rest/credentials/test';
				const body = keep ? response.text().catch(() => '') : undefined;
				this.calls.push({ method: response.request().method(), path: url.pathname, status: response.status(), response, body });
			}
		});
		page.on('console', (message) => {
			if (message.type() === 'error') this.consoleErrors.push(message.text());
		});
	}

	/**
	 * The editor's calls made for the package's nodes that failed (4xx/5xx): list searches and the other
	 * node-parameter calls for `n8n-nodes-chaser.*`, credential calls for chaserApi, and its output schemas.
	 */
	async packageCallFailures() {
		const failures = [];
		for (const call of this.calls) {
			if (call.status < 400) continue;
			const body = call.response.request().postData() ?? '';
			const ours =
				call.path.startsWith('/schemas/n8n-nodes-chaser') ||
				(call.path.startsWith('/rest/dynamic-node-parameters') && body.includes('n8n-nodes-chaser')) ||
				(call.path.startsWith('/rest/credentials') && body.includes('chaserApi'));
			if (ours) failures.push(`${call.method} ${call.path} ${call.status}`);
		}
		return failures;
	}

	/** The output schemas the editor asked n8n for, with the status of each answer. */
	schemaCalls() {
		return this.calls
			.filter((call) => call.path.startsWith('/schemas/'))
			.map(({ path: at, status, body }) => ({ path: at, status, json: async () => JSON.parse(await body) }));
	}

	/** Resizes the browser window (a smaller one gives the parameter panel a scrollbar sooner). */
	async resize(width, height) {
		await this.page.setViewportSize({ width, height });
	}

	/** Whether the node's parameter panel shows a vertical scrollbar, and how wide it is (0 for an overlay one). */
	async parameterScrollbar() {
		return await this.byTestId('node-parameters').evaluate((panel) => {
			for (let element = panel; element; element = element.parentElement) {
				const style = getComputedStyle(element);
				if (['auto', 'scroll'].includes(style.overflowY) && element.scrollHeight > element.clientHeight) {
					return { scrolls: true, width: element.offsetWidth - element.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth) };
				}
			}
			return { scrolls: false, width: 0 };
		});
	}

	/**
	 * Proves cutOffTexts() sees a cut label where the panel is now: puts `text` in the label now reading `label`, checks,
	 * and puts the label back. Resolves to what cutOffTexts() reported meanwhile.
	 */
	async cutOffTextsWithLabel(label, text) {
		const replaced = await this.byTestId('node-parameters').evaluate(
			(panel, [from, to]) => {
				for (const element of panel.querySelectorAll('.n8n-input-label *, label')) {
					if (element.children.length === 0 && element.textContent.trim() === from) {
						element.textContent = to;
						element.setAttribute('data-e2e-replaced', from);
						return true;
					}
				}
				return false;
			},
			[label, text],
		);
		if (!replaced) throw new Error(`no label "${label}" in the panel`);
		const cut = await this.cutOffTexts();
		await this.page.locator('[data-e2e-replaced]').evaluate((element) => {
			element.textContent = element.getAttribute('data-e2e-replaced');
			element.removeAttribute('data-e2e-replaced');
		});
		return cut;
	}

	byTestId(id, within = this.page) {
		return within.locator(`[data-test-id="${id}"]`);
	}

	async signIn({ email, password }) {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(email);
		await this.page.locator('input[type="password"]').fill(password);
		await this.page.keyboard.press('Enter');
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/**
	 * A new workflow, then the node creator: search, pick the node; resolves to how many actions it says the node
	 * has. On an empty canvas n8n lists the node's triggers and folds its actions away: they are unfolded here.
	 */
	async openNodeActions(search, nodeName) {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.byTestId('canvas-plus-button').click();
		await this.byTestId('node-creator-search-bar').pressSequentially(search);
		await this.byTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${nodeName}$`) }).click();
		const creator = this.byTestId('node-creator');
		const header = creator.getByText(/^Actions \(\d+\)/);
		await header.waitFor();
		const unfolded = await creator.evaluate((panel) => {
			const entries = [...panel.querySelectorAll('[data-keyboard-nav-type]')];
			const start = entries.findIndex((entry) => /^Actions \(\d+\)/.test(entry.textContent.trim()));
			return entries.slice(start + 1).some((entry) => entry.getAttribute('data-keyboard-nav-type') === 'action');
		});
		if (!unfolded) await header.click();
		return Number(/\((\d+)\)/.exec(await header.innerText())[1]);
	}

	/** Picks an action from the node creator's list; resolves once the node's panel (NDV) shows its parameters. */
	async chooseAction(actionName) {
		await this.byTestId('node-creator').getByText(actionName, { exact: true }).click();
		await this.byTestId('node-parameters').waitFor();
	}

	/** The value an options parameter shows, e.g. parameterValue('operation') → 'Record Payment'. */
	async parameterValue(name) {
		return await this.byTestId(`parameter-input-${name}`).locator('input').first().inputValue();
	}

	async fillParameter(name, value) {
		const input = this.byTestId(`parameter-input-${name}`).locator('input').first();
		await input.fill(value);
		await input.press('Tab');
	}

	/** A resource locator: its mode selector and its value input. */
	resourceLocator(name) {
		const root = this.byTestId(`resource-locator-${name}`);
		return { root, modeSelector: this.byTestId('rlc-mode-selector', root), input: this.byTestId('rlc-input', root) };
	}

	/** The options of a resource locator's mode dropdown (opened here; Element Plus renders it apart, by id). */
	async modeOptions(name) {
		const selector = this.resourceLocator(name).modeSelector;
		await selector.click();
		const listbox = await selector.locator('input').getAttribute('aria-controls');
		const options = this.page.locator(`[id="${listbox}"] .el-select-dropdown__item`);
		await options.first().waitFor();
		return options;
	}

	/** Chooses a mode in a resource locator by the label the dropdown shows. */
	async chooseLocatorMode(name, label) {
		const options = await this.modeOptions(name);
		await options.filter({ hasText: new RegExp(`^${label}$`) }).click();
		await options.first().waitFor({ state: 'hidden' });
	}

	/** The mode names a resource locator's dropdown offers, as shown. */
	async locatorModes(name) {
		const options = await this.modeOptions(name);
		const labels = await options.allInnerTexts();
		await this.page.keyboard.press('Escape');
		await options.first().waitFor({ state: 'hidden' });
		return labels.map((label) => label.trim());
	}

	/**
	 * Texts in the node's parameter panel that do not fit their box, so the editor cuts them off: field labels and
	 * the mode a resource locator shows (n8n gives it 92 pixels, which cut "By Invoice ID" to "By Invoic").
	 */
	async cutOffTexts() {
		return await this.byTestId('node-parameters').evaluate(async (panel) => {
			await document.fonts.ready;
			// A focused mode selector draws one more pixel of border, which n8n's own "From list" does not fit.
			if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
			const cut = [];
			for (const element of panel.querySelectorAll('[data-test-id="rlc-mode-selector"] input')) {
				if (element.scrollWidth > element.clientWidth) cut.push(element.value);
			}
			// Any text the panel clips: an element with text of its own that is cut with an ellipsis or hidden overflow.
			for (const element of panel.querySelectorAll('*')) {
				const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
				if (!own && !element.matches('label, [data-test-id$="-label"], .n8n-input-label *')) continue;
				const style = getComputedStyle(element);
				const clips = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
				if (clips && element.scrollWidth > element.clientWidth + 1) cut.push(element.textContent.trim());
			}
			return cut;
		});
	}

	/** Adds every option of the open node's Options collection; resolves to their names as the dropdown offers them. */
	async addAllOptions() {
		const panel = this.byTestId('node-parameters');
		const names = [];
		for (;;) {
			await this.byTestId('collection-parameter-add', panel).last().click();
			const offered = this.page.locator('[data-test-id="collection-parameter-option"]:visible');
			await offered.first().waitFor();
			const labels = await offered.allInnerTexts();
			if (names.length === 0) names.push(...labels.map((label) => label.trim()));
			await offered.first().click();
			if (labels.length === 1) return names;
		}
	}

	/**
	 * Types `search` into a resource locator's list and picks the record whose label holds `pick` (default: the
	 * search itself), after a screenshot named `screenshot` if given; resolves to the labels the list offered.
	 * @param {string} name @param {string} search @param {{ pick?: string, screenshot?: string }} [options]
	 * @returns {Promise<string[]>}
	 */
	async pickFromList(name, search, { pick = search, screenshot } = {}) {
		await this.resourceLocator(name).input.click();
		await this.byTestId('rlc-search').fill(search);
		const items = this.byTestId('rlc-item');
		const wanted = items.filter({ hasText: pick }).first();
		await wanted.waitFor();
		const labels = await items.allInnerTexts();
		if (screenshot) await this.screenshot(screenshot);
		await wanted.click();
		return labels.map((label) => label.trim());
	}

	/** Runs the open node's step; resolves to the output panel once it shows `expectedText` (e.g. a record's number). */
	async executeStep(expectedText) {
		await this.byTestId('node-execute-button').click();
		const output = this.byTestId('output-panel');
		await output.getByText(expectedText).first().waitFor();
		return output;
	}

	/** Switches the output panel to its JSON view; resolves to what it shows once `expectedText` is there. */
	async outputAsJson(expectedText) {
		const output = this.byTestId('output-panel');
		await this.byTestId('radio-button-json', output).click();
		await output.getByText(expectedText).first().waitFor();
		return await output.innerText();
	}

	/** The credential chosen in the open node's panel. */
	async credentialName() {
		return await this.byTestId('node-credentials-select').locator('input').inputValue();
	}

	/**
	 * Opens the node's credential, replaces the API Secret and saves, which runs the credential test. Resolves to
	 * the reason the dialog gives under "Couldn't connect with these settings" (shown by "More details").
	 */
	async testCredentialWithSecret(secret) {
		await this.byTestId('credential-edit-button').click();
		const dialog = this.byTestId('editCredential-modal');
		await this.byTestId('parameter-input-apiSecret', dialog).locator('input').fill(secret);
		await this.byTestId('credential-save-button', dialog).click();
		await dialog.getByText(/connect with these settings/).waitFor();
		await dialog.getByText('More details').click();
		const details = dialog.locator('.el-tag--danger [class*="_details_"]');
		await details.waitFor();
		return (await details.innerText()).trim();
	}

	/** Adds one option to the open node's (last) Options or Filters collection, by the label the dropdown shows. */
	async addOption(label, { collection = 'last' } = {}) {
		await this.closeOpenDropdown();
		const panel = this.byTestId('node-parameters');
		const add = this.byTestId('collection-parameter-add', panel);
		await (collection === 'last' ? add.last() : add.first()).click();
		const offered = this.page.locator('[data-test-id="collection-parameter-option"]:visible');
		await offered.first().waitFor();
		await offered.filter({ hasText: new RegExp(`^\\s*${label.replace(/[()]/g, '\\$&')}\\s*$`) }).first().click();
		await this.byTestId(`parameter-input-${await this.parameterNameOf(label)}`).first().waitFor().catch(() => undefined);
	}

	/** The parameter name behind a label in the panel (its input's data-test-id), for what addOption added. */
	async parameterNameOf(label) {
		return await this.byTestId('node-parameters').evaluate((panel, text) => {
			for (const element of panel.querySelectorAll('[data-test-id^="parameter-input-"]')) {
				const item = element.closest('[data-test-id="parameter-item"]') ?? element.parentElement?.parentElement;
				if (item && item.textContent.includes(text)) return element.getAttribute('data-test-id').slice('parameter-input-'.length);
			}
			return '';
		}, label);
	}

	/** Turns a boolean parameter on (its switch). */
	async switchOn(name) {
		const input = this.byTestId(`parameter-input-${name}`);
		const on = await input.locator('.is-checked').count();
		if (!on) await input.locator('.el-switch').first().click();
	}

	/** The placeholder a text parameter shows. */
	async placeholderOf(name) {
		return await this.byTestId(`parameter-input-${name}`).locator('input, textarea').first().getAttribute('placeholder');
	}

	/** The execution hints the output panel shows (e.g. "1 payment was already recorded …"). */
	async outputHints() {
		const hints = this.byTestId('node-hint', this.byTestId('output-panel'));
		await hints.first().waitFor();
		return (await hints.allInnerTexts()).map((text) => text.trim());
	}

	/** Runs the open node's step and resolves to the error the output panel shows: { message, description }. */
	async executeStepExpectingError() {
		await this.byTestId('node-execute-button').click();
		const output = this.byTestId('output-panel');
		const message = this.byTestId('node-error-message', output);
		await message.first().waitFor();
		const description = this.byTestId('node-error-description', output);
		return {
			message: (await message.first().innerText()).trim(),
			description: (await description.count()) > 0 ? (await description.first().innerText()).trim() : '',
		};
	}

	/** Runs the open node's step again and resolves once the output panel shows `expectedText` again, fresh. */
	async executeStepAgain(expectedText) {
		const output = this.byTestId('output-panel');
		await this.byTestId('node-execute-button').click();
		await this.page.waitForTimeout(500);
		await output.getByText(expectedText).first().waitFor();
		return output;
	}

	/** Closes the node's panel (back to the canvas). */
	async closeNode() {
		await this.page.keyboard.press('Escape');
		await this.byTestId('node-parameters').waitFor({ state: 'hidden' });
	}

	/** What the canvas shows of each node: its name and subtitle. */
	async canvasNodeTexts() {
		const nodes = this.page.locator('.vue-flow__node');
		await nodes.first().waitFor();
		return (await nodes.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/**
	 * A new workflow with the Chaser Trigger, from the node creator: search, pick it; resolves once its panel shows
	 * its parameters.
	 */
	async openTrigger(search = 'Chaser') {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.byTestId('canvas-plus-button').click();
		await this.byTestId('node-creator-search-bar').pressSequentially(search);
		await this.byTestId('node-creator-item-name').filter({ hasText: /^Chaser$/ }).click();
		// n8n lists a trigger's events as "On <event>" (from its Event options).
		await this.byTestId('node-creator').getByText(/^On invoice paid$/i).first().click();
		await this.byTestId('node-parameters').waitFor();
	}

	/** Where the open node's "Docs" link goes (read from the link, or from what it asks the browser to open). */
	async docsUrl() {
		await this.page.evaluate(() => {
			window.__opened = [];
			window.open = (url) => {
				window.__opened.push(String(url));
				return null;
			};
		});
		const link = this.page.locator('a[href*="github.com/n8n-nodes-chaser"], a[href*="docs/chaser-trigger"]').first();
		if (await link.count()) return await link.getAttribute('href');
		await this.page.getByText('Docs', { exact: true }).first().click();
		return await this.page.evaluate(() => window.__opened[0]);
	}

	/** Fetch Test Event on the open trigger; resolves to the error it shows, or '' when it got an item. */
	async fetchTestEventError() {
		await this.byTestId('node-execute-button').click();
		const output = this.byTestId('output-panel');
		const error = this.byTestId('node-error-message', output);
		await error.or(output.getByText(/\b1 item\b/)).first().waitFor();
		if (!(await error.count())) return { message: '', description: '' };
		const description = this.byTestId('node-error-description', output);
		return {
			message: (await error.first().innerText()).trim(),
			description: (await description.count()) > 0 ? (await description.first().innerText()).trim() : '',
		};
	}

	/**
	 * Opens the node's credential, fills `fields` (parameter name → text), saves, which runs the credential test,
	 * and closes it again. Resolves to the test's reason under "Couldn't connect with these settings", or "" when it
	 * connected.
	 */
	async testCredentialWith(fields, { screenshot } = {}) {
		await this.byTestId('credential-edit-button').click();
		const dialog = this.byTestId('editCredential-modal');
		for (const [name, value] of Object.entries(fields)) {
			await this.byTestId(`parameter-input-${name}`, dialog).locator('input').fill(String(value));
		}
		// Saving runs n8n's credential test; the dialog shows its answer (the message under "Couldn't connect"). The
		// dialog also tests the credential when it opens: the answer wanted is the first test after the save.
		const before = this.calls.length;
		await this.byTestId('credential-save-button', dialog).click();
		const test = await this.nextCall(before, (call) => /^\/rest\/credentials\/[^/]+$/.test(call.path) && call.path !== '/rest/credentials/test', (call) => call.path === '/rest/credentials/test');
		const { data } = JSON.parse(await test.body);
		let reason = '';
		if (data.status !== 'OK') {
			reason = data.message;
			await dialog.getByText(/connect with these settings/).waitFor();
			// A long reason shows whole once "More details" is clicked.
			const more = dialog.getByText('More details');
			if (await more.count()) await more.first().click();
			await dialog.getByText(reason.slice(0, 40)).first().waitFor();
		}
		if (screenshot) await this.screenshot(screenshot);
		await this.closeCredentialDialog();
		return reason;
	}

	/** Waits for the first call (from index `from` on) that matches `then`, after one that matches `first`. */
	async nextCall(from, first, then) {
		for (let waited = 0; waited < STEP_TIMEOUT; waited += 100) {
			const saved = this.calls.findIndex((call, index) => index >= from && first(call));
			const found = saved >= 0 ? this.calls.slice(saved + 1).find(then) : undefined;
			if (found) return found;
			await this.page.waitForTimeout(100);
		}
		throw new Error('the call did not come');
	}

	/** Closes the credential dialog with its close button (Escape would close the node's panel too). */
	async closeCredentialDialog() {
		const dialog = this.byTestId('editCredential-modal');
		await dialog.locator('.el-dialog__headerbtn, button[aria-label="Close"], [data-test-id="close-button"]').first().click();
		await dialog.waitFor({ state: 'hidden' });
	}

	/**
	 * Adds a node after the last node on the canvas (its output's "+"), from the node creator, and opens it; resolves
	 * to the answer to the output schema the editor asks for while showing the previous node's fields (`schemaPath`).
	 */
	async addNodeAfterAndAwaitSchema(search, itemName, schemaPath) {
		const schema = this.page.waitForResponse((response) => new URL(response.url()).pathname === schemaPath, { timeout: 60000 });
		await this.page.locator('[data-test-id="canvas-handle-plus"]').last().click();
		await this.byTestId('node-creator-search-bar').pressSequentially(search);
		await this.byTestId('node-creator-item-name').filter({ hasText: new RegExp(`^${itemName}$`) }).first().click();
		await this.byTestId('node-parameters').waitFor();
		return await schema;
	}

	/**
	 * Saves a screenshot (of `locator`, or the page) as `<name>.png` in the printed folder; resolves to its path.
	 * The README's screenshots (README_SCREENSHOTS) are copied to docs/images/ too, so every run retakes them.
	 */
	async screenshot(name, locator) {
		const file = path.join(this.screenshotDir, `${name}.png`);
		await (locator || this.page).screenshot({ path: file });
		if (README_SCREENSHOTS.includes(name)) fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
		return file;
	}

	/** Fills a resource locator's value input (in "Your ID" or "By ID" mode). */
	async fillLocator(name, value) {
		const input = this.resourceLocator(name).input;
		const field = (await input.evaluate((element) => element.tagName)) === 'INPUT' ? input : input.locator('input').first();
		await field.fill(value);
		await field.press('Tab');
	}

	/** Chooses an option of an options parameter by the label the dropdown shows. */
	async chooseOption(name, label) {
		await this.byTestId(`parameter-input-${name}`).click();
		// An option's text is its name, then its description.
		const option = this.page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${label}`) });
		await option.first().click();
		await option.first().waitFor({ state: 'hidden' });
	}

	/** Closes a dropdown left open (Tab out of a field can open the next "Add Field" list), which would cover the panel. */
	async closeOpenDropdown() {
		const open = this.page.locator('.el-select-dropdown__item:visible');
		if ((await open.count()) > 0) {
			await this.page.keyboard.press('Escape');
			await open.first().waitFor({ state: 'hidden' });
		}
	}

	async close() {
		await this.browser.close();
	}
}

module.exports = { Editor, browserOrSkip };
