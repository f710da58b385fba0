/** Staff see dated knowledge: `kb` lists a topic's versions and dates, `stats` what is due in 30 days. */
import { DatedKnowledge } from '../knowledge/dated';
import { dueForReview } from '../knowledge/dateChecks';
import { versionsOf } from '../knowledge/dated';
import { kbReport } from './kb';
import { statsReport } from './stats';
import { testDoc as doc } from '../../test/helpers/knowledgeDoc';


const now = doc('status-now', { effective: { from: '2025-08-29', to: '2027-06-30' } });
const later = doc('status-later', { family: 'status-now', effective: { from: '2027-07-01' }, label: now.label });
const comment = doc('comment-period', { review_by: '2027-06-20' });
const dated = new DatedKnowledge([now, later, comment]);

describe('kb shows versions and dates', () => {
  it('lists every version of the topic with its period, marking the one in force', () => {
    const kb = dated.at('2027-06-10');
    const reply = kbReport(kb.get('status-later'), 'status-later');
    expect(reply.markdown).toContain('**Applies:** from 29 Aug 2025 until 30 Jun 2027');
    expect(reply.markdown).toContain('**Versions of this topic (2):**\n- status-now: from 29 Aug 2025 until 30 Jun 2027 (this one, in force)\n- status-later: from 1 Jul 2027');
  });

  it('shows the review date, and no version list for a single version', () => {
    const reply = kbReport(dated.at('2027-06-10').get('comment-period'), 'comment-period');
    expect(reply.markdown).toContain('**Review by:** 20 Jun 2027');
    expect(reply.markdown).not.toContain('Versions of this topic');
  });
});

describe('stats lists knowledge due in the next 30 days', () => {
  it('names reviews and ends, and whether a successor takes over', () => {
    const due = dueForReview(dated.at('2027-06-10').documents, '2027-06-10', versionsOf);
    const reply = statsReport([], { pending: 0, sent: 0, failed: 0 }, new Date('2027-06-10T16:00:00Z'), due);
    expect(reply.markdown).toContain('**Knowledge due in the next 30 days**\n- comment-period: review by 20 Jun 2027\n- status-now: ends 30 Jun 2027; status-later takes over');
  });

  it('says nothing about knowledge when nothing is due', () => {
    const due = dueForReview(dated.at('2026-12-02').documents, '2026-12-02', versionsOf);
    expect(statsReport([], { pending: 0, sent: 0, failed: 0 }, new Date('2026-12-02T17:00:00Z'), due).markdown).not.toContain('Knowledge due');
  });
});
