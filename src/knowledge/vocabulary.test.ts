/**
 * People's words for the documents' words (vocabulary.ts, knowledge/vocabulary.yaml): parsed,
 * validated, merged into the synonym table so that "is de minimis dead" searches like "is de
 * minimis suspended". And the honesty check the issue asks for: every entry is used by at least
 * one development-set message, so the list holds what people write, not guesses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnalyzer } from './analyze';
import { groupTerm, loadSynonyms } from './synonyms';
import { mergeVocabulary, parseVocabulary, readVocabulary } from './vocabulary';
import { stems } from './words';
import { REAL_SETS, realSetPath } from '../../test/helpers/realSets';

const ROOT = path.join(__dirname, '..', '..');
const VOCABULARY = path.join(ROOT, 'knowledge', 'vocabulary.yaml');
const SYNONYMS = path.join(ROOT, 'knowledge', 'synonyms.yaml');

describe('parseVocabulary', () => {
  it('reads entries; phrases are trimmed and numbers read as text', () => {
    const { entries, problems } = parseVocabulary('- means: suspension\n  say: [dead, " still alive "]\n- means: section 321\n  say: [321]\n', 'vocabulary.yaml');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { means: 'suspension', say: ['dead', 'still alive'] },
      { means: 'section 321', say: ['321'] },
    ]);
  });

  it('an empty file is no entries and no problem', () => {
    expect(parseVocabulary('', 'vocabulary.yaml')).toEqual({ entries: [], problems: [] });
    expect(parseVocabulary('# only a comment\n', 'vocabulary.yaml')).toEqual({ entries: [], problems: [] });
  });

  it.each([
    ['an entry without phrases', '- means: refund\n  say: []\n', '[0].say'],
    ['an empty phrase', '- means: refund\n  say: [get it back, "  "]\n', '[0].say[1]'],
    ['an entry without means', '- say: [dead]\n', '[0].means'],
    ['an unknown field', '- means: refund\n  say: [get it back]\n  note: x\n', '[0]'],
    ['a map instead of a list', 'means: refund\nsay: [get it back]\n', '(file)'],
  ])('reports %s, with where it is', (_what, text, field) => {
    const { entries, problems } = parseVocabulary(text, 'vocabulary.yaml');
    expect(entries).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => [p.file, p.field, p.severity])).toContainEqual(['vocabulary.yaml', field, 'error']);
  });

  it('reports YAML that does not parse', () => {
    const { entries, problems } = parseVocabulary('- means: refund\n  say: [get it back\n', 'vocabulary.yaml');
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: '(file)', severity: 'error' });
    expect(problems[0].problem).toMatch(/^not valid YAML/);
  });

  it('a missing file is optional: no entries, no problem', () => {
    expect(readVocabulary(path.join(os.tmpdir(), 'no-such-dir-cbp', 'vocabulary.yaml'))).toEqual({ entries: [], problems: [] });
  });
});

describe('mergeVocabulary', () => {
  const table = { groups: [['counterfeit', 'fake', 'knockoff'], ['refund', 'reimbursement']], otherCbp: ['global entry'] };

  it('adds the phrases to the group that holds the `means` word, matched as stems ("Counterfeits" → counterfeit)', () => {
    const merged = mergeVocabulary(table, [{ means: 'Counterfeits', say: ['dupe', 'not genuine'] }]);
    expect(merged.groups).toEqual([['counterfeit', 'fake', 'knockoff', 'dupe', 'not genuine'], ['refund', 'reimbursement']]);
    expect(merged.otherCbp).toEqual(['global entry']);
  });

  it('a `means` word in no group starts a new group led by it', () => {
    const merged = mergeVocabulary(table, [{ means: 'suspension', say: ['dead', 'still alive'] }]);
    expect(merged.groups).toHaveLength(3);
    expect(merged.groups[2]).toEqual(['suspension', 'dead', 'still alive']);
    expect(groupTerm(merged.groups[2])).toBe(groupTerm(['suspension']));
  });

  it('leaves the table it was given unchanged', () => {
    const before = JSON.stringify(table);
    mergeVocabulary(table, [{ means: 'refund', say: ['get my money back'] }, { means: 'permanent', say: ['for good'] }]);
    expect(JSON.stringify(table)).toBe(before);
  });

  it('after merging, people\'s phrases search as the documents\' word', () => {
    const analyzer = createAnalyzer(mergeVocabulary(table, [{ means: 'refund', say: ['get my money back'] }, { means: 'suspension', say: ['dead'] }]));
    expect(analyzer.terms('can I get my money back')).toEqual(analyzer.terms('can I refund'));
    expect(analyzer.terms('is de minimis dead')).toContain(analyzer.terms('suspension')[0]);
  });
});

describe('loadSynonyms with a vocabulary file beside it', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-vocabulary-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (synonyms: string, vocabulary?: string) => {
    fs.writeFileSync(path.join(dir, 'synonyms.yaml'), synonyms);
    if (vocabulary !== undefined) fs.writeFileSync(path.join(dir, 'vocabulary.yaml'), vocabulary);
    return loadSynonyms(path.join(dir, 'synonyms.yaml'));
  };

  it('merges the vocabulary into the synonym groups', () => {
    const { table, problems } = write('synonyms:\n  - [counterfeit, fake]\n', '- means: counterfeit\n  say: [dupe]\n- means: suspension\n  say: [dead]\n');
    expect(problems).toEqual([]);
    expect(table.groups).toEqual([['counterfeit', 'fake', 'dupe'], ['suspension', 'dead']]);
  });

  it('without a vocabulary file, the synonyms alone', () => {
    const { table, problems } = write('synonyms:\n  - [counterfeit, fake]\n');
    expect(problems).toEqual([]);
    expect(table.groups).toEqual([['counterfeit', 'fake']]);
  });

  it('a phrase that is already in another group is an error in the vocabulary file', () => {
    const { problems } = write('synonyms:\n  - [counterfeit, fake]\n  - [refund, money back]\n', '- means: counterfeit\n  say: [money back]\n');
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe(path.join(dir, 'vocabulary.yaml'));
    expect(errors[0].problem).toContain('"money back"');
  });

  it('a common word alone is an error (it would fire on ordinary sentences)', () => {
    const { problems } = write('synonyms:\n  - [counterfeit, fake]\n', '- means: counterfeit\n  say: [the]\n');
    expect(problems.some((p) => p.severity === 'error' && p.problem.includes('common word'))).toBe(true);
  });

  it('a broken vocabulary file is reported and the synonyms still load', () => {
    const { table, problems } = write('synonyms:\n  - [counterfeit, fake]\n', '- means: x\n  say: [y\n');
    expect(table.groups).toEqual([['counterfeit', 'fake']]);
    expect(problems.some((p) => p.file === path.join(dir, 'vocabulary.yaml') && p.severity === 'error')).toBe(true);
  });
});

describe('knowledge/vocabulary.yaml', () => {
  const { entries, problems } = readVocabulary(VOCABULARY);
  const synonyms = loadSynonyms(SYNONYMS);
  const analyzer = createAnalyzer(synonyms.table);

  it('is valid, and merges into knowledge/synonyms.yaml without problems', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(0);
    expect(synonyms.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('each phrase people say searches as the word the documents use', () => {
    const wrong = entries.flatMap((e) => e.say.filter((s) => analyzer.terms(s).join(' ') !== analyzer.terms(e.means).join(' ')).map((s) => `${s} → ${e.means}`));
    expect(wrong).toEqual([]);
  });

  it('"is de minimis dead" and "is de minimis suspended" search alike', () => {
    expect(analyzer.terms('is de minimis dead')).toEqual(analyzer.terms('is de minimis suspended'));
  });

  describe('every entry is used by at least one development-set message', () => {
    const messages = [path.join(ROOT, 'test', 'fixtures', 'questions.json'), ...REAL_SETS.map(realSetPath)].flatMap((file) =>
      (JSON.parse(fs.readFileSync(file, 'utf8')) as { q: string }[]).map((x) => x.q),
    );
    const messageStems = messages.map((m) => stems(m));
    /** Whether `phrase` occurs in `words` as a run of the same stems. */
    const occurs = (words: readonly string[], phrase: readonly string[]) =>
      phrase.length > 0 && words.some((_, i) => phrase.every((s, k) => words[i + k] === s));
    const users = (say: readonly string[]) => messages.filter((_, i) => say.some((p) => occurs(messageStems[i], stems(p))));

    it('reads the development sets', () => expect(messages.length).toBeGreaterThan(500));

    for (const entry of entries) {
      it(`${entry.means}: ${entry.say.join(', ')}`, () => {
        expect(users(entry.say).length).toBeGreaterThan(0);
      });
    }
  });
});
