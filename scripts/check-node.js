#!/usr/bin/env node
/*
 * Preflight for `npm start`, `npm run dev`, `npm test`, `npm run build` (their `pre…` scripts):
 * on a Node.js older than package.json "engines.node" it prints ONE line saying what is needed and
 * exits 1, instead of a build error or a stack trace further on. Plain JavaScript written for any
 * Node version (no build, no dependency): it must run on exactly the old runtimes it refuses.
 *
 *   node scripts/check-node.js        # silent and exit 0 on a supported Node
 *
 * The entry point (src/index.ts, through src/nodeSupport.ts) makes the same check for
 * `node dist/src/index.js` started directly.
 */
'use strict';

var path = require('path');

/**
 * The smallest supported version in an engines range written ">=MAJOR[.MINOR[.PATCH]]", as
 * [major, minor, patch]; null when the range has another form.
 *
 * @example
 * minimumFromRange('>=22.12'); // [22, 12, 0]
 */
function minimumFromRange(range) {
  var match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(String(range));
  if (!match) return null;
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

/**
 * The one-line message for a Node version below the minimum, or null when it is supported.
 *
 * @example
 * unsupportedNodeMessage('20.20.2', '>=22.12'); // 'CBP E-Commerce Assistant needs Node.js 22.12 or newer …'
 * unsupportedNodeMessage('24.1.0', '>=22.12');  // null
 */
function unsupportedNodeMessage(version, range) {
  var minimum = minimumFromRange(range);
  if (!minimum) return null;
  var parts = String(version).replace(/^v/, '').split('.').map(Number);
  for (var i = 0; i < 3; i++) {
    var have = parts[i] || 0;
    if (have > minimum[i]) return null;
    if (have < minimum[i]) {
      var wanted = minimum[0] + (minimum[1] || minimum[2] ? '.' + minimum[1] : '') + (minimum[2] ? '.' + minimum[2] : '');
      return (
        'CBP E-Commerce Assistant needs Node.js ' + wanted + ' or newer (22 LTS or 24 LTS); this is Node.js ' + String(version).replace(/^v/, '') +
        (parts[0] <= 20 ? ', which is past its end of life (Node 20: 30 Apr 2026)' : '') +
        '. Install Node 22 or 24 (https://nodejs.org/en/download) and run npm install again.'
      );
    }
  }
  return null;
}

module.exports = { minimumFromRange: minimumFromRange, unsupportedNodeMessage: unsupportedNodeMessage };

if (require.main === module) {
  var engines = require(path.join(__dirname, '..', 'package.json')).engines || {};
  var message = unsupportedNodeMessage(process.versions.node, engines.node);
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
