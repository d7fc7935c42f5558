'use strict';
// Folders for the `npm start` test. A newcomer's checkout of this repo: the files git would check out (with their current content, so uncommitted
// work is tested too) in a new temp folder, without node_modules, dist/ or any other ignored file.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Copies the repo's checked-out files into a new temp folder and resolves to its path. */
function freshCheckout() {
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	})
		.split('\0')
		.filter(Boolean);
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'chaser-checkout-'));
	for (const file of files) {
		const from = path.join(REPO_ROOT, file);
		if (!fs.existsSync(from)) continue; // deleted in the working tree
		fs.mkdirSync(path.dirname(path.join(destination, file)), { recursive: true });
		fs.copyFileSync(from, path.join(destination, file));
	}
	return destination;
}

/** A new empty temp folder (for state the test hands to a process). */
function tempFolder(prefix) {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function removeFolder(folder) {
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
}

/** Whether `relative` exists inside `folder`. */
function existsIn(folder, relative) {
	return fs.existsSync(path.join(folder, relative));
}

module.exports = { freshCheckout, tempFolder, removeFolder, existsIn };
