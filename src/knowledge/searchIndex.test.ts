import fc from 'fast-check';
import path from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { readDocuments } from './load';
import { buildSearchIndex } from './searchIndex';

/** The index as addAll builds it. */
const added = <T>(documents: readonly T[], options: Options<T>) => {
  const index = new MiniSearch<T>(options);
  index.addAll(documents);
  return index;
};

describe('buildSearchIndex', () => {
  it('builds the index addAll builds, to its serialised form, for any documents', () => {
    const word = fc.constantFrom('duty', 'duties', 'free', 'fee', 'gift', 'mail', 'mailer', 'de_minimis', 'usd800', '800', '2025', 'Bag', 'bag,', 'x');
    const text = fc.array(word, { maxLength: 15 }).map((w) => w.join(' '));
    const doc = fc.record({ title: text, body: text, note: fc.option(text, { nil: undefined }) });
    const variants: Array<Options<{ id: string; title: string; body: string; note?: string }>> = [
      { fields: ['title', 'body'] },
      { fields: ['title', 'body', 'note'], storeFields: ['title', 'note'] },
      { fields: ['body', 'title'], tokenize: (t) => t.split(' ').filter((x) => x.length > 0), processTerm: (t) => t },
      { fields: ['title', 'body'], processTerm: (t) => (t.length < 3 ? null : t.startsWith('d') ? [t, `${t}_d`] : t.toLowerCase()) },
    ];
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 25 }), fc.constantFrom(...variants.keys()), (docs, v) => {
        const documents = docs.map((d, i) => ({ id: `d${i}`, ...d }));
        const options = variants[v];
        const built = buildSearchIndex(documents, options);
        expect(JSON.stringify(built)).toBe(JSON.stringify(added(documents, options)));
        // And it searches the same (prefix and fuzzy lookups walk the same tree).
        for (const q of ['duty', 'du', 'mail free', 'fea']) {
          expect(built.search(q, { prefix: true, fuzzy: 0.3 })).toEqual(added(documents, options).search(q, { prefix: true, fuzzy: 0.3 }));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('builds the same index over the real knowledge base', () => {
    const { docs } = readDocuments(path.join(__dirname, '..', '..', 'knowledge'));
    const documents = docs.map((d) => ({ id: d.file, title: `${d.title}\n${d.label}`, questions: d.questions.join('\n'), body: d.body }));
    const options = { fields: ['title', 'questions', 'body'] };
    expect(JSON.stringify(buildSearchIndex(documents, options))).toBe(JSON.stringify(added(documents, options)));
  });

  it('refuses what addAll refuses', () => {
    expect(() => buildSearchIndex([{ id: 'a', t: 'x' }, { id: 'a', t: 'y' }], { fields: ['t'] })).toThrow(/duplicate ID a/);
    expect(() => buildSearchIndex([{ t: 'x' }], { fields: ['t'] })).toThrow(/does not have ID field/);
  });
});
