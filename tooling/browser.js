'use strict';
// Headless Chromium for the tests that drive n8n's editor: Debian's `chromium` package, launched through
// playwright-core with an explicit executablePath. No browser is ever downloaded: playwright-core has no install
// script, and nothing here runs `playwright install`.
const { chromiumBin, ensurePackagesSync } = require('./debian');

/** No GPU, no sandbox (root in a container), and nothing that phones home or updates itself. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

let found;

/**
 * The Chromium binary, installed from Debian's packages first when it is missing (see debian.js). Returns
 * { executablePath } or, only when this machine cannot have a browser, { unavailable: why }. Synchronous, so a test
 * file can decide at load time whether its browser tests run or are skipped.
 */
function chromiumOrWhyNot() {
	if (!found) {
		const why = ensurePackagesSync(['chromium']);
		found = why ? { unavailable: why } : { executablePath: chromiumBin() };
	}
	return found;
}

/** Launches headless Chromium. Resolves to playwright-core's Browser. */
async function launchChromium(executablePath) {
	const { chromium } = require('playwright-core');
	// Headless Chromium hides scrollbars (playwright passes --hide-scrollbars): the editor tests must see the panel as a
	// person does, a scrollbar taking its width from the labels beside it.
	return await chromium.launch({
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS,
		ignoreDefaultArgs: ['--hide-scrollbars'],
		timeout: 120000,
	});
}

module.exports = { chromiumOrWhyNot, launchChromium, CHROMIUM_ARGS };
