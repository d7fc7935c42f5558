'use strict';
// Headless Chromium for the tests that drive n8n's editor: Debian's `chromium` package, launched through
// playwright-core with an explicit executablePath. No browser is ever downloaded: playwright-core has no install
// script, and nothing here runs `playwright install`.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const { log } = require('./install');

/** Where Debian (and Ubuntu's deb) put the browser; CHROMIUM_BIN overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

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

function findChromium() {
	const candidates = process.env.CHROMIUM_BIN ? [process.env.CHROMIUM_BIN] : CANDIDATES;
	return candidates.find((file) => {
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

let found;

/**
 * The Chromium binary, installed with `apt-get install chromium` first when it is missing and this process is root.
 * Returns { executablePath } or, only when this machine cannot have a browser, { unavailable: why }. Synchronous, so
 * a test file can decide at load time whether its browser tests run or are skipped.
 */
function chromiumOrWhyNot() {
	if (!found) found = locateOrInstall();
	return found;
}

function locateOrInstall() {
	const existing = findChromium();
	if (existing) return { executablePath: existing };
	if (process.env.CHROMIUM_BIN) return { unavailable: `CHROMIUM_BIN=${process.env.CHROMIUM_BIN} is not an executable file` };
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		return { unavailable: 'chromium is not installed, and this process is not root so it cannot run apt-get install chromium' };
	}
	if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
		return { unavailable: 'chromium is not installed, and there is no apt-get to install it with' };
	}
	const logFile = path.join(os.tmpdir(), 'chaser-chromium-install.log');
	log(`installing Debian's chromium with apt-get (about a minute; log: ${logFile}) ...`);
	const out = fs.openSync(logFile, 'a');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
			const result = spawnSync('apt-get', args, { env, stdio: ['ignore', out, out], timeout: 15 * 60 * 1000 });
			if (result.status !== 0) {
				return { unavailable: `chromium is not installed, and apt-get ${args[0]} failed (exit ${result.status}; log: ${logFile})` };
			}
		}
	} finally {
		fs.closeSync(out);
	}
	const installed = findChromium();
	return installed ? { executablePath: installed } : { unavailable: `apt-get installed chromium, but none of ${CANDIDATES.join(', ')} exists` };
}

/** Launches headless Chromium. Resolves to playwright-core's Browser. */
async function launchChromium(executablePath) {
	const { chromium } = require('playwright-core');
	return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 120000 });
}

module.exports = { chromiumOrWhyNot, launchChromium, CHROMIUM_ARGS };
