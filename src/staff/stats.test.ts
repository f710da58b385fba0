import type { FeedbackRecord, QuestionOutcome, QuestionRecord, UsageRecord } from '../records';
import { percent, statsReport, usageFigures } from './stats';

const question = (at: string, outcome: QuestionOutcome, topic?: string): QuestionRecord => ({
  type: 'question',
  at,
  channelId: 'webchat',
  outcome,
  confidence: outcome === 'answer' ? 0.9 : 0.3,
  ...(topic ? { topic } : {}),
  ...(outcome === 'answer' ? {} : { text: 'something' }),
});
const feedback = (at: string, helpful: boolean): FeedbackRecord => ({ type: 'feedback', at, channelId: 'msteams', docId: 'gift-exemption', helpful });

// 11:30 p.m. on 25 Nov 2026 in New York (EST, UTC-5): already 26 Nov in UTC.
const now = new Date('2026-11-26T04:30:00Z');

function records(): UsageRecord[] {
  const today: UsageRecord[] = [
    // 10 questions on 25 Nov (Eastern), 7 answered.
    question('2026-11-25T05:00:00Z', 'answer', 'section-321'), // 00:00 EST, first minute of the day
    question('2026-11-25T14:00:00Z', 'answer', 'section-321'),
    question('2026-11-25T15:00:00Z', 'answer', 'section-321'),
    question('2026-11-25T16:00:00Z', 'answer', 'counterfeits'),
    question('2026-11-25T17:00:00Z', 'answer', 'counterfeits'),
    question('2026-11-25T18:00:00Z', 'answer', 'gifts-travel'),
    question('2026-11-26T04:00:00Z', 'answer', 'section-321'), // 11 p.m. EST, 26 Nov in UTC
    question('2026-11-25T19:00:00Z', 'did-you-mean', 'section-321'),
    question('2026-11-25T20:00:00Z', 'out-of-scope'),
    question('2026-11-25T21:00:00Z', 'other-cbp'),
    feedback('2026-11-25T14:05:00Z', true),
    feedback('2026-11-25T15:05:00Z', true),
    feedback('2026-11-25T16:05:00Z', false),
  ];
  const earlierThisWeek: UsageRecord[] = [
    question('2026-11-25T04:59:00Z', 'out-of-scope'), // 11:59 p.m. on 24 Nov EST: yesterday
    question('2026-11-22T12:00:00Z', 'answer', 'counterfeits'),
    question('2026-11-19T05:00:00Z', 'did-you-mean', 'compliance'), // midnight starting 19 Nov: day 7
    feedback('2026-11-20T12:00:00Z', false),
  ];
  const tooOld: UsageRecord[] = [
    question('2026-11-19T04:59:00Z', 'answer', 'section-321'), // 11:59 p.m. on 18 Nov EST
    feedback('2026-11-01T12:00:00Z', true),
  ];
  return [...tooOld, ...earlierThisWeek, ...today];
}

describe('usageFigures', () => {
  it('counts one Eastern day, including its first and last minutes', () => {
    const f = usageFigures(records(), { from: '2026-11-25', to: '2026-11-25' });
    expect(f).toMatchObject({ questions: 10, answered: 7, didYouMean: 1, outOfScope: 1, otherCbp: 1, helpful: 2, notHelpful: 1 });
    expect(f.topics).toEqual([
      { topic: 'section-321', count: 5 },
      { topic: 'counterfeits', count: 2 },
      { topic: 'gifts-travel', count: 1 },
    ]);
  });

  it('counts seven Eastern days, today included', () => {
    const f = usageFigures(records(), { from: '2026-11-19', to: '2026-11-25' });
    expect(f).toMatchObject({ questions: 13, answered: 8, didYouMean: 2, outOfScope: 2, otherCbp: 1, helpful: 2, notHelpful: 2 });
  });
});

describe('percent', () => {
  it('rounds to whole percent and has nothing for zero', () => {
    expect(percent(7, 10)).toBe('70%');
    expect(percent(2, 3)).toBe('67%');
    expect(percent(0, 0)).toBeUndefined();
  });
});

describe('statsReport', () => {
  it('reports today and the last 7 days with real figures, and the outbox', () => {
    const reply = statsReport(records(), { pending: 2, sent: 15, failed: 1 }, now);
    expect(reply.kind).toBe('info');
    expect(reply.title).toBe('Usage statistics');
    const [today, week, outbox] = reply.markdown.split('\n\n');
    expect(today).toBe(
      [
        '**Today, 25 Nov 2026**',
        '- Questions: 10, answered 7 (70%)',
        '- Not answered: 1 did you mean, 1 out of scope, 1 other CBP matters',
        '- Feedback: 2 helpful, 1 not helpful',
        '- Top topics: section-321 (5), counterfeits (2), gifts-travel (1)',
      ].join('\n'),
    );
    expect(week).toContain('**Last 7 days, 19 Nov to 25 Nov 2026**');
    expect(week).toContain('- Questions: 13, answered 8 (62%)');
    expect(week).toContain('- Feedback: 2 helpful, 2 not helpful');
    expect(week).toContain('- Top topics: section-321 (5), counterfeits (3), compliance (1), gifts-travel (1)');
    expect(outbox).toContain('- 2 pending, 15 sent, 1 failed');
  });

  it('says so plainly when there is nothing yet', () => {
    const reply = statsReport([], { pending: 0, sent: 0, failed: 0 }, now);
    expect(reply.markdown).toContain('- Questions: 0\n');
    expect(reply.markdown).toContain('- Top topics: none yet');
    expect(reply.markdown).toContain('- 0 pending, 0 sent, 0 failed');
    expect(reply.markdown).not.toContain('need a look');
  });

  it('says when the global email cap tripped (issue 13), and nothing when it never did', () => {
    const now = new Date('2026-11-25T17:00:00Z');
    const cap = { tripped: true, queued: 4, trips: 2, lastTrippedAt: '2026-11-25T16:55:00.000Z', limit: 60, windowMinutes: 10 };
    expect(statsReport([], { pending: 4, sent: 60, failed: 0, emailCap: cap }, now).markdown).toContain(
      '- Email cap (60 per 10 minutes): **tripped now**: 4 queued to be sent later; tripped 2 times, last at 2026-11-25T16:55:00.000Z',
    );
    expect(statsReport([], { pending: 0, sent: 60, failed: 0, emailCap: { ...cap, tripped: false, queued: 0 } }, now).markdown).toContain('clear now; tripped 2 times');
    expect(statsReport([], { pending: 0, sent: 0, failed: 0, emailCap: { ...cap, tripped: false, queued: 0, trips: 0, lastTrippedAt: null } }, now).markdown).not.toContain('Email cap');
  });
});
