'use strict';
// Which sandbox modules a module loads, found in a fresh Node process (jest's module registry would not tell).
const { execFileSync } = require('child_process');
const path = require('path');

const SANDBOX = path.join(__dirname, '..', '..', 'sandbox');

/** @param {string} name e.g. 'seed' @returns {string[]} file names of the sandbox modules it loads, itself included */
function sandboxModulesLoadedBy(name) {
	const script = `require(${JSON.stringify(path.join(SANDBOX, name))}); console.log(JSON.stringify(Object.keys(require.cache)))`;
	const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
	return loaded.filter((file) => path.dirname(file) === SANDBOX).map((file) => path.basename(file));
}

module.exports = { sandboxModulesLoadedBy };
