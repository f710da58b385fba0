/**
 * Table tests of the engine across the timeline, with the real rule file. `today` is always
 * passed in, so these give the same results whenever they run.
 */
import { assess, exemptionSuspended, nextQuestion, questionFor, type FactKey, type ShipmentFacts, type Verdict } from './index';
import { datePeriods, withinDays } from './decide';
import { bundledRules } from './testRules';

const rules = bundledRules();
const TODAY = '2026-11-25';

/** A pre-suspension purchase with everything fine except what a case overrides. */
const clean2024 = (over: ShipmentFacts = {}): ShipmentFacts => ({
  kind: 'purchase',
  entryDate: '2024-06-01',
  origin: 'GB',
  valueUsd: 50,
  sameDayTotalUsd: 50,
  contents: [],
  splitOrder: false,
  ...over,
});

const gift = (over: ShipmentFacts = {}): ShipmentFacts => ({ kind: 'gift', valueUsd: 80, sameDayTotalUsd: 80, contents: [], ...over });

interface Case {
  name: string;
  facts: ShipmentFacts;
  verdict: Verdict;
  /** The whole headline, or a part of it. */
  headline?: string;
  /** The next question's fact; null = no question. */
  next?: FactKey | null;
  today?: string;
}

const SUSPENDED = 'Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025';
const CHINA = 'Result: not duty-free — de minimis ended for goods of China and Hong Kong on 2 May 2025';
const BY_LAW = 'Result: not duty-free — by law, commercial shipments have no de minimis from 1 Jul 2027';
const DE_MINIMIS_800 = 'Result: duty-free under de minimis (the $800 limit)';
const AS_GIFT = 'Result: duty-free as a gift';

const cases: Case[] = [
  // ── Today: no commercial de minimis, no value question ──
  { name: 'a purchase entered today needs no value question', facts: { kind: 'purchase' }, verdict: 'not-duty-free', headline: SUSPENDED, next: null },
  { name: 'a $50 purchase from the UK today', facts: { kind: 'purchase', valueUsd: 50, origin: 'GB' }, verdict: 'not-duty-free', headline: SUSPENDED, next: null },
  { name: 'a purchase today with "not sure" about everything is still decided', facts: { kind: 'purchase', valueUsd: 'unknown', origin: 'unknown', contents: 'unknown' }, verdict: 'not-duty-free', headline: SUSPENDED },
  { name: 'warehouse stock today', facts: { kind: 'warehouse' }, verdict: 'not-duty-free', headline: SUSPENDED, next: null },

  // ── 28 / 29 Aug 2025 ──
  { name: '28 Aug 2025: a clean $50 purchase is duty-free', facts: clean2024({ entryDate: '2025-08-28' }), verdict: 'duty-free', headline: DE_MINIMIS_800 },
  { name: '29 Aug 2025 (12:01 a.m. EDT is inside): not duty-free', facts: clean2024({ entryDate: '2025-08-29' }), verdict: 'not-duty-free', headline: SUSPENDED },
  { name: '29 Aug 2025 asks nothing more', facts: { kind: 'purchase', entryDate: '2025-08-29' }, verdict: 'not-duty-free', next: null },
  { name: '28 Aug 2025 first asks the origin (China/HK window)', facts: { kind: 'purchase', entryDate: '2025-08-28' }, verdict: 'cannot-tell', next: 'origin' },

  // ── 1 / 2 May 2025, China and Hong Kong ──
  { name: '1 May 2025: a clean purchase from China is duty-free', facts: clean2024({ entryDate: '2025-05-01', origin: 'CN' }), verdict: 'duty-free', headline: DE_MINIMIS_800 },
  { name: '1 May 2025 does not ask the origin', facts: { kind: 'purchase', entryDate: '2025-05-01' }, verdict: 'cannot-tell', next: 'valueUsd' },
  { name: '2 May 2025: goods of China are not duty-free', facts: { kind: 'purchase', entryDate: '2025-05-02', origin: 'CN' }, verdict: 'not-duty-free', headline: CHINA, next: null },
  { name: '2 May 2025: goods of Hong Kong are not duty-free', facts: { kind: 'purchase', entryDate: '2025-05-02', origin: 'HK' }, verdict: 'not-duty-free', headline: CHINA },
  { name: '2 May 2025: a clean purchase from the UK is still duty-free', facts: clean2024({ entryDate: '2025-05-02' }), verdict: 'duty-free', headline: DE_MINIMIS_800 },
  { name: 'June 2025, origin not known: cannot tell, depends on the origin', facts: clean2024({ entryDate: '2025-06-15', origin: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on the country of origin' },
  { name: 'September 2025, China: the all-country suspension is the headline', facts: { kind: 'purchase', entryDate: '2025-09-01', origin: 'CN' }, verdict: 'not-duty-free', headline: SUSPENDED },

  // ── 30 Jun / 1 Jul 2027 ──
  { name: '30 Jun 2027: still suspended', facts: { kind: 'purchase', entryDate: '2027-06-30' }, verdict: 'not-duty-free', headline: SUSPENDED },
  { name: '1 Jul 2027: ended by law', facts: { kind: 'purchase', entryDate: '2027-07-01' }, verdict: 'not-duty-free', headline: BY_LAW },
  { name: '1 Jul 2027: a gift is still duty-free', facts: gift({ entryDate: '2027-07-01' }), verdict: 'duty-free', headline: AS_GIFT },

  // ── 9 / 10 Mar 2016: $200 → $800 ──
  { name: '9 Mar 2016: $300 is over the $200 limit', facts: clean2024({ entryDate: '2016-03-09', valueUsd: 300, sameDayTotalUsd: 300 }), verdict: 'not-duty-free', headline: 'Result: not duty-free — the value is over the $200 limit' },
  { name: '10 Mar 2016: $300 is within the $800 limit', facts: clean2024({ entryDate: '2016-03-10', valueUsd: 300, sameDayTotalUsd: 300 }), verdict: 'duty-free', headline: DE_MINIMIS_800 },
  { name: '9 Mar 2016: $150 is within the $200 limit', facts: clean2024({ entryDate: '2016-03-09', valueUsd: 150, sameDayTotalUsd: 150 }), verdict: 'duty-free', headline: 'Result: duty-free under de minimis (the $200 limit)' },

  // ── 2024 values and same-day totals ──
  { name: '2024: $799 is duty-free', facts: clean2024({ valueUsd: 799, sameDayTotalUsd: 799 }), verdict: 'duty-free', headline: DE_MINIMIS_800 },
  { name: '2024: $800 exactly is duty-free', facts: clean2024({ valueUsd: 800, sameDayTotalUsd: 800 }), verdict: 'duty-free' },
  { name: '2024: $801 is not', facts: clean2024({ valueUsd: 801, sameDayTotalUsd: 801 }), verdict: 'not-duty-free', headline: 'Result: not duty-free — the value is over the $800 limit' },
  { name: '2024: $801 decides without asking the rest', facts: { kind: 'purchase', entryDate: '2024-06-01', valueUsd: 801 }, verdict: 'not-duty-free', next: null },
  { name: '2024: $300 but $900 arriving that day', facts: clean2024({ valueUsd: 300, sameDayTotalUsd: 900 }), verdict: 'not-duty-free', headline: 'Result: not duty-free — everything arriving that day together is over the $800 limit' },
  { name: '2024: four $200 packages the same day make $800: fine', facts: clean2024({ valueUsd: 200, sameDayTotalUsd: 800 }), verdict: 'duty-free' },
  { name: '2024: a same-day total below the value counts as the value', facts: clean2024({ valueUsd: 801, sameDayTotalUsd: 10 }), verdict: 'not-duty-free' },

  // ── Exclusions and split orders ──
  { name: '2024: a split order', facts: clean2024({ splitOrder: true }), verdict: 'not-duty-free', headline: 'split up to get free entry' },
  { name: '2024: not sure about a split order', facts: clean2024({ splitOrder: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on whether it is part of a split order' },
  { name: '2024: antidumping/countervailing duty goods', facts: clean2024({ contents: ['adcvd'] }), verdict: 'not-duty-free', headline: 'antidumping or countervailing duties' },
  { name: '2024: quota goods', facts: clean2024({ contents: ['quota'] }), verdict: 'not-duty-free', headline: 'quota' },
  { name: '2024: tobacco', facts: clean2024({ contents: ['tobacco'] }), verdict: 'not-duty-free', headline: 'tobacco and other excise-taxed goods' },
  { name: '2024: other excise-taxed goods (archery)', facts: clean2024({ contents: ['excise'] }), verdict: 'not-duty-free' },
  { name: '2024: $50 of wine', facts: clean2024({ contents: ['alcohol'] }), verdict: 'not-duty-free', headline: 'alcoholic drinks and perfume' },
  { name: '2024: a $4 perfume sample is fine (≤ $5)', facts: clean2024({ valueUsd: 4, sameDayTotalUsd: 4, contents: ['perfume'] }), verdict: 'duty-free' },
  { name: '2024: "not sure" about the value', facts: clean2024({ valueUsd: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on the value' },
  { name: '2024: unknown value, but alcohol decides', facts: clean2024({ valueUsd: 'unknown', contents: ['alcohol'] }), verdict: 'not-duty-free' },
  { name: '2024: unknown value, but the day total is over the limit', facts: clean2024({ valueUsd: 'unknown', sameDayTotalUsd: 2000 }), verdict: 'not-duty-free' },
  { name: '2024: "not sure" what is inside', facts: clean2024({ contents: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on what is inside' },

  // ── Gifts ──
  { name: 'an $80 gift today', facts: gift(), verdict: 'duty-free', headline: AS_GIFT, next: null },
  { name: 'a $100 gift is within the limit', facts: gift({ valueUsd: 100, sameDayTotalUsd: 100, origin: 'CA' }), verdict: 'duty-free' },
  { name: 'a $150 gift from Guam', facts: gift({ valueUsd: 150, sameDayTotalUsd: 150, origin: 'GU' }), verdict: 'duty-free', headline: AS_GIFT },
  { name: 'a $250 gift from Guam', facts: gift({ valueUsd: 250, sameDayTotalUsd: 250, origin: 'GU' }), verdict: 'not-duty-free', headline: 'over the $200 limit' },
  { name: 'a $150 gift from the U.S. Virgin Islands', facts: gift({ valueUsd: 150, sameDayTotalUsd: 150, origin: 'VI' }), verdict: 'duty-free' },
  { name: 'a $150 gift from American Samoa', facts: gift({ valueUsd: 150, sameDayTotalUsd: 150, origin: 'AS' }), verdict: 'duty-free' },
  { name: 'a $150 gift from Canada', facts: gift({ valueUsd: 150, sameDayTotalUsd: 150, origin: 'CA' }), verdict: 'not-duty-free', headline: 'over the $100 limit' },
  { name: 'a $150 gift, sender place not known', facts: gift({ valueUsd: 150, sameDayTotalUsd: 150, origin: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on where the gift was sent from' },
  { name: 'a $250 gift needs no origin: over every limit', facts: { kind: 'gift', valueUsd: 250 }, verdict: 'not-duty-free', next: null },
  { name: 'a gift with alcohol', facts: gift({ contents: ['alcohol'] }), verdict: 'not-duty-free', headline: 'cannot go duty-free as a gift' },
  { name: 'a gift with tobacco', facts: gift({ contents: ['tobacco'] }), verdict: 'not-duty-free' },
  { name: 'a $4 gift of perfume is fine', facts: gift({ valueUsd: 4, sameDayTotalUsd: 4, contents: ['perfume'] }), verdict: 'duty-free' },
  { name: 'two gifts the same day over $100 from Canada', facts: gift({ sameDayTotalUsd: 150, origin: 'CA' }), verdict: 'not-duty-free', headline: 'everything arriving that day' },
  { name: 'two gifts the same day, $150 in all, from Guam', facts: gift({ sameDayTotalUsd: 150, origin: 'GU' }), verdict: 'duty-free' },
  { name: 'a gift: value unknown', facts: { kind: 'gift', valueUsd: 'unknown', contents: [], sameDayTotalUsd: 'unknown' }, verdict: 'cannot-tell' },
  { name: 'a gift in 2015 (before the timeline) is judged the same', facts: gift({ entryDate: '2015-01-01' }), verdict: 'duty-free' },

  // ── Travelers, warehouses, unknown kind, dates out of range ──
  { name: "a traveler's own goods point to the traveler exemptions", facts: { kind: 'traveler' }, verdict: 'cannot-tell', headline: 'personal exemption ($200, $800 or $1,600)', next: null },
  { name: 'warehouse consignee 2023, $50,000 that day', facts: { kind: 'warehouse', entryDate: '2023-03-01', valueUsd: 300, contents: [], sameDayTotalUsd: 50000 }, verdict: 'not-duty-free', headline: 'everything arriving that day together is over the $800 limit' },
  { name: 'warehouse consignee 2023, $600 that day', facts: { kind: 'warehouse', entryDate: '2023-03-01', valueUsd: 300, contents: [], sameDayTotalUsd: 600 }, verdict: 'duty-free' },
  { name: 'warehouse 2023 is not asked about split orders', facts: { kind: 'warehouse', entryDate: '2023-03-01', valueUsd: 300, contents: [] }, verdict: 'cannot-tell', next: 'sameDayTotalUsd' },
  { name: 'warehouse before HQ H290219 (2019)', facts: { kind: 'warehouse', entryDate: '2019-05-01' }, verdict: 'cannot-tell', headline: 'Result: cannot tell here — CBP only set out', next: null },
  { name: 'nothing known yet: asks the kind', facts: {}, verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on the kind of shipment', next: 'kind' },
  { name: 'kind "not sure": explains each kind, asks nothing more', facts: { kind: 'unknown' }, verdict: 'cannot-tell', headline: 'it depends on the kind of shipment', next: null },
  { name: 'before 2010 is not covered', facts: { kind: 'purchase', entryDate: '2009-12-31' }, verdict: 'cannot-tell', headline: 'Result: cannot tell here — this check covers goods entered from 1 Jan 2010 on' },
  { name: '1 Jan 2010 is covered', facts: clean2024({ entryDate: '2010-01-01', valueUsd: 150, sameDayTotalUsd: 150 }), verdict: 'duty-free' },

  // ── Entry date not known ──
  { name: 'date unknown, $900 purchase: not duty-free whatever the date', facts: { kind: 'purchase', entryDate: 'unknown', valueUsd: 900 }, verdict: 'not-duty-free', headline: 'Result: not duty-free — whatever the entry date', next: null },
  { name: 'date unknown, clean $50 UK purchase: depends on the date', facts: clean2024({ entryDate: 'unknown' }), verdict: 'cannot-tell', headline: 'Result: cannot tell yet — it depends on the date the goods entered', next: null },
  { name: 'date unknown, an $80 gift: duty-free whatever the date', facts: gift({ entryDate: 'unknown' }), verdict: 'duty-free', headline: AS_GIFT },
  { name: 'an unreadable date counts as unknown', facts: { kind: 'purchase', entryDate: '31/12/2025', valueUsd: 900 }, verdict: 'not-duty-free', headline: 'whatever the entry date' },
];

describe('assess and nextQuestion across the timeline', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('$name', ({ facts, verdict, headline, next, today }) => {
    const result = assess(facts, rules, today ?? TODAY);
    expect(result.verdict).toBe(verdict);
    expect(result.headline.startsWith('Result: ')).toBe(true);
    if (headline) expect(result.headline).toContain(headline);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.sources.length).toBeGreaterThan(0);
    if (next !== undefined) expect(nextQuestion(facts, rules, today ?? TODAY)?.fact ?? null).toBe(next);
  });
});

describe('asking only what matters', () => {
  /** Answers questions from `answers` until none is left; returns the facts asked, in order. */
  const run = (start: ShipmentFacts, answers: ShipmentFacts): FactKey[] => {
    const asked: FactKey[] = [];
    let facts = { ...start };
    for (let q = nextQuestion(facts, rules, TODAY); q; q = nextQuestion(facts, rules, TODAY)) {
      asked.push(q.fact);
      facts = { ...facts, [q.fact]: answers[q.fact] };
    }
    return asked;
  };

  it('a purchase today: only the kind', () => {
    expect(run({}, { kind: 'purchase' })).toEqual(['kind']);
  });

  it('a gift: value, contents and the day total, not the origin when under $100', () => {
    expect(run({}, { kind: 'gift', valueUsd: 80, contents: [], sameDayTotalUsd: 80 })).toEqual(['kind', 'valueUsd', 'contents', 'sameDayTotalUsd']);
  });

  it('a $150 gift: the origin is asked, right after the value', () => {
    expect(run({}, { kind: 'gift', valueUsd: 150, origin: 'GU', contents: [], sameDayTotalUsd: 150 })).toEqual(['kind', 'valueUsd', 'origin', 'contents', 'sameDayTotalUsd']);
  });

  it('a purchase before 29 Aug 2025: origin, value, contents, day total, split order', () => {
    expect(run({ kind: 'purchase', entryDate: '2025-06-01' }, clean2024())).toEqual(['origin', 'valueUsd', 'contents', 'sameDayTotalUsd', 'splitOrder']);
  });

  it('the mode is never needed for a result', () => {
    expect(run({}, { ...clean2024(), kind: 'purchase' })).not.toContain('mode');
  });

  it('facts from the first message are not asked again', () => {
    expect(run({ kind: 'gift', valueUsd: 80, origin: 'CA' }, gift())).toEqual(['contents', 'sameDayTotalUsd']);
  });
});

describe('what an assessment says', () => {
  it('gives the reasons with dates and sources', () => {
    const result = assess({ kind: 'purchase', entryDate: '2025-09-10' }, rules, TODAY);
    expect(result.reasons[0]).toMatchObject({ date: '2025-08-29' });
    expect(result.reasons[0].text).toContain('29 Aug 2025');
    expect(result.reasons[0].sources.map((s) => s.url)).toContain('https://www.govinfo.gov/content/pkg/FR-2025-08-05/html/2025-14897.htm');
    expect(result.basis).toContain('Executive Order 14324');
  });

  it('says the result rests on the statute from 1 Jul 2027 even if the suspension were lifted', () => {
    const result = assess({ kind: 'purchase', entryDate: '2027-07-01' }, rules, TODAY);
    expect(result.reasons[0].text).toContain('even if the suspension were lifted');
  });

  it('gives practical next steps: how goods enter, who to ask, other agencies', () => {
    const steps = assess({ kind: 'purchase', mode: 'mail' }, rules, TODAY).nextSteps.join('\n');
    expect(steps).toContain('postal informal entry');
    expect(steps).toContain('$2,500');
    expect(steps).toContain('help.cbp.gov');
    expect(steps).toContain('1-877-227-5511');
    expect(steps).toContain('ecommerce@cbp.dhs.gov');
    expect(steps).toContain('FDA');
    expect(steps).not.toContain('type 11');
  });

  it('by courier: an electronic type 11 or 01 entry in ACE', () => {
    const steps = assess({ kind: 'purchase', mode: 'express' }, rules, TODAY).nextSteps.join('\n');
    expect(steps).toContain('type 11');
    expect(steps).not.toContain('postal informal entry');
  });

  it('mode unknown: no mode-specific procedure, only what holds for every mode', () => {
    const steps = assess({ kind: 'purchase' }, rules, TODAY).nextSteps.join('\n');
    expect(steps).not.toContain('type 11');
    expect(steps).not.toContain('postal informal entry');
    expect(steps).toContain('The carrier or customs broker usually pays CBP and bills you');
    expect(steps).toContain('$2,500');
  });

  it('mail from China in June 2025: the carrier collected a set duty', () => {
    const steps = assess({ kind: 'purchase', entryDate: '2025-06-01', origin: 'CN', mode: 'mail' }, rules, TODAY).nextSteps.join('\n');
    expect(steps).toContain('54%');
  });

  it('a duty-free gift gets the "Unsolicited Gift" tip and no entry steps', () => {
    const steps = assess(gift(), rules, TODAY).nextSteps.join('\n');
    expect(steps).toContain('Unsolicited Gift');
    expect(steps).not.toContain('$2,500');
    expect(steps).toContain('FDA');
  });

  it('a date after the last review carries a caution', () => {
    const steps = assess({ kind: 'purchase', entryDate: '2027-08-01' }, rules, TODAY).nextSteps.join('\n');
    expect(steps).toContain('1 Aug 2027 is after these rules were last reviewed (25 Nov 2026)');
  });

  it('summarizes the answers, with the assumed date marked', () => {
    const result = assess({ kind: 'gift', valueUsd: 80, origin: 'GU', contents: ['alcohol'], splitOrder: false }, rules, TODAY);
    expect(result.answers).toEqual([
      { fact: 'entryDate', label: 'Entry date', value: '25 Nov 2026 (today; tell me if it is another day)' },
      { fact: 'kind', label: 'Kind of shipment', value: 'A gift sent to me' },
      { fact: 'origin', label: 'Sent from', value: 'Guam' },
      { fact: 'valueUsd', label: 'Value', value: '$80' },
      { fact: 'contents', label: 'Contents', value: 'Alcohol' },
      { fact: 'splitOrder', label: 'Part of a split order', value: 'No' },
    ]);
    expect(result.entryDate).toBe('2026-11-25');
    expect(result.rulesAsOf).toBe('2026-11-25');
  });

  it('"not sure" answers read "Not sure" and are listed as what the result depends on', () => {
    const result = assess(clean2024({ valueUsd: 'unknown', splitOrder: 'unknown' }), rules, TODAY);
    expect(result.answers.find((a) => a.fact === 'valueUsd')?.value).toBe('Not sure');
    expect(result.dependsOn).toEqual(['valueUsd', 'splitOrder']);
    expect(result.headline).toBe('Result: cannot tell yet — it depends on the value and whether it is part of a split order');
    expect(result.reasons.map((r) => r.text).join(' ')).toContain('$800 or less');
  });

  it('when the date is unknown, explains each period', () => {
    const texts = assess(clean2024({ entryDate: 'unknown' }), rules, TODAY).reasons.map((r) => r.text);
    expect(texts).toContain('If it entered from 10 Mar 2016 to 28 Aug 2025: duty-free under de minimis (the $800 limit).');
    expect(texts).toContain('If it entered from 29 Aug 2025 to 30 Jun 2027: not duty-free — de minimis is suspended for all countries since 29 Aug 2025.');
  });

  it('when the kind is unknown, explains each kind', () => {
    const texts = assess({ kind: 'unknown' }, rules, TODAY).reasons.map((r) => r.text);
    expect(texts[0]).toBe('If it is something you bought: not duty-free — de minimis is suspended for all countries since 29 Aug 2025.');
    expect(texts).toHaveLength(4);
  });

  it('always carries the guidance reminder', () => {
    expect(assess({}, rules, TODAY).reminder).toContain('not a binding ruling');
  });

  it('a missing entry date means the given today, not the clock', () => {
    expect(assess({ kind: 'purchase' }, rules, '2025-06-01').entryDate).toBe('2025-06-01');
    expect(assess({ kind: 'purchase' }, rules, '2025-06-01').verdict).toBe('cannot-tell');
  });

  it('refuses a malformed today (a programming error)', () => {
    expect(() => assess({}, rules, '25/11/2026')).toThrow(TypeError);
  });
});

describe('questions', () => {
  it('fill in the limit and the date', () => {
    const q = questionFor('splitOrder', { kind: 'purchase', entryDate: '2016-03-01' }, rules, TODAY);
    expect(q.prompt).toContain('worth more than $200 in total');
    const total = questionFor('sameDayTotalUsd', { kind: 'gift', origin: 'GU', entryDate: '2025-03-01' }, rules, TODAY);
    expect(total.prompt).toContain('on 1 Mar 2025');
    expect(total.help).toContain('($200)');
  });

  it('word the origin question for a gift', () => {
    expect(questionFor('origin', { kind: 'gift' }, rules, TODAY).prompt).toBe('Where was the gift sent from?');
  });

  it('offer only the contents that matter (gifts: alcohol, tobacco, perfume)', () => {
    const q = questionFor('contents', { kind: 'gift' }, rules, TODAY);
    expect(q.choices?.map((c) => c.value)).toEqual(['alcohol', 'tobacco', 'perfume', 'none', 'unknown']);
    expect(q.prompt).toContain('worth more than $5');
  });

  it('choice labels are short enough for buttons', () => {
    for (const fact of ['kind', 'origin', 'mode', 'valueUsd', 'sameDayTotalUsd', 'contents', 'splitOrder', 'entryDate'] as FactKey[]) {
      for (const c of questionFor(fact, { kind: 'purchase', entryDate: '2024-01-01' }, rules, TODAY).choices ?? []) expect(c.label.length).toBeLessThanOrEqual(25);
    }
  });
});

describe('an unknown entry date narrowed to some days (entryBetween)', () => {
  const rules = bundledRules();
  const TODAY = '2026-11-25';

  it('checks only those days: periods outside are left out, the ones across are cut to them', () => {
    const periods = withinDays(datePeriods(rules, 'purchase', TODAY), { from: '2025-08-21', to: '2025-08-31' });
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2025-08-21', '2025-08-28'],
      ['2025-08-29', '2025-08-31'],
    ]);
    // Each period is checked on a day inside the window.
    for (const p of periods) expect(p.date >= p.start! && p.date <= p.end!).toBe(true);
  });

  it('gives "it depends on the day" with one reason per side of the change, and the same verdict a known day inside gives', () => {
    const facts: ShipmentFacts = { kind: 'purchase', origin: 'GB', valueUsd: 70, contents: [], sameDayTotalUsd: 70, splitOrder: false };
    const between = assess({ ...facts, entryDate: 'unknown', entryBetween: { from: '2025-08-21', to: '2025-08-31' } }, rules, TODAY);
    expect(between.verdict).toBe('cannot-tell');
    expect(between.reasons).toHaveLength(2);
    const inside = assess({ ...facts, entryDate: 'unknown', entryBetween: { from: '2025-08-10', to: '2025-08-20' } }, rules, TODAY);
    expect(inside.verdict).toBe(assess({ ...facts, entryDate: '2025-08-15' }, rules, TODAY).verdict);
    // Without days, every date is checked; a known date ignores the days.
    expect(assess({ ...facts, entryDate: 'unknown' }, rules, TODAY).reasons.length).toBeGreaterThan(2);
    expect(assess({ ...facts, entryDate: '2025-09-15', entryBetween: { from: '2025-08-10', to: '2025-08-20' } }, rules, TODAY).verdict).toBe('not-duty-free');
  });
});

describe('a gift over $100 while de minimis was still open: the check cannot tell, and says why', () => {
  const gift = (facts: Partial<ShipmentFacts>): ShipmentFacts => ({ kind: 'gift', contents: [], sameDayTotalUsd: 0, ...facts }) as ShipmentFacts;

  it.each([
    ['FR', '2025-07-15', 250],
    ['MX', '2024-12-01', 799],
    ['CN', '2025-03-01', 250],
    ['GB', '2012-06-01', 150],
  ])('from %s on %s, $%d: cannot tell, with the reason and whom to ask', (origin, entryDate, valueUsd) => {
    const a = assess(gift({ origin, entryDate, valueUsd }), rules, '2026-12-02');
    expect(a.verdict).toBe('cannot-tell');
    expect(a.headline).toMatch(/not settled in our sources/);
    expect(a.reasons.map((r) => r.text).join(' ')).toMatch(/E-Commerce team/);
  });

  it.each([
    ['CN', '2025-06-15', 250, 'not-duty-free'], // de minimis had already ended for China
    ['FR', '2025-09-15', 250, 'not-duty-free'], // and for everyone
    ['FR', '2025-07-15', 900, 'not-duty-free'], // over what de minimis allowed anyway
    ['GB', '2012-06-01', 250, 'not-duty-free'], // over the $200 de minimis of the time
    ['FR', '2025-07-15', 80, 'duty-free'], //      within the gift limit
    ['GU', '2025-07-15', 150, 'duty-free'], //     within the territories' $200 gift limit
  ] as const)('from %s on %s, $%d: %s', (origin, entryDate, valueUsd, verdict) => {
    expect(assess(gift({ origin, entryDate, valueUsd }), rules, '2026-12-02').verdict).toBe(verdict as Verdict);
  });

  it('asks where the gift came from when that decides (China had lost de minimis by June 2025)', () => {
    expect(nextQuestion(gift({ entryDate: '2025-06-15', valueUsd: 250 }), rules, '2026-12-02')?.fact).toBe('origin');
  });
});

describe('exemptionSuspended: whether a suspension or an end by law was in force (session 29)', () => {
  it.each([
    ['purchase', '2019-07-01', undefined, false],
    ['purchase', '2025-06-01', 'CN', true],
    ['purchase', '2025-06-01', 'FR', false],
    ['purchase', '2025-06-01', undefined, true],
    ['purchase', '2025-09-15', 'FR', true],
    ['gift', '2025-09-15', 'FR', false],
  ] as const)('%s entered %s from %s: %s', (kind, date, origin, suspended) => expect(exemptionSuspended(rules, kind, date, origin)).toBe(suspended));
});
