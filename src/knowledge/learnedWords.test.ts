import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '.';
import { LEARNED_WORDS_FILE, learnedWordsJson, parseLearnedWords, PROJECT_LEARNED_WORDS, readLearnedWords } from './learnedWords';

const KNOWLEDGE = path.join(__dirname, '..', '..', 'knowledge');

describe('learned-words.json', () => {
  it('round-trips: one line per document, terms as term:count', () => {
    const file = { learned: { sets: ['a.json', 'b.json'], half: 'A' as const, messages: 2 }, words: { 'doc-b': { ups: 1, bill: 2 }, 'doc-a': { alive: 1 } } };
    const text = learnedWordsJson(file);
    expect(text.split('\n')).toContain('    "doc-b": "bill:2 ups:1"');
    expect(text.indexOf('"doc-a"')).toBeLessThan(text.indexOf('"doc-b"'));
    expect(parseLearnedWords(JSON.parse(text))).toEqual({ file, problems: [] });
  });

  it('round-trips the verdict words of the shipment gate, on one line of their own', () => {
    const file = { learned: { sets: ['a.json'], half: 'A' as const, training: ['t.json'], messages: 3 }, verdict: { messages: 2, otherMessages: 3, words: { usd60: 1, gift: 2 } }, words: { 'doc-a': { alive: 1 } } };
    const text = learnedWordsJson(file);
    expect(text.split('\n')).toContain('  "verdict": {"messages": 2, "otherMessages": 3, "words": "gift:2 usd60:1"},');
    expect(parseLearnedWords(JSON.parse(text))).toEqual({ file, problems: [] });
    expect(PROJECT_LEARNED_WORDS.verdict?.messages).toBeGreaterThan(0);
  });

  it('round-trips the out-of-scope words of the scope gate, after the verdict line', () => {
    const file = { learned: { sets: ['a.json'], half: 'A' as const, messages: 3 }, verdict: { messages: 1, otherMessages: 3, words: { gift: 1 } }, outOfScope: { messages: 2, otherMessages: 4, words: { prime: 1, cancel: 2 } }, words: { 'doc-a': { alive: 1 } } };
    const text = learnedWordsJson(file);
    const lines = text.split('\n');
    expect(lines).toContain('  "outOfScope": {"messages": 2, "otherMessages": 4, "words": "cancel:2 prime:1"},');
    expect(lines.findIndex((l) => l.startsWith('  "outOfScope"'))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('  "verdict"')));
    expect(parseLearnedWords(JSON.parse(text))).toEqual({ file, problems: [] });
    expect(PROJECT_LEARNED_WORDS.outOfScope?.messages).toBeGreaterThan(0);
  });

  it.each([
    ['a verdict line that is not term:count pairs', { learned: { sets: [], half: 'A', messages: 0 }, words: {}, verdict: { messages: 1, otherMessages: 1, words: 'gift' } }, 'verdict.words'],
    ['a count that is not a number', { learned: { sets: [], half: 'A', messages: 0 }, words: { d: 'fee:x' } }, 'words.d'],
    ['no record of what was learned', { words: {} }, 'learned'],
    ['half B', { learned: { sets: [], half: 'B', messages: 0 }, words: {} }, 'learned.half'],
  ])('rejects %s, naming the field', (_name, data, field) => {
    const { file, problems } = parseLearnedWords(data);
    expect(file).toBeUndefined();
    expect(problems.map((p) => p.field)).toContain(field);
  });

  it('a folder without the file uses the project\'s; the project\'s file is the default', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'learned-'));
    expect(readLearnedWords(empty)).toEqual({ file: PROJECT_LEARNED_WORDS, problems: [] });
    expect(readLearnedWords(KNOWLEDGE).file).toEqual(PROJECT_LEARNED_WORDS);
    expect(PROJECT_LEARNED_WORDS.learned.messages).toBeGreaterThan(1000);
  });

  it('a broken file is an error that stops the load (kb:check reports it)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learned-kb-'));
    fs.cpSync(KNOWLEDGE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LEARNED_WORDS_FILE), '{ not json');
    const { kb, problems } = loadKnowledgeBase(dir, { today: '2026-12-02' });
    expect(kb).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: LEARNED_WORDS_FILE, severity: 'error' }));
  });
});
