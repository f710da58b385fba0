/**
 * Whether a message that tells of a shipment asks for a verdict on it ("my gran in Aberdeen
 * posted me a $60 scarf, will I pay anything?") or asks what a page answers with the shipment as
 * its example ("buying a used leica off a guy in munich for $1,400 … does secondhand stuff still
 * get hit with duty?"). Learned from labelled messages: a naive Bayes over the message's words, the messages
 * labelled "verdict" against those labelled with a document.
 *
 * Why: the shipment reader (src/understanding/shipment.ts) decides by rules what asks for a
 * verdict, and on messages by authors it had not seen it gave a verdict to about one in fifty
 * that a page answered. The words people use around such questions ("antique", "used", "split",
 * "rate", "FBA") tell them apart, and the labelled sets say which.
 *
 * The counts of the "document" side are the learned words of all documents together
 * (wordModel.ts), so the file keeps only the verdict side. No botbuilder, no file access.
 */
import { learnWords, type LearnedWords } from './wordModel';

/** The verdict side: in how many verdict messages each term occurs, how many there were, and how many messages the documents' side was counted from. */
export interface VerdictWords {
  messages: number;
  documentMessages: number;
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
 * Counts the terms of verdict messages, each term once per message, keys in sorted order;
 * `documentMessages` is how many messages the documents' learned words were counted from.
 *
 * @example
 * learnVerdictWords([['gift', 'usd60'], ['gift']], 10); // { messages: 2, documentMessages: 10, words: { gift: 2, usd60: 1 } }
 */
export function learnVerdictWords(messages: Iterable<Iterable<string>>, documentMessages: number): VerdictWords {
  const examples = [...messages].map((terms) => ({ doc: 'verdict', terms }));
  return { messages: examples.length, documentMessages, words: learnWords(examples).verdict ?? {} };
}

/**
 * The learned gate of one knowledge base.
 *
 * @example
 * const gate = new ShipmentGate({ messages: 2, documentMessages: 3, words: { gift: 2 } }, { 'antiques-art-duty': { antiqu: 3 } });
 * gate.logOdds(['gift']) > gate.logOdds(['antiqu']); // true
 */
export class ShipmentGate {
  private readonly document = new Map<string, number>();
  private readonly documentTotal: number;
  private readonly verdictTotal: number;
  private readonly vocabulary: Set<string>;
  private readonly prior: number;

  /**
   * @param verdict the verdict side
   * @param documents every document's learned words (learned-words.json)
   */
  constructor(
    private readonly verdict: VerdictWords,
    documents: LearnedWords,
  ) {
    for (const words of Object.values(documents)) for (const [t, n] of Object.entries(words)) this.document.set(t, (this.document.get(t) ?? 0) + n);
    this.documentTotal = [...this.document.values()].reduce((a, b) => a + b, 0);
    this.verdictTotal = Object.values(verdict.words).reduce((a, b) => a + b, 0);
    this.vocabulary = new Set([...this.document.keys(), ...Object.keys(verdict.words)]);
    this.prior = verdict.messages > 0 && verdict.documentMessages > 0 ? Math.log(verdict.messages / verdict.documentMessages) : 0;
  }

  /** Whether anything was learned (without verdict messages the gate lets every verdict through). */
  get learned(): boolean {
    return this.verdict.messages > 0 && this.documentTotal > 0;
  }

  /**
   * log P(verdict | terms) − log P(document | terms), each distinct term counted once at
   * `weightOf(term)`; terms neither side has seen are left out. +Infinity when nothing was learned.
   *
   * @example
   * gate.logOdds(['gift', 'usd60', 'aunt']); // 3.2
   */
  logOdds(terms: readonly string[], weightOf: (term: string) => number = () => 1): number {
    if (!this.learned) return Infinity;
    const v = this.vocabulary.size;
    let sum = 0;
    for (const t of new Set(terms)) {
      if (!this.vocabulary.has(t)) continue;
      const w = weightOf(t);
      sum += w * Math.log(((this.verdict.words[t] ?? 0) + GATE_SMOOTHING) / (this.verdictTotal + GATE_SMOOTHING * v));
      sum -= w * Math.log(((this.document.get(t) ?? 0) + GATE_SMOOTHING) / (this.documentTotal + GATE_SMOOTHING * v));
    }
    return this.prior + sum;
  }
}
