/**
 * Properties that hold for any facts: the engine never throws, always explains itself with
 * reasons and sources, and the questions always come to an end.
 */
import fc from 'fast-check';
import { addDays } from '../dates';
import { FACT_KEYS, KINDS, UNKNOWN, VERDICTS, assess, nextQuestion, parseAnswer, type FactKey, type ShipmentFacts } from './index';
import { bundledRules } from './testRules';

const rules = bundledRules();
const contentIds = rules.contents.map((c) => c.id);

/** Calendar dates from 2010 through 2028. */
const date = fc.integer({ min: 0, max: 365 * 19 + 4 }).map((n) => addDays('2010-01-01', n));
const todayArb = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addDays('2025-01-01', n));
const money = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(0, 5, 100, 200, 800, 801));

/** A valid answer for each fact, "not sure" included. */
const validAnswer: { [K in FactKey]-?: fc.Arbitrary<NonNullable<ShipmentFacts[K]>> } = {
  entryDate: fc.oneof(date, fc.constant(UNKNOWN)),
  kind: fc.constantFrom(...KINDS, UNKNOWN),
  origin: fc.constantFrom('CN', 'HK', 'GB', 'CA', 'DE', 'GU', 'VI', 'AS', 'MX', UNKNOWN),
  mode: fc.constantFrom('mail' as const, 'express' as const, UNKNOWN),
  valueUsd: fc.oneof(money, fc.constant(UNKNOWN)),
  sameDayTotalUsd: fc.oneof(money, fc.constant(UNKNOWN)),
  contents: fc.oneof(fc.subarray(contentIds), fc.constant(UNKNOWN)),
  splitOrder: fc.oneof(fc.boolean(), fc.constant(UNKNOWN)),
};

/** Valid facts with any subset of keys present. */
const validFacts: fc.Arbitrary<ShipmentFacts> = fc.record(validAnswer, { requiredKeys: [] });

/** Anything at all in the fact fields, as stored state or a buggy caller might send. */
const junkFacts = fc.record(
  Object.fromEntries(FACT_KEYS.map((k) => [k, fc.oneof(fc.anything(), fc.constant(Number.NaN), fc.constant(-1), fc.string())])) as Record<FactKey, fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
) as fc.Arbitrary<ShipmentFacts>;

describe('assess, for any facts', () => {
  const checkAssessment = (facts: ShipmentFacts, today: string) => {
    const result = assess(facts, rules, today);
    expect(VERDICTS).toContain(result.verdict);
    expect(result.headline.startsWith('Result: ')).toBe(true);
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    expect(result.sources.length).toBeGreaterThanOrEqual(1);
    for (const reason of result.reasons) {
      expect(reason.text.trim()).not.toBe('');
      expect(reason.sources.length).toBeGreaterThanOrEqual(1);
    }
    expect(result.headline).not.toMatch(/\{\w+\}/);
    expect(result.reminder).not.toBe('');
    if (result.verdict !== 'cannot-tell') expect(result.dependsOn).toEqual([]);
  };

  it('never throws and always gives a verdict with reasons and sources (valid facts, dates 2010–2028)', () => {
    fc.assert(fc.property(validFacts, todayArb, (facts, today) => checkAssessment(facts, today)), { numRuns: 1500 });
  });

  it('never throws on junk input either', () => {
    fc.assert(fc.property(junkFacts, todayArb, (facts, today) => checkAssessment(facts, today)), { numRuns: 500 });
  });

  it('a definite verdict does not change when a fact nobody asked about is added', () => {
    fc.assert(
      fc.property(validFacts, todayArb, fc.constantFrom('mail' as const, 'express' as const), (facts, today, mode) => {
        const before = assess({ ...facts, mode: undefined }, rules, today);
        const after = assess({ ...facts, mode }, rules, today);
        expect(after.verdict).toBe(before.verdict);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextQuestion, answered with any valid answers', () => {
  it('terminates within the number of fact keys and never asks a fact twice', () => {
    fc.assert(
      fc.property(validFacts, todayArb, fc.infiniteStream(fc.nat()), fc.context(), (start, today, picks, ctx) => {
        let facts: ShipmentFacts = { ...start };
        const asked: FactKey[] = [];
        const answers = picks[Symbol.iterator]();
        for (let q = nextQuestion(facts, rules, today); q; q = nextQuestion(facts, rules, today)) {
          expect(facts[q.fact]).toBeUndefined();
          expect(asked).not.toContain(q.fact);
          asked.push(q.fact);
          expect(asked.length).toBeLessThanOrEqual(FACT_KEYS.length);
          const answer = fc.sample(validAnswer[q.fact] as fc.Arbitrary<unknown>, { numRuns: 1, seed: answers.next().value as number })[0];
          ctx.log(`${q.fact} = ${JSON.stringify(answer)}`);
          facts = { ...facts, [q.fact]: answer };
        }
        // When no question is left, assess gives the result without throwing.
        expect(VERDICTS).toContain(assess(facts, rules, today).verdict);
      }),
      { numRuns: 800 },
    );
  });

  it('asks enough: with no "not sure" answers the result is definite, unless the shipment is out of scope', () => {
    const sureAnswers = {
      ...validAnswer,
      entryDate: date,
      kind: fc.constantFrom(...KINDS),
      origin: fc.constantFrom('CN', 'HK', 'GB', 'GU', 'CA'),
      valueUsd: money,
      sameDayTotalUsd: money,
      contents: fc.subarray(contentIds),
      splitOrder: fc.boolean(),
    };
    const complete = fc.record(sureAnswers);
    const partial = fc.record(sureAnswers, { requiredKeys: ['kind'] });
    fc.assert(
      fc.property(partial, complete, todayArb, (start, answers, today) => {
        let facts: ShipmentFacts = { ...start };
        for (let n = 0, q = nextQuestion(facts, rules, today); q; q = nextQuestion(facts, rules, today), n++) {
          expect(n).toBeLessThan(FACT_KEYS.length);
          facts = { ...facts, [q.fact]: answers[q.fact] };
        }
        const result = assess(facts, rules, today);
        if (result.verdict === 'cannot-tell') expect(result.headline).toMatch(/^Result: cannot tell here/);
      }),
      { numRuns: 800 },
    );
  });

  it('every choice offered is an answer the parser accepts', () => {
    fc.assert(
      fc.property(validFacts, todayArb, (facts, today) => {
        const q = nextQuestion(facts, rules, today);
        for (const choice of q?.choices ?? []) expect(parseAnswer(q!.fact, choice.value, { today, rules, facts }).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
