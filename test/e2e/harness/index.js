'use strict';
// Public API of the end-to-end harness (documented in test/e2e/README.md).
const install = require('./install');
const { packPackage } = require('./pack');
const { N8nInstance, freePort, PACKAGE_NAME, ENCRYPTION_KEY } = require('./n8n');

module.exports = {
	ensureNode24: install.ensureNode24,
	ensureNode20: install.ensureNode20,
	ensureN8n: install.ensureN8n,
	cacheRoot: install.cacheRoot,
	packPackage,
	N8nInstance,
	freePort,
	PACKAGE_NAME,
	ENCRYPTION_KEY,
};
