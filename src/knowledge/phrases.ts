/**
 * Longest-match phrase rewriting over a word sequence: how multi-word synonyms such as
 * "importer of record" or "post office" become one term before indexing and search.
 */

/** A phrase (as stems) and the single term that replaces it. */
export interface PhraseRule {
  stems: readonly string[];
  term: string;
}

/** What rewriting produces for each position: a phrase's term, or the word itself. */
export interface RewrittenWord<W> {
  term: string;
  /** The words consumed: one for a plain word, several for a phrase. */
  source: W[];
  /** True when a rule matched. */
  phrase: boolean;
}

export interface PhraseMatcher {
  /**
   * Rewrites a sequence left to right, preferring the longest phrase at each position.
   *
   * @example
   * const m = phraseMatcher([{ stems: ['post', 'offic'], term: 'mail' }]);
   * m.rewrite([{ stem: 'post' }, { stem: 'offic' }, { stem: 'box' }]).map((r) => r.term);
   * // ['mail', 'box']
   */
  rewrite<W extends { stem: string }>(sequence: readonly W[]): RewrittenWord<W>[];
}

/**
 * Builds a matcher. Rules are indexed by their first stem, longest first, so rewriting costs
 * one map lookup per word plus the few candidate comparisons.
 *
 * @example
 * phraseMatcher([{ stems: ['ad', 'cvd'], term: 'antidump' }]);
 */
export function phraseMatcher(rules: readonly PhraseRule[]): PhraseMatcher {
  const byFirst = new Map<string, PhraseRule[]>();
  for (const rule of rules) {
    if (rule.stems.length === 0) continue;
    const list = byFirst.get(rule.stems[0]) ?? [];
    list.push(rule);
    byFirst.set(rule.stems[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  const matchesAt = (sequence: readonly { stem: string }[], at: number, rule: PhraseRule): boolean => {
    if (at + rule.stems.length > sequence.length) return false;
    return rule.stems.every((s, k) => sequence[at + k].stem === s);
  };

  return {
    rewrite<W extends { stem: string }>(sequence: readonly W[]): RewrittenWord<W>[] {
      const out: RewrittenWord<W>[] = [];
      let i = 0;
      while (i < sequence.length) {
        const rule = byFirst.get(sequence[i].stem)?.find((r) => matchesAt(sequence, i, r));
        if (rule) {
          out.push({ term: rule.term, source: sequence.slice(i, i + rule.stems.length), phrase: true });
          i += rule.stems.length;
        } else {
          out.push({ term: sequence[i].stem, source: [sequence[i]], phrase: false });
          i += 1;
        }
      }
      return out;
    },
  };
}
