/**
 * Checks across the fields of a rule file that zod cannot see one field at a time: references
 * (sources, countries, contents), date ranges that contradict each other or leave gaps, and the
 * house style of the texts people read. Pure functions over an already-parsed file.
 */
import { addDays, displayDate } from '../dates';
import { countriesInUse, isCountryCode, type CountryTable } from './countries';
import { placeholdersIn } from './format';
import type { RuleEntry, RuleFile } from './schema';
import { KINDS, type FactKey } from './types';
import type { Problem } from '../problems';

type Problems = Problem[];

/** The longest button label CONTENT.md allows. */
export const MAX_CHOICE_LABEL = 25;

/**
 * Runs every cross-field check.
 *
 * @example
 * checkRuleFileContent(parsed, 'duty-free.yaml'); // [] when all is well
 */
export function checkRuleFileContent(data: RuleFile, file: string, countries: CountryTable = countriesInUse()): Problems {
  return [
    ...checkIds(data, file),
    ...checkReferences(data, file, countries),
    ...checkDateOrder(data, file),
    ...checkLimitOverlaps(data, file),
    ...checkLimitGaps(data, file),
    ...checkKindsCovered(data, file),
    ...checkTexts(data, file),
    ...checkQuestions(data, file),
  ];
}

/**
 * Rule ids and content ids must be unique.
 *
 * @example
 * checkIds({ rules: [{ id: 'a' }, { id: 'a' }], … }, f); // [{ field: 'rules[1].id', problem: 'duplicate id "a" (also rules[0])', … }]
 */
export function checkIds(data: RuleFile, file: string): Problems {
  const problems: Problems = [];
  const unique = (ids: string[], path: (i: number) => string) => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const earlier = first.get(id);
      if (earlier !== undefined) problems.push({ file, field: path(i), problem: `duplicate id "${id}" (also ${path(earlier)})`, severity: 'error' });
      else first.set(id, i);
    });
  };
  unique(data.rules.map((r) => r.id), (i) => `rules[${i}].id`);
  unique(data.contents.map((c) => c.id), (i) => `contents[${i}].id`);
  return problems;
}

/**
 * Source keys, country codes and content ids must exist.
 *
 * @example
 * checkReferences(fileCitingNOPE, f); // [{ field: 'rules[0].sources[0]', problem: 'no source has key "NOPE" …', … }]
 */
export function checkReferences(data: RuleFile, file: string, countries: CountryTable = countriesInUse()): Problems {
  const problems: Problems = [];
  const contentIds = new Set(data.contents.map((c) => c.id));
  const source = (key: string, field: string) => {
    if (!Object.prototype.hasOwnProperty.call(data.sources, key)) {
      problems.push({ file, field, problem: `no source has key "${key}"; add it to the sources section or fix the spelling`, severity: 'error' });
    }
  };
  data.rules.forEach((rule, i) => {
    rule.sources.forEach((key, j) => source(key, `rules[${i}].sources[${j}]`));
    const countryLists = { countries: countriesOf(rule), exceptCountries: 'exceptCountries' in rule ? rule.exceptCountries : undefined };
    for (const [field, codes] of Object.entries(countryLists)) {
      codes?.forEach((code, j) => {
        if (!isCountryCode(code, countries)) {
          problems.push({ file, field: `rules[${i}].${field}[${j}]`, problem: `unknown country code "${code}"; use ISO two-letter codes like CN, HK or GU (see countries.json)`, severity: 'error' });
        }
      });
    }
    contentsOf(rule)?.forEach((id, j) => {
      if (!contentIds.has(id)) {
        problems.push({ file, field: `rules[${i}].contents[${j}]`, problem: `unknown content "${id}"; use an id from the contents section (${[...contentIds].join(', ')})`, severity: 'error' });
      }
    });
  });
  data.nextSteps.forEach((step, i) => step.sources?.forEach((key, j) => source(key, `nextSteps[${i}].sources[${j}]`)));
  data.generalSources.forEach((key, j) => source(key, `generalSources[${j}]`));
  return problems;
}

/**
 * `to` must not be before `from`.
 *
 * @example
 * checkDateOrder({ rules: [{ from: '2025-08-29', to: '2025-08-01', … }] }, f); // [{ field: 'rules[0].to', … }]
 */
export function checkDateOrder(data: RuleFile, file: string): Problems {
  return data.rules.flatMap((rule, i) =>
    rule.from && rule.to && rule.to < rule.from
      ? [{ file, field: `rules[${i}].to`, problem: `ends (${rule.to}) before it starts (${rule.from})`, severity: 'error' as const }]
      : [],
  );
}

/**
 * Two limits for the same kind, the same countries and overlapping dates contradict each other.
 *
 * @example
 * checkLimitOverlaps(fileWith$200And$800FromTheSameDay, f); // [{ field: 'rules[4].from', problem: 'contradicts rules[3] …', severity: 'error' }]
 */
export function checkLimitOverlaps(data: RuleFile, file: string): Problems {
  const problems: Problems = [];
  const limits = data.rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => rule.type === 'limit');
  for (let a = 0; a < limits.length; a++) {
    for (let b = a + 1; b < limits.length; b++) {
      const x = limits[a].rule;
      const y = limits[b].rule;
      if (x.type !== 'limit' || y.type !== 'limit') continue;
      const sharedKinds = x.kinds.filter((k) => y.kinds.includes(k));
      if (sharedKinds.length === 0 || !sameCountryScope(x.countries, y.countries) || !rangesOverlap(x, y)) continue;
      const same = x.maxUsd === y.maxUsd;
      problems.push({
        file,
        field: `rules[${limits[b].i}].from`,
        severity: same ? 'warning' : 'error',
        problem: same
          ? `repeats rules[${limits[a].i}] ("${x.id}"): both set the same limit for ${sharedKinds.join(', ')} on the same dates`
          : `contradicts rules[${limits[a].i}] ("${x.id}"): two different limits for ${sharedKinds.join(', ')} on the same dates; make one end (to) the day before the other starts (from)`,
      });
    }
  }
  return problems;
}

/**
 * Days between two limits where a kind has no limit at all (usually an off-by-one in `to`).
 *
 * @example
 * checkLimitGaps(fileWith$200To2016_03_08And$800From2016_03_10, f); // [{ problem: 'no limit for purchase on 9 Mar 2016 …', severity: 'warning' }]
 */
export function checkLimitGaps(data: RuleFile, file: string): Problems {
  const problems: Problems = [];
  for (const kind of KINDS) {
    const limits = data.rules
      .map((rule, i) => ({ rule, i }))
      .filter(({ rule }) => rule.type === 'limit' && rule.kinds.includes(kind) && !countriesOf(rule))
      .sort((a, b) => (a.rule.from ?? '') .localeCompare(b.rule.from ?? ''));
    for (let n = 1; n < limits.length; n++) {
      const before = limits[n - 1].rule;
      const after = limits[n].rule;
      if (!before.to || !after.from) continue;
      const firstMissing = addDays(before.to, 1);
      if (firstMissing < after.from) {
        const lastMissing = addDays(after.from, -1);
        const days = firstMissing === lastMissing ? displayDate(firstMissing) : `${displayDate(firstMissing)} to ${displayDate(lastMissing)}`;
        problems.push({ file, field: `rules[${limits[n].i}].from`, problem: `no limit for ${kind} on ${days}: "${before.id}" ends ${before.to} and "${after.id}" starts ${after.from}`, severity: 'warning' });
      }
    }
  }
  return problems;
}

/**
 * Every kind of shipment should have at least one rule that decides for it.
 *
 * @example
 * checkKindsCovered(fileWithoutTravelerRules, f); // [{ field: 'rules', problem: 'no rule decides for traveler …', severity: 'warning' }]
 */
export function checkKindsCovered(data: RuleFile, file: string): Problems {
  const deciding = new Set(['limit', 'refer', 'not-available', 'not-covered']);
  return KINDS.filter((kind) => !data.rules.some((r) => deciding.has(r.type) && r.kinds?.includes(kind))).map((kind) => ({
    file,
    field: 'rules',
    problem: `no rule decides for "${kind}" shipments (add a limit, not-available or refer rule)`,
    severity: 'warning' as const,
  }));
}

const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

const ALLOWED_PLACEHOLDERS: Record<string, readonly string[]> = {
  reason: [],
  headline: [],
  question: ['limit', 'date', 'value', 'contents'],
  kinds: ['limit'],
  wording: ['limit', 'value', 'date', 'why', 'facts', 'contents', 'range', 'outcome', 'start', 'end', 'reviewed', 'kind'],
  nextSteps: [],
};

/**
 * House style for texts people read: dates written "29 Aug 2025", the start date mentioned in
 * the reason, only the placeholders the engine fills in.
 *
 * @example
 * checkTexts(fileWithReason('Since 2025-08-29 …'), f); // [{ field: 'rules[0].reason', problem: 'write dates like "29 Aug 2025" …', severity: 'warning' }]
 */
export function checkTexts(data: RuleFile, file: string): Problems {
  const problems: Problems = [];
  const placeholders = (value: string, field: string, allowed: readonly string[]) => {
    for (const name of placeholdersIn(value)) {
      if (!allowed.includes(name)) {
        problems.push({ file, field, problem: `{${name}} is not filled in here${allowed.length ? ` (use ${allowed.map((a) => `{${a}}`).join(', ')})` : ''}`, severity: 'error' });
      }
    }
  };
  const style = (value: string, field: string) => {
    if (NUMERIC_DATE.test(value)) problems.push({ file, field, problem: 'write dates like "29 Aug 2025", not in numbers', severity: 'warning' });
  };
  data.rules.forEach((rule, i) => {
    style(rule.reason, `rules[${i}].reason`);
    placeholders(rule.reason, `rules[${i}].reason`, ALLOWED_PLACEHOLDERS.reason);
    if ('headline' in rule && rule.headline) {
      style(rule.headline, `rules[${i}].headline`);
      placeholders(rule.headline, `rules[${i}].headline`, ALLOWED_PLACEHOLDERS.headline);
    }
    if (rule.from && !rule.reason.includes(displayDate(rule.from))) {
      problems.push({ file, field: `rules[${i}].reason`, problem: `mention the start date as "${displayDate(rule.from)}" so people see when this began`, severity: 'warning' });
    }
  });
  for (const [kind, texts] of Object.entries(data.kinds)) placeholders(texts.dutyFree, `kinds.${kind}.dutyFree`, ALLOWED_PLACEHOLDERS.kinds);
  for (const [key, value] of Object.entries(data.wording)) placeholders(value, `wording.${key}`, ALLOWED_PLACEHOLDERS.wording);
  data.nextSteps.forEach((step, i) => {
    style(step.text, `nextSteps[${i}].text`);
    placeholders(step.text, `nextSteps[${i}].text`, ALLOWED_PLACEHOLDERS.nextSteps);
  });
  for (const [fact, q] of Object.entries(data.questions)) {
    const variants: Array<[string, Partial<typeof q>]> = [[`questions.${fact}`, q], ...Object.entries(q.byKind ?? {}).map(([k, v]) => [`questions.${fact}.byKind.${k}`, v] as [string, Partial<typeof q>])];
    for (const [path, texts] of variants) {
      for (const key of ['prompt', 'help', 'dependsOn', 'label'] as const) {
        const value = texts[key];
        if (value) placeholders(value, `${path}.${key}`, ALLOWED_PLACEHOLDERS.question);
      }
    }
  }
  return problems;
}

const CHOICE_VALUES: Partial<Record<FactKey, RegExp>> = {
  kind: new RegExp(`^(${KINDS.join('|')}|unknown)$`),
  mode: /^(mail|express|unknown)$/,
  splitOrder: /^(yes|no|unknown)$/,
  valueUsd: /^(unknown|\d+(\.\d+)?)$/,
  sameDayTotalUsd: /^(unknown|only-this|\d+(\.\d+)?)$/,
  origin: /^(unknown|[A-Z]{2})$/,
  entryDate: /^(today|unknown|\d{4}-\d{2}-\d{2})$/,
};

/**
 * Choice values the engine understands and button labels short enough to read (≤ 25 characters).
 *
 * @example
 * checkQuestions(fileWithChoice({ label: 'Yes', value: 'maybe' }), f); // [{ field: 'questions.splitOrder.choices[0].value', … }]
 */
export function checkQuestions(data: RuleFile, file: string): Problems {
  const problems: Problems = [];
  for (const [fact, q] of Object.entries(data.questions) as Array<[FactKey, RuleFile['questions'][FactKey]]>) {
    const lists: Array<[string, Array<{ label: string; value: string }> | undefined]> = [
      [`questions.${fact}.choices`, q.choices],
      ...Object.entries(q.byKind ?? {}).map(([k, v]) => [`questions.${fact}.byKind.${k}.choices`, v?.choices] as [string, Array<{ label: string; value: string }> | undefined]),
    ];
    for (const [path, choices] of lists) {
      choices?.forEach((c, i) => {
        if (c.label.length > MAX_CHOICE_LABEL) problems.push({ file, field: `${path}[${i}].label`, problem: `button labels should be ${MAX_CHOICE_LABEL} characters or fewer ("${c.label}" has ${c.label.length})`, severity: 'warning' });
        const allowed = CHOICE_VALUES[fact];
        if (allowed && !allowed.test(c.value)) problems.push({ file, field: `${path}[${i}].value`, problem: `"${c.value}" is not an answer the check understands for ${fact}`, severity: 'error' });
      });
    }
  }
  data.contents.forEach((c, i) => {
    if (c.label.length > MAX_CHOICE_LABEL) problems.push({ file, field: `contents[${i}].label`, problem: `button labels should be ${MAX_CHOICE_LABEL} characters or fewer ("${c.label}" has ${c.label.length})`, severity: 'warning' });
  });
  return problems;
}

function countriesOf(rule: RuleEntry): string[] | undefined {
  return 'countries' in rule ? rule.countries : undefined;
}

function contentsOf(rule: RuleEntry): string[] | undefined {
  return 'contents' in rule ? rule.contents : undefined;
}

function sameCountryScope(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.some((code) => b.includes(code));
}

function rangesOverlap(a: { from?: string; to?: string }, b: { from?: string; to?: string }): boolean {
  const aStartsBeforeBEnds = !a.from || !b.to || a.from <= b.to;
  const bStartsBeforeAEnds = !b.from || !a.to || b.from <= a.to;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}
