/**
 * How well the bot handles messages written the way people really write them
 * (test/fixtures/real-questions.json): stories, several questions, brand names, slang, typos,
 * shipment descriptions. Works for any pipeline that maps a message to a {@link RealOutcome},
 * so today's understanding and the earlier plain retrieval are scored the same way.
 */
import { z } from 'zod';
import type { AnswerKind } from '../knowledge';
import { readQuestionFile, splitHalf } from '../knowledge/evaluate';
import type { Verdict } from '../rules';
import type { Understanding } from './understand';

/** One labelled real-style message. */
export interface RealQuestion {
  q: string;
  /** A document id, "verdict" (a shipment the rules engine should judge), "out-of-scope" or "other-cbp". */
  expect: string;
  /** The documents of the message's other questions. */
  also?: string[];
  style: string;
  /** For "verdict": the result the rules give for the facts in the message. */
  verdictKind?: Verdict;
}

/** What a pipeline did with one message. */
export interface RealOutcome {
  route: AnswerKind | 'verdict' | 'check';
  /** The document answered, or offered first. */
  best?: string;
  /** Every document offered ("did you mean" and the other questions' answers). */
  offered: string[];
  verdict?: Verdict;
  /** The calibrated confidence in `best`, when the knowledge base chose it. */
  confidence?: number;
}

export type RealPipeline = (message: string) => RealOutcome;

export interface RealMetrics {
  messages: number;
  /** Answered right directly, or the right document offered first, or the right verdict / the guided check for a shipment. */
  right: number;
  /** Of those, given as the answer (or verdict) outright. */
  rightDirect: number;
  /** The right document among what was offered, but not first. */
  offeredNotFirst: number;
  /** "Sorry, I don't have an answer" although a document or verdict was expected. */
  bareFallback: number;
  /**
   * An answer or verdict given outright that answers nothing the message asked. (Until session
   * 18 this also counted {@link answeredAnother}.)
   */
  confidentWrong: number;
  /**
   * An outright answer to another question the message asks (its document is in `also`), not
   * the one its author counts first: not right, but not wrong either: the person asked it.
   */
  answeredAnother: number;
  /** Shipment messages that got a verdict with the expected result. */
  verdictExact: number;
  verdicts: number;
  /**
   * Misses where the message asks several questions and the one answered first is another of
   * them (its document is in `also`), this one offered: the bot answers the first question asked,
   * while an author may count a later one as the main.
   */
  otherAskedFirst: number;
  /** Other questions of multi-question messages whose document was answered or offered. */
  alsoHandled: number;
  alsoTotal: number;
  misses: { question: RealQuestion; outcome: RealOutcome }[];
  /** Messages with a document as the expected answer, by the confidence in the first document offered. */
  bands: ConfidenceBand[];
}

/** How often the first document offered is right, for confidences in [from, to). */
export interface ConfidenceBand {
  from: number;
  to: number;
  messages: number;
  firstRight: number;
}

/** The confidence bands the benchmark reports. */
export const BAND_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.0001] as const;

const REJECTED = new Set(['out-of-scope', 'other-cbp']);

/**
 * Reads the real-style question set.
 *
 * @example
 * readRealQuestions('test/fixtures/real-questions.json').length; // 371
 */
export function readRealQuestions(file: string): RealQuestion[] {
  const item = z.object({ q: z.string(), expect: z.string(), style: z.string().default(''), also: z.array(z.string()).optional(), verdictKind: z.string().optional() });
  return readQuestionFile(file, item).map((r) => ({ ...r, verdictKind: r.verdictKind as Verdict | undefined }));
}

/**
 * The tuning half ('A') or the held-out half ('B') of a real-style message: the same stable
 * hash as the development set's split.
 *
 * @example
 * realHalf({ q: 'is de minimis dead', expect: 'de-minimis-suspended', style: 'slang' }); // 'A' or 'B', always the same
 */
export function realHalf(q: RealQuestion): 'A' | 'B' {
  return splitHalf({ q: q.q, expect: q.expect, kind: q.style });
}

/**
 * The outcome of an {@link Understanding}, for scoring.
 *
 * @example
 * outcomeOfUnderstanding(understand('is de minimis dead', ctx)); // { route: 'answer', best: 'de-minimis-suspended', offered: [...] }
 */
export function outcomeOfUnderstanding(u: Understanding): RealOutcome {
  if (u.kind === 'verdict') {
    return { route: 'verdict', verdict: u.assessment.verdict, offered: u.others.map((o) => o.result.best?.id).filter((id): id is string => !!id) };
  }
  if (u.kind === 'check') return { route: 'check', offered: [] };
  const main = u.main.result;
  const offered = [main.best?.id, ...main.alternatives.map((d) => d.id), ...u.others.map((o) => o.result.best?.id)].filter((id): id is string => !!id);
  return { route: main.kind, best: main.best?.id, offered, confidence: main.confidence };
}

/**
 * Scores a pipeline on real-style messages.
 *
 * @example
 * const m = evaluateReal(questions, (q) => outcomeOfUnderstanding(understand(q, ctx)));
 * m.right / m.messages; // 0.9
 */
export function evaluateReal(questions: readonly RealQuestion[], pipeline: RealPipeline): RealMetrics {
  const m: RealMetrics = {
    messages: questions.length, right: 0, rightDirect: 0, offeredNotFirst: 0, bareFallback: 0, confidentWrong: 0, answeredAnother: 0,
    verdictExact: 0, verdicts: 0, otherAskedFirst: 0, alsoHandled: 0, alsoTotal: 0, misses: [],
    bands: BAND_EDGES.slice(0, -1).map((from, i) => ({ from, to: BAND_EDGES[i + 1], messages: 0, firstRight: 0 })),
  };
  for (const question of questions) {
    const o = pipeline(question.q);
    let right = false;
    if (question.expect === 'verdict') {
      m.verdicts++;
      const exact = o.route === 'verdict' && o.verdict === question.verdictKind;
      if (exact) m.verdictExact++;
      right = exact || o.route === 'check';
      if (exact) m.rightDirect++;
      if (o.route === 'answer' || (o.route === 'verdict' && !exact)) m.confidentWrong++;
      if (REJECTED.has(o.route)) m.bareFallback++;
    } else if (REJECTED.has(question.expect)) {
      right = REJECTED.has(o.route);
      if (right) m.rightDirect++;
      if (o.route === 'answer' || o.route === 'verdict') m.confidentWrong++;
    } else {
      const band = o.best !== undefined && o.confidence !== undefined ? m.bands.find((b) => o.confidence! >= b.from && o.confidence! < b.to) : undefined;
      if (band) {
        band.messages++;
        if (o.best === question.expect) band.firstRight++;
      }
      right = (o.route === 'answer' || o.route === 'did-you-mean') && o.best === question.expect;
      if (right && o.route === 'answer') m.rightDirect++;
      if (!right && o.offered.includes(question.expect)) m.offeredNotFirst++;
      if (!right && o.best !== undefined && question.also?.includes(o.best) && o.offered.includes(question.expect)) m.otherAskedFirst++;
      if (o.route === 'answer' && o.best !== question.expect && question.also?.includes(o.best!)) m.answeredAnother++;
      else if (o.route === 'verdict' || (o.route === 'answer' && o.best !== question.expect)) m.confidentWrong++;
      if (REJECTED.has(o.route)) m.bareFallback++;
    }
    for (const id of question.also ?? []) {
      m.alsoTotal++;
      if (o.best === id || o.offered.includes(id)) m.alsoHandled++;
    }
    if (right) m.right++;
    else m.misses.push({ question, outcome: o });
  }
  return m;
}
