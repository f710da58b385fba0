/**
 * The real rule file, loaded once for tests (and anything else that wants the bundled rules).
 */
import path from 'node:path';
import { loadRuleSet } from './loader';
import type { RuleSet } from './types';

/** Where the bundled rule file lives, from this folder. */
export const DEFAULT_RULE_FILE = path.join(__dirname, '..', '..', 'knowledge', 'rules', 'duty-free.yaml');

let cached: RuleSet | undefined;

/**
 * The bundled rules, read once.
 *
 * @example
 * bundledRules().reviewed; // '2026-11-25'
 */
export function bundledRules(): RuleSet {
  cached ??= loadRuleSet(DEFAULT_RULE_FILE);
  return cached;
}
