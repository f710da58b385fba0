/**
 * The project's own knowledge base, duty-free rules and name table, loaded as the bot loads them,
 * for tests that run every development or real-style question through understanding.
 *
 * @example
 * const { kb, rules, names } = loadProjectContent('2026-12-02');
 * understand('is de minimis dead', { kb, rules: () => rules, names, today: '2026-12-02' });
 */
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { loadRuleSet, type RuleSet } from '../../src/rules';
import { loadNames, type NameTable } from '../../src/understanding/names';

const KNOWLEDGE = path.join(__dirname, '..', '..', 'knowledge');

export interface ProjectContent {
  kb: KnowledgeBase;
  rules: RuleSet;
  names: NameTable;
}

/** Loads knowledge/ as of `today`; throws when the folder has errors (the test cannot run). */
export function loadProjectContent(today: string): ProjectContent {
  const loaded = loadKnowledgeBase(KNOWLEDGE, { today });
  if (!loaded.kb) throw new Error('knowledge folder has errors');
  return {
    kb: loaded.kb,
    rules: loadRuleSet(path.join(KNOWLEDGE, 'rules', 'duty-free.yaml')),
    names: loadNames(path.join(KNOWLEDGE, 'names.yaml')).table,
  };
}
