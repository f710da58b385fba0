import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase, validateKnowledge } from './index';
import { addTaught, checkTaught, FileTaughtStore, mergeTaught, parseTaught, serializeTaught, taughtOutOfScope, TAUGHT_FILE } from './taught';
import type { KnowledgeDoc } from './types';

const TODAY = '2026-11-25';
const FILE = 'knowledge/taught.yaml';

/** A small knowledge folder: three documents on distinct subjects, and optionally taught.yaml. */
function makeKnowledge(taught?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-taught-'));
  const docs: Record<string, { topic: string; title: string; questions: string[]; body: string }> = {
    'gift-parcels': {
      topic: 'gifts-travel',
      title: 'Gifts sent from abroad',
      questions: ['is a gift from abroad taxed', 'gift parcel from family', 'do i pay duty on a present'],
      body: 'A test answer about gift parcels.',
    },
    'fake-goods': {
      topic: 'counterfeits',
      title: 'Counterfeit goods',
      questions: ['are fake handbags seized', 'counterfeit sneakers', 'knockoff watch ordered online'],
      body: 'A test answer about counterfeit goods.',
    },
    'low-value-parcels': {
      topic: 'section-321',
      title: 'Low-value parcels',
      questions: ['is there a duty free limit', 'small parcel duty', 'cheap parcel under the limit'],
      body: 'A test answer about low-value parcels.',
    },
  };
  for (const [id, d] of Object.entries(docs)) {
    fs.mkdirSync(path.join(dir, d.topic), { recursive: true });
    const front = [
      '---',
      `id: ${id}`,
      `title: ${d.title}`,
      `label: ${d.title}`,
      `topic: ${d.topic}`,
      'audience: [consumer]',
      'questions:',
      ...d.questions.map((q) => `  - ${q}`),
      'sources:',
      '  - { title: CBP, url: "https://www.cbp.gov/" }',
      `reviewed: ${TODAY}`,
      '---',
      d.body,
      '',
    ];
    fs.writeFileSync(path.join(dir, d.topic, `${id}.md`), front.join('\n'));
  }
  fs.writeFileSync(path.join(dir, 'synonyms.yaml'), 'synonyms:\n  - [fake, counterfeit, knockoff]\n');
  if (taught !== undefined) fs.writeFileSync(path.join(dir, TAUGHT_FILE), taught);
  return dir;
}

const dirs: string[] = [];
const knowledge = (taught?: string) => {
  const dir = makeKnowledge(taught);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseTaught', () => {
  it('reads ids and none with their questions; an empty file is nothing taught', () => {
    expect(parseTaught('gift-parcels:\n  - what about my stuff from granny\nnone:\n  - do you sell kayaks\n', FILE)).toEqual({
      taught: { 'gift-parcels': ['what about my stuff from granny'], none: ['do you sell kayaks'] },
      problems: [],
    });
    expect(parseTaught('# only a comment\n', FILE)).toEqual({ taught: {}, problems: [] });
  });

  it('reports bad YAML, a key that is not an id, a question that is not text or is empty', () => {
    expect(parseTaught('none: [unclosed\n', FILE).problems.map((p) => [p.field, p.severity])).toEqual([['(file)', 'error']]);
    expect(parseTaught('- just a list\n', FILE).problems.map((p) => p.problem)).toEqual(['must map document ids (or "none") to lists of questions']);
    const problems = parseTaught('Gift Parcels:\n  - x\nnone: kayaks\nfake-goods:\n  - "   "\n  - [a, b]\n', FILE).problems.map((p) => `${p.field}: ${p.problem}`);
    expect(problems).toEqual([
      'Gift Parcels: must be a document id (kebab-case) or "none"',
      'none: must be a list of questions',
      'fake-goods[0]: is empty',
      'fake-goods[1]: must be text',
    ]);
  });
});

describe('checkTaught', () => {
  const docs = [{ id: 'gift-parcels' }, { id: 'fake-goods' }] as KnowledgeDoc[];

  it('accepts known ids and none', () => {
    expect(checkTaught({ 'gift-parcels': ['a present from my aunt'], none: ['do you sell kayaks'] }, docs, FILE)).toEqual([]);
  });

  it('names an unknown id, a question taught in two places, a repeat and a question without words', () => {
    const problems = checkTaught({ 'no-such-doc': ['x y'], 'gift-parcels': ['Do you sell kayaks?', 'a present', 'A present!'], none: ['do you sell kayaks', '??'] }, docs, FILE);
    expect(problems.map((p) => `${p.severity} ${p.field}: ${p.problem}`)).toEqual([
      'error no-such-doc: no document has id "no-such-doc"',
      'warning gift-parcels[2]: "A present!" is listed twice',
      'error none[0]: "do you sell kayaks" is also taught under gift-parcels',
      'error none[1]: has no words',
    ]);
  });
});

describe('addTaught and serializeTaught', () => {
  it('appends to a target, keeps order, says when the wording is already there, moves a wording between targets', () => {
    let { taught, outcome } = addTaught({}, 'none', 'do you sell kayaks');
    expect([taught, outcome]).toEqual([{ none: ['do you sell kayaks'] }, 'added']);
    ({ taught } = addTaught(taught, 'gift-parcels', '  what about my stuff from granny '));
    expect(taught).toEqual({ none: ['do you sell kayaks'], 'gift-parcels': ['what about my stuff from granny'] });
    expect(addTaught(taught, 'none', 'Do you sell KAYAKS?').outcome).toBe('already');
    const moved = addTaught(taught, 'fake-goods', 'do you sell kayaks');
    expect(moved).toEqual({ taught: { 'gift-parcels': ['what about my stuff from granny'], 'fake-goods': ['do you sell kayaks'] }, outcome: 'added', movedFrom: 'none' });
  });

  it('writes YAML that reads back the same, with a header comment; quotes what YAML would misread', () => {
    const taught = { 'gift-parcels': ['what about my stuff from granny', 'yes', 'is it: free?', '#1 question'], none: ["what's a 'bond'"] };
    const text = serializeTaught(taught);
    expect(text.startsWith('# Questions CBP staff taught the bot')).toBe(true);
    expect(parseTaught(text, FILE)).toEqual({ taught, problems: [] });
    expect(parseTaught(serializeTaught({}), FILE)).toEqual({ taught: {}, problems: [] });
  });
});

describe('loading taught questions', () => {
  it('merges them into the documents\' questions, without repeating a wording', () => {
    const docs = [{ id: 'gift-parcels', questions: ['gift parcel from family'] }] as KnowledgeDoc[];
    const merged = mergeTaught(docs, { 'gift-parcels': ['Gift parcel from family!', 'what about my stuff from granny'], none: ['x'] });
    expect(merged[0].questions).toEqual(['gift parcel from family', 'what about my stuff from granny']);
    expect(docs[0].questions).toEqual(['gift parcel from family']);
  });

  it('the knowledge base answers a taught question with its document, and a question taught as none as out of scope', () => {
    const plain = loadKnowledgeBase(knowledge(), { today: TODAY }).kb!;
    expect(plain.answer('what about my stuff from granny').kind).toBe('out-of-scope');
    expect(plain.answer('are fake handbags seized').best?.id).toBe('fake-goods');

    const dir = knowledge('gift-parcels:\n  - What about my stuff from granny?\nnone:\n  - are fake handbags seized\n');
    const { kb, problems } = loadKnowledgeBase(dir, { today: TODAY });
    expect(problems).toEqual([]);
    expect(kb!.get('gift-parcels')!.questions).toContain('What about my stuff from granny?');
    expect(kb!.answer('what about my stuff from GRANNY')).toMatchObject({ kind: 'answer', confidence: 1, best: { id: 'gift-parcels' } });
    expect(kb!.answer('Are fake handbags seized?')).toEqual({ kind: 'out-of-scope', confidence: 0, alternatives: [] });
    // Only the exact (normalised) wording: other questions are ranked as before.
    expect(kb!.answer('counterfeit sneakers').best?.id).toBe('fake-goods');
    expect(kb!.answer('Counterfeit goods')).toMatchObject({ kind: 'answer', confidence: 1, best: { id: 'fake-goods' } });
  });

  it('a question asked with its story still hears the story once something is taught', () => {
    const { kb } = loadKnowledgeBase(knowledge('none:\n  - do you sell kayaks\n'), { today: TODAY });
    // "parcel" is a word of two documents, so a story's "parcel" joins the search.
    const explained = kb!.explain('what happens now', { context: 'my cousin sent a parcel' });
    expect(explained.terms).toContain('parcel');
    expect(explained.ranked.map((c) => c.doc.id)).toContain('low-value-parcels');
  });

  it('options.taught replaces the file (taught questions kept in shared storage)', () => {
    const { kb } = loadKnowledgeBase(knowledge('none:\n  - counterfeit sneakers\n'), { today: TODAY, taught: { none: ['small parcel duty'] } });
    expect(kb!.answer('counterfeit sneakers').best?.id).toBe('fake-goods');
    expect(kb!.answer('small parcel duty').kind).toBe('out-of-scope');
  });

  it('kb:check reports an invalid taught.yaml, and loading fails like for a broken document', () => {
    const dir = knowledge('no-such-doc:\n  - a question\nnone:\n  - ""\n');
    const problems = validateKnowledge(dir, { today: TODAY }).problems.map((p) => `${path.basename(p.file)}: ${p.field}: ${p.problem}`);
    expect(problems).toEqual(['taught.yaml: none[0]: is empty']);
    expect(loadKnowledgeBase(dir, { today: TODAY }).kb).toBeNull();
    const unknown = knowledge('no-such-doc:\n  - a question\n');
    expect(validateKnowledge(unknown, { today: TODAY }).problems.map((p) => `${p.field}: ${p.problem}`)).toEqual(['no-such-doc: no document has id "no-such-doc"']);
  });

  it('taughtOutOfScope compares normalised text', () => {
    const check = taughtOutOfScope({ none: ['Do you sell kayaks?'] });
    expect(check('do you  sell KAYAKS')).toBe(true);
    expect(check('do you sell canoes')).toBe(false);
    expect(taughtOutOfScope({})('anything')).toBe(false);
  });
});

describe('FileTaughtStore', () => {
  it('creates taught.yaml, appends, and leaves no temporary file behind', async () => {
    const dir = knowledge();
    const store = new FileTaughtStore(dir);
    expect(await store.read()).toEqual({});
    expect(await store.add('gift-parcels', 'what about my stuff from granny')).toEqual({ outcome: 'added' });
    expect(await store.add('gift-parcels', 'What about my stuff from granny?')).toEqual({ outcome: 'already' });
    // Two at once: both land.
    await Promise.all([store.add('none', 'do you sell kayaks'), store.add('none', 'what is the weather in boston')]);
    expect(await store.read()).toEqual({ 'gift-parcels': ['what about my stuff from granny'], none: ['do you sell kayaks', 'what is the weather in boston'] });
    expect(fs.readdirSync(dir).filter((n) => n.includes(TAUGHT_FILE))).toEqual([TAUGHT_FILE]);
    // What the store wrote validates and loads.
    expect(validateKnowledge(dir, { today: TODAY }).problems).toEqual([]);
    expect(loadKnowledgeBase(dir, { today: TODAY }).kb!.answer('do you sell kayaks').kind).toBe('out-of-scope');
  });

  it('refuses to overwrite a file someone broke by hand', async () => {
    const dir = knowledge('none: [unclosed\n');
    const store = new FileTaughtStore(dir);
    await expect(store.add('none', 'x y')).rejects.toThrow('taught.yaml is invalid');
    expect(fs.readFileSync(path.join(dir, TAUGHT_FILE), 'utf8')).toBe('none: [unclosed\n');
    // The queue is not stuck after a failure.
    fs.writeFileSync(path.join(dir, TAUGHT_FILE), '');
    expect(await store.add('none', 'x y')).toEqual({ outcome: 'added' });
  });
});
