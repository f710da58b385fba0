/**
 * Analysis: text → search terms. The same pipeline serves documents and questions:
 * normalise → tokenise → stem → (questions only: correct typos) → bare amounts to money →
 * rewrite synonym phrases to their group's term → drop stop words.
 * Synonyms are rewritten (not expanded) on both sides, so "knockoff" and "counterfeit" are the
 * same term in the index and BM25's statistics stay honest.
 */
import { phraseMatcher, type PhraseRule } from './phrases';
import type { Speller } from './spelling';
import { isStopWord } from './stopwords';
import { EMPTY_SYNONYMS, groupTerm, type SynonymTable } from './synonyms';
import { stems, words, type Word } from './words';

/** A question's terms, and which of them came from a corrected typo. */
export interface Analysis {
  terms: string[];
  /** For each term, how many words it stands for (2 or more for a synonym phrase). */
  lengths: number[];
  /** For each term, the position of its first word in the text, stop words counted. */
  positions: number[];
  corrected: Set<string>;
}

export interface Analyzer {
  /**
   * Search terms of a text, in order (duplicates kept: term frequency matters for BM25).
   *
   * @example
   * createAnalyzer({ groups: [['counterfeit', 'knockoff']], otherCbp: [] }).terms('Are knockoffs legal?');
   * // ['counterfeit', 'legal']
   */
  terms(text: string): string[];
  /**
   * {@link terms} of a text already split into words (`words(text)`): the knowledge base splits
   * each document once and reuses the words for its amounts, its speller and its terms.
   *
   * @example
   * analyzer.termsOfWords(words('Are knockoffs legal?')); // the same as analyzer.terms('Are knockoffs legal?')
   */
  termsOfWords(split: readonly Word[]): string[];
  /**
   * {@link terms} for a question, correcting unknown words with `speller` first.
   *
   * @example
   * analyzer.analyze('counterfit bags', speller); // { terms: ['counterfeit', 'bag'], lengths: [1, 1], corrected: Set { 'counterfeit' } }
   */
  analyze(text: string, speller?: Speller): Analysis;
  /**
   * The other-CBP entry (as written in the table) whose terms all occur in a question's terms,
   * if any. Given the terms' word positions ({@link Analysis}), they must also lie close
   * together (in any order, within the entry's term count + {@link OTHER_CBP_SLACK} words), so
   * that "one" and "CBP" far apart in a story do not make "CBP One"; an entry written as a proper
   * name ("CBP One") only as those words in a row.
   *
   * @example
   * const a = createAnalyzer({ groups: [], otherCbp: ['global entry'] });
   * a.otherCbpMatch(a.analyze('how do I renew Global Entry')); // 'global entry'
   */
  otherCbpMatch(analysis: Pick<Analysis, 'terms'> & Partial<Pick<Analysis, 'positions'>>): string | undefined;
  /**
   * A traveller carrying food, a plant or an animal: one of the table's `carried` words (in the
   * question or the story told with it) and a word of its `carriedGoods` that `isDocumentWord`
   * rejects (a food some document covers, or an ordinary word, is not a sign). Returns the
   * traveller's word and the good, as "suitcase mango".
   *
   * @example
   * const a = createAnalyzer({ groups: [], otherCbp: [], carried: ['suitcase'], carriedGoods: ['mango'] });
   * a.carriedMatch([a.analyze('can I bring mangoes in my suitcase')], () => false); // 'suitcase mango'
   */
  carriedMatch(parts: readonly Pick<Analysis, 'terms' | 'positions'>[], isDocumentWord: (term: string) => boolean): string | undefined;
  /**
   * The first word of the table's `carriedGoods` (a food, plant or animal) among `terms` that
   * `isDocumentWord` rejects, whoever carries or sends it.
   *
   * @example
   * const a = createAnalyzer({ groups: [], otherCbp: [], carriedGoods: ['tamale'] });
   * a.goodsNamed(a.terms('my tia is mailing me tamales'), () => false); // 'tamal'
   */
  goodsNamed(terms: readonly string[], isDocumentWord: (term: string) => boolean): string | undefined;
}

export interface AnalyzerOptions {
  /**
   * Money tokens that occur in the documents ("usd800"). A bare number equal to one of them
   * ("under 800", "eight hundred") is read as that amount; see {@link amountFor}.
   */
  amounts?: ReadonlySet<string>;
}

/**
 * Extra words allowed between an other-CBP entry's terms. Word order varies ("bring food" / "what
 * food can I bring"), so the terms may come in any order, but close together.
 */
export const OTHER_CBP_SLACK = 2;

/**
 * Whether every `needle` term occurs in `terms`, and, when positions are given, all within a
 * span of `needle.length + OTHER_CBP_SLACK` words.
 *
 * @example
 * occursTogether(['cbp', 'one'], [0, 9], ['cbp', 'one']); // false: nine words apart
 */
export function occursTogether(terms: readonly string[], positions: readonly number[] | undefined, needle: readonly string[]): boolean {
  if (needle.length === 0 || !needle.every((t) => terms.includes(t))) return false;
  if (!positions) return true;
  const span = needle.length + OTHER_CBP_SLACK;
  // Each start: the first position of every needle term at or after it must lie within the span.
  return positions.some((start, i) =>
    needle.includes(terms[i]) &&
    needle.every((t) => terms.some((u, j) => u === t && positions[j] >= start && positions[j] < start + span)),
  );
}

/**
 * Whether `needle`'s terms occur in order at consecutive word positions: how a proper name of
 * several words is matched ("the CBP One app", not "from CBP and which one is the courier's").
 * Without positions, as {@link occursTogether}.
 *
 * @example
 * occursAsPhrase(['cbp', 'one', 'app'], [2, 3, 4], ['cbp', 'one']); // true
 * occursAsPhrase(['cbp', 'one'], [3, 6], ['cbp', 'one']);           // false: words between
 */
export function occursAsPhrase(terms: readonly string[], positions: readonly number[] | undefined, needle: readonly string[]): boolean {
  if (!positions) return occursTogether(terms, positions, needle);
  return terms.some((_, i) => needle.every((t, k) => terms[i + k] === t && positions[i + k] === positions[i] + k));
}

/** An entry written as a proper name, every word capitalised or a number ("CBP One", "CBP Home"). */
const PROPER_NAME = /^[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*)+$/;

/**
 * The money token a bare number stands for, if it is a known amount: at least 100 (smaller
 * numbers are more often days or percentages) and not a year.
 *
 * @example
 * amountFor('800', new Set(['usd800'])); // 'usd800'
 * amountFor('2025', new Set(['usd2025'])); // undefined (a year)
 */
export function amountFor(token: string, amounts: ReadonlySet<string>): string | undefined {
  if (!/^\d+$/.test(token)) return undefined;
  const n = Number(token);
  if (n < 100 || (n >= 1900 && n <= 2100)) return undefined;
  return amounts.has(`usd${token}`) ? `usd${token}` : undefined;
}

interface Marked extends Word {
  corrected: boolean;
  position: number;
}

/**
 * Builds the analyser for a synonym table.
 *
 * @example
 * const analyzer = createAnalyzer(table, { amounts: new Set(['usd800']) });
 * analyzer.terms('Is the $800 de minimis still a thing?'); // ['usd800', 'de_minimis']
 */
export function createAnalyzer(table: SynonymTable = EMPTY_SYNONYMS, options: AnalyzerOptions = {}): Analyzer {
  const amounts = options.amounts ?? new Set<string>();
  const rules: PhraseRule[] = table.groups.flatMap((group) => {
    const term = groupTerm(group);
    return group.map((t) => ({ stems: stems(t), term }));
  });
  const matcher = phraseMatcher(rules);

  const analyzeWords = (split: readonly Word[], speller?: Speller): Analysis => {
    const marked: Marked[] = split.map((w, position) => {
      const amount = amountFor(w.stem, amounts);
      if (amount) return { ...w, stem: amount, corrected: false, position };
      const fixed = speller && !isStopWord(w.text) ? speller.correct(w) : undefined;
      return fixed ? { ...w, stem: fixed, corrected: true, position } : { ...w, corrected: false, position };
    });
    const corrected = new Set<string>();
    const terms: string[] = [];
    const lengths: number[] = [];
    const positions: number[] = [];
    for (const r of matcher.rewrite(marked)) {
      if (!r.phrase && (isStopWord(r.source[0].text) || isStopWord(r.term))) continue;
      terms.push(r.term);
      lengths.push(r.source.filter((w) => !isStopWord(w.text)).length || 1);
      positions.push(r.source[0].position);
      if (r.source.some((w) => w.corrected)) corrected.add(r.term);
    }
    return { terms, lengths, positions, corrected };
  };
  const analyze = (text: string, speller?: Speller): Analysis => analyzeWords(words(text), speller);

  // A proper name of several words is matched as a phrase; other entries' words in any order, close together.
  const otherCbp = table.otherCbp.map((entry) => ({ entry, terms: analyze(entry).terms, occurs: PROPER_NAME.test(entry) ? occursAsPhrase : occursTogether }));
  // Each entry under its first term: an entry can occur only where that term does, so a message
  // is checked against the few entries whose first term it has (there are hundreds of entries,
  // and trying each one was a tenth of what reading a question allocated).
  const otherCbpByFirstTerm = new Map<string, number[]>();
  otherCbp.forEach((o, i) => {
    if (o.terms.length === 0) return;
    const list = otherCbpByFirstTerm.get(o.terms[0]);
    if (list) list.push(i);
    else otherCbpByFirstTerm.set(o.terms[0], [i]);
  });
  const otherCbpIn = ({ terms, positions }: Pick<Analysis, 'terms'> & Partial<Pick<Analysis, 'positions'>>): string | undefined => {
    let first = Infinity;
    for (const t of new Set(terms)) {
      for (const i of otherCbpByFirstTerm.get(t) ?? []) if (i < first && otherCbp[i].occurs(terms, positions, otherCbp[i].terms)) first = i;
    }
    return first === Infinity ? undefined : otherCbp[first].entry;
  };
  const carried = (table.carried ?? []).map((entry) => ({ entry, terms: analyze(entry).terms }));
  // A good is one word, and only as one term (a lemma that analyses into two is left out). The
  // four thousand words are analysed on the first traveller's question, not at every load.
  let goods: Set<string> | undefined;
  const goodsTerms = () => (goods ??= new Set((table.carriedGoods ?? []).map((w) => analyze(w).terms).filter((t) => t.length === 1).map(([t]) => t)));

  return {
    terms: (text) => analyze(text).terms,
    termsOfWords: (split) => analyzeWords(split).terms,
    analyze,
    otherCbpMatch: otherCbpIn,
    goodsNamed: (terms, isDocumentWord) => terms.find((t) => goodsTerms().has(t) && !isDocumentWord(t)),
    carriedMatch: (parts, isDocumentWord) => {
      const cue = carried.find((c) => parts.some((p) => occursTogether(p.terms, p.positions, c.terms)));
      if (cue === undefined) return undefined;
      const good = parts.flatMap((p) => p.terms).find((t) => goodsTerms().has(t) && !isDocumentWord(t));
      return good === undefined ? undefined : `${cue.entry} ${good}`;
    },
  };
}
