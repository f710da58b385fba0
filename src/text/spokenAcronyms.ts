/**
 * Acronyms written as they sound or letter by letter ("see bee pee", "c b p", "c.b.p."), as speech
 * to text and some writers put them, joined back into the acronym, so that every reader of a
 * message (the scope checks, the frames, the search) sees "CBP". Only the knowledge base's
 * synonyms knew "see bee pee", so a raw-text check could judge "does see bee pee mail refund
 * checks" a refund from a seller, not ours.
 */

/** Each acronym and the ways it is spelled out. */
const SPOKEN: ReadonlyArray<[RegExp, string]> = [
  [/\bsee[- ]bee[- ]pee\b|\bc\.? ?b\.? ?p\.(?!\w)|\bc[ .]b[ .]p\b/gi, 'CBP'],
  [/\byou[- ]ess[- ]pee[- ]ess\b|\bu[ .]s[ .]p[ .]s\b\.?/gi, 'USPS'],
];

/** A cheap test first: most messages spell out nothing. */
const MAYBE_SPOKEN = /\b(?:see|you)[- ](?:bee|ess)\b|\b[a-z][ .][a-z][ .][a-z]\b/i;

/**
 * The message with spelled-out acronyms joined.
 *
 * @example
 * withSpokenAcronyms('does see bee pee mail refund checks'); // 'does CBP mail refund checks'
 * withSpokenAcronyms('the c.b.p. officer took it');          // 'the CBP officer took it'
 * withSpokenAcronyms('I see a bee on the pear');             // unchanged
 */
export function withSpokenAcronyms(text: string): string {
  if (!MAYBE_SPOKEN.test(text)) return text;
  return SPOKEN.reduce((t, [spelled, acronym]) => t.replace(spelled, acronym), text);
}
