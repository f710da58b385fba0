/**
 * Two learned gates, each a naive Bayes over a message's words between one kind of labelled
 * message and the rest:
 *
 * - **The verdict gate**: whether a message that tells of a shipment asks for a verdict on it
 *   ("my gran in Aberdeen posted me a $60 scarf, will I pay anything?") or asks what a page
 *   answers with the shipment as its example ("buying a used leica off a guy in munich for
 *   $1,400 … does secondhand stuff still get hit with duty?"): the messages labelled "verdict"
 *   against those labelled with a document. Why: the shipment reader (src/understanding/shipment.ts)
 *   decides by rules what asks for a verdict, and on messages by authors it had not seen it gave
 *   a verdict to about one in fifty that a page answered. The words people use around such
 *   questions ("antique", "used", "split", "rate", "FBA") tell them apart.
 * - **The scope gate**: whether a message is ours at all: the messages labelled out of scope or
 *   another CBP matter against every other one. Why: the relevance model (confidence.ts) judges
 *   by how well the best document covers the message's words, so slang and names no document
 *   uses ("fake airpods seized what now") read as out of scope, while a message that shares our
 *   words ("recommend a christmas gift for my dad") reads as ours. Words people used in either
 *   kind of message tell them apart; words nobody used count for neither side.
 *
 * The counts of the other side are the learned words of all documents together (wordModel.ts,
 * and for the scope gate the verdict words too), so the file keeps only the one side. No
 * botbuilder, no file access.
 */
import { learnWords, type LearnedWords } from './wordModel';

/** One side of a gate: in how many of its messages each term occurs, how many there were, and how many messages the other side was counted from. */
export interface GateWords {
  messages: number;
  otherMessages: number;
  words: Readonly<Record<string, number>>;
}

/** Additive smoothing of both sides' counts. */
export const GATE_SMOOTHING = 0.5;

/**
 * Below these log-odds (verdict against document), a shipment message goes to the documents.
 * Chosen leaving one set out at a time on the tuned sets' halves A and the training sets: at -4
 * it gained 7 right answers on the training sets and took 8 confident wrong ones away (1 and 2 on
 * the halves A), and took no right verdict away.
 */
export const VERDICT_GATE = -4;

/**
 * The weight of a story's words against the duty question's. Counted in full, a story about a
 * hobby ("I make soy candles… ordered $25 of wicks on Temu. Will I have to pay duty?") outweighed
 * the question itself: naive Bayes counts each of many related words as fresh evidence.
 */
export const GATE_STORY_WEIGHT = 0.25;

/**
 * Counts the terms of one side's messages (those labelled "verdict", or out of scope), each term
 * once per message, keys in sorted order; `otherMessages` is how many messages the other side's
 * learned words were counted from.
 *
 * @example
 * learnGateWords([['gift', 'usd60'], ['gift']], 10); // { messages: 2, otherMessages: 10, words: { gift: 2, usd60: 1 } }
 */
export function learnGateWords(messages: Iterable<Iterable<string>>, otherMessages: number): GateWords {
  const examples = [...messages].map((terms) => ({ doc: 'side', terms }));
  return { messages: examples.length, otherMessages, words: learnWords(examples).side ?? {} };
}

/**
 * One learned gate of a knowledge base: one side's words (verdict, or out of scope) against the
 * other side's (every document's learned words, plus the verdict words for the scope gate).
 *
 * @example
 * const gate = new WordGate({ messages: 2, otherMessages: 3, words: { gift: 2 } }, { 'antiques-art-duty': { antiqu: 3 } });
 * gate.logOdds(['gift']) > gate.logOdds(['antiqu']); // true
 */
export class WordGate {
  private readonly other = new Map<string, number>();
  private readonly otherTotal: number;
  private readonly sideTotal: number;
  private readonly vocabulary: Set<string>;
  private readonly prior: number;

  /**
   * @param side the side the log-odds are for (verdict, or out of scope)
   * @param others the other side's learned words, by label (learned-words.json), added up
   */
  constructor(
    private readonly side: GateWords,
    others: LearnedWords,
  ) {
    for (const words of Object.values(others)) for (const [t, n] of Object.entries(words)) this.other.set(t, (this.other.get(t) ?? 0) + n);
    this.otherTotal = [...this.other.values()].reduce((a, b) => a + b, 0);
    this.sideTotal = Object.values(side.words).reduce((a, b) => a + b, 0);
    this.vocabulary = new Set([...this.other.keys(), ...Object.keys(side.words)]);
    this.prior = side.messages > 0 && side.otherMessages > 0 ? Math.log(side.messages / side.otherMessages) : 0;
  }

  /** Whether anything was learned (without it the verdict gate lets every verdict through, and the scope gate says nothing). */
  get learned(): boolean {
    return this.side.messages > 0 && this.otherTotal > 0;
  }

  /**
   * How much the terms say for the other side, from the terms that lean to it alone: the sum,
   * over distinct terms either side has seen, of log P(term | other side) − log P(term | side)
   * where that is positive. Naive Bayes ({@link logOdds}) weighs words for and against; this asks
   * only whether anything in the message is typical of the other side. For the scope gate, how
   * much in a message says it is ours ("whats your name" has nothing; "customs", "Temu" have).
   * 0 when no term leans that way; +Infinity when nothing was learned.
   *
   * @example
   * scope.evidenceForOther(['duty', 'temu']); // 3.1 (with the project's learned words)
   * scope.evidenceForOther(['nam']);          // 0
   */
  evidenceForOther(terms: readonly string[]): number {
    if (!this.learned) return Infinity;
    let sum = 0;
    for (const t of new Set(terms)) if (this.vocabulary.has(t)) sum += Math.max(0, -this.termLogOdds(t));
    return sum;
  }

  /** log P(term | side) − log P(term | other side), smoothed. */
  private termLogOdds(term: string): number {
    const v = this.vocabulary.size;
    return Math.log(((this.side.words[term] ?? 0) + GATE_SMOOTHING) / (this.sideTotal + GATE_SMOOTHING * v)) - Math.log(((this.other.get(term) ?? 0) + GATE_SMOOTHING) / (this.otherTotal + GATE_SMOOTHING * v));
  }

  /**
   * log P(side | terms) − log P(other side | terms), each distinct term counted once at
   * `weightOf(term)`; terms neither side has seen are left out. +Infinity when nothing was learned.
   *
   * @example
   * gate.logOdds(['gift', 'usd60', 'aunt']); // 3.2
   */
  logOdds(terms: readonly string[], weightOf: (term: string) => number = () => 1): number {
    if (!this.learned) return Infinity;
    let sum = 0;
    for (const t of new Set(terms)) if (this.vocabulary.has(t)) sum += weightOf(t) * this.termLogOdds(t);
    return this.prior + sum;
  }
}
