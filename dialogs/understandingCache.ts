/**
 * Understanding a message once per wording (performance, issue 15): `understand` is pure — its
 * result depends only on the text, the knowledge base, the rules (with their country table),
 * the name table and today's date — and people send the same words again and again (buttons,
 * suggested and "did you mean" questions, the common questions). So the last results are kept,
 * keyed by the text, and all of them are dropped when any of the other inputs changes (a staff
 * `reload`, a new day, a new validity window of the knowledge base).
 *
 * A result handed out may be handed out again: callers read it and copy what they keep (the
 * dialogs copy facts into their state; conversation state is JSON), they never change it.
 *
 * @example
 * const cache = new UnderstandingCache();
 * cache.understand('is de minimis dead', { kb, rules, names, today }).kind; // 'answer' (computed)
 * cache.understand('is de minimis dead', { kb, rules, names, today });      // the same object
 */
import type { KnowledgeBase } from '../src/knowledge';
import type { RuleSet } from '../src/rules';
import { understand, type NameTable, type Understanding } from '../src/understanding';

/** How many wordings are kept (the least recently used goes first); a result is a few KB. */
export const UNDERSTANDING_CACHE_ENTRIES = 500;
/** Longer messages are stories, which are seldom sent twice word for word: not kept. */
export const UNDERSTANDING_CACHE_MAX_CHARS = 600;

export interface UnderstandingInputs {
  kb: KnowledgeBase;
  rules: RuleSet;
  names: NameTable;
  /** YYYY-MM-DD, U.S. Eastern. */
  today: string;
}

export class UnderstandingCache {
  private readonly entries = new Map<string, Understanding>();
  private kb?: KnowledgeBase;
  private rules?: RuleSet;
  private names?: NameTable;
  private today?: string;

  constructor(
    private readonly maxEntries = UNDERSTANDING_CACHE_ENTRIES,
    private readonly maxChars = UNDERSTANDING_CACHE_MAX_CHARS,
  ) {}

  /** `understand(text, …)`, from the cache when the same text was understood with the same inputs. */
  understand(text: string, inputs: UnderstandingInputs): Understanding {
    const { kb, rules, names, today } = inputs;
    if (kb !== this.kb || rules !== this.rules || names !== this.names || today !== this.today) {
      this.entries.clear();
      this.kb = kb;
      this.rules = rules;
      this.names = names;
      this.today = today;
    }
    const kept = this.entries.get(text);
    if (kept) {
      // Most recently used last.
      this.entries.delete(text);
      this.entries.set(text, kept);
      return kept;
    }
    const understood = understand(text, { kb, rules: () => rules, names, today });
    if (this.keeps(text)) {
      this.entries.set(text, understood);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return understood;
  }

  /** Whether a result for `text` is kept, so that the same object comes back for the same words. */
  keeps(text: string): boolean {
    return this.maxEntries > 0 && text.length <= this.maxChars;
  }

  /** How many wordings are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
