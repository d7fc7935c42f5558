'use strict';
// Redis and PostgreSQL for n8n in queue mode (the queue-mode end-to-end test): installed from Debian packages when
// missing, started as plain processes on free loopback ports in folders of their own (no system service), stopped
// afterwards. Follows the measured recipe in the project's research notes (n8n-queue-mode.md).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile, spawnSync } = require('child_process');

const { ensurePackages, executableIn, postgresBin } = require('./debian');
const { freePort } = require('./n8n');

/** The database user and database n8n gets. */
const DB_USER = 'n8n';
const DB_NAME = 'n8n';

/** Services still running, stopped synchronously if the process exits without stopping them. */
const running = new Set();
process.on('exit', () => {
	for (const service of running) service.stopNow();
});

function exec(command, args, options = {}) {
	return new Promise((resolve) => {
		execFile(command, args, { maxBuffer: 16 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
		});
	});
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function redisBin(name) {
	return executableIn(['/usr/bin', '/usr/local/bin'], name);
}

/** Installs Redis and PostgreSQL from Debian packages when either is missing (see debian.js). */
function ensureServices() {
	return ensurePackages(['redis-server', 'postgresql']);
}

/** A PostgreSQL server and an empty database `n8n` owned by user `n8n` (trust auth), in a folder of its own. */
async function startPostgres() {
	await ensureServices();
	const bin = postgresBin();
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chaser-postgres-'));
	// initdb refuses to run as root: as root, the server runs as the postgres user the package created.
	let asUser = [];
	if (isRoot()) {
		const { uid, gid } = fs.statSync('/var/lib/postgresql');
		fs.chownSync(dir, uid, gid);
		asUser = ['runuser', '-u', 'postgres', '--'];
	}
	const pg = async (tool, args) => {
		const [command, ...rest] = [...asUser, path.join(bin, tool), ...args];
		const result = await exec(command, rest, { cwd: dir });
		if (result.code !== 0) throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	const data = path.join(dir, 'data');
	await pg('initdb', ['-D', data, '-A', 'trust', '-U', DB_USER, '--no-sync']);
	// A test database: no need to survive a crash, so no waiting for the disk.
	const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
	await pg('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
	const service = {
		name: 'PostgreSQL',
		host: '127.0.0.1',
		port,
		user: DB_USER,
		database: DB_NAME,
		dir,
		async stop() {
			running.delete(service);
			await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
			fs.rmSync(dir, { recursive: true, force: true });
		},
		stopNow() {
			const [command, ...rest] = [...asUser, path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
			spawnSync(command, rest, { stdio: 'ignore' });
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	running.add(service);
	await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, DB_NAME]);
	return service;
}

/** A Redis server without persistence, in a folder of its own. */
async function startRedis() {
	await ensureServices();
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chaser-redis-'));
	const pidFile = path.join(dir, 'redis.pid');
	const cli = (...args) => exec(redisBin('redis-cli'), ['-h', '127.0.0.1', '-p', String(port), ...args]);
	const started = await exec(redisBin('redis-server'), [
		'--port', String(port),
		'--bind', '127.0.0.1',
		'--save', '',
		'--appendonly', 'no',
		'--daemonize', 'yes',
		'--dir', dir,
		'--pidfile', pidFile,
		'--logfile', path.join(dir, 'redis.log'),
	]);
	if (started.code !== 0) throw new Error(`redis-server failed to start:\n${started.stdout}\n${started.stderr}`);
	const pid = () => {
		try {
			return Number(fs.readFileSync(pidFile, 'utf8').trim()) || undefined;
		} catch {
			return undefined;
		}
	};
	const service = {
		name: 'Redis',
		host: '127.0.0.1',
		port,
		dir,
		async stop() {
			running.delete(service);
			await cli('shutdown', 'nosave');
			for (let i = 0; i < 50 && pid() && isAlive(pid()); i++) await delay(100);
			fs.rmSync(dir, { recursive: true, force: true });
		},
		stopNow() {
			const id = pid();
			if (id && isAlive(id)) process.kill(id, 'SIGKILL');
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	running.add(service);
	for (let i = 0; ; i++) {
		if ((await cli('ping')).stdout.trim() === 'PONG') break;
		if (i === 100) {
			await service.stop();
			throw new Error('Redis did not answer PING within 10 s');
		}
		await delay(100);
	}
	return service;
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The environment that puts an n8n process (main or worker) in queue mode on these services. */
function queueModeEnv({ postgres, redis }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_HEALTH_CHECK_ACTIVE: 'false',
	};
}

module.exports = { ensureServices, startPostgres, startRedis, queueModeEnv };
