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
			for (const element of panel.querySelectorAll('label, [data-test-id$="-label"], .n8n-input-label *')) {
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

	/** Saves a screenshot (of `locator`, or the page) as `<name>.png` in the printed folder; resolves to its path. */
	async screenshot(name, locator) {
		const file = path.join(this.screenshotDir, `${name}.png`);
		await (locator || this.page).screenshot({ path: file });
		return file;
	}

	async close() {
		await this.browser.close();
	}
}

module.exports = { Editor, browserOrSkip };
