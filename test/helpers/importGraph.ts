/**
 * The project's import graph and the two checks the layering test runs on it (issue 16, issue 14):
 * forbidden imports between layers, and import cycles.
 *
 * Imports are read with the TypeScript compiler's own parser and module resolution, so
 * `import type`, `export … from`, `import()` and `require()` all count, and `./x` resolves to
 * `x.ts`, `x/index.ts` or `x.json` exactly as tsc does. The checks are pure functions over a
 * plain graph, so a fake graph tests them (test/layering.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import: `from` and, for project files, `to` are repo-relative paths with forward slashes; packages are their name ('botbuilder', '@azure/storage-blob', 'node:fs'). */
export interface ImportEdge {
  from: string;
  to: string;
  /** True for a file inside the project, false for a package. */
  internal: boolean;
}

/** Project files and the imports between them and out to packages. */
export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

/**
 * A layering rule: files matching `from` must not import anything matching `forbidden`, unless
 * the import matches one of `exceptions` (each with the reason it is allowed for now).
 * Patterns are path or package prefixes: 'src/rules/' or 'botbuilder' (which also matches
 * 'botbuilder-dialogs'). A pattern ending in '.ts' matches that one file.
 */
export interface LayerRule {
  name: string;
  from: string[];
  forbidden: string[];
  exceptions?: { from: string; to: string; reason: string }[];
}

/** An import that breaks a rule. */
export interface Violation {
  rule: string;
  from: string;
  to: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Production TypeScript files under `dirs` (repo-relative), without tests and declaration files. */
export function listSourceFiles(root: string, dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(toPosix(path.relative(root, full)));
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return out.sort();
}

/** Every module specifier in one file: static imports and re-exports (type-only too), `import()` and `require()`. */
export function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The package a bare specifier names: 'botbuilder-dialogs', '@azure/storage-blob' (from '@azure/storage-blob/x'), 'node:fs'. */
export function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Reads the import graph of the production files under `dirs`.
 *
 * @example
 * const graph = readImportGraph('/work/main', ['src', 'dialogs']);
 * graph.edges.filter((e) => e.from === 'src/app.ts');
 */
export function readImportGraph(root: string, dirs: string[]): ImportGraph {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true, allowJs: false };
  const host = ts.createCompilerHost(options);
  const files = listSourceFiles(root, dirs);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    for (const specifier of moduleSpecifiers(full, fs.readFileSync(full, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        edges.push({ from: file, to: packageName(specifier), internal: false });
        continue;
      }
      const resolved = ts.resolveModuleName(specifier, full, options, host).resolvedModule?.resolvedFileName;
      // An unresolvable relative import fails the type check already; keep it visible here anyway.
      const target = resolved ? toPosix(path.relative(root, resolved)) : toPosix(path.relative(root, path.resolve(path.dirname(full), specifier)));
      edges.push({ from: file, to: target, internal: true });
    }
  }
  return { files, edges };
}

/** Whether `name` (a path or package) matches a rule pattern. */
export function matches(name: string, pattern: string): boolean {
  if (pattern.endsWith('.ts') || pattern.endsWith('.json')) return name === pattern;
  if (pattern.endsWith('/')) return name.startsWith(pattern);
  return name === pattern || name.startsWith(`${pattern}-`) || name.startsWith(`${pattern}/`);
}

/**
 * The imports that break a rule, minus the listed exceptions.
 *
 * @example
 * checkLayers({ files: ['src/rules/a.ts'], edges: [{ from: 'src/rules/a.ts', to: 'botbuilder', internal: false }] },
 *   [{ name: 'core', from: ['src/rules/'], forbidden: ['botbuilder'] }]);
 * // → [{ rule: 'core', from: 'src/rules/a.ts', to: 'botbuilder' }]
 */
export function checkLayers(graph: ImportGraph, rules: LayerRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    for (const edge of graph.edges) {
      if (!rule.from.some((p) => matches(edge.from, p))) continue;
      if (!rule.forbidden.some((p) => matches(edge.to, p))) continue;
      if (rule.exceptions?.some((x) => matches(edge.from, x.from) && matches(edge.to, x.to))) continue;
      violations.push({ rule: rule.name, from: edge.from, to: edge.to });
    }
  }
  return violations;
}

/**
 * The import cycles between project files: each strongly connected component of more than one
 * file (or a file importing itself), as a sorted list of files. Tarjan's algorithm, iterative.
 *
 * @example
 * findCycles({ files: ['a.ts', 'b.ts'], edges: [{ from: 'a.ts', to: 'b.ts', internal: true }, { from: 'b.ts', to: 'a.ts', internal: true }] });
 * // → [['a.ts', 'b.ts']]
 */
export function findCycles(graph: ImportGraph): string[][] {
  const next = new Map<string, string[]>();
  for (const file of graph.files) next.set(file, []);
  for (const edge of graph.edges) if (edge.internal && next.has(edge.to)) next.get(edge.from)?.push(edge.to);

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node)!;
      if (frame.i < targets.length) {
        const target = targets[frame.i++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, i: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && targets.includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
