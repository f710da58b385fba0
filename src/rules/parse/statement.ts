/**
 * Facts typed in the middle of the guided check instead of the answer to the question asked:
 * asked "What kind of shipment is it?", someone types "it came from China in May 2025"; asked
 * the value, "$60, it's a gift from my aunt in Canada". Every fact the message states is taken,
 * not only the one asked. Pure: `today` and the rules are passed in.
 *
 * Three safeguards:
 * - a question ("is $800 still duty free?") states nothing: the dialog answers it instead;
 * - nothing is taken from a negation ("not from China", "I didn't buy it");
 * - a fact answered earlier is never changed by a side remark (a loose word like "order" must
 *   not turn a gift into a purchase): it is reported as kept. The question asked is the
 *   exception — its answer is what the person was asked for.
 */
import { UNKNOWN, type FactKey, type RuleSet, type ShipmentFacts } from '../types';
import { parseAnswer, type AnswerContext } from './answer';
import { extractFacts, mentionsPastArrival, type ExtractedFacts } from './extract';
import { findMoney, inDollarsIfGiven } from './money';
import { phraseText } from '../../text/normalize';
import { isUnsure } from './words';

export interface FactsInAnswer {
  /** True when the message states facts beyond the one asked (and is not a question). */
  statement: boolean;
  /** The facts to add: the answer to the question asked (when it could be read) and every new fact. */
  facts: ShipmentFacts;
  /** What was assumed or why the day is needed ("I used 15 Mar 2025, …"). */
  notes: string[];
  /** Facts the message states differently from an earlier answer: not changed. */
  kept: FactKey[];
  /** Ask the entry date next: 'unclear' (a month or year in which the rules changed), 'past' (the goods already arrived, day unknown). */
  askDate?: 'unclear' | 'past';
  /** The month or year said, when `askDate` is 'unclear'. */
  unclearDate?: ExtractedFacts['unclearDate'];
  /** An amount in another currency: the value question asks for U.S. dollars. */
  foreignMoney?: { currency: string; amount: number };
}

/** A question word: what follows is a question, with or without "?". */
const QUESTION_WORD = /^(?:what|what's|whats|how|why|where|who|which)\b/;
/** An auxiliary first and "?" last: "is $800 still duty free?", "did it come from China?". */
const AUXILIARY_FIRST = /^(?:am|is|are|was|were|do|does|did|can|could|should|shall|will|would|may|might|must|has|have|had|when|if)\b.*\?\s*$/s;

/**
 * Whether a message asks something rather than states something: it starts with a question
 * word, or with an auxiliary and ends with "?".
 *
 * @example
 * isQuestion('is $800 still duty free?'); // true
 * isQuestion('what if it came from China?'); // true
 * isQuestion('it came from China in May 2025'); // false
 * isQuestion('was delivered on 1 March'); // false (no "?")
 */
export function isQuestion(text: string): boolean {
  const t = phraseText(text);
  return QUESTION_WORD.test(t) || AUXILIARY_FIRST.test(t);
}

/** Words that deny what follows, up to the end of the clause. */
const NEGATION =
  /\b(?:not|no|never|neither|nor|without|cannot|(?:is|was|are|were|do|does|did|has|have|had|ca|could|would|should|wo|must|need)n'?t)\b/gi;
/** Where a clause ends: a full stop, a comma before a space, a semicolon, a dash, "but", "however". */
const CLAUSE_END = /[.!?;](?=\s|$)|,(?=\s|$)|\s[-\u2013\u2014]\s|\b(?:but|however|though|although|instead)\b/gi;
/** Words before an amount that make it a bound, not a value ("under $1,000"). */
const BOUND_BEFORE = /\b(?:under|less than|below|up to|at most|no more than|max(?:imum)?|over|more than|above|at least|greater than|exceeding|upwards of)\s*$/i;

/**
 * The text with every negated clause blanked out (same length and case, so positions and
 * capitals like "UK" stay), so no fact is read from "not from China" or "I didn't buy it".
 *
 * @example
 * withoutNegations('not from China, from Japan'); // '              , from Japan'
 */
export function withoutNegations(text: string): string {
  const t = text.replace(/[\u2018\u2019`]/g, "'");
  let out = t;
  for (const m of t.matchAll(NEGATION)) {
    const start = m.index ?? 0;
    CLAUSE_END.lastIndex = start + m[0].length;
    const end = CLAUSE_END.exec(t)?.index ?? t.length;
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}

const MONEY_FACTS: readonly FactKey[] = ['valueUsd', 'sameDayTotalUsd'];
type Money = ReturnType<typeof findMoney>[number]['money'];

/** The first amount with a currency mark (in dollars where the person gave both), and whether words before it make it a bound. */
function firstAmount(text: string): { money: Money; bound: boolean } | undefined {
  const all = findMoney(text);
  const found = all[0] && inDollarsIfGiven(all[0], all, text);
  if (!found) return undefined;
  const bound = ('usd' in found.money && found.money.bound !== undefined) || BOUND_BEFORE.test(text.slice(0, found.index));
  return { money: found.money, bound };
}

function known(value: unknown): boolean {
  return value !== undefined && value !== UNKNOWN;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The facts in a message typed while the check asks about `asked`, given the facts so far.
 * `statement` says whether the dialog should take them (rather than read the message as a plain
 * answer, or pass a question on to the knowledge base).
 *
 * @example
 * factsInAnswer('it came from China in May 2025', {}, '2026-11-25', rules, 'kind');
 * // { statement: true, facts: { origin: 'CN' }, askDate: 'unclear', notes: ['The rules changed on 2 May 2025, …'], kept: [], … }
 * factsInAnswer("$60, it's a gift from my aunt in Canada", { kind: 'gift' }, '2026-11-25', rules, 'valueUsd');
 * // { statement: true, facts: { valueUsd: 60, origin: 'CA' }, notes: [], kept: [] }
 * factsInAnswer('$60', {}, '2026-11-25', rules, 'valueUsd').statement; // false (just the answer)
 * factsInAnswer('is $800 still duty free?', {}, '2026-11-25', rules, 'valueUsd').statement; // false
 */
export function factsInAnswer(text: string, current: ShipmentFacts, today: string, rules: RuleSet, asked?: FactKey): FactsInAnswer {
  const nothing: FactsInAnswer = { statement: false, facts: {}, notes: [], kept: [] };
  if (!text.trim() || isQuestion(text)) return nothing;

  const affirmed = withoutNegations(text);
  const extracted = extractFacts(affirmed, today, rules);
  const found: ShipmentFacts = { ...extracted.facts };
  const dateSaid = extracted.facts.entryDate !== undefined || extracted.unclearDate !== undefined || extracted.notes.length > 0;
  const amount = firstAmount(affirmed);
  // An amount answers the money question asked ("$300 in total" is the total, not the value);
  // "under $1,000" is no value at all.
  if ((asked && MONEY_FACTS.includes(asked)) || amount?.bound) delete found.valueUsd;

  const result: FactsInAnswer = { statement: false, facts: {}, notes: [], kept: [] };
  const answer = askedAnswer(text, affirmed, asked, extracted, amount, dateSaid, { today, rules, facts: current });
  if (answer !== undefined && asked) result.facts[asked] = answer as never;
  if (amount && 'currency' in amount.money && asked !== 'sameDayTotalUsd' && !known(current.valueUsd)) result.foreignMoney = amount.money;

  // Every other fact stated: a new one is added, one that differs from an earlier answer is kept.
  let added = 0;
  for (const key of Object.keys(found) as FactKey[]) {
    if (key === asked) continue;
    const before = current[key];
    if (!known(before)) {
      result.facts[key] = found[key] as never;
      added++;
    } else if (!same(before, found[key])) result.kept.push(key);
  }
  // A month in which the rules changed: the day is asked (unless a day is known already).
  const dateOpen = asked === 'entryDate' || !known(current.entryDate);
  if (extracted.unclearDate && dateOpen) {
    result.unclearDate = extracted.unclearDate;
    result.askDate = 'unclear';
  }
  result.statement = added > 0 || (result.askDate === 'unclear' && asked !== 'entryDate');
  if (!result.statement) return nothing;

  const dateUsed = result.facts.entryDate !== undefined || result.askDate === 'unclear';
  // A date that could not be used, or goods that already arrived: today cannot be assumed.
  if (!result.askDate && current.entryDate === undefined && result.facts.entryDate === undefined && (dateSaid || mentionsPastArrival(affirmed))) {
    result.askDate = 'past';
  }
  if (dateUsed || result.askDate) result.notes.push(...extracted.notes);
  // "under $1,000" for the value: the parser's own request for an estimate.
  if (asked && MONEY_FACTS.includes(asked) && amount?.bound && 'usd' in amount.money) {
    const parsed = parseAnswer(asked, `under ${amount.money.usd}`, { today, rules, facts: current });
    if (!parsed.ok) result.notes.push(parsed.message);
  }
  return result;
}

/** The answer to the question asked, read from the message; undefined when it is not there. */
function askedAnswer(
  text: string,
  affirmed: string,
  asked: FactKey | undefined,
  extracted: ExtractedFacts,
  amount: { money: Money; bound: boolean } | undefined,
  dateSaid: boolean,
  context: AnswerContext,
): ShipmentFacts[FactKey] | undefined {
  if (!asked) return undefined;
  if (isUnsure(text)) return UNKNOWN;
  switch (asked) {
    case 'entryDate':
      // The extraction reads a date inside a sentence and checks a month against the rules' changes.
      if (dateSaid) return extracted.facts.entryDate;
      break;
    case 'valueUsd':
    case 'sameDayTotalUsd':
      if (amount) return 'usd' in amount.money && !amount.bound ? amount.money.usd : undefined;
      // A bare number ("60, a gift from Canada"), unless it may be the year of a date.
      if (dateSaid) return undefined;
      // The parser reads "no, only this one" itself.
      return valueOf(parseAnswer(asked, text, context));
    case 'splitOrder':
    case 'contents':
      // These parsers read "no" and "no alcohol" themselves.
      return valueOf(parseAnswer(asked, text, context));
    default:
      break;
  }
  return valueOf(parseAnswer(asked, affirmed, context));
}

function valueOf(parsed: ReturnType<typeof parseAnswer>): ShipmentFacts[FactKey] | undefined {
  return parsed.ok ? parsed.value : undefined;
}
