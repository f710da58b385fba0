/** Jest: TypeScript through ts-jest (transpile only: tsconfig.jest.json sets isolatedModules; `npm run typecheck` does the type check). */

/**
 * Packages published only as ES modules. Node (>= 22.12) loads them from the compiled CommonJS
 * with require(); Jest on Node 22 cannot, so ts-jest turns them into CommonJS for the tests.
 */
const ESM_ONLY = ['email-reply-parser', 'email-forward-parser'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/dialogs', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
    [`/node_modules/(?:${ESM_ONLY.join('|')})/.+\\.js$`]: '<rootDir>/test/helpers/esmPackage.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ESM_ONLY.join('|')})/)`],
  testTimeout: 30000,
};
