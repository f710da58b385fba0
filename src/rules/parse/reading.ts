/**
 * What a message typed at one question of the guided duty-free check means — the whole
 * interpretation, so the dialog only routes on the result:
 *
 *   new-check      "check my shipment" mid-check: start a new check
 *   change-date    "change date", "different date": ask the entry date
 *   too-long       longer than any answer (300 characters)
 *   markup         HTML or XML tags are never an answer ("<script>alert(1)</script>" must not become $1)
 *   statement      facts typed instead of (or besides) the answer ("it came from China in May 2025")
 *   one-date       two dates in an entry-date answer ("tomorrow's tomorrow")
 *   rules-changed  an entry date with only a month (or year) in which the rules changed
 *   unclear        a question that also holds an answer ("is $800 still duty free?")
 *   retry          not an answer; `question` says whether it reads as a question of its own
 *   answer         the answer, and whether to say it back (a date, an amount read out of other words)
 *
 * Pure: `today` (a U.S. Eastern calendar date) and the rules are passed in; no wording is chosen
 * here except the parsers' own retry messages.
 */
import { chrono } from './chrono';
import { addDays } from '../../dates';
import { rulesChangeBetween } from '../changes';
import { UNKNOWN, type Choice, type FactKey, type RuleSet, type ShipmentFacts } from '../types';
import { parseAnswer, type ParsedAnswer } from './answer';
import { parseDate, withDatesNamed } from './date';
import { asksInsteadOfAnswering } from './question';
import { factsInAnswer, type FactsInAnswer } from './statement';
import { isUnsure } from './words';
import { answerWords } from '../../text/normalize';

/** The question being answered: its fact and, for button questions, its choices. */
export interface AskedQuestion {
  fact: FactKey;
  choices?: readonly Choice[];
}

/** What `readAnswer` needs besides the text. */
export interface ReadingContext {
  /** Today, YYYY-MM-DD, U.S. Eastern. */
  today: string;
  rules: RuleSet;
  /** The facts so far. */
  facts: ShipmentFacts;
}

export type AnswerReading =
  | { kind: 'empty' | 'new-check' | 'change-date' | 'too-long' | 'markup' | 'unclear' }
  | { kind: 'statement'; stated: FactsInAnswer }
  | EntryDateProblem
  | { kind: 'retry'; message: string }
  | {
      kind: 'answer';
      answer: Extract<ParsedAnswer, { ok: true }>;
      /** Say the answer back, so a misreading shows: the entry date, or an amount read out of other words ("5 shirts"). */
      sayBack?: 'entryDate' | 'amount';
    };

/** Why an entry date cannot be used as typed: two dates, or only a month in which the rules changed (the changes' dates). */
export type EntryDateProblem = { kind: 'one-date' } | { kind: 'rules-changed'; changes: string[] };

/** "Change date" and the like, at any step. */
const CHANGE_DATE =
  /^(?:change (?:the )?(?:arrival |entry )?date|different date|another date|other date|wrong date|new date|set (?:the )?date|not today|it (?:arrived|came|comes|arrives|will arrive) (?:on )?(?:another|a different|an other) day|(?:another|a different) day)$/;
/** Asking for a check while one is running starts a new one. */
const NEW_CHECK = /^(?:check (?:my |a |another |the )?(?:shipment|package|parcel|order)s?|check another one|new check|start a new check)$/;
/** HTML or XML tags. */
const MARKUP = /<\/?[a-z!][^>]*>/i;
/** An amount typed as just an amount ("$1,200.50", "300 dollars", "US$45"): no need to say it back. */
const PLAIN_AMOUNT = /^\s*(?:us\s?)?\$?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|usd|us dollars?|dollars?|bucks)?\s*$/i;
/** Longer than this, a message is not an answer to one of these questions. */
export const MAX_ANSWER_CHARS = 300;

/**
 * Whether the text asks for a new check ("check my shipment", "Check another shipment").
 *
 * @example
 * isNewCheck('Check my shipment'); // true
 */
export function isNewCheck(text: string): boolean {
  return NEW_CHECK.test(answerWords(text));
}

/**
 * Whether the text asks to check another entry date ("change date", "not today").
 *
 * @example
 * isChangeDate('Different date'); // true
 */
export function isChangeDate(text: string): boolean {
  return CHANGE_DATE.test(answerWords(text));
}

/**
 * Why a typed entry date cannot be used as it is, beyond what the date parser checks: two dates
 * in one answer (a second chrono-node pass that counts them), or a month in which the rules
 * changed (the changes' dates).
 *
 * @example
 * entryDateProblem("tomorrow's tomorrow", '2026-11-25', rules); // { kind: 'one-date' }
 * entryDateProblem('May 2025', '2026-11-25', rules); // { kind: 'rules-changed', changes: ['2025-05-02'] }
 * entryDateProblem('1 May 2025', '2026-11-25', rules); // undefined
 */
export function entryDateProblem(text: string, today: string, rules: RuleSet): EntryDateProblem | undefined {
  const [y, m, d] = today.split('-').map(Number);
  // "March last year", "the week before Christmas" are one date: named as the readers know them first.
  const found = chrono().parse(withDatesNamed(text.toLowerCase(), today), { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 }, { forwardDate: false });
  if (found.length > 1) return { kind: 'one-date' };
  const date = parseDate(text, today);
  if (date.ok && date.approximate) {
    const changes = rulesChangeBetween(rules, addDays(date.approximate.from, -1), date.approximate.to);
    if (changes.length > 0) return { kind: 'rules-changed', changes };
  }
  return undefined;
}

/**
 * Reads a message typed (or a button pressed) at `question`.
 *
 * @example
 * const context = { today: '2026-11-25', rules, facts: {} };
 * readAnswer('$45', { fact: 'valueUsd' }, context); // { kind: 'answer', answer: { ok: true, fact: 'valueUsd', value: 45 } }
 * readAnswer('5 shirts', { fact: 'valueUsd' }, context); // { kind: 'answer', answer: { …, value: 5 }, sayBack: 'amount' }
 * readAnswer('change date', { fact: 'kind' }, context); // { kind: 'change-date' }
 * readAnswer('it came from China', { fact: 'kind' }, context); // { kind: 'statement', stated: { facts: { origin: 'CN' }, … } }
 * readAnswer('is $800 still duty free?', { fact: 'valueUsd' }, context); // { kind: 'unclear' }
 */
export function readAnswer(text: string, question: AskedQuestion, context: ReadingContext): AnswerReading {
  const { today, rules, facts } = context;
  if (!text) return { kind: 'empty' };
  if (isNewCheck(text)) return { kind: 'new-check' };
  if (isChangeDate(text)) return { kind: 'change-date' };
  if (text.length > MAX_ANSWER_CHARS) return { kind: 'too-long' };
  if (MARKUP.test(text)) return { kind: 'markup' };

  const key = answerWords(text);
  const choice = question.choices?.find((c) => answerWords(c.label) === key || c.value === key);
  // Facts typed instead of (or besides) the answer: "it came from China in May 2025".
  if (!choice) {
    const stated = factsInAnswer(text, facts, today, rules, question.fact);
    if (stated.statement) return { kind: 'statement', stated };
  }
  const unsure = !choice && isUnsure(text);
  // "is $800 still duty free?" holds an amount, but it is a question: the dialog answers it.
  const asksSomething = !choice && !unsure && asksInsteadOfAnswering(text);

  if (question.fact === 'entryDate' && !choice && !unsure && !asksSomething) {
    const problem = entryDateProblem(text, today, rules);
    if (problem) return problem;
  }
  const parsed = parseAnswer(question.fact, choice ? choice.value : text, { today, rules, facts });
  if (asksSomething) return parsed.ok ? { kind: 'unclear' } : { kind: 'retry', message: parsed.message };
  if (!parsed.ok) return { kind: 'retry', message: parsed.message };

  if (!parsed.note && question.fact === 'entryDate' && typeof parsed.value === 'string' && parsed.value !== UNKNOWN) {
    return { kind: 'answer', answer: parsed, sayBack: 'entryDate' };
  }
  if (!parsed.note && typeof parsed.value === 'number' && !choice && /\d/.test(text) && !PLAIN_AMOUNT.test(text)) {
    return { kind: 'answer', answer: parsed, sayBack: 'amount' };
  }
  return { kind: 'answer', answer: parsed };
}
