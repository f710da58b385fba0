/**
 * Jest transform for the few dependencies published only as ES modules (jest.config.js
 * `ESM_ONLY`): TypeScript's transpiler turns their `import`/`export` into CommonJS. Their one
 * ESM-only line, `const require = createRequire(import.meta.url)` (to load an optional native
 * regex engine), is dropped: in CommonJS `require` is already there. Node itself loads these
 * packages from the compiled bot with require(esm) (Node >= 22.12); only Jest on Node 22 needs this.
 */
'use strict';
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const code = source.replace(/^\s*const require = createRequire\(import\.meta\.url\);?\s*$/m, '');
    const out = ts.transpileModule(code, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, allowJs: true },
    });
    return { code: out.outputText };
  },
};
