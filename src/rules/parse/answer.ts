/**
 * One entry point for the dialog: read the answer to a question about `fact`, or say kindly why
 * it could not be used so the question can be asked again.
 */
import { formatUsd } from '../format';
import { UNKNOWN, type FactKey, type RuleSet, type ShipmentFacts } from '../types';
import { parseCountry } from './country';
import { parseDate } from './date';
import { parseMoney } from './money';
import { phraseText } from '../../text/normalize';
import { isUnsure, parseContents, parseKind, parseMode, parseYesNo } from './words';
import { catalog, fill } from '../../messages';

const { eligibility: words } = catalog();

export type ParsedAnswer =
  | { ok: true; fact: FactKey; value: NonNullable<ShipmentFacts[FactKey]>; note?: string }
  | {
      ok: false;
      fact: FactKey;
      problem: 'not-understood' | 'foreign-currency' | 'inexact' | 'bad-date';
      /** A friendly sentence to show before asking again. */
      message: string;
    };

export interface AnswerContext {
  today: string;
  rules: RuleSet;
  /** Facts so far ("only this package" copies the value). */
  facts?: ShipmentFacts;
}

const ONLY_THIS = /^(only[- ]this|only this (?:one|package|gift|parcel|shipment)|just (?:this|that)(?: one)?|only one|no|none|nothing else|no others?|that'?s it|this is the only one)\b/;

/**
 * Reads an answer (free text or a choice's value) for one fact.
 *
 * @example
 * parseAnswer('valueUsd', 'about 300 dollars', ctx); // { ok: true, fact: 'valueUsd', value: 300, note: 'I used $300.' }
 * parseAnswer('valueUsd', '€50', ctx); // { ok: false, problem: 'foreign-currency', message: 'Please give the value in U.S. dollars …' }
 * parseAnswer('splitOrder', 'not sure', ctx); // { ok: true, fact: 'splitOrder', value: 'unknown' }
 */
export function parseAnswer(fact: FactKey, text: string, context: AnswerContext): ParsedAnswer {
  const ok = (value: NonNullable<ShipmentFacts[FactKey]>, note?: string): ParsedAnswer => (note ? { ok: true, fact, value, note } : { ok: true, fact, value });
  const retry = (problem: Extract<ParsedAnswer, { ok: false }>['problem'], message: string): ParsedAnswer => ({ ok: false, fact, problem, message });
  if (isUnsure(text)) return ok(UNKNOWN);
  const t = phraseText(text);
  switch (fact) {
    case 'entryDate': {
      const date = parseDate(text, context.today);
      if (!date.ok) return retry('bad-date', date.reason);
      return ok(date.date, date.note);
    }
    case 'kind': {
      const kind = parseKind(text);
      return kind ? ok(kind) : retry('not-understood', words.parseKind);
    }
    case 'origin': {
      const code = parseCountry(text);
      return code ? ok(code) : retry('not-understood', words.parseCountry);
    }
    case 'mode': {
      const mode = parseMode(text);
      return mode ? ok(mode) : retry('not-understood', words.parseMode);
    }
    case 'valueUsd':
      return money(text, ok, retry);
    case 'sameDayTotalUsd': {
      if (ONLY_THIS.test(t)) {
        const value = context.facts?.valueUsd;
        return ok(typeof value === 'number' ? value : UNKNOWN);
      }
      return money(text, ok, retry);
    }
    case 'contents': {
      const contents = t === 'none' ? [] : parseContents(text, context.rules.contents);
      const labels = context.rules.contents.map((c) => c.label.toLowerCase()).join(', ');
      return contents ? ok(contents) : retry('not-understood', fill(words.parseContents, { labels }));
    }
    case 'splitOrder': {
      const answer = parseYesNo(text);
      return answer === undefined ? retry('not-understood', words.parseYesNo) : ok(answer);
    }
  }
}

function money(
  text: string,
  ok: (value: number, note?: string) => ParsedAnswer,
  retry: (problem: Extract<ParsedAnswer, { ok: false }>['problem'], message: string) => ParsedAnswer,
): ParsedAnswer {
  const parsed = parseMoney(text);
  if (!parsed) return retry('not-understood', words.parseAmount);
  if ('currency' in parsed) {
    return retry('foreign-currency', fill(words.parseForeignAmount, { amount: parsed.amount, currency: parsed.currency }));
  }
  // "Under $1,000" or "over $800" could be on either side of a limit; an estimate is fine.
  if (parsed.bound) return retry('inexact', words.parseEstimate);
  // An estimate, or a sum written in words, is said back so a misreading shows.
  return ok(parsed.usd, parsed.approximate || parsed.inWords ? fill(words.usedAmount, { amount: formatUsd(parsed.usd) }) : undefined);
}

/**
 * The facts with one parsed answer added (a new object; the input is not changed).
 *
 * @example
 * applyAnswer({ kind: 'gift' }, { ok: true, fact: 'valueUsd', value: 80 }); // { kind: 'gift', valueUsd: 80 }
 */
export function applyAnswer(facts: ShipmentFacts, answer: Extract<ParsedAnswer, { ok: true }>): ShipmentFacts {
  return { ...facts, [answer.fact]: answer.value };
}
