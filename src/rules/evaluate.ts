/**
 * Evaluates the rules in force on one date for one kind of shipment, check by check. Each check
 * passes, fails, needs a fact not yet asked ("missing"), or cannot be decided because the person
 * does not know a fact ("unknown"). Which checks exist and in what order is fixed here; every
 * date, amount, country, content and text comes from the rule file.
 */
import { displayDate, isWithin } from '../dates';
import type { CleanFacts } from './facts';
import { fillTemplate, formatUsd, joinWords, lowerFirst } from './format';
import { UNKNOWN, type FactKey, type Kind, type Rule, type RuleSet, type RuleType } from './types';

export type Outcome =
  | { status: 'pass'; rule: Rule; text: string; contentsChecked?: string[] }
  | { status: 'fail'; rule: Rule; text: string; why: string }
  | { status: 'out-of-scope'; rule?: Rule; text: string; why: string }
  | { status: 'missing'; fact: FactKey; rule: Rule }
  | { status: 'unknown'; fact: FactKey; rule: Rule };

export interface Evaluation {
  kind: Kind;
  date: string;
  outcomes: Outcome[];
  /** 'pending' while a fact that could decide has not been asked. */
  verdict: 'duty-free' | 'not-duty-free' | 'cannot-tell' | 'pending';
  /** The limit the goods were measured against (for the duty-free headline). */
  limit?: Rule;
}

/** Facts with a known kind and date, as `evaluateShipment` needs them. */
export type DatedFacts = CleanFacts & { kind: Kind; entryDate: string };

/**
 * Evaluates one shipment on its entry date.
 *
 * @example
 * evaluateShipment({ kind: 'purchase', entryDate: '2026-11-25', assumedToday: true }, rules).verdict; // 'not-duty-free'
 * evaluateShipment({ kind: 'gift', entryDate: '2026-11-25', assumedToday: true }, rules).verdict; // 'pending' (value needed)
 */
export function evaluateShipment(facts: DatedFacts, rules: RuleSet): Evaluation {
  const inForce = rulesInForce(rules, facts.kind, facts.entryDate);
  const ofType = (type: RuleType) => inForce.filter((r) => r.type === type);
  const base = { kind: facts.kind, date: facts.entryDate };

  const notCovered = ofType('not-covered').map((rule) => ({ rule, concern: concerns(rule, facts) }));
  const undecided = notCovered.find((n) => n.concern === 'needs-origin');
  if (undecided) {
    // The origin decides whether the check can tell at all: ask it (or say nobody knows it).
    const status = facts.origin === UNKNOWN ? 'unknown' : 'missing';
    const outcomes: Outcome[] = [{ status, fact: 'origin', rule: undecided.rule }];
    return { ...base, outcomes, verdict: verdictOf(outcomes) };
  }
  const scope = notCovered.find((n) => n.concern === 'yes')?.rule ?? ofType('refer')[0];
  if (scope) {
    return { ...base, verdict: 'cannot-tell', outcomes: [{ status: 'out-of-scope', rule: scope, why: scope.headline ?? '', text: scope.reason }] };
  }

  const limits = ofType('limit');
  const outcomes: Outcome[] = [
    ...ofType('not-available')
      .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
      .map((rule) => checkAvailable(rule, facts)),
    ...checkValue(limits, facts, rules),
    ...ofType('excluded').map((rule) => checkContents(rule, facts, rules)),
    ...ofType('same-day').flatMap((rule) => checkSameDay(rule, limits, facts, rules)),
    ...ofType('split-order').map((rule) => checkSplit(rule, facts, rules)),
  ];
  if (limits.length === 0 && !outcomes.some((o) => o.status === 'fail')) outcomes.push(noRule(facts, rules));
  const limit = outcomes.find((o): o is Extract<Outcome, { status: 'pass' }> => o.status === 'pass' && o.rule.type === 'limit')?.rule;
  return { ...base, outcomes, verdict: verdictOf(outcomes), limit };
}

/**
 * Whether a not-covered rule concerns these facts: its value range, once the value is known
 * (until then the limits ask for it), and its origin countries — 'needs-origin' when the value
 * is in range and only the origin, not yet known, would tell.
 *
 * @example
 * concerns({ type: 'not-covered', overUsd: 100, upToUsd: 800, exceptCountries: ['CN'], … }, { valueUsd: 250, origin: 'FR', … }); // 'yes'
 * concerns({ type: 'not-covered', overUsd: 100, upToUsd: 800, … }, { valueUsd: 60, … });                                   // 'no'
 * concerns({ type: 'not-covered', overUsd: 100, upToUsd: 800, exceptCountries: ['CN'], … }, { valueUsd: 250, … });           // 'needs-origin'
 */
export function concerns(rule: Rule, facts: DatedFacts): 'yes' | 'no' | 'needs-origin' {
  if (rule.overUsd !== undefined || rule.upToUsd !== undefined) {
    if (typeof facts.valueUsd !== 'number') return 'no';
    if (facts.valueUsd <= (rule.overUsd ?? -Infinity) || facts.valueUsd > (rule.upToUsd ?? Infinity)) return 'no';
  }
  if (!rule.countries && !rule.exceptCountries) return 'yes';
  if (facts.origin === undefined || facts.origin === UNKNOWN) return 'needs-origin';
  if (rule.countries && !rule.countries.includes(facts.origin)) return 'no';
  return rule.exceptCountries?.includes(facts.origin) ? 'no' : 'yes';
}

/**
 * The rules that apply to a kind of shipment on a date.
 *
 * @example
 * rulesInForce(rules, 'gift', '2026-11-25').map((r) => r.id); // ['gift-limit', 'gift-limit-us-territories', 'gift-same-day', …]
 */
export function rulesInForce(rules: RuleSet, kind: Kind, date: string): Rule[] {
  return rules.rules.filter((r) => r.kinds.includes(kind) && isWithin(date, r.from, r.to));
}

/**
 * Whether the exemption was unavailable for goods of this kind entered on a date (a suspension or
 * an end by law in force), for the origin when it is known. Before any suspension, what the
 * goods are (books, say, which the suspension orders left out) does not change the result.
 *
 * @example
 * exemptionSuspended(rules, 'purchase', '2019-07-01');       // false
 * exemptionSuspended(rules, 'purchase', '2025-06-01', 'CN'); // true
 * exemptionSuspended(rules, 'purchase', '2025-06-01', 'FR'); // false
 */
export function exemptionSuspended(rules: RuleSet, kind: Kind, date: string, origin?: string): boolean {
  return rulesInForce(rules, kind, date).some((r) => r.type === 'not-available' && (origin === undefined || r.countries === undefined || r.countries.includes(origin)));
}

/**
 * The verdict a list of outcomes supports: any failure decides; then out-of-scope; then a fact
 * still to ask; then a fact nobody knows.
 *
 * @example
 * verdictOf([{ status: 'fail', … }, { status: 'missing', … }]); // 'not-duty-free'
 */
export function verdictOf(outcomes: readonly Outcome[]): Evaluation['verdict'] {
  const has = (status: Outcome['status']) => outcomes.some((o) => o.status === status);
  if (has('fail')) return 'not-duty-free';
  if (has('out-of-scope')) return 'cannot-tell';
  if (has('missing')) return 'pending';
  if (has('unknown')) return 'cannot-tell';
  return outcomes.some((o) => o.status === 'pass' && o.rule.type === 'limit') ? 'duty-free' : 'cannot-tell';
}

function checkAvailable(rule: Rule, facts: DatedFacts): Outcome {
  const fail: Outcome = { status: 'fail', rule, why: rule.headline ?? '', text: rule.reason };
  if (!rule.countries) return fail;
  if (facts.origin === undefined) return { status: 'missing', fact: 'origin', rule };
  if (facts.origin === UNKNOWN) return { status: 'unknown', fact: 'origin', rule };
  return rule.countries.includes(facts.origin) ? fail : { status: 'pass', rule, text: '' };
}

type LimitPick = { rule: Rule } | { needsOrigin: Rule } | undefined;

/**
 * The limit that applies to an amount: the one for the origin country when there is one,
 * otherwise the general one. Asks for the origin only when the answer would change the result.
 */
function pickLimit(limits: readonly Rule[], origin: CleanFacts['origin'], amount: number): LimitPick {
  const general = limits.find((r) => !r.countries);
  const specific = limits.filter((r) => r.countries);
  if (origin !== undefined && origin !== UNKNOWN) {
    const rule = specific.find((r) => r.countries?.includes(origin)) ?? general;
    return rule && { rule };
  }
  const maxima = limits.map((r) => r.maxUsd ?? 0);
  const fallback = general ?? limits.reduce((a, b) => ((a.maxUsd ?? 0) <= (b.maxUsd ?? 0) ? a : b));
  if (amount <= Math.min(...maxima) || amount > Math.max(...maxima)) return { rule: fallback };
  const matters = specific.find((r) => (amount <= (r.maxUsd ?? 0)) !== (amount <= (general?.maxUsd ?? -1)));
  return matters ? { needsOrigin: matters } : { rule: fallback };
}

/** Measures an amount against the applicable limit; `about` is the rule the outcome is credited to. */
function measure(
  limits: readonly Rule[],
  amount: number,
  facts: DatedFacts,
  rules: RuleSet,
  texts: { within: string; over: string; overWhy: string },
  about?: Rule,
): Outcome {
  const pick = pickLimit(limits, facts.origin, amount);
  if (!pick) return noRule(facts, rules);
  if ('needsOrigin' in pick) {
    const status = facts.origin === UNKNOWN ? 'unknown' : 'missing';
    return { status, fact: 'origin', rule: pick.needsOrigin };
  }
  const max = pick.rule.maxUsd ?? 0;
  const rule = about ?? pick.rule;
  const values = { value: formatUsd(amount), limit: formatUsd(max) };
  const sentence = (template: string) => `${fillTemplate(template, values)} ${rule.reason}`;
  return amount <= max
    ? { status: 'pass', rule, text: sentence(texts.within) }
    : { status: 'fail', rule, why: fillTemplate(texts.overWhy, values), text: sentence(texts.over) };
}

function noRule(facts: DatedFacts, rules: RuleSet): Outcome {
  const why = fillTemplate(rules.wording.noRule, { date: displayDate(facts.entryDate) });
  return { status: 'out-of-scope', why, text: `${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
}

function checkValue(limits: readonly Rule[], facts: DatedFacts, rules: RuleSet): Outcome[] {
  if (limits.length === 0) return [];
  const anchor = limits.find((r) => !r.countries) ?? limits[0];
  if (facts.valueUsd === undefined) return [{ status: 'missing', fact: 'valueUsd', rule: anchor }];
  if (facts.valueUsd === UNKNOWN) return [{ status: 'unknown', fact: 'valueUsd', rule: anchor }];
  const w = rules.wording;
  return [measure(limits, facts.valueUsd, facts, rules, { within: w.valueWithin, over: w.valueOver, overWhy: w.valueOverHeadline })];
}

function checkContents(rule: Rule, facts: DatedFacts, rules: RuleSet): Outcome {
  const w = rules.wording;
  const value = typeof facts.valueUsd === 'number' ? facts.valueUsd : undefined;
  if (rule.allowedUpToUsd !== undefined && value !== undefined && value <= rule.allowedUpToUsd) {
    return { status: 'pass', rule, text: `${fillTemplate(w.smallShipment, { value: formatUsd(value) })} ${rule.reason}` };
  }
  if (facts.contents === undefined) return { status: 'missing', fact: 'contents', rule };
  if (facts.contents === UNKNOWN) return { status: 'unknown', fact: 'contents', rule };
  const found = (rule.contents ?? []).filter((id) => (facts.contents as string[]).includes(id));
  if (found.length > 0) {
    return { status: 'fail', rule, why: rule.headline ?? '', text: `${fillTemplate(w.contentsFound, { contents: contentLabels(found, rules) })} ${rule.reason}` };
  }
  const checked = rule.contents ?? [];
  return { status: 'pass', rule, text: fillTemplate(w.contentsNone, { contents: contentLabels(checked, rules) }), contentsChecked: checked };
}

/**
 * Content ids as words, in the order of the rule file's `contents` list.
 *
 * @example
 * contentLabels(['tobacco', 'alcohol'], rules); // 'alcohol and tobacco'
 */
export function contentLabels(ids: readonly string[], rules: RuleSet): string {
  const labels = rules.contents.filter((c) => ids.includes(c.id)).map((c) => lowerFirst(c.label));
  return joinWords(labels, rules.wording.and);
}

function checkSameDay(rule: Rule, limits: readonly Rule[], facts: DatedFacts, rules: RuleSet): Outcome[] {
  if (limits.length === 0) return [];
  if (facts.sameDayTotalUsd === undefined) return [{ status: 'missing', fact: 'sameDayTotalUsd', rule }];
  if (facts.sameDayTotalUsd === UNKNOWN) return [{ status: 'unknown', fact: 'sameDayTotalUsd', rule }];
  // A total below the package's own value is a slip; the package alone is the least that arrived.
  const total = Math.max(facts.sameDayTotalUsd, typeof facts.valueUsd === 'number' ? facts.valueUsd : 0);
  const w = rules.wording;
  return [measure(limits, total, facts, rules, { within: w.sameDayWithin, over: w.sameDayOver, overWhy: w.sameDayOverHeadline }, rule)];
}

function checkSplit(rule: Rule, facts: DatedFacts, rules: RuleSet): Outcome {
  const w = rules.wording;
  if (facts.splitOrder === undefined) return { status: 'missing', fact: 'splitOrder', rule };
  if (facts.splitOrder === UNKNOWN) return { status: 'unknown', fact: 'splitOrder', rule };
  return facts.splitOrder
    ? { status: 'fail', rule, why: rule.headline ?? '', text: `${w.isSplit} ${rule.reason}` }
    : { status: 'pass', rule, text: w.notSplit };
}
