/** kb:check on a date: families, ended topics, review dates, and the checks per served set. */
import { createAnalyzer } from './analyze';
import { checkFamilies, checkSchedule, checkServedDocuments, dueForReview } from './dateChecks';
import { EMPTY_SYNONYMS } from './synonyms';
import { testDoc as doc } from '../../test/helpers/knowledgeDoc';


const ending = doc('rule-now', { effective: { to: '2027-06-30' } });
const successor = doc('rule-later', { family: 'rule-now', effective: { from: '2027-07-01' }, label: ending.label, title: ending.title, questions: ending.questions });
const analyzer = createAnalyzer(EMPTY_SYNONYMS);
const fields = (ps: { field: string; severity: string }[]) => ps.map((p) => `${p.severity} ${p.field}`);

describe('checkFamilies', () => {
  it('accepts a successor that starts the day after its predecessor ends', () => {
    expect(checkFamilies([ending, successor])).toEqual([]);
  });

  it('reports an unknown family, a family that is not the first version, and overlapping versions', () => {
    expect(checkFamilies([doc('a', { family: 'nope' })])[0].problem).toBe('no document has id "nope"');
    const third = doc('rule-third', { family: 'rule-later', effective: { from: '2028-01-01' } });
    expect(checkFamilies([ending, { ...successor, effective: { from: '2027-06-30', to: '2027-12-31' } }, third]).map((p) => p.field)).toEqual(['family', 'effective']);
  });
});

describe('checkSchedule', () => {
  it('is quiet while a successor is written, and on the day it takes over', () => {
    expect(checkSchedule([ending, successor], '2027-06-15')).toEqual([]);
    expect(checkSchedule([ending, successor], '2027-07-01')).toEqual([]);
  });

  it('warns within 30 days of an end without successor, and errors after it', () => {
    expect(checkSchedule([ending], '2027-05-30')).toEqual([]);
    const soon = checkSchedule([ending], '2027-06-10');
    expect(fields(soon)).toEqual(['warning effective.to']);
    expect(soon[0].problem).toBe('ends 2027-06-30 (in 20 days) with no successor: write one with family: rule-now and effective.from: 2027-07-01');
    const late = checkSchedule([ending], '2027-07-01');
    expect(fields(late)).toEqual(['error effective.to']);
    expect(late[0].problem).toMatch(/^ended 2027-06-30 and no version of "rule-now" is in force on 2027-07-01: write a successor \(family: rule-now, effective.from: 2027-07-01\)/);
  });

  it('warns 30 days before review_by and errors once it has passed', () => {
    const review = doc('comment-period', { review_by: '2027-03-01' });
    expect(checkSchedule([review], '2027-01-15')).toEqual([]);
    expect(fields(checkSchedule([review], '2027-02-01'))).toEqual(['warning review_by']);
    expect(fields(checkSchedule([review], '2027-03-01'))).toEqual(['warning review_by']);
    expect(fields(checkSchedule([review], '2027-03-02'))).toEqual(['error review_by']);
  });

  it('does not report a review date covered by a successor that takes over first', () => {
    const reviewEnding = { ...ending, review_by: '2027-07-01' };
    expect(checkSchedule([reviewEnding, successor], '2027-06-15')).toEqual([]);
  });

  it('does not report a topic that has not started yet', () => {
    expect(checkSchedule([doc('future', { effective: { from: '2030-01-01' } })], '2027-01-01')).toEqual([]);
  });
});

describe('checkServedDocuments', () => {
  it('lets versions share labels and questions, and reads links through families', () => {
    const linking = doc('linking', { related: ['rule-now'] });
    expect(checkServedDocuments([ending, successor, linking], analyzer, '2026-12-02')).toEqual([]);
  });

  it('reports documents served together that share a label, and links to a topic that has ended', () => {
    const clash = doc('clash', { label: ending.label });
    expect(fields(checkServedDocuments([ending, clash], analyzer, '2026-12-02'))).toEqual(['error label']);
    const linking = doc('linking', { related: ['rule-now'] });
    expect(checkServedDocuments([ending, linking], analyzer, '2026-12-02')).toEqual([]);
    expect(checkServedDocuments([ending, linking], analyzer, '2027-06-15').filter((p) => p.field !== 'reviewed').map((p) => `${p.severity} ${p.problem}`)).toEqual([
      'warning "rule-now" has no version in force from 2027-07-01: link to its successor or remove the link',
    ]);
    expect(checkServedDocuments([ending, linking], analyzer, '2027-07-01').filter((p) => p.field !== 'reviewed').map((p) => `${p.severity} ${p.problem}`)).toEqual([
      'error "rule-now" has no version in force on 2027-07-01: link to its successor or remove the link',
    ]);
    expect(checkServedDocuments([doc('x', { related: ['nope'] })], analyzer, '2026-12-02')[0].problem).toBe('no document has id "nope"');
  });
});

describe('dueForReview', () => {
  it('lists review dates and ends within 30 days, soonest first, with the successor if written', () => {
    const review = doc('comment-period', { review_by: '2027-06-20' });
    const due = dueForReview([ending, review], '2027-06-10', (d) => (d === ending ? [ending, successor] : [d]));
    expect(due.map((d) => [d.doc.id, d.due, d.reason, d.successor])).toEqual([
      ['comment-period', '2027-06-20', 'review_by', undefined],
      ['rule-now', '2027-06-30', 'ends', 'rule-later'],
    ]);
    expect(dueForReview([ending, review], '2027-01-01')).toEqual([]);
  });
});
