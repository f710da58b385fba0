/**
 * The real-style part of `npm run bench:retrieval`: today's understanding (questions and story,
 * names, shipment verdicts, ranking with context) side by side with the earlier pipeline (the
 * whole message to the knowledge base, the "check my shipment" patterns to the guided check),
 * on the tuning half (A) and the held-out half (B) of test/fixtures/real-questions.json.
 */
import { detectIntent } from '../../src/intents';
import type { KnowledgeBase, KnowledgeBaseOptions } from '../../src/knowledge';
import type { RuleSet } from '../../src/rules';
import { evaluateReal, outcomeOfUnderstanding, realHalf, type RealMetrics, type RealPipeline, type RealQuestion } from '../../src/understanding/evaluate';
import type { NameTable } from '../../src/understanding/names';
import { understand, type UnderstandingContext } from '../../src/understanding/understand';

/**
 * The retrieval settings of the first version (25 Nov 2026): its two models, thresholds and the
 * full weight of unknown words. The earlier pipeline runs on the same documents with these.
 */
export const EARLIER_OPTIONS: KnowledgeBaseOptions = {
  model: { bias: -6.088, weights: [2.529, 1.765, 2.574, 2.478, 2.942, 3.194] },
  relevanceModel: { bias: -5.399, weights: [1.722, 1.814, 0.424, 4.704, 4.444, 4.482] },
  thresholds: { answer: 0.6, relevance: 0.5 },
  unknownWeight: 1,
};

/** The pipeline as it was before messages were understood: one search over the whole text. */
export function earlierPipeline(kb: KnowledgeBase): RealPipeline {
  return (q) => {
    if (detectIntent(q) === 'check-shipment') return { route: 'check', offered: [] };
    const r = kb.answer(q);
    return { route: r.kind, best: r.best?.id, offered: [r.best?.id, ...r.alternatives.map((d) => d.id)].filter((id): id is string => !!id) };
  };
}

export function understandingPipeline(ctx: UnderstandingContext): RealPipeline {
  return (q) => outcomeOfUnderstanding(understand(q, ctx));
}

export interface RealReport {
  all: RealMetrics;
  A: RealMetrics;
  B: RealMetrics;
}

export function measureReal(questions: readonly RealQuestion[], pipeline: RealPipeline): RealReport {
  return {
    all: evaluateReal(questions, pipeline),
    A: evaluateReal(questions.filter((q) => realHalf(q) === 'A'), pipeline),
    B: evaluateReal(questions.filter((q) => realHalf(q) === 'B'), pipeline),
  };
}

/** The table the benchmark prints: held-out half first, as the figure that counts. */
export function printReal(now: RealReport, before: RealReport, showMisses: 'A' | 'B' | 'none'): void {
  const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);
  const row = (name: string, f: (m: RealMetrics) => string) =>
    console.log(`${name.padEnd(40)}${f(now.B).padStart(10)}${f(before.B).padStart(10)}${f(now.A).padStart(12)}${f(before.A).padStart(10)}`);
  console.log(`Real-style messages: ${now.all.messages} (held-out half B ${now.B.messages}, tuning half A ${now.A.messages})`);
  console.log(`${''.padEnd(40)}${'B now'.padStart(10)}${'B before'.padStart(10)}${'A now'.padStart(12)}${'A before'.padStart(10)}`);
  row('answered right (direct or first choice)', (m) => pct(m.right, m.messages));
  row('  given outright', (m) => pct(m.rightDirect, m.messages));
  row('right document offered, not first', (m) => pct(m.offeredNotFirst, m.messages));
  row('bare fallback (answer existed)', (m) => pct(m.bareFallback, m.messages));
  row('confident wrong answers', (m) => pct(m.confidentWrong, m.messages));
  row('  outright to another question asked', (m) => pct(m.answeredAnother, m.messages));
  row('shipment: exact verdict', (m) => pct(m.verdictExact, m.verdicts));
  row('other questions handled (multi)', (m) => pct(m.alsoHandled, m.alsoTotal));
  row('missed: another question asked first', (m) => pct(m.otherAskedFirst, m.messages));
  console.log('');
  console.log('First document offered right, by its confidence (real-style, messages with a document as answer):');
  console.log(`${'confidence'.padEnd(14)}${'B now'.padStart(16)}${'A now'.padStart(16)}`);
  now.B.bands.forEach((b, i) => {
    const a = now.A.bands[i];
    const cell = (x: typeof b) => `${pct(x.firstRight, x.messages)} of ${x.messages}`.padStart(16);
    console.log(`${`${b.from.toFixed(1)}–${Math.min(1, b.to).toFixed(1)}`.padEnd(14)}${cell(b)}${cell(a)}`);
  });
  if (showMisses !== 'none') {
    const misses = (showMisses === 'A' ? now.A : now.B).misses;
    console.log('');
    console.log(`Misses on half ${showMisses} (${misses.length}):`);
    for (const { question, outcome } of misses) {
      console.log(`  [${outcome.route}${outcome.best ? ` ${outcome.best}` : ''}${outcome.verdict ? ` ${outcome.verdict}` : ''}] "${question.q}" → want ${question.expect}${question.verdictKind ? ` ${question.verdictKind}` : ''}`);
    }
  }
}

/**
 * A shorter table for the further real-style sets, written by other authors after the first one
 * (test/fixtures/real-questions-second.json, …-third.json): their half A was tuned on, their half B
 * never read, so B is a second and third held-out check.
 *
 * @example
 * printRealCompact('second set', measureReal(readRealQuestions(file), pipeline));
 */
export function printRealCompact(name: string, now: RealReport): void {
  const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)} %`);
  console.log(`${name}: ${now.all.messages} messages (held-out half B ${now.B.messages}, tuning half A ${now.A.messages})`);
  console.log(`${''.padEnd(40)}${'B'.padStart(10)}${'A'.padStart(10)}`);
  const row = (label: string, f: (m: RealMetrics) => string) => console.log(`${label.padEnd(40)}${f(now.B).padStart(10)}${f(now.A).padStart(10)}`);
  row('answered right (direct or first choice)', (m) => pct(m.right, m.messages));
  row('  given outright', (m) => pct(m.rightDirect, m.messages));
  row('bare fallback (answer existed)', (m) => pct(m.bareFallback, m.messages));
  row('confident wrong answers', (m) => pct(m.confidentWrong, m.messages));
  row('  outright to another question asked', (m) => pct(m.answeredAnother, m.messages));
  row('shipment: exact verdict', (m) => pct(m.verdictExact, m.verdicts));
  row('missed: another question asked first', (m) => pct(m.otherAskedFirst, m.messages));
}


/**
 * The same messages written as emails: a greeting and a closing with a signature, a subject
 * line, "Sent from my iPhone", a forwarded message. The answers should not change (see
 * src/text/letter.ts); before the letter was read off, they lost 3 to 10 points of right answers.
 */
export const LETTER_WRAPPERS: Record<string, (q: string) => string> = {
  'as written': (q) => q,
  'greeting and closing': (q) => `Dear Sir or Madam,\n\n${q}\n\nKind regards,\nJohn Smith\nSmith Trading LLC\nTel. 555-0134`,
  'subject line': (q) => `Subject: Question about my parcel\n\n${q}`,
  '"Sent from my iPhone"': (q) => `${q}\n\nSent from my iPhone`,
  'thanks at the end': (q) => `${q} Thank you for your time.`,
  'small talk first': (q) => `Hello CBP, sorry if this is a dumb question. ${q}`,
  'wrapped at 60 columns': (q) => q.replace(/(.{1,60})(\s+|$)/g, '$1\n').trim(),
  forwarded: (q) => `Fwd: customs question\n\n---------- Forwarded message ---------\nFrom: Anna <anna@example.com>\nDate: Mon, 30 Nov 2026 at 10:02\nSubject: customs\nTo: Shop <shop@example.com>\n\n${q}`,
};

/**
 * The same messages with typos a phone or a hurried hand makes, in the first word of seven
 * letters or more ("ordered" → "ordreed", "ordred", "orddered"), or in every other such word.
 * Before the message's typos were corrected (src/knowledge/typos.ts), one typo cost about three
 * points of right answers on the tuning halves.
 */
const LONG_WORD = /\b([a-z]{3})([a-z])([a-z])([a-z]{2,})\b/g;
export const TYPO_MAKERS: Record<string, (q: string) => string> = {
  'as written': (q) => q,
  'two letters swapped': (q) => q.replace(new RegExp(LONG_WORD.source), '$1$3$2$4'),
  'a letter left out': (q) => q.replace(new RegExp(LONG_WORD.source), '$1$3$4'),
  'a letter doubled': (q) => q.replace(new RegExp(LONG_WORD.source), '$1$2$2$3$4'),
  'every other long word': (q) => {
    let n = 0;
    return q.replace(LONG_WORD, (word, a, b, c, d) => (n++ % 2 === 0 ? a + c + b + d : word));
  },
};

/**
 * Right answers on all real-style messages (both halves), as written and rewritten each way.
 *
 * @example
 * printRewritten('Written as emails', LETTER_WRAPPERS, allRealQuestions, understandingPipeline(ctx)); // one line per way
 */
export function printRewritten(title: string, rewrites: Record<string, (q: string) => string>, questions: readonly RealQuestion[], pipeline: RealPipeline): void {
  console.log(`${title}: right answers on all ${questions.length} real-style messages`);
  for (const [name, rewrite] of Object.entries(rewrites)) {
    const m = evaluateReal(questions.map((q) => ({ ...q, q: rewrite(q.q) })), pipeline);
    console.log(`  ${name.padEnd(24)}${`${((100 * m.right) / m.messages).toFixed(1)} %`.padStart(8)}   confident wrong ${((100 * m.confidentWrong) / m.messages).toFixed(1)} %`);
  }
}
