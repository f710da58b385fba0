import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupTerm, loadSynonyms, parseSynonyms } from './synonyms';

const FILE = 'synonyms.yaml';
const fields = (text: string) => parseSynonyms(text, FILE).problems.map((p) => `${p.severity} ${p.field}: ${p.problem}`);

describe('parseSynonyms', () => {
  it('reads groups, the other-CBP list and the traveller\'s words, numbers included', () => {
    const { table, problems } = parseSynonyms('synonyms:\n  - [de minimis, section 321, 321]\nother_cbp:\n  - global entry\ncarried:\n  - suitcase\n', FILE);
    expect(problems).toEqual([]);
    expect(table).toEqual({ groups: [['de minimis', 'section 321', '321']], otherCbp: ['global entry'], carried: ['suitcase'] });
  });

  it('accepts an empty file', () => {
    expect(parseSynonyms('', FILE)).toEqual({ table: { groups: [], otherCbp: [], carried: [] }, problems: [] });
  });

  it('reports YAML syntax errors', () => {
    expect(fields('synonyms: [a, b')[0]).toMatch(/^error \(file\): not valid YAML/);
  });

  it('reports unknown sections and malformed groups with their place', () => {
    expect(fields('synonym:\n  - [a, b]\n')).toEqual(['error (file): unknown section(s) synonym; allowed: synonyms, other_cbp, carried']);
    expect(fields('synonyms:\n  - [alone]\n')).toEqual(['error synonyms[0]: a group needs at least 2 terms']);
    expect(fields('synonyms:\n  - [fake, ""]\n')).toEqual(['error synonyms[0][1]: is empty']);
    expect(fields('synonyms:\n  - fake\n')[0]).toMatch(/^error synonyms\[0\]: Expected array/);
  });

  it('rejects a term in two groups, judged after analysis', () => {
    expect(fields('synonyms:\n  - [fake, counterfeit]\n  - [replica, Fakes]\n')).toEqual([
      'error synonyms[1][1]: "Fakes" is also in group 0 (synonyms[0]); a term may belong to one group only',
    ]);
  });

  it('warns about a repeated spelling within a group', () => {
    expect(fields('synonyms:\n  - [knockoff, fake, knock-off, knock off]\n')).toEqual(['warning synonyms[0][3]: "knock off" repeats a term of the same group']);
  });

  it('rejects stop words as synonyms and entries without words', () => {
    expect(fields('synonyms:\n  - [us, united states]\n')[0]).toMatch(/^error synonyms\[0\]\[0\]: "us" is a common word/);
    expect(fields('synonyms:\n  - [fake, "?!"]\n')).toEqual(['error synonyms[0][1]: "?!" has no letters or digits']);
    expect(fields('other_cbp:\n  - the\n')).toEqual(['error other_cbp[0]: "the" has no words that search can use']);
    expect(fields('carried:\n  - on the\n')).toEqual(['error carried[0]: "on the" has no words that search can use']);
  });
});

describe('groupTerm', () => {
  it('names a group by its first term', () => {
    expect(groupTerm(['importer of record', 'IOR'])).toBe('importer_of_record');
    expect(groupTerm(['Counterfeits', 'fake'])).toBe('counterfeit');
  });
});

describe('loadSynonyms', () => {
  it('warns (does not fail) when the file is missing', () => {
    const file = path.join(os.tmpdir(), 'no-such-dir-kb', 'synonyms.yaml');
    const { table, problems } = loadSynonyms(file);
    expect(table.groups).toEqual([]);
    expect(problems).toEqual([{ file, field: '(file)', problem: 'no synonym table; search runs without synonyms', severity: 'warning' }]);
  });

  it('validates the real table without problems', () => {
    const real = path.join(__dirname, '..', '..', 'knowledge', 'synonyms.yaml');
    if (!fs.existsSync(real)) return;
    expect(loadSynonyms(real).problems).toEqual([]);
  });
});
