/**
 * The shapes the rest of the bot codes against. The knowledge core imports nothing from
 * botbuilder, so these types are plain data.
 */

/** Where an answer comes from; shown to the user as its citation. */
export interface Source {
  title: string;
  url: string;
}

/** One answer document, `knowledge/<topic>/<id>.md`, after validation. */
export interface KnowledgeDoc {
  id: string;
  title: string;
  /** Button text (≤ 25 characters); a click sends it back as the user's message. */
  label: string;
  topic: string;
  audience: string[];
  /** Ways people ask this; boosted in search. */
  questions: string[];
  sources: Source[];
  /** YYYY-MM-DD. */
  reviewed: string;
  /** Served only on dates from `from` to `to` (both inclusive, U.S. Eastern); see src/knowledge/dated.ts. */
  effective?: { from?: string; to?: string };
  /** The topic this document is a version of (the first version's id); absent = its own id. */
  family?: string;
  /** YYYY-MM-DD when the text is expected to go stale; kb:check warns before and errors after. */
  review_by?: string;
  related: string[];
  /** The answer says plainly that something is not settled. */
  uncertain: boolean;
  /** About goods going into another country: served only for messages about that. */
  abroad?: boolean;
  /** For an `abroad` document: the countries whose customs it points to; absent, every other country. */
  countries?: string[];
  /** facts.md sections the document is written from (see `npm run kb:coverage`). */
  facts?: number[];
  /** Markdown, answer first. */
  body: string;
  /** Path of the file it was loaded from (for error messages and the staff "kb" command). */
  file: string;
}

/**
 * What the bot should do with a question:
 * - `answer`: confident, show `best`;
 * - `did-you-mean`: unsure, offer `best` and the alternatives;
 * - `other-cbp`: about another CBP matter (travel, Global Entry, jobs) → CBP Info Center;
 * - `out-of-scope`: nothing relevant.
 */
export type AnswerKind = 'answer' | 'did-you-mean' | 'other-cbp' | 'out-of-scope';

export interface AnswerResult {
  kind: AnswerKind;
  /** Calibrated: roughly the probability that `best` is the right document. In [0, 1]. */
  confidence: number;
  /** Top document; for `did-you-mean` the top guess; absent when nothing matched. */
  best?: KnowledgeDoc;
  /** Up to 3 other close documents, never including `best`. */
  alternatives: KnowledgeDoc[];
  /**
   * Why a message is out of scope, when the understanding layer knows more than "nothing fits":
   * see {@link OutOfScopeReason}.
   */
  reason?: OutOfScopeReason;
}

/**
 * Why a message is out of scope: `one-country`, the goods never cross a border (domestic
 * shipping); `delivery`, a parcel lost, late or misdelivered (the carrier's business);
 * `leaves-us`, something sent from here to another country (postage, the forms for leaving,
 * the other country's charges); `income-tax`, income or business taxes (the IRS); `company`, a
 * company's own business (its customer service, accounts, jobs or opening hours); `postage`, the
 * price of sending something (the carrier's rates, wherever it goes).
 */
export type OutOfScopeReason = 'one-country' | 'delivery' | 'leaves-us' | 'income-tax' | 'company' | 'postage';

/** One finding of validation (src/problems.ts: the one shape for knowledge, rules, names and synonyms). */
export type { Problem } from '../problems';

/** The synonym table (knowledge/synonyms.yaml and vocabulary.yaml): here so both loaders share it without importing each other. */
export interface SynonymTable {
  /** Groups of equivalent terms; the first term of a group names it. */
  groups: string[][];
  /** Terms and phrases that mark a question about another CBP matter. */
  otherCbp: string[];
  /**
   * A traveller's words ("suitcase", "flight"): with a word of {@link carriedGoods} they mark a
   * question about carrying food, plants or animals on a trip, another CBP matter.
   */
  carried?: string[];
  /** Foods, plants and animals (carried-goods.txt, generated from WordNet; see carriedGoods.ts). */
  carriedGoods?: readonly string[];
}
