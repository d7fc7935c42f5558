'use strict';
// Builds the package and packs it exactly as `npm publish` would ship it.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const { REPO_ROOT, ensureNode24, envFor, log } = require('./install');

let packed;

function exec(command, args, options) {
	return new Promise((resolve, reject) => {
		execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) {
				error.message = `${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`;
				reject(error);
			} else resolve({ stdout, stderr });
		});
	});
}

/**
 * `npm run build` in the repo, then `npm pack` into a fresh temp folder. Resolves to the .tgz path.
 * Memoised per process: every caller in one run gets the same tarball. `{ build: false }` skips the build.
 */
function packPackage(options = {}) {
	if (!packed) {
		packed = doPack(options);
		packed.catch(() => {
			packed = undefined;
		});
	}
	return packed;
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Jest runs test files in parallel workers, each with its own memo: a lock folder (per repo) keeps two workers from
 * compiling into dist/ or packing it at the same time. A lock older than 5 minutes is considered abandoned.
 */
async function withPackLock(fn) {
	const id = crypto.createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12);
	const lock = path.join(os.tmpdir(), `n8n-nodes-chaser-pack-${id}.lock`);
	const deadline = Date.now() + 10 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			try {
				if (Date.now() - fs.statSync(lock).mtimeMs > 5 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
			} catch {
				// removed meanwhile
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for the pack lock ${lock}`);
			await delay(250);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Exit hooks do not always run inside jest workers: drop pack folders left by runs more than 6 hours ago. */
function removeStalePackFolders() {
	const cutoff = Date.now() - 6 * 3600 * 1000;
	for (const name of fs.readdirSync(os.tmpdir())) {
		if (!name.startsWith('chaser-pack-')) continue;
		const folder = path.join(os.tmpdir(), name);
		try {
			if (fs.statSync(folder).mtimeMs < cutoff) fs.rmSync(folder, { recursive: true, force: true });
		} catch {
			// gone meanwhile
		}
	}
}

function doPack(options) {
	return withPackLock(() => buildAndPack(options));
}

async function buildAndPack({ build = true } = {}) {
	const env = envFor(ensureNode24());
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const started = Date.now();
	if (build) {
		log('building the package (npm run build) ...');
		await exec(npm, ['run', 'build'], { cwd: REPO_ROOT, env });
	}
	removeStalePackFolders();
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'chaser-pack-'));
	process.once('exit', () => fs.rmSync(destination, { recursive: true, force: true }));
	const { stdout } = await exec(npm, ['pack', '--json', '--pack-destination', destination], { cwd: REPO_ROOT, env });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const tarball = path.join(destination, info.filename);
	if (!fs.existsSync(tarball)) throw new Error(`npm pack reported ${info.filename} but ${tarball} is missing`);
	log(`packed ${info.filename} (${info.entryCount} files) in ${Math.round((Date.now() - started) / 1000)} s`);
	return tarball;
}

module.exports = { packPackage };
