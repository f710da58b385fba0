/**
 * What the production build compiles (issue 14): tsconfig.json builds dist/ without jest's types
 * and without test-only modules, so a production file that uses `describe`/`expect` fails the
 * build and no test code ships; tsconfig.test.json type-checks everything, tests included (CI runs
 * both: `npm run build` and `npm run typecheck`).
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

/** The files and options a tsconfig resolves to, as tsc reads them. */
function parsedConfig(file: string): ts.ParsedCommandLine {
  const { config, error } = ts.readConfigFile(path.join(ROOT, file), (name) => ts.sys.readFile(name));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
}

const relative = (files: string[]) => files.map((file) => path.relative(ROOT, file).split(path.sep).join('/'));

/** Modules that exist only for tests (they call jest or load fixtures) but live beside the code. */
const TEST_ONLY_MODULES = ['src/escalation/storeContract.ts', 'src/rules/testRules.ts'];

describe('the production build (tsconfig.json)', () => {
  const production = parsedConfig('tsconfig.json');
  const files = relative(production.fileNames);

  test('compiles the code, without jest types', () => {
    expect(files).toEqual(expect.arrayContaining(['src/index.ts', 'src/server.ts', 'dialogs/MainDialog.ts']));
    expect(production.options.types).toEqual(['node']);
  });

  test('leaves out tests and the test-only modules, so they never reach dist/', () => {
    expect(files.filter((file) => file.endsWith('.test.ts'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('test/'))).toEqual([]);
    for (const module of TEST_ONLY_MODULES) expect(files).not.toContain(module);
  });
});

describe('the test type check (tsconfig.test.json)', () => {
  const tests = parsedConfig('tsconfig.test.json');
  const files = relative(tests.fileNames);

  test('checks the tests, the helpers and the test-only modules, with jest types', () => {
    expect(tests.options.types).toEqual(['node', 'jest']);
    expect(tests.options.noEmit).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['test/server.test.ts', 'test/helpers/channel.ts', 'test/smoke/smoke.ts', 'src/config.test.ts', ...TEST_ONLY_MODULES]));
  });
});
