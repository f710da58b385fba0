/**
 * Helpers for the duty-free check tests: `BotServices` with the real rules
 * (`knowledge/rules/duty-free.yaml`), the real knowledge base and a clock stopped at noon
 * Eastern on 2026-11-25, and small readers for the replies a test gets back.
 *
 * @example
 * const t = createEligibilityServices();
 * const client = new DialogTestClient('webchat', new EligibilityDialog(t.services), { text: 'Check my shipment' });
 * afterEach(() => t.close());
 */
import path from 'node:path';
import { loadRuleSet, type RuleSet } from '../../src/rules';
import { createTestBotServices, type TestBotServices } from './botServices';

const ROOT = path.resolve(__dirname, '..', '..');

let ruleSet: RuleSet | undefined;

/** The real rule file, loaded once per test file. */
export function testRuleSet(): RuleSet {
  ruleSet ??= loadRuleSet(path.join(ROOT, 'knowledge', 'rules', 'duty-free.yaml'));
  return ruleSet;
}

/** Test services (see botServices.ts) with the real rules in place of the stub. */
export function createEligibilityServices(): TestBotServices {
  const t = createTestBotServices();
  t.services = { ...t.services, rules: testRuleSet };
  return t;
}

/** A message activity's parts the helpers read (botbuilder's and the test channel's both fit). */
export interface ReplyLike {
  text?: string;
  suggestedActions?: { actions: Array<{ title?: string }> };
  attachments?: Array<{ contentType: string; content?: unknown }>;
}

/** All reply texts of one turn, joined. */
export const textOf = (replies: readonly ReplyLike[]): string => replies.map((r) => r.text ?? '').join('\n\n');

/** The button labels of the last reply of a turn. */
export const buttonsOf = (replies: readonly ReplyLike[]): string[] =>
  replies[replies.length - 1]?.suggestedActions?.actions.map((a) => a.title ?? '') ?? [];

/** The reply whose text starts with "Result:" (the verdict), if any. */
export const verdictOf = <R extends ReplyLike>(replies: readonly R[]): R | undefined => replies.find((r) => (r.text ?? '').startsWith('Result:'));
