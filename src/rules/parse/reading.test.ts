/**
 * readAnswer, the interpretation of one answer in the guided duty-free check: properties that
 * hold for any input (fast-check), and the cases the dialog routes on.
 */
import fc from 'fast-check';
import { displayDate } from '../index';
import { questionFor } from '../questions';
import { bundledRules } from '../testRules';
import { FACT_KEYS, UNKNOWN, type FactKey } from '../types';
import { parseAnswer } from './answer';
import { asksInsteadOfAnswering, looksLikeQuestion } from './question';
import { entryDateProblem, isChangeDate, isNewCheck, MAX_ANSWER_CHARS, readAnswer, type AnswerReading } from './reading';

const rules = bundledRules();
const today = '2026-11-25';
const context = { today, rules, facts: {} };
const KINDS_OF_READING: AnswerReading['kind'][] = [
  'empty', 'new-check', 'change-date', 'too-long', 'markup', 'statement', 'one-date', 'rules-changed', 'unclear', 'retry', 'answer',
];
const fact = fc.constantFrom(...FACT_KEYS);

/** The text with random capitals, spaces around it and a full stop or "!" after it. */
const noisy = (phrases: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...phrases), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.constantFrom('', ' ', '  '), fc.constantFrom('', '.', '!'))
    .map(([p, caps, pad, end]) => `${pad}${[...p].map((c, i) => (caps[i] ? c.toUpperCase() : c)).join('')}${end}${pad}`);

const CHANGE_DATE_PHRASES = ['change date', 'change the arrival date', 'different date', 'another date', 'not today', 'it arrived on another day', 'a different day'];
const NEW_CHECK_PHRASES = ['check my shipment', 'check another shipment', 'check a package', 'new check', 'start a new check', 'check another one'];

describe('readAnswer: properties for any input', () => {
  it('never throws and always says what the message is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fact, (text, f) => {
        expect(KINDS_OF_READING).toContain(readAnswer(text, { fact: f }, context).kind);
      }),
      { numRuns: 300 },
    );
  });

  it('"change date" and "check my shipment" are commands at every question, however typed', () => {
    fc.assert(
      fc.property(noisy(CHANGE_DATE_PHRASES), fact, (text, f) => {
        expect(isChangeDate(text)).toBe(true);
        expect(readAnswer(text.trim(), { fact: f }, context)).toEqual({ kind: 'change-date' });
      }),
    );
    fc.assert(
      fc.property(noisy(NEW_CHECK_PHRASES), fact, (text, f) => {
        expect(isNewCheck(text)).toBe(true);
        expect(readAnswer(text.trim(), { fact: f }, context)).toEqual({ kind: 'new-check' });
      }),
    );
  });

  it('a message longer than any answer is never read as one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_ANSWER_CHARS + 1, maxLength: 600 }), fact, (text, f) => {
        fc.pre(!isChangeDate(text) && !isNewCheck(text));
        expect(readAnswer(text, { fact: f }, context)).toEqual({ kind: 'too-long' });
      }),
      { numRuns: 50 },
    );
  });

  it('markup is never an answer ("<script>alert(1)</script>" must not become $1)', () => {
    const tag = fc.constantFrom('<script>', '<b>', '</i>', '<img src=x onerror=alert(1)>', '<!-- x -->', '<svg/onload=1>');
    fc.assert(
      fc.property(tag, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fact, (t, before, after, f) => {
        const text = `${before}${t}${after}`.trim();
        fc.pre(text.length > 0 && !isChangeDate(text) && !isNewCheck(text));
        expect(readAnswer(text, { fact: f }, context)).toEqual({ kind: 'markup' });
      }),
    );
  });

  it('every button of every question is read as its own value, in any capitals', () => {
    for (const f of FACT_KEYS) {
      const question = questionFor(f as FactKey, { kind: 'purchase' }, rules, today);
      for (const choice of question.choices ?? []) {
        const expected = parseAnswer(f, choice.value, context);
        fc.assert(
          fc.property(noisy([choice.label]), (label) => {
            const reading = readAnswer(label.trim(), question, context);
            expect(reading).toMatchObject({ kind: 'answer', answer: expected });
            expect(reading).not.toHaveProperty('sayBack', 'amount');
          }),
          { numRuns: 20 },
        );
      }
    }
  });

  it('a plain dollar amount is the value, not said back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('$', 'US$', ''), fc.constantFrom('', ' dollars', ' USD'), (n, mark, unit) => {
        const reading = readAnswer(`${mark}${n.toLocaleString('en-US')}${unit}`, { fact: 'valueUsd' }, context);
        expect(reading).toEqual({ kind: 'answer', answer: { ok: true, fact: 'valueUsd', value: n } });
      }),
    );
  });

  it('an exact entry date is taken and said back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), (n) => {
        const date = new Date(Date.parse('2023-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
        const reading = readAnswer(displayDate(date), { fact: 'entryDate' }, context);
        expect(reading).toEqual({ kind: 'answer', answer: { ok: true, fact: 'entryDate', value: date }, sayBack: 'entryDate' });
      }),
      { numRuns: 100 },
    );
  });

  it('a question that holds an amount is never taken as the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('is ${n} still duty free?', 'what if it is ${n}', 'does ${n} count?', 'how much duty on ${n}?'), (n, template) => {
        const reading = readAnswer(template.replace('{n}', String(n)), { fact: 'valueUsd' }, context);
        expect(['unclear', 'retry']).toContain(reading.kind);
      }),
    );
  });
});

describe('readAnswer: what the dialog routes on', () => {
  it('nothing typed', () => {
    expect(readAnswer('', { fact: 'kind' }, context)).toEqual({ kind: 'empty' });
  });

  it('facts typed instead of the answer are a statement', () => {
    const reading = readAnswer('it came from China in May 2025', { fact: 'kind' }, context);
    expect(reading.kind).toBe('statement');
    expect(reading.kind === 'statement' && reading.stated.facts).toEqual({ origin: 'CN' });
  });

  it('an amount read out of other words is said back; "not sure" is an answer', () => {
    expect(readAnswer('5 shirts', { fact: 'valueUsd' }, context)).toMatchObject({ kind: 'answer', answer: { value: 5 }, sayBack: 'amount' });
    expect(readAnswer('not sure', { fact: 'valueUsd' }, context)).toEqual({ kind: 'answer', answer: { ok: true, fact: 'valueUsd', value: UNKNOWN } });
  });

  it('an answer that is not understood gives the parser\'s message', () => {
    expect(readAnswer('purple', { fact: 'mode' }, context)).toEqual({ kind: 'retry', message: 'Please say "mail" (the postal service) or "courier" (DHL, FedEx, UPS or cargo).' });
  });

  it('entry dates: two dates, a month in which the rules changed, a month in which they did not', () => {
    expect(readAnswer('yesterday or today', { fact: 'entryDate' }, context)).toEqual({ kind: 'one-date' });
    expect(readAnswer('May 2025', { fact: 'entryDate' }, context)).toEqual({ kind: 'rules-changed', changes: ['2025-05-02'] });
    expect(entryDateProblem('1 May 2025', today, rules)).toBeUndefined();
    expect(readAnswer('March 2026', { fact: 'entryDate' }, context)).toMatchObject({ kind: 'answer', answer: { value: '2026-03-15' } });
  });
});

describe('looksLikeQuestion and asksInsteadOfAnswering', () => {
  it('tell a question from an answer', () => {
    expect(looksLikeQuestion('what is a customs broker?')).toBe(true);
    expect(looksLikeQuestion('Canadaa')).toBe(false);
    expect(asksInsteadOfAnswering('is $800 still duty free?')).toBe(true);
    expect(asksInsteadOfAnswering('May 20 2025')).toBe(false);
    expect(asksInsteadOfAnswering('was delivered on 1 March')).toBe(false);
  });
});
