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
  return tokenize(normalizeText(text)).map((t) => ({ text: t, stem: stem(t) }));
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
