/**
 * Words of a text: normalised, tokenised and stemmed, stop words still in place (phrases such
 * as "importer of record" need them). The next steps, phrase rewriting and stop-word removal,
 * are in analyze.ts.
 */
import { normalizeText, tokenize } from './normalize';
import { stem } from './stem';

/** One token: as written (after normalisation) and its stem. */
export interface Word {
  text: string;
  stem: string;
}

/**
 * @example
 * words("Shipping fees"); // [{ text: 'shipping', stem: 'ship' }, { text: 'fees', stem: 'fee' }]
 */
export function words(text: string): Word[] {
  return withUsedAsSecondHand(tokenize(normalizeText(text)).map((t) => ({ text: t, stem: stem(t) })));
}

/** Words before which "used" describes a thing ("a used camera", "buying used gear"). */
const BEFORE_USED_THING = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that', 'these', 'those', 'some', 'any', 'of', 'buy', 'buying', 'bought', 'sell', 'selling', 'sold', 'ship', 'shipping', 'import', 'importing', 'mostly', 'only', 'all']);
/** Words after which "used" is a verb or "used to" ("the card I used for it", "used to be free"). */
const AFTER_USED_VERB = new Set(['to', 'for', 'by', 'as', 'in', 'on', 'at', 'it', 'them', 'up', 'with', 'a', 'an', 'the', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that']);

/**
 * "used" is a stop word ("I used to…", "the card I used"), but before a thing it means
 * second-hand, which decides the used-goods page: "a used Leica", "buying used gear".
 *
 * @example
 * withUsedAsSecondHand(words('a used camera')).map((w) => w.text); // ['a', 'secondhand', 'camera']
 * withUsedAsSecondHand(words('it used to be free')).map((w) => w.text); // ['it', 'used', 'to', 'be', 'free']
 */
export function withUsedAsSecondHand(split: Word[]): Word[] {
  return split.map((w, i) =>
    w.text === 'used' && i > 0 && BEFORE_USED_THING.has(split[i - 1].text) && i + 1 < split.length && !AFTER_USED_VERB.has(split[i + 1].text) ? { text: 'secondhand', stem: stem('secondhand') } : w,
  );
}

/**
 * Just the stems, for comparing phrases.
 *
 * @example
 * stems('Importers of Record'); // ['importer', 'of', 'record']
 */
export function stems(text: string): string[] {
  return words(text).map((w) => w.stem);
}
