/**
 * The layering test (issue 16 "layers without cycles", issue 14 "small truths"): the allowed
 * dependencies of ARCHITECTURE.md, checked on every production file of src/ and dialogs/.
 *
 * - The core (knowledge, rules, escalation, records, understanding) imports no botbuilder,
 *   restify, bot, dialog, channel, server or composition code: it can move to another bot SDK.
 * - Dialogs import no channel, bot, server or composition code; child dialogs do not import the
 *   main dialog (ids and options live in dialogs/ids.ts).
 * - Conversation-state storage builds no other layer's store (the composition root does).
 * - Hardening does not reach into the Direct Line channel (shared helpers are in src/http).
 * - Neutral modules (src/azure, src/http, src/clock.ts, src/dates.ts, src/text, src/problems.ts,
 *   src/messages, src/replies.ts) import no layer, only each other.
 * - No import cycles.
 *
 * The checker itself (test/helpers/importGraph.ts) is tested below on fake graphs and on a
 * throw-away source tree, to show that a forbidden import or a cycle does fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLayers, findCycles, matches, moduleSpecifiers, packageName, readImportGraph, type ImportGraph, type LayerRule } from './helpers/importGraph';

const ROOT = path.resolve(__dirname, '..');

/** The bot-framework and web-server packages: only the bot, channel, server and composition layers use them. */
const BOT_PACKAGES = ['botbuilder', 'botframework', 'restify'];
/** The layers above the core: the bot and its middleware, dialogs, channels, server, composition root and command lines. */
const UPPER_LAYERS = [
  'dialogs/',
  'src/bot.ts',
  'src/transcript.ts',
  'src/app.ts',
  'src/composition/',
  'src/server.ts',
  'src/service.ts',
  'src/index.ts',
  'src/channels/',
  'src/hardening/',
  'src/staff/',
  'src/storage/',
  'src/metrics.ts',
  'src/cli/',
];
const CORE = ['src/knowledge/', 'src/rules/', 'src/escalation/', 'src/records/', 'src/understanding/'];
/** Neutral modules: helpers any layer may use (Azure blob helpers, HTTP helpers, time and calendar dates, text, problem lines, the message catalogs, the channel-neutral reply). */
const NEUTRAL = ['src/azure/', 'src/http/', 'src/clock.ts', 'src/dates.ts', 'src/text/', 'src/problems.ts', 'src/messages/', 'src/replies.ts'];

const LAYER_RULES: LayerRule[] = [
  {
    name: 'the core imports no bot framework and no upper layer',
    from: CORE,
    forbidden: [...BOT_PACKAGES, ...UPPER_LAYERS],
  },
  {
    name: 'dialogs import no channel, bot, server or composition code',
    from: ['dialogs/'],
    forbidden: ['restify', 'src/channels/', 'src/bot.ts', 'src/transcript.ts', 'src/app.ts', 'src/composition/', 'src/server.ts', 'src/service.ts', 'src/index.ts', 'src/hardening/', 'src/storage/', 'src/cli/'],
  },
  {
    name: 'child dialogs do not import the main dialog',
    from: ['dialogs/'],
    forbidden: ['dialogs/MainDialog.ts'],
  },
  {
    name: 'conversation-state storage builds no other layer’s store',
    from: ['src/storage/'],
    forbidden: [...CORE, 'src/staff/', 'src/composition/', 'src/app.ts', 'dialogs/', 'src/channels/'],
  },
  {
    name: 'hardening does not reach into the Direct Line channel',
    from: ['src/hardening/'],
    forbidden: ['src/channels/directline/'],
  },
  {
    name: 'neutral modules import no layer and no bot framework (other neutral modules only)',
    from: NEUTRAL,
    // restify is allowed: src/http holds the server's HTTP helpers (types only).
    forbidden: ['botbuilder', 'botframework', ...CORE, ...UPPER_LAYERS],
  },
];

describe('the project’s layers', () => {
  const graph = readImportGraph(ROOT, ['src', 'dialogs']);

  it('reads the real import graph (sanity: the files and imports the rules depend on are found)', () => {
    expect(graph.files).toEqual(expect.arrayContaining(['src/app.ts', 'src/bot.ts', 'dialogs/MainDialog.ts', 'src/rules/index.ts', 'src/knowledge/index.ts']));
    expect(graph.files.some((f) => f.endsWith('.test.ts'))).toBe(false);
    expect(graph.edges).toContainEqual({ from: 'src/bot.ts', to: 'botbuilder', internal: false });
    expect(graph.edges).toContainEqual({ from: 'src/app.ts', to: 'src/bot.ts', internal: true });
    expect(graph.edges).toContainEqual({ from: 'src/rules/index.ts', to: 'src/rules/loader.ts', internal: true });
  });

  it('has no forbidden import', () => {
    expect(checkLayers(graph, LAYER_RULES)).toEqual([]);
  });

  it('has no import cycle (type-only imports count)', () => {
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('the layering checker', () => {
  const edge = (from: string, to: string) => ({ from, to, internal: true });

  it('matches folders, single files and packages with their family', () => {
    expect(matches('src/rules/parse/date.ts', 'src/rules/')).toBe(true);
    expect(matches('src/rulesX.ts', 'src/rules/')).toBe(false);
    expect(matches('src/bot.ts', 'src/bot.ts')).toBe(true);
    expect(matches('src/bot.tsx', 'src/bot.ts')).toBe(false);
    expect(matches('botbuilder-dialogs', 'botbuilder')).toBe(true);
    expect(matches('botbuilder', 'botbuilder')).toBe(true);
    expect(matches('botbuilderish', 'botbuilder')).toBe(false);
    expect(packageName('@azure/storage-blob/dist/x')).toBe('@azure/storage-blob');
    expect(packageName('botbuilder-dialogs')).toBe('botbuilder-dialogs');
    expect(packageName('node:fs')).toBe('node:fs');
  });

  it('finds a forbidden import in a fake graph: the core importing botbuilder, a dialog or the bot', () => {
    const fake: ImportGraph = {
      files: ['src/rules/evaluate.ts', 'src/knowledge/load.ts', 'src/escalation/outbox.ts', 'dialogs/MainDialog.ts', 'src/bot.ts'],
      edges: [
        { from: 'src/rules/evaluate.ts', to: 'botbuilder-dialogs', internal: false },
        { from: 'src/knowledge/load.ts', to: 'dialogs/MainDialog.ts', internal: true },
        { from: 'src/escalation/outbox.ts', to: 'src/bot.ts', internal: true },
        { from: 'src/escalation/outbox.ts', to: 'zod', internal: false },
        { from: 'dialogs/MainDialog.ts', to: 'src/rules/evaluate.ts', internal: true },
      ],
    };
    expect(checkLayers(fake, LAYER_RULES)).toEqual([
      { rule: LAYER_RULES[0]!.name, from: 'src/rules/evaluate.ts', to: 'botbuilder-dialogs' },
      { rule: LAYER_RULES[0]!.name, from: 'src/knowledge/load.ts', to: 'dialogs/MainDialog.ts' },
      { rule: LAYER_RULES[0]!.name, from: 'src/escalation/outbox.ts', to: 'src/bot.ts' },
    ]);
  });

  it('flags a dialog importing a channel (the renderer or the citation line), and a child dialog importing the main dialog', () => {
    const fake: ImportGraph = {
      files: ['dialogs/EscalationDialog.ts', 'dialogs/MainDialog.ts'],
      edges: [
        { from: 'dialogs/EscalationDialog.ts', to: 'src/channels/render.ts', internal: true },
        { from: 'dialogs/EscalationDialog.ts', to: 'src/channels/reply.ts', internal: true },
        { from: 'dialogs/EscalationDialog.ts', to: 'dialogs/MainDialog.ts', internal: true },
        { from: 'dialogs/EscalationDialog.ts', to: 'dialogs/ids.ts', internal: true },
      ],
    };
    expect(checkLayers(fake, LAYER_RULES).map((v) => `${v.from} → ${v.to}`)).toEqual([
      'dialogs/EscalationDialog.ts → src/channels/render.ts',
      'dialogs/EscalationDialog.ts → src/channels/reply.ts',
      'dialogs/EscalationDialog.ts → dialogs/MainDialog.ts',
    ]);
  });

  it('finds cycles in a fake graph: a three-file loop and a self-import, not a diamond', () => {
    const fake: ImportGraph = {
      files: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts', 'g.ts'],
      edges: [
        edge('a.ts', 'b.ts'),
        edge('b.ts', 'c.ts'),
        edge('c.ts', 'a.ts'),
        edge('d.ts', 'd.ts'),
        // a diamond is not a cycle
        edge('e.ts', 'f.ts'),
        edge('e.ts', 'g.ts'),
        edge('f.ts', 'g.ts'),
        { from: 'g.ts', to: 'zod', internal: false },
      ],
    };
    expect(findCycles(fake).sort()).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    expect(findCycles({ files: fake.files, edges: fake.edges.filter((e) => e.from !== 'c.ts' && e.from !== 'd.ts') })).toEqual([]);
  });

  it('reads every kind of import: type-only, re-export, import(), require(), import("x").Type', () => {
    const text = [
      "import type { A } from './a';",
      "import { B } from '../b';",
      "export { C } from './c';",
      "export * from './d';",
      "const e = require('./e');",
      "async function f() { return import('./f'); }",
      "let g: import('./g').G;",
      "import h = require('./h');",
      "const notAnImport = load('./i');",
    ].join('\n');
    expect(moduleSpecifiers('x.ts', text)).toEqual(['./a', '../b', './c', './d', './e', './f', './g', './h']);
  });

  it('fails on a real source tree with a forbidden import and a cycle (files on disk, resolved as tsc does)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      write('src/rules/index.ts', "export * from './evaluate';\n");
      write('src/rules/evaluate.ts', "import type { TurnContext } from 'botbuilder';\nimport { x } from '../../dialogs/helper';\nexport const y = x;\n");
      write('src/rules/evaluate.test.ts', "import { TestAdapter } from 'botbuilder';\n");
      write('dialogs/helper.ts', "import { y } from '../src/rules';\nexport const x = 1;\nexport const z = y;\n");
      const graph = readImportGraph(root, ['src', 'dialogs']);
      expect(graph.files).toEqual(['dialogs/helper.ts', 'src/rules/evaluate.ts', 'src/rules/index.ts']);
      expect(checkLayers(graph, LAYER_RULES)).toEqual([
        { rule: LAYER_RULES[0]!.name, from: 'src/rules/evaluate.ts', to: 'botbuilder' },
        { rule: LAYER_RULES[0]!.name, from: 'src/rules/evaluate.ts', to: 'dialogs/helper.ts' },
      ]);
      expect(findCycles(graph)).toEqual([['dialogs/helper.ts', 'src/rules/evaluate.ts', 'src/rules/index.ts']]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
