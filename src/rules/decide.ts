/**
 * Turns evaluations into a decision: the verdict, the headline phrase, the reasons and the next
 * fact to ask. When the kind of shipment or the entry date is not known, every possibility is
 * evaluated; if they all agree that is the answer, otherwise the answer says what happens in
 * each case instead of guessing.
 */
import { addDays, addYears, displayDate } from '../dates';
import { contentLabels, evaluateShipment, type Evaluation, type Outcome } from './evaluate';
import type { CleanFacts } from './facts';
import { fillTemplate, formatUsd, joinWords, withoutFullStop } from './format';
import { KINDS, UNKNOWN, type DayRange, type FactKey, type Kind, type Reason, type RuleSet, type Source, type Verdict } from './types';

export interface Decision {
  /** 'pending' while a fact that could decide has not been asked. */
  verdict: Verdict | 'pending';
  /** The fact to ask next, if any. */
  nextFact?: FactKey;
  /** The headline without "Result: ", e.g. "duty-free as a gift". */
  phrase: string;
  reasons: Reason[];
  basis?: string;
  /** Facts a cannot-tell (or pending) verdict depends on. */
  dependsOn: FactKey[];
}

/**
 * Decides for cleaned facts.
 *
 * @example
 * decide({ kind: 'purchase', entryDate: '2026-11-25', assumedToday: true }, rules, '2026-11-25').phrase;
 * // 'not duty-free — de minimis is suspended for all countries since 29 Aug 2025'
 */
export function decide(facts: CleanFacts, rules: RuleSet, today: string): Decision {
  const kind = facts.kind;
  if (kind === undefined || kind === UNKNOWN) return decideAcrossKinds(facts, rules, today);
  if (facts.entryDate === UNKNOWN) return decideAcrossDates(facts, kind, rules, today);
  return decisionOf(evaluateShipment({ ...facts, kind, entryDate: facts.entryDate }, rules), rules);
}

/**
 * The decision one evaluation supports.
 *
 * @example
 * decisionOf(evaluateShipment(giftOf$80, rules), rules).phrase; // 'duty-free as a gift'
 */
export function decisionOf(ev: Evaluation, rules: RuleSet): Decision {
  const w = rules.wording;
  const byStatus = <S extends Outcome['status']>(status: S) => ev.outcomes.filter((o): o is Extract<Outcome, { status: S }> => o.status === status);
  const fails = byStatus('fail');
  if (fails.length > 0) {
    return {
      verdict: 'not-duty-free',
      phrase: fillTemplate(w.notDutyFree, { why: fails[0].why }),
      reasons: fails.map((o) => reasonOf(o.text, o.rule)),
      basis: fails[0].rule.basis,
      dependsOn: [],
    };
  }
  const outOfScope = byStatus('out-of-scope')[0];
  if (outOfScope) {
    return {
      verdict: 'cannot-tell',
      phrase: fillTemplate(w.outOfScope, { why: outOfScope.why }),
      reasons: [reasonOf(outOfScope.text, outOfScope.rule)],
      basis: outOfScope.rule?.basis ?? rules.kinds[ev.kind].basis,
      dependsOn: [],
    };
  }
  // In check order, so "it depends on …" lists facts the way the questions come.
  const open = ev.outcomes.filter((o): o is Extract<Outcome, { status: 'missing' | 'unknown' }> => o.status === 'missing' || o.status === 'unknown');
  if (open.length > 0) {
    const facts = unique(open.map((o) => o.fact));
    return {
      verdict: ev.verdict === 'pending' ? 'pending' : 'cannot-tell',
      nextFact: byStatus('missing')[0]?.fact,
      phrase: fillTemplate(w.dependsOn, { facts: factPhrases(facts, ev.kind, rules) }),
      reasons: facts.map((fact) => {
        const about = open.filter((o) => o.fact === fact).map((o) => o.rule);
        const text = [fillTemplate(w.dependsOnFact, { facts: factPhrases([fact], ev.kind, rules) }), ...unique(about.map((r) => r.reason))].join(' ');
        return { text, date: dateOf(about[0]), sources: uniqueSources(about.flatMap((r) => r.sources)) };
      }),
      basis: rules.kinds[ev.kind].basis,
      dependsOn: facts,
    };
  }
  const passes = byStatus('pass').filter((o) => o.text !== '');
  const limit = ev.limit?.maxUsd;
  return {
    verdict: 'duty-free',
    phrase: fillTemplate(rules.kinds[ev.kind].dutyFree, { limit: limit === undefined ? '' : formatUsd(limit) }),
    reasons: passReasons(passes, rules),
    basis: ev.limit?.basis ?? rules.kinds[ev.kind].basis,
    dependsOn: [],
  };
}

/** Reasons for a duty-free result; the "none of these goods" answers become one reason. */
function passReasons(passes: Array<Extract<Outcome, { status: 'pass' }>>, rules: RuleSet): Reason[] {
  const checked = passes.filter((o) => o.contentsChecked);
  const others = passes.filter((o) => !o.contentsChecked).map((o) => reasonOf(o.text, o.rule));
  if (checked.length === 0) return others;
  const contents = fillTemplate(rules.wording.contentsNone, { contents: contentLabels(checked.flatMap((o) => o.contentsChecked ?? []), rules) });
  return [...others, { text: contents, sources: uniqueSources(checked.flatMap((o) => o.rule.sources)) }];
}

/** A labelled possibility: "If it is a gift sent to you: …", "If it entered on or after …: …". */
interface Alternative {
  label: string;
  decision: Decision;
}

function decideAcrossKinds(facts: CleanFacts, rules: RuleSet, today: string): Decision {
  const alternatives = KINDS.map((kind) => ({
    label: fillTemplate(rules.wording.ifKind, { kind: rules.kinds[kind].ifPhrase }),
    decision: decide({ ...facts, kind }, rules, today),
  }));
  const combined = combine(alternatives, 'kind', undefined, rules);
  // The kind is asked first; once someone does not know it, the check stops asking.
  return facts.kind === undefined ? { ...combined, verdict: 'pending', nextFact: 'kind', dependsOn: ['kind'] } : { ...combined, nextFact: undefined };
}

function decideAcrossDates(facts: CleanFacts, kind: Kind, rules: RuleSet, today: string): Decision {
  const evaluated = withinDays(datePeriods(rules, kind, today), facts.entryBetween).map((period) => ({
    period,
    evaluation: evaluateShipment({ ...facts, kind, entryDate: period.date }, rules),
  }));
  // Dates the rule file does not cover are left out, and said so, when others are covered.
  const covered = evaluated.filter((e) => !isNotCovered(e.evaluation));
  const used = covered.length > 0 ? covered : evaluated;
  const groups = groupConsecutive(used.map((e) => ({ ...e, decision: decisionOf(e.evaluation, rules) })));
  const alternatives = groups.map((g) => ({ label: fillTemplate(rules.wording.ifEntered, { range: rangeText(g.start, g.end, rules) }), decision: g.decision }));
  const combined = combine(alternatives, 'entryDate', kind, rules);
  const dropped = evaluated.find((e) => covered.length > 0 && isNotCovered(e.evaluation));
  const note = dropped ? decisionOf(dropped.evaluation, rules).reasons : [];
  return { ...combined, reasons: [...combined.reasons, ...note] };
}

/**
 * Several possibilities into one decision. All the same → that decision. Otherwise
 * "it depends on …", one reason per possibility, and further questions only while the
 * possibilities could still come to agree.
 */
function combine(alternatives: Alternative[], dimension: FactKey, kind: Kind | undefined, rules: RuleSet): Decision {
  const w = rules.wording;
  const decisions = alternatives.map((a) => a.decision);
  const first = decisions[0];
  if (decisions.every((d) => d.verdict === first.verdict && d.phrase === first.phrase)) return decisions[decisions.length - 1];

  const settled = unique(decisions.filter((d) => d.verdict !== 'pending').map((d) => d.verdict));
  const couldAgree = settled.length <= 1;
  // Ask what the most recent open possibility needs first: recent dates matter to most people.
  const nextFact = couldAgree ? [...decisions].reverse().find((d) => d.verdict === 'pending')?.nextFact : undefined;
  const reasons = alternatives.map(({ label, decision }) => ({
    text: fillTemplate(label, { outcome: withoutFullStop(decision.phrase) }),
    date: decision.reasons[0]?.date,
    sources: uniqueSources(decision.reasons.flatMap((r) => r.sources)),
  }));
  const allSettledAlike = settled.length === 1 && !decisions.some((d) => d.verdict === 'pending');
  if (allSettledAlike && settled[0] === 'not-duty-free') {
    return { verdict: 'not-duty-free', phrase: fillTemplate(w.notDutyFree, { why: w.anyDate }), reasons, basis: first.basis, dependsOn: [] };
  }
  if (allSettledAlike && settled[0] === 'duty-free') {
    return { ...decisions[decisions.length - 1], reasons };
  }
  const dependsOn = unique([dimension, ...decisions.flatMap((d) => d.dependsOn)]);
  return {
    verdict: nextFact ? 'pending' : 'cannot-tell',
    nextFact,
    phrase: fillTemplate(w.dependsOn, { facts: factPhrases([dimension], kind, rules) }),
    reasons,
    basis: kind ? rules.kinds[kind].basis : w.basis,
    dependsOn,
  };
}

export interface Period {
  start?: string;
  end?: string;
  /** The date evaluated for the whole period. */
  date: string;
}

/**
 * The stretches of time in which no rule for this kind changes, up to a year from today.
 *
 * @example
 * datePeriods(rules, 'gift', '2026-11-25'); // [{ end: '2009-12-31', date: '2009-12-31' }, { start: '2010-01-01', date: '2010-01-01' }]
 */
export function datePeriods(rules: RuleSet, kind: Kind, today: string): Period[] {
  const horizon = addYears(today, 1);
  const changes = new Set<string>();
  for (const rule of rules.rules) {
    if (!rule.kinds.includes(kind) || rule.type === 'entry' || rule.type === 'note') continue;
    if (rule.from) changes.add(rule.from);
    if (rule.to) changes.add(addDays(rule.to, 1));
  }
  const starts = [...changes].filter((d) => d <= horizon).sort();
  if (starts.length === 0) return [{ date: today }];
  const periods: Period[] = [{ end: addDays(starts[0], -1), date: addDays(starts[0], -1) }];
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    periods.push(next ? { start, end: addDays(next, -1), date: start } : { start, date: start });
  });
  return periods;
}

/**
 * The periods that overlap the days the goods may have entered, cut to those days (all of them
 * when the days are not known).
 *
 * @example
 * withinDays([{ end: '2025-08-28', date: '2025-08-28' }, { start: '2025-08-29', date: '2025-08-29' }], { from: '2025-08-21', to: '2025-08-31' });
 * // [{ start: '2025-08-21', end: '2025-08-28', date: '2025-08-28' }, { start: '2025-08-29', end: '2025-08-31', date: '2025-08-29' }]
 */
export function withinDays(periods: readonly Period[], days: DayRange | undefined): Period[] {
  if (!days) return [...periods];
  const latest = (a: string, b: string) => (a > b ? a : b);
  const earliest = (a: string, b: string) => (a < b ? a : b);
  return periods
    .filter((p) => (p.start ?? days.from) <= days.to && (p.end ?? days.to) >= days.from)
    .map((p) => {
      const start = latest(p.start ?? days.from, days.from);
      const end = earliest(p.end ?? days.to, days.to);
      return { start, end, date: earliest(latest(p.date, start), end) };
    });
}

function groupConsecutive<T extends { period: Period; decision: Decision }>(items: T[]): Array<{ start?: string; end?: string; decision: Decision }> {
  const groups: Array<{ start?: string; end?: string; decision: Decision }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.decision.verdict === item.decision.verdict && last.decision.phrase === item.decision.phrase) last.end = item.period.end;
    else groups.push({ start: item.period.start, end: item.period.end, decision: item.decision });
  }
  return groups;
}

function rangeText(start: string | undefined, end: string | undefined, rules: RuleSet): string {
  const w = rules.wording;
  if (start && end) return fillTemplate(w.rangeBetween, { start: displayDate(start), end: displayDate(end) });
  if (start) return fillTemplate(w.rangeFrom, { start: displayDate(start) });
  if (end) return fillTemplate(w.rangeUpTo, { end: displayDate(end) });
  return '';
}

function isNotCovered(ev: Evaluation): boolean {
  return ev.outcomes.some((o) => o.status === 'out-of-scope' && o.rule?.type === 'not-covered' && o.rule.kinds.length === KINDS.length);
}

/**
 * How a fact is named in "it depends on …", in the wording for this kind of shipment.
 *
 * @example
 * factPhrases(['valueUsd', 'contents'], 'gift', rules); // 'the value and what is inside'
 */
export function factPhrases(facts: readonly FactKey[], kind: Kind | undefined, rules: RuleSet): string {
  const phrase = (fact: FactKey) => (kind && rules.questions[fact].byKind?.[kind]?.dependsOn) || rules.questions[fact].dependsOn;
  return joinWords(facts.map(phrase), rules.wording.and);
}

function reasonOf(text: string, rule: { from?: string; to?: string; sources: Source[] } | undefined): Reason {
  return { text, date: dateOf(rule), sources: rule?.sources ?? [] };
}

function dateOf(rule: { from?: string; to?: string } | undefined): string | undefined {
  return rule?.from ?? rule?.to;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Sources without repeats (same address).
 *
 * @example
 * uniqueSources([a, a, b]); // [a, b]
 */
export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.url) && seen.add(s.url));
}
