/** Unit, engine and end-to-end tests; see README "Testing". */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	setupFiles: ['<rootDir>/test/helpers/jest.setup.js'],
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
};
