/**
 * Imported first by src/index.ts, for its side effect: on a Node.js older than package.json
 * "engines.node" the process prints one line (what is needed, what this is) and exits 1, before
 * anything else loads. `npm start`, `npm run dev` and `npm test` make the same check in their
 * `pre…` scripts; this one covers `node dist/src/index.js` started directly. The check itself is
 * scripts/check-node.js (plain JavaScript, so it runs before any build), found beside the nearest
 * package.json above this file (the repository, or /app in the image).
 */
import fs from 'node:fs';
import path from 'node:path';

interface NodeCheck {
  unsupportedNodeMessage(version: string, range: string | undefined): string | null;
}

/**
 * The nearest folder at or above `from` that holds a package.json, or undefined.
 *
 * @example
 * projectRoot(__dirname); // '/work/main' from src/ or dist/src/
 */
export function projectRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Exits with one line on stderr when this Node.js is older than the project supports.
 * Silent when the project's package.json or scripts/check-node.js cannot be found.
 */
export function exitIfUnsupportedNode(version = process.versions.node): void {
  const root = projectRoot(__dirname);
  const script = root && path.join(root, 'scripts', 'check-node.js');
  if (!root || !script || !fs.existsSync(script)) return;
  const engines = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS file outside the build, found at run time
  const check = require(script) as NodeCheck;
  const message = check.unsupportedNodeMessage(version, engines?.node);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}

exitIfUnsupportedNode();
