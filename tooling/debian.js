'use strict';
// Debian packages the end-to-end tests need (Redis and PostgreSQL for queue mode, Chromium for the editor test),
// installed with apt-get when missing: as root, or through `sudo -n`. One `apt-get update` and one `apt-get install`
// for everything that is missing; another apt-get holding the lock is waited for rather than failed on.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const { cacheRoot, log, run } = require('./install');

/**
 * What each package provides, so that "missing" means "not usable here" rather than "not registered with dpkg"
 * (a PostgreSQL or Chromium built elsewhere counts too).
 */
const PACKAGES = {
	'redis-server': () => ['redis-server', 'redis-cli'].every((name) => executableIn(['/usr/bin', '/usr/local/bin'], name)),
	postgresql: () => Boolean(postgresBin()),
	chromium: () => Boolean(chromiumBin()),
};

function executableIn(dirs, name) {
	return dirs.map((dir) => path.join(dir, name)).find((file) => isExecutable(file));
}

function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The bin folder of the newest PostgreSQL the Debian packages installed, if any. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

/** Where Debian (and Ubuntu's deb) put the browser; CHROMIUM_BIN overrides. */
function chromiumBin() {
	const candidates = process.env.CHROMIUM_BIN ? [process.env.CHROMIUM_BIN] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((file) => isExecutable(file));
}

function missing(names) {
	return names.filter((name) => !PACKAGES[name]());
}

/** How to run apt-get here: ['apt-get'] as root, ['sudo', '-n', 'apt-get'] otherwise; or why it cannot run. */
function aptGet() {
	const found = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
	if (!found('apt-get')) return { why: 'there is no apt-get on this machine' };
	if (typeof process.getuid === 'function' && process.getuid() === 0) return { command: ['apt-get'] };
	if (found('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return { command: ['sudo', '-n', 'apt-get'] };
	return { why: 'this process is not root and cannot use sudo without a password' };
}

/** The two apt-get calls that install `packages`. */
function aptCalls(packages) {
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	return [
		[...lock, 'update'],
		[...lock, 'install', '-y', '--no-install-recommends', ...packages],
	];
}

function aptLog() {
	fs.mkdirSync(cacheRoot(), { recursive: true });
	return path.join(cacheRoot(), 'apt-get.log');
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

let installing = Promise.resolve();

/**
 * Installs whichever of `names` (keys of PACKAGES) is missing; resolves once all are there, or rejects saying why
 * they cannot be. Calls in one process run one after another (apt-get takes a lock).
 */
function ensurePackages(names) {
	const next = installing.then(async () => {
		const wanted = missing(names);
		if (wanted.length === 0) return;
		const apt = aptGet();
		if (!apt.command) throw new Error(`${wanted.join(', ')} ${wanted.length > 1 ? 'are' : 'is'} not installed, and ${apt.why}`);
		const [command, ...prefix] = apt.command;
		const logFile = aptLog();
		const started = Date.now();
		log(`installing ${wanted.join(', ')} from Debian packages (apt-get, about a minute; log: ${logFile}) ...`);
		for (const args of aptCalls(wanted)) {
			await run(command, [...prefix, ...args], { env: APT_ENV }, logFile, `apt-get ${args[2]}`);
		}
		const still = missing(names);
		if (still.length > 0) throw new Error(`apt-get finished but ${still.join(', ')} is still missing`);
		log(`installed ${wanted.join(', ')} in ${Math.round((Date.now() - started) / 1000)} s`);
	});
	installing = next.catch(() => undefined);
	return next;
}

/**
 * The same, synchronously (for a test file that decides at load time whether its tests can run). Returns undefined
 * when everything is there, or why this machine cannot have the packages (no apt-get, not root and no sudo); throws
 * when it could but apt-get failed, so that a broken install fails the tests rather than skipping them.
 */
function ensurePackagesSync(names) {
	const wanted = missing(names);
	if (wanted.length === 0) return undefined;
	const apt = aptGet();
	if (!apt.command) return `${wanted.join(', ')} ${wanted.length > 1 ? 'are' : 'is'} not installed, and ${apt.why}`;
	const [command, ...prefix] = apt.command;
	const logFile = aptLog();
	log(`installing ${wanted.join(', ')} from Debian packages (apt-get, about a minute; log: ${logFile}) ...`);
	const out = fs.openSync(logFile, 'a');
	try {
		for (const args of aptCalls(wanted)) {
			const result = spawnSync(command, [...prefix, ...args], { env: APT_ENV, stdio: ['ignore', out, out], timeout: 15 * 60 * 1000 });
			if (result.status !== 0) throw new Error(`${wanted.join(', ')} could not be installed: apt-get ${args[2]} failed (log: ${logFile})`);
		}
	} finally {
		fs.closeSync(out);
	}
	const still = missing(names);
	if (still.length > 0) throw new Error(`apt-get finished but ${still.join(', ')} is still missing`);
	return undefined;
}

module.exports = { ensurePackages, ensurePackagesSync, postgresBin, chromiumBin, executableIn };
