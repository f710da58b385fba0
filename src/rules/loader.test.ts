/**
 * Loading and checking rule files, with broken copies of the real file written to a temp dir —
 * what a content editor sees from `npm run kb:check`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { checkCountryTable, countriesInUse, readCountryTable } from './countries';
import { assess, checkRuleFile, loadRuleSet, RuleFileError } from './index';
import { DEFAULT_RULE_FILE } from './testRules';
import type { Problem } from '../problems';

/** The rule file as plain data, to break on purpose. */
type Data = Record<string, any>;

const original = readFileSync(DEFAULT_RULE_FILE, 'utf8');
const fresh = (): Data => yaml.load(original, { schema: yaml.CORE_SCHEMA }) as Data;
const ruleIndex = (data: Data, id: string): number => data.rules.findIndex((r: Data) => r.id === id);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
/** Writes `text` (or the data as YAML) to a new file and returns its path. */
const write = (content: string | Data): string => {
  const file = path.join(dir, `rules-${++count}.yaml`);
  writeFileSync(file, typeof content === 'string' ? content : yaml.dump(content, { lineWidth: -1 }));
  return file;
};
const problemsOf = (content: string | Data): Problem[] => checkRuleFile(write(content)).problems;
const errors = (content: string | Data) => problemsOf(content).filter((p) => p.severity === 'error');
const warnings = (content: string | Data) => problemsOf(content).filter((p) => p.severity === 'warning');

describe('the bundled rule file', () => {
  it('loads without errors or warnings', () => {
    expect(checkRuleFile(DEFAULT_RULE_FILE).problems).toEqual([]);
  });

  it('is reviewed 2026-11-25 and every rule has dates in order, a reason and sources', () => {
    const rules = loadRuleSet(DEFAULT_RULE_FILE);
    expect(rules.reviewed).toBe('2026-11-25');
    for (const rule of rules.rules) {
      expect(rule.reason).not.toBe('');
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.url).toMatch(/^https?:\/\//);
      if (rule.from && rule.to) expect(rule.to >= rule.from).toBe(true);
    }
  });

  it('encodes the timeline dates', () => {
    const byId = new Map(loadRuleSet(DEFAULT_RULE_FILE).rules.map((r) => [r.id, r]));
    expect(byId.get('de-minimis-limit-200')).toMatchObject({ to: '2016-03-09', maxUsd: 200 });
    expect(byId.get('de-minimis-limit-800')).toMatchObject({ from: '2016-03-10', maxUsd: 800 });
    expect(byId.get('de-minimis-ended-china-hong-kong')).toMatchObject({ from: '2025-05-02', countries: ['CN', 'HK'] });
    expect(byId.get('de-minimis-suspended-all-countries')).toMatchObject({ from: '2025-08-29' });
    expect(byId.get('de-minimis-ended-by-law')).toMatchObject({ from: '2027-07-01' });
    expect(byId.get('gift-limit-us-territories')).toMatchObject({ maxUsd: 200, countries: ['VI', 'GU', 'AS'] });
    expect(byId.get('warehouse-consignee-is-one-person')).toMatchObject({ from: '2020-07-28' });
  });
});

describe('problems a content editor can make', () => {
  it('not YAML at all: names the line', () => {
    const [problem] = errors('reviewed: 2026-11-25\nrules: [\n  - id: x\n');
    expect(problem.field).toMatch(/^line \d+/);
    expect(problem.problem).toContain('not valid YAML');
  });

  it('a rule without sources', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit');
    delete data.rules[i].sources;
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].sources`, problem: expect.stringContaining('source') }));
  });

  it('an empty source list', () => {
    const data = fresh();
    data.rules[0].sources = [];
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: 'rules[0].sources' }));
  });

  it('a source key that does not exist', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit');
    data.rules[i].sources = ['CBP-KBYG', 'NO-SUCH-SOURCE'];
    expect(errors(data)).toEqual([expect.objectContaining({ field: `rules[${i}].sources[1]`, problem: expect.stringContaining('NO-SUCH-SOURCE') })]);
  });

  it('a source without a proper address', () => {
    const data = fresh();
    data.sources['CBP-KBYG'].url = 'cbp.gov/travel';
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: 'sources.CBP-KBYG.url' }));
  });

  it('"to" before "from"', () => {
    const data = fresh();
    const i = ruleIndex(data, 'entry-mail-carrier-collects');
    data.rules[i].to = '2025-08-01';
    expect(errors(data)).toEqual([expect.objectContaining({ field: `rules[${i}].to`, problem: expect.stringContaining('before it starts') })]);
  });

  it('two different limits on the same days contradict each other', () => {
    const data = fresh();
    const i = ruleIndex(data, 'de-minimis-limit-200');
    data.rules[i].to = '2016-03-20';
    const found = errors(data);
    expect(found).toHaveLength(1);
    expect(found[0].problem).toContain('contradicts');
    expect(found[0].field).toMatch(/^rules\[\d+\]\.from$/);
  });

  it('a gap between limits is a warning, and the file still loads', () => {
    const data = fresh();
    data.rules[ruleIndex(data, 'de-minimis-limit-200')].to = '2016-03-08';
    const file = write(data);
    expect(checkRuleFile(file).problems).toEqual([
      expect.objectContaining({ severity: 'warning', problem: expect.stringContaining('no limit for purchase on 9 Mar 2016') }),
      expect.objectContaining({ severity: 'warning', problem: expect.stringContaining('no limit for warehouse on 9 Mar 2016') }),
    ]);
    expect(() => loadRuleSet(file)).not.toThrow();
  });

  it('an unknown country code', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit-us-territories');
    data.rules[i].countries = ['VI', 'GM', 'XX'];
    expect(errors(data)).toEqual([expect.objectContaining({ field: `rules[${i}].countries[2]`, problem: expect.stringContaining('unknown country code "XX"') })]);
  });

  it('an unknown content id', () => {
    const data = fresh();
    const i = ruleIndex(data, 'excluded-tobacco-excise');
    data.rules[i].contents = ['tobacco', 'fireworks'];
    expect(errors(data)).toEqual([expect.objectContaining({ field: `rules[${i}].contents[1]`, problem: expect.stringContaining('fireworks') })]);
  });

  it('a misspelled field', () => {
    const data = fresh();
    const i = ruleIndex(data, 'de-minimis-suspended-all-countries');
    data.rules[i].form = data.rules[i].from;
    expect(errors(data)).toEqual([expect.objectContaining({ field: `rules[${i}].form`, problem: expect.stringContaining('unknown field') })]);
  });

  it('a date that is not a real date', () => {
    const data = fresh();
    const i = ruleIndex(data, 'de-minimis-suspended-all-countries');
    data.rules[i].from = '2025-02-30';
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].from`, problem: expect.stringContaining('YYYY-MM-DD') }));
  });

  it('a date written another way', () => {
    const data = fresh();
    const i = ruleIndex(data, 'de-minimis-suspended-all-countries');
    data.rules[i].from = '29 Aug 2025';
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].from` }));
  });

  it('an unknown type of rule', () => {
    const data = fresh();
    data.rules[2].type = 'suspension';
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: 'rules[2].type', problem: expect.stringContaining('type must be one of') }));
  });

  it('a limit without an amount, or with a negative one', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit');
    delete data.rules[i].maxUsd;
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].maxUsd` }));
    data.rules[i].maxUsd = -100;
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].maxUsd`, problem: 'must not be negative' }));
  });

  it('an unknown kind of shipment', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit');
    data.rules[i].kinds = ['gift', 'present'];
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: `rules[${i}].kinds[1]` }));
  });

  it('two rules with one id', () => {
    const data = fresh();
    data.rules[1].id = data.rules[0].id;
    expect(errors(data)).toContainEqual(expect.objectContaining({ field: 'rules[1].id', problem: expect.stringContaining('duplicate id') }));
  });

  it('a placeholder the check cannot fill', () => {
    const data = fresh();
    data.wording.valueOver = 'Your value, {amount}, is over the {limit} limit.';
    expect(errors(data)).toEqual([expect.objectContaining({ field: 'wording.valueOver', problem: expect.stringContaining('{amount}') })]);
  });

  it('a missing wording text', () => {
    const data = fresh();
    delete data.wording.notDutyFree;
    expect(errors(data)).toEqual([expect.objectContaining({ field: 'wording.notDutyFree', problem: 'required' })]);
  });

  it('a choice value the check does not understand', () => {
    const data = fresh();
    data.questions.splitOrder.choices[0].value = 'si';
    expect(errors(data)).toEqual([expect.objectContaining({ field: 'questions.splitOrder.choices[0].value' })]);
  });

  it('house style: numeric dates, a reason without its start date, long button labels (warnings)', () => {
    const data = fresh();
    const i = ruleIndex(data, 'de-minimis-suspended-all-countries');
    data.rules[i].reason = 'Since 2025-08-29 de minimis is suspended.';
    data.questions.kind.choices[0].label = 'Something I bought from an online shop';
    const found = warnings(data);
    expect(found).toContainEqual(expect.objectContaining({ field: `rules[${i}].reason`, problem: expect.stringContaining('29 Aug 2025') }));
    expect(found).toContainEqual(expect.objectContaining({ field: `rules[${i}].reason`, problem: expect.stringContaining('mention the start date') }));
    expect(found).toContainEqual(expect.objectContaining({ field: 'questions.kind.choices[0].label', problem: expect.stringContaining('25 characters') }));
    expect(errors(data)).toEqual([]);
  });

  it('a file that cannot be read', () => {
    expect(checkRuleFile(path.join(dir, 'missing.yaml')).problems).toEqual([expect.objectContaining({ field: '(file)', severity: 'error' })]);
  });

  it('an empty file lists what is required', () => {
    const fields = errors('').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['reviewed', 'reminder', 'rules', 'kinds', 'questions', 'wording', 'sources']));
  });
});

describe('loadRuleSet', () => {
  it('throws a RuleFileError with every problem, in the documented shape', () => {
    const data = fresh();
    data.rules[0].to = 'soon';
    data.rules[1].sources = ['NOPE'];
    const file = write(data);
    let thrown: unknown;
    try {
      loadRuleSet(file);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(RuleFileError);
    const problems = (thrown as RuleFileError).problems;
    expect(problems.length).toBeGreaterThanOrEqual(1);
    for (const p of problems) expect(Object.keys(p).sort()).toEqual(['field', 'file', 'problem', 'severity']);
    expect(problems[0]).toMatchObject({ file, field: 'rules[0].to', severity: 'error' });
    expect((thrown as Error).message).toContain('rules[0].to');
  });
});

describe('an editor changes the rules, no code changes', () => {
  it('if the suspension were lifted at the end of 2026, commercial goods qualify again until 1 Jul 2027, never after', () => {
    const data = fresh();
    data.rules[ruleIndex(data, 'de-minimis-suspended-all-countries')].to = '2026-12-31';
    const rules = loadRuleSet(write(data));
    const purchase = { kind: 'purchase' as const, origin: 'GB', valueUsd: 50, sameDayTotalUsd: 50, contents: [], splitOrder: false };
    expect(assess({ ...purchase, entryDate: '2027-03-01' }, rules, '2026-11-25').verdict).toBe('duty-free');
    expect(assess({ ...purchase, entryDate: '2027-07-01' }, rules, '2026-11-25').headline).toBe(
      'Result: not duty-free — by law, commercial shipments have no de minimis from 1 Jul 2027',
    );
  });

  it('a new gift limit takes effect from its date', () => {
    const data = fresh();
    const i = ruleIndex(data, 'gift-limit');
    data.rules[i].to = '2026-12-31';
    data.rules.push({ ...data.rules[i], id: 'gift-limit-2027', from: '2027-01-01', to: undefined, maxUsd: 150, reason: 'From 1 Jan 2027, gifts are duty-free up to $150.' });
    delete data.rules[data.rules.length - 1].to;
    const rules = loadRuleSet(write(data));
    const gift = { kind: 'gift' as const, valueUsd: 120, sameDayTotalUsd: 120, contents: [], origin: 'CA' };
    expect(assess({ ...gift, entryDate: '2026-12-31' }, rules, '2026-11-25').verdict).toBe('not-duty-free');
    expect(assess({ ...gift, entryDate: '2027-01-01' }, rules, '2026-11-25').verdict).toBe('duty-free');
  });
});

describe('the country table', () => {
  it('has every ISO 3166-1 code (249)', () => {
    expect(Object.keys(countriesInUse())).toHaveLength(249);
    expect(checkCountryTable(countriesInUse(), 'countries.json')).toEqual([]);
  });

  it('is read at run time from the countries.json beside the rule file, which the rule set carries', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-countries-'));
    const rules = path.join(dir, 'duty-free.yaml');
    copyFileSync(DEFAULT_RULE_FILE, rules);
    writeFileSync(path.join(dir, 'countries.json'), JSON.stringify({ ...countriesInUse(), GB: ['Great Britain', 'Blighty'] }));
    expect(loadRuleSet(rules).countries.GB).toEqual(['Great Britain', 'Blighty']);
    // a broken table beside the rules stops the load, with the table's own problems
    writeFileSync(path.join(dir, 'countries.json'), JSON.stringify({ GB: ['United Kingdom'], UA: ['United Kingdom'] }));
    expect(checkRuleFile(rules).ruleSet).toBeUndefined();
    expect(checkRuleFile(rules).problems).toContainEqual(expect.objectContaining({ file: path.join(dir, 'countries.json'), field: 'UA[0]', severity: 'error' }));
    // the rules' country codes are checked against that table: one without GU makes rules[…].countries an error
    const { GU: _gu, ...withoutGuam } = countriesInUse();
    writeFileSync(path.join(dir, 'countries.json'), JSON.stringify(withoutGuam));
    expect(checkRuleFile(rules).problems).toContainEqual(expect.objectContaining({ problem: expect.stringContaining('unknown country code "GU"') }));
    writeFileSync(path.join(dir, 'countries.json'), '{ not json');
    expect(readCountryTable(path.join(dir, 'countries.json')).problems).toEqual([expect.objectContaining({ field: '(file)', problem: expect.stringContaining('not valid JSON') })]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds bad codes, empty names and an alias used twice', () => {
    expect(checkCountryTable({ _about: 'note', GB: ['United Kingdom', 'UK'], UA: ['Ukraine', 'UK'], gb: ['x'], FR: [] }, 'countries.json')).toEqual([
      { file: 'countries.json', field: 'UA[1]', problem: '"UK" is already a name of GB', severity: 'error' },
      { file: 'countries.json', field: 'gb', problem: expect.stringContaining('two capital letters'), severity: 'error' },
      { file: 'countries.json', field: 'FR', problem: expect.stringContaining('list of names'), severity: 'error' },
    ]);
  });
});
