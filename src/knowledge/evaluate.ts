/**
 * Retrieval quality over a labelled question set (test/fixtures/questions.json): the figures
 * the benchmark prints and the tests hold a floor on. Works for any retriever, so our
 * retrieval and plain minisearch are measured the same way.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { AnswerKind } from './types';

/** One labelled question: `expect` is a document id, "out-of-scope" or "other-cbp". */
export interface DevQuestion {
  q: string;
  expect: string;
  kind: string;
}

/** What a retriever did with one question. */
export interface Outcome {
  kind: AnswerKind;
  /** The document offered (answered or as the top "did you mean"). */
  best?: string;
  /** The ranking's first documents, best first (for top-3 recall). */
  ranked: string[];
}

export type Retriever = (question: string) => Outcome;

export interface Metrics {
  questions: number;
  inScope: number;
  outOfScope: number;
  /** In-scope questions whose expected document was answered or offered first. */
  top1: number;
  /** In-scope questions whose expected document is in the ranking's top 3. */
  top3: number;
  /** In-scope questions answered outright (kind 'answer'), right or wrong. */
  answered: number;
  /** Of those answered outright, the share that were right. */
  answerPrecision: number;
  /** Out-of-scope and other-CBP questions that got kind out-of-scope or other-cbp. */
  rejection: number;
  /** Other-CBP questions that got kind other-cbp. */
  otherCbp: number;
  /** The questions each figure missed, for reading. */
  misses: { question: DevQuestion; outcome: Outcome }[];
}

/**
 * Reads a question set file.
 *
 * @example
 * readQuestions('test/fixtures/questions.json').length; // 269
 */
export function readQuestions(file: string): DevQuestion[] {
  return readQuestionFile(file, z.object({ q: z.string(), expect: z.string(), kind: z.string().default('') }));
}

/**
 * Reads a JSON file holding an array of questions of the given shape; throws naming the file
 * and the first item that does not fit (a development set is read by tests and benchmarks only).
 *
 * @example
 * readQuestionFile('questions.json', z.object({ q: z.string(), expect: z.string() }));
 */
export function readQuestionFile<T extends z.ZodTypeAny>(file: string, item: T): z.output<T>[] {
  const parsed = z.array(item).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${file}: item ${issue.path.join('.')}: ${issue.message}`);
}

/**
 * Whether a question has a document as its answer.
 *
 * @example
 * isInScope({ q: 'weather', expect: 'out-of-scope', kind: 'out-of-scope' }); // false
 */
export function isInScope(q: DevQuestion): boolean {
  return q.expect !== 'out-of-scope' && q.expect !== 'other-cbp';
}

/**
 * FNV-1a hash of a question's text, to split a set into stable halves.
 *
 * @example
 * splitHalf({ q: 'is 800 still duty free', expect: 'x', kind: '' }); // 'A' or 'B', always the same
 */
export function splitHalf(q: DevQuestion): 'A' | 'B' {
  let h = 0x811c9dc5;
  for (let i = 0; i < q.q.length; i++) {
    h ^= q.q.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'A' : 'B';
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

/**
 * Runs a retriever over questions and scores it.
 *
 * @example
 * const m = evaluate(questions, (q) => outcomeOf(kb.explain(q)));
 * m.top1; // 0.95
 */
export function evaluate(questions: readonly DevQuestion[], retrieve: Retriever): Metrics {
  let inScope = 0, top1 = 0, top3 = 0, answered = 0, answeredRight = 0, outOfScope = 0, rejected = 0, otherCbpTotal = 0, otherCbp = 0;
  const misses: Metrics['misses'] = [];
  for (const question of questions) {
    const outcome = retrieve(question.q);
    if (isInScope(question)) {
      inScope++;
      const offered = outcome.kind === 'answer' || outcome.kind === 'did-you-mean';
      const right = offered && outcome.best === question.expect;
      if (right) top1++;
      else misses.push({ question, outcome });
      if (outcome.ranked.slice(0, 3).includes(question.expect)) top3++;
      if (outcome.kind === 'answer') {
        answered++;
        if (outcome.best === question.expect) answeredRight++;
      }
    } else {
      outOfScope++;
      const rejectedHere = outcome.kind === 'out-of-scope' || outcome.kind === 'other-cbp';
      if (rejectedHere) rejected++;
      else misses.push({ question, outcome });
      if (question.expect === 'other-cbp') {
        otherCbpTotal++;
        if (outcome.kind === 'other-cbp') otherCbp++;
      }
    }
  }
  return {
    questions: questions.length,
    inScope,
    outOfScope,
    top1: share(top1, inScope),
    top3: share(top3, inScope),
    answered: share(answered, inScope),
    answerPrecision: share(answeredRight, answered),
    rejection: share(rejected, outOfScope),
    otherCbp: share(otherCbp, otherCbpTotal),
    misses,
  };
}

/**
 * Latency of `run` over `inputs`, repeated `rounds` times after one warm-up round, in
 * microseconds.
 *
 * @example
 * measureLatency((q) => kb.answer(q), questions.map((q) => q.q), 20); // { p50: 45, p99: 310, mean: 60 }
 */
export function measureLatency<T>(run: (input: T) => unknown, inputs: readonly T[], rounds: number): { p50: number; p99: number; mean: number } {
  for (const input of inputs) run(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      run(input);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), mean: samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length) };
}
