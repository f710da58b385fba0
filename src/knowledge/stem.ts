/**
 * A light suffix stemmer: folds plurals and the common verb endings so "shipments", "shipping"
 * and "shipped" meet "shipment" and "ship". It is deliberately lighter than Porter: no "-er",
 * "-ation" or "-ize" rules, because "seller" must not become "sell" (then "do you sell kayaks?"
 * would match every document about online sellers) and "importer" is a term of art.
 * Over-stemming hurts precision more than under-stemming hurts recall here, since the synonym
 * table and fuzzy matching pick up what stemming leaves.
 */

const VOWELS = /[aeiouy]/;
/** Words the rules would damage, kept as they are. */
const KEEP = new Set([
  'news', 'series', 'species', 'always', 'perhaps', 'yes', 'bus', 'gas', 'this', 'its', 'has', 'was', 'does',
  'during', 'nothing', 'something', 'anything', 'everything', 'thing', 'king', 'ring', 'bring', 'spring', 'string',
  'sing', 'wing', 'ceiling', 'red', 'bed', 'shed', 'need', 'seed', 'feed', 'speed', 'united', 'limited',
  // "ruling" (a CBP decision) is not "rule"; origin "marking" is not a trade"mark".
  'ruling', 'marking',
  // "sitting" (a parcel sitting at the depot) is not a web "site", nor is "let it sit"
  // ("site" would lose its e and meet "sit").
  'sitting', 'site',
  // "taxed" nearly always means duty here ("do gifts get taxed"), "tax" often sales or income tax:
  // the vocabulary table maps the first to duty, so it keeps its own stem.
  'taxed', 'taxing',
]);

/**
 * Ending that, after a removed suffix, is a doubled consonant to undo: "shipp" → "ship". Not
 * "ff": "tariffed" and "stuffed" keep the words' own double f.
 */
const DOUBLED = /([bdgmnprt])\1$/;

function hasVowel(s: string): boolean {
  return VOWELS.test(s);
}

/** Removes a final silent "e" so "make"/"making" and "charge"/"charged" meet (not "ee": "fee"). */
function dropFinalE(s: string): string {
  return s.length > 3 && s.endsWith('e') && !s.endsWith('ee') ? s.slice(0, -1) : s;
}

/** After "-ing"/"-ed" is cut: undo a doubled consonant, else drop a silent e. */
function tidyVerbStem(s: string): string {
  if (DOUBLED.test(s) && s.length > 3) return s.slice(0, -1);
  return dropFinalE(s);
}

/**
 * The stem of one lower-case token. Tokens with digits and short words pass unchanged.
 *
 * @example
 * stem('shipments'); // 'shipment'
 * stem('shipping');  // 'ship'
 * stem('charged');   // 'charg'  (and stem('charge') is 'charg' too)
 * stem('policies');  // 'policy'
 * stem('seller');    // 'seller'
 * stem('sites');     // 'site'   (not 'sit': "let it sit" is no website)
 */
export function stem(token: string): string {
  let stemmed = known.get(token);
  if (stemmed === undefined) {
    stemmed = stemOnce(token);
    // Bounded: questions bring new words forever; the documents' own few thousand come back at once.
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(token, stemmed);
  }
  return stemmed;
}

/** Stems already worked out: a corpus repeats the same few thousand words (building the index stems each). */
const known = new Map<string, string>();
const MAX_KNOWN = 100_000;

function stemOnce(token: string): string {
  if (token.length <= 3 || /\d/.test(token) || KEEP.has(token)) return token;
  let s = token;
  // Plurals and third person.
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(?:ches|shes|xes|zzes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is|ous)$/.test(s)) s = s.slice(0, -1);
  if (KEEP.has(s)) return s;
  // Verb endings.
  if (s.endsWith('ing') && s.length > 5 && hasVowel(s.slice(0, -3))) {
    s = tidyVerbStem(s.slice(0, -3));
  } else if (s.endsWith('eed')) {
    // "agreed" → "agree"; "need", "speed" are in KEEP.
    s = s.slice(0, -1);
  } else if (s.endsWith('ied') && s.length > 4) {
    s = `${s.slice(0, -3)}y`;
  } else if (s.endsWith('ed') && s.length > 4 && hasVowel(s.slice(0, -2))) {
    s = tidyVerbStem(s.slice(0, -2));
  } else if (s.endsWith('ly') && s.length > 5) {
    s = s.slice(0, -2);
  } else {
    s = dropFinalE(s);
  }
  return s;
}
