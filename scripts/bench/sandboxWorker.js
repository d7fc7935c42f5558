'use strict';
/**
 * The Chaser sandbox in a worker thread, so that its memory (the 50,000 customers it holds, the JSON it
 * writes) stays out of the main thread's heap, where the Return All benchmark measures the node's memory.
 * In production Chaser is another machine; this keeps the figure about the node.
 *
 * Messages in: { id, cmd: 'addCustomers', n } | { id, cmd: 'setRateLimit', limit } | { id, cmd: 'times' } (the arrival
 * time of every request since the last 'times') | { id, cmd: 'close' }
 * Messages out: { ready: true, url } once listening, then { id, result } per message.
 */
const path = require('path');
const { parentPort, workerData } = require('worker_threads');

const { createSandbox } = require(path.join(__dirname, '..', '..', 'sandbox'));

(async () => {
	const sandbox = await createSandbox({ port: 0, seed: 'none', quiet: true, ...workerData });
	parentPort.on('message', async ({ id, cmd, ...args }) => {
		let result;
		if (cmd === 'addCustomers') result = sandbox.addCustomers(args.n).length;
		else if (cmd === 'setRateLimit') result = sandbox.setRateLimit(args.limit);
		else if (cmd === 'times') {
			result = sandbox.requests.map((request) => request.time);
			sandbox.clearLog();
		} else if (cmd === 'close') {
			await sandbox.close();
			result = true;
		}
		parentPort.postMessage({ id, result });
		if (cmd === 'close') parentPort.close();
	});
	parentPort.postMessage({ ready: true, url: sandbox.url });
})();
