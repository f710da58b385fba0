#!/usr/bin/env node
/*
 * `prepare` (runs after `npm install` and `npm ci` in this folder): builds dist/ once, so that
 * `npm start` only checks it is up to date (`tsc -b`, well under a second when nothing changed).
 *
 * Skipped, with one line, where there is nothing to build from: an install with only
 * package.json and the lock (the Dockerfile's dependency layers) or without TypeScript
 * (`npm ci --omit=dev`, the image's runtime stage).
 *
 *   node scripts/build-at-install.js
 */
'use strict';

var fs = require('fs');
var path = require('path');
var childProcess = require('child_process');

var root = path.join(__dirname, '..');

/**
 * Why the build is skipped in `dir` ('no tsconfig.json', 'TypeScript not installed'), or null
 * when it can build.
 *
 * @example
 * skipReason('/app'); // 'no tsconfig.json' in the image's dependency layer
 */
function skipReason(dir) {
  if (!fs.existsSync(path.join(dir, 'tsconfig.json'))) return 'no tsconfig.json';
  try {
    require.resolve('typescript/bin/tsc', { paths: [dir] });
  } catch (err) {
    return 'TypeScript not installed';
  }
  return null;
}

module.exports = { skipReason: skipReason };

if (require.main === module) {
  var reason = skipReason(root);
  if (reason) {
    console.log('build skipped (' + reason + ': a dependency-only or production install)');
    process.exit(0);
  }
  var tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  var result = childProcess.spawnSync(process.execPath, [tsc, '-b', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status === null ? 1 : result.status);
}
