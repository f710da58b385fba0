/**
 * What kind of answer a question asks for: a date ("since when…"), an amount ("how much…"), a
 * person or body ("who…"), an outcome ("what happens…") or a length of time ("how long…"); and
 * when: the rules now ("how is duty on mail worked out these days?") or as they were ("how did
 * mail work back then?"), since several pages tell one subject at different times. "Why" is not one: most pages answer a why without saying so, and preferring
 * the few whose title asks it cost more right answers than it gained. The ranking words drop these question words as stop words, so two documents on
 * one subject ("China lost de minimis on 2 May 2025" and "why China mail paid 54 %") looked the
 * same to "china stuff been taxed since when exactly". A document answers the types its own title
 * and listed questions ask; see {@link typeProfile}.
 */

/** The kinds of answer a question can ask for, and the time it asks about. */
export type AskedType = 'when' | 'how-long' | 'how-much' | 'who' | 'what-happens' | 'now' | 'then';

/** Each type's cue words, in the user's wording as in the documents' questions. */
const CUES: ReadonlyArray<readonly [AskedType, RegExp]> = [
  ['when', /\b(?:when|since what|what (?:date|day|year|month|time)|which (?:date|day|year|month)|(?:start|end|cut-?off) date|dates?)\b/iu],
  ['how-long', /\b(?:how long|how many (?:days|months|years)|deadline|time limit)\b/iu],
  ['how-much', /\b(?:what (?:does|do|will|would) [^?.!]{1,30}? charge\b|how (?:much|many|high|big)|what(?:'s| is| are)? (?:the )?(?:rate|rates|percent|percentage|amount|fine|fee|fees)|how is (?:it|duty|the duty) (?:worked out|calculated|figured))\b/iu],
  ['who', /\b(?:who|whom|whose|which (?:agency|party|company|office))\b/iu],
  // "is the 321 pilot over?" asks whether it still runs.
  ['now', /\b(?:now|nowadays|these days|currently|today|at the moment|at present|anymore|any more|still|stil|right now|rn)\b|\b(?:is|are)\s+(?:it|that|this|they|the\s+[\p{L}\p{N} -]{1,30}?)\s+(?:over|done|finished)(?:\s+(?:yet|already))?\s*[?!.]*$/iu],
  ['then', /\b(?:back then|back in the day|used to|(?:in )?the old days|at the time|previously|formerly|the old (?:rules?|limit|system|way)|how (?:did|was|were)|what happened|in the past)\b/iu],
  ['what-happens', /\bwhat (?:(?:actually|really|then|exactly) )?(?:happens|will happen|would happen|happened|is going to happen|now)\b/iu],
];

/**
 * The types a question asks for (none for a plain yes/no or "how do I" question).
 *
 * @example
 * askedTypes('china stuff been getting taxed since when exactly'); // Set { 'when' }
 * askedTypes('Who pays the duty, and how much is it?');          // Set { 'how-much', 'who' }
 * askedTypes('Is de minimis dead?');                               // Set {}
 */
export function askedTypes(text: string): ReadonlySet<AskedType> {
  const found = new Set<AskedType>();
  for (const [type, cue] of CUES) if (cue.test(text)) found.add(type);
  return found;
}

/** For each type, the share of a document's phrasings (title, label, questions) that ask it. */
export type TypeProfile = ReadonlyMap<AskedType, number>;

/**
 * How much a document answers each type: the title counts as much as all its questions together,
 * since the title says what the page is for and the questions also list side ways in.
 *
 * @example
 * typeProfile('When did China lose de minimis?', ['china de minimis end date', 'who decided it']);
 * // Map { 'when' => 0.75, 'who' => 0.25 }
 */
export function typeProfile(title: string, questions: readonly string[]): TypeProfile {
  const counts = new Map<AskedType, number>();
  const add = (text: string, weight: number) => {
    for (const t of askedTypes(text)) counts.set(t, (counts.get(t) ?? 0) + weight);
  };
  add(title, 1);
  for (const q of questions) add(q, 1 / Math.max(1, questions.length));
  for (const [t, n] of counts) counts.set(t, n / 2);
  return counts;
}

/**
 * How well a document answers what a question asks for: the best share among the asked types,
 * 0 when the question asks none of them.
 *
 * @example
 * typeMatch(new Set(['when']), typeProfile('When did China lose de minimis?', [])); // 0.5
 */
export function typeMatch(asked: ReadonlySet<AskedType>, profile: TypeProfile): number {
  let best = 0;
  for (const t of asked) best = Math.max(best, profile.get(t) ?? 0);
  return best;
}

/**
 * Whether a document answers only the other time than the one asked: the question asks about
 * the rules now and the document tells only how they were, or the other way round. Such a page
 * is not the question's own even when its listed question has the same search terms ("type 86
 * still work" and "how did type 86 work" differ only in stop words).
 *
 * @example
 * timeClash(new Set(['now']), typeProfile('How did Entry Type 86 work before it ended?', [])); // true
 * timeClash(new Set(['now']), typeProfile('Is Entry Type 86 still accepted?', []));           // false
 * timeClash(new Set(), typeProfile('How did Entry Type 86 work before it ended?', []));       // false
 */
export function timeClash(asked: ReadonlySet<AskedType>, profile: TypeProfile): boolean {
  const only = (mine: AskedType, other: AskedType) => asked.has(mine) && !asked.has(other) && (profile.get(other) ?? 0) > 0 && !profile.has(mine);
  return only('now', 'then') || only('then', 'now');
}
