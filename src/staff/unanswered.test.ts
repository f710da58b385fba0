import type { QuestionOutcome, QuestionRecord, UsageRecord } from '../records';
import { questionKey } from '../text/normalize';
import { groupQuestions, nearDuplicates } from './grouping';
import { unansweredReport } from './unanswered';
import { textbookEditDistance } from '../../test/helpers/textbookEditDistance';

const asked = (at: string, text: string, outcome: QuestionOutcome = 'out-of-scope', extra: Partial<QuestionRecord> = {}): QuestionRecord => ({
  type: 'question',
  at,
  channelId: 'webchat',
  outcome,
  confidence: outcome === 'answer' ? 0.9 : 0.2,
  text,
  ...extra,
});

// Noon on 25 Nov 2026 in New York.
const now = new Date('2026-11-25T17:00:00Z');

describe('questionKey (the grouping form)', () => {
  it('lower-cases, drops punctuation and accents, squeezes spaces', () => {
    expect(questionKey('  Can I ship VAPES to the U.S.?? ')).toBe('can i ship vapes to the u s');
    expect(questionKey("What's the $800 limit?")).toBe('whats the 800 limit');
    expect(questionKey('Dédouanement   café')).toBe('dedouanement cafe');
  });
});

describe('nearDuplicates', () => {
  it('folds typos and word order, not different questions', () => {
    expect(nearDuplicates('is de minimis still available', 'is de minimus still available')).toBe(true);
    expect(nearDuplicates('duty free limit 800', '800 duty free limit')).toBe(true);
    expect(nearDuplicates('duty on gifts', 'duty on shoes')).toBe(false);
    expect(nearDuplicates('can i ship vapes', 'can i ship knives')).toBe(false);
  });
});

describe('groupQuestions', () => {
  it('groups by normalised text, folds near duplicates, most frequent first', () => {
    const groups = groupQuestions([
      asked('2026-11-20T15:00:00Z', 'Can I ship vapes?'),
      asked('2026-11-21T15:00:00Z', 'can i ship vapes'),
      asked('2026-11-22T15:00:00Z', 'Can I ship VAPES ??'),
      asked('2026-11-23T15:00:00Z', 'is de minimis still available', 'did-you-mean', { docId: 'de-minimis-suspended' }),
      asked('2026-11-24T15:00:00Z', 'is de minimus still available?', 'did-you-mean', { docId: 'de-minimis-suspended' }),
      asked('2026-11-24T16:00:00Z', 'What is a bonded warehouse'),
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['Can I ship VAPES ??', 3],
      ['is de minimus still available?', 2],
      ['What is a bonded warehouse', 1],
    ]);
    expect(groups[0]).toMatchObject({ lastSeen: '2026-11-22T15:00:00Z', kinds: { 'no answer': 3 } });
    expect(groups[1]).toMatchObject({ kinds: { unsure: 2 }, closestDocId: 'de-minimis-suspended' });
  });

  it('orders equal counts by the most recent first', () => {
    const groups = groupQuestions([asked('2026-11-20T15:00:00Z', 'older question here'), asked('2026-11-24T15:00:00Z', 'newer question there')]);
    expect(groups.map((g) => g.text)).toEqual(['newer question there', 'older question here']);
  });

  it('leaves out confident answers and other-CBP questions, keeps low-confidence answers with text', () => {
    const groups = groupQuestions([
      asked('2026-11-24T15:00:00Z', 'how do i renew global entry', 'other-cbp'),
      asked('2026-11-24T15:00:00Z', 'is 800 duty free', 'answer'),
      asked('2026-11-24T15:00:00Z', 'customs bond for amazon', 'answer', { confidence: 0.4 }),
    ]);
    expect(groups.map((g) => [g.text, g.kinds])).toEqual([['customs bond for amazon', { 'low confidence': 1 }]]);
  });
});

describe('unansweredReport', () => {
  const records: UsageRecord[] = [
    asked('2026-11-11T04:59:00Z', 'too old to list'), // 11:59 p.m. on 10 Nov EST: day 15
    asked('2026-11-12T05:00:00Z', 'Can I ship vapes?'), // midnight starting 12 Nov: day 14
    asked('2026-11-24T15:00:00Z', 'can i ship vapes'),
    asked('2026-11-25T15:00:00Z', 'can I ship vapes'),
    asked('2026-11-25T16:00:00Z', '<script>alert(1)</script> **help**'),
    asked('2026-11-25T16:30:00Z', 'how do i renew global entry', 'other-cbp'),
    { type: 'feedback', at: '2026-11-25T16:00:00Z', channelId: 'msteams', docId: 'x', helpful: false },
  ];

  it('lists the groups of the last 14 Eastern days with count and last date, user text escaped', () => {
    const reply = unansweredReport(records, now);
    expect(reply.title).toBe('Unanswered questions, last 14 days');
    const lines = reply.markdown.split('\n');
    expect(lines[0]).toBe('4 questions in 2 groups:');
    expect(lines).toContain('1. “can I ship vapes” — 3 times, last 25 Nov 2026 (3 no answer)');
    expect(lines).toContain('2. “&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*help\\*\\*” — once, last 25 Nov 2026 (1 no answer)');
    expect(reply.markdown).not.toContain('too old');
    expect(reply.markdown).not.toContain('<script>');
    expect(reply.markdown).toContain('Not listed: 1 about other CBP matters');
    expect(reply.markdown).toContain('12 Nov to 25 Nov 2026');
  });

  it('honours days and max', () => {
    const oneDay = unansweredReport(records, now, { days: 1, max: 1 });
    expect(oneDay.title).toBe('Unanswered questions, last day');
    expect(oneDay.markdown).toContain('2 questions in 2 groups; the 1 most frequent:');
    // Both asked once today: the more recent one comes first.
    expect(oneDay.markdown).toContain('1. “&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*help\\*\\*” — once, last 25 Nov 2026');
    expect(oneDay.markdown).not.toContain('vapes');
  });

  it('says so when there is nothing to list', () => {
    const reply = unansweredReport([], now);
    expect(reply.markdown).toContain('No unanswered or unsure questions in the last 14 days.');
  });
});

describe('groupQuestions, near-linear', () => {
  /** The grouping as it was before issue 13 (every wording against every group, quadratic): each group's texts. */
  function groupsBefore(texts: string[]): string[][] {
    const exact = new Map<string, string[]>();
    for (const t of texts) {
      const key = questionKey(t).slice(0, 300);
      if (key) exact.set(key, [...(exact.get(key) ?? []), t]);
    }
    const clusters: { key: string; texts: string[] }[] = [];
    for (const [key, group] of [...exact.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
      const home = clusters.find((c) => nearDuplicates(c.key, key));
      if (home) home.texts.push(...group);
      else clusters.push({ key, texts: [...group] });
    }
    return clusters.map((c) => c.texts);
  }

  const BASES = [
    'is de minimis still available',
    'can i ship vapes to the united states',
    'do i pay duty on a gift from my aunt in canada',
    'what is a bonded warehouse',
    'how much is the duty on shoes from china',
    'my parcel is held at customs what do i do',
    'can a seller on amazon ship counterfeit watches',
    'who pays the tariff on a package from temu',
    'is there a limit for personal imports by mail',
    'do you sell kayaks',
  ];

  /** Wordings people type: case, punctuation, word order, one typo, a letter missing, two words joined. */
  function variations(base: string, seed: number): string[] {
    const words = base.split(' ');
    const typo = (w: string, k: number) => (w.length > 3 ? `${w.slice(0, k % w.length)}${'xq'[k % 2]}${w.slice((k % w.length) + 1)}` : w);
    const i = seed % words.length;
    const j = (seed + 1) % words.length;
    const swapped = [...words];
    [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
    return [
      base,
      `${base[0].toUpperCase()}${base.slice(1)}?`,
      `${base.toUpperCase()}!!`,
      swapped.join(' '),
      words.map((w, n) => (n === i ? typo(w, seed) : w)).join(' '),
      `${words.map((w, n) => (n === j ? typo(w, seed + 3) : w)).join(' ')}?`,
      words.map((w, n) => (n === i && w.length > 3 ? w.slice(0, -1) : w)).join(' '),
      words.map((w, n) => (n === i && n + 1 < words.length ? `${w}${words[n + 1]}` : n === i + 1 ? '' : w)).filter(Boolean).join(' '),
    ];
  }

  it('makes the same groups of near duplicates as the grouping before', () => {
    // Each record carries its base question as docId, so a group's make-up can be read back.
    const records: QuestionRecord[] = [];
    BASES.forEach((base, n) => {
      const texts = [...variations(base, n), ...variations(base, n + 5).slice(3), ...(n % 2 ? [base, base] : [])];
      for (const text of texts) records.push(asked(new Date(Date.UTC(2026, 10, 20, 0, records.length)).toISOString(), text, 'out-of-scope', { docId: `base-${n}` }));
    });
    const baseOf = new Map(records.map((r) => [r.text!, r.docId!]));
    const before = groupsBefore(records.map((r) => r.text!)).map((texts) => [baseOf.get(texts[0]), texts.length]);
    const after = groupQuestions(records).map((g) => [g.closestDocId, g.count]);
    const order = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(order(after)).toEqual(order(before));
    // And every wording found its question.
    expect(after).toHaveLength(BASES.length);
  });
});

describe('nearDuplicates, banded edit distance', () => {
  const fullDistance = textbookEditDistance;

  it('agrees with the full table on random near and far pairs', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const sorted = (s: string) => s.split(' ').sort().join(' ');
    for (let k = 0; k < 2000; k++) {
      const a = Array.from({ length: 8 + Math.floor(random() * 60) }, () => 'ab c'[Math.floor(random() * 4)]).join('');
      const b = a.split('');
      for (let e = Math.floor(random() * 9); e > 0; e--) {
        const at = Math.floor(random() * (b.length + 1));
        const op = random();
        if (op < 0.33) b.splice(at, 1);
        else if (op < 0.66) b.splice(at, 0, 'abc '[Math.floor(random() * 4)]);
        else b[at] = 'abc '[Math.floor(random() * 4)];
      }
      const other = b.join('');
      const longest = Math.max(a.length, other.length);
      const expected = a === other || sorted(a) === sorted(other) || (longest >= 12 && fullDistance(a, other) <= Math.floor(longest / 10));
      expect([a, other, nearDuplicates(a, other)]).toEqual([a, other, expected]);
    }
  });
});
