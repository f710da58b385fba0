import type { QuestionOutcome, QuestionRecord, UsageRecord } from '../records';
import { groupQuestions, nearDuplicates, normaliseQuestion, unansweredReport } from './unanswered';

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

describe('normaliseQuestion', () => {
  it('lower-cases, drops punctuation and accents, squeezes spaces', () => {
    expect(normaliseQuestion('  Can I ship VAPES to the U.S.?? ')).toBe('can i ship vapes to the u s');
    expect(normaliseQuestion("What's the $800 limit?")).toBe('whats the 800 limit');
    expect(normaliseQuestion('Dédouanement   café')).toBe('dedouanement cafe');
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
