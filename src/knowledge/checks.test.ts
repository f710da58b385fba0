import fc from 'fast-check';
import { createAnalyzer } from './analyze';
import { checkDocuments, checkDuplicateQuestions, checkNearDuplicateQuestions, jaccard, NEAR_DUPLICATE } from './checks';
import type { KnowledgeDoc } from './types';

const analyzer = createAnalyzer();

function doc(id: string, questions: string[]): KnowledgeDoc {
  return {
    id,
    title: `Title ${id}`,
    label: `Label ${id}`,
    topic: 'postal',
    audience: ['consumer'],
    questions,
    sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }],
    reviewed: '2026-11-25',
    related: [],
    uncertain: false,
    body: 'Answer.',
    file: `knowledge/postal/${id}.md`,
  };
}

describe('jaccard', () => {
  it('is shared ÷ all terms, 0 for two empty sets', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'c', 'd']))).toBe(0.75);
    expect(jaccard(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('checkNearDuplicateQuestions', () => {
  it('is an error naming both files and both questions when one adds a single term to four', () => {
    const docs = [doc('who-pays', ['who pays duty on a postal parcel', 'x one', 'y one']), doc('china-mail', ['a two', 'who pays the duty on postal parcels from China', 'c two'])];
    const problems = checkNearDuplicateQuestions(docs, analyzer);
    expect(problems).toEqual([
      {
        file: 'knowledge/postal/china-mail.md',
        field: 'questions[1]',
        problem: expect.stringContaining('near-duplicate of knowledge/postal/who-pays.md questions[0]: "who pays the duty on postal parcels from China" and "who pays duty on a postal parcel" share 80% of their terms'),
        severity: 'error',
      },
    ]);
  });

  it('catches the same terms in other words (stems, stop words) from three terms up', () => {
    const docs = [doc('fines', ['fines for fake bags', 'b', 'c']), doc('fined', ['fined for a fake bag?', 'e', 'f'])];
    expect(checkNearDuplicateQuestions(docs, analyzer)).toHaveLength(1);
  });

  it('leaves related but different questions alone', () => {
    const docs = [
      doc('fine', ['fined for a fake designer bag', 'what is the informal entry limit']),
      // 4 of 6 terms, 3 of 4 terms: below the bar
      doc('online', ['fined for fake designer bags bought online', 'informal entry limit for mail']),
    ];
    expect(checkNearDuplicateQuestions(docs, analyzer)).toEqual([]);
  });

  it(`ignores questions under ${NEAR_DUPLICATE.minTerms} terms, the same document, and exact duplicates (reported elsewhere)`, () => {
    const docs = [
      doc('one', ['fake bags', 'who pays duty on a postal parcel', 'who pays duty on a postal parcel from china', 'same words in both docs']),
      doc('two', ['fake bag', 'Same words in both docs!']),
    ];
    expect(checkNearDuplicateQuestions(docs, analyzer)).toEqual([]);
  });
});

describe('checkNearDuplicateQuestions finds exactly the pairs that comparing all pairs finds', () => {
  /** The definition: every question against every earlier one of another document. */
  function allPairs(docs: KnowledgeDoc[]): string[] {
    const found: string[] = [];
    const seen: { doc: KnowledgeDoc; i: number; terms: Set<string>; exact: string }[] = [];
    for (const d of docs) {
      d.questions.forEach((q, i) => {
        const terms = new Set(analyzer.terms(q));
        if (terms.size < NEAR_DUPLICATE.minTerms) return;
        const exact = q.toLowerCase().replace(/[^a-z ]/g, '').trim();
        for (const o of seen) if (o.doc !== d && jaccard(terms, o.terms) >= NEAR_DUPLICATE.minJaccard && o.exact !== exact) found.push(`${d.id}[${i}]~${o.doc.id}[${o.i}]`);
        seen.push({ doc: d, i, terms, exact });
      });
    }
    return found.sort();
  }
  // Few words, so that about half the runs hold near-duplicates.
  const words = ['duty', 'mail', 'parcel', 'gift', 'fake', 'bag', 'china'];

  it('on random questions built from a small vocabulary (many near-duplicates)', () => {
    const question = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(fc.array(question, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }), (sets) => {
        const docs = sets.map((qs, n) => doc(`d${n}`, qs));
        const found = checkNearDuplicateQuestions(docs, analyzer).map((p) => {
          const m = /near-duplicate of knowledge\/postal\/(d\d+)\.md questions\[(\d+)\]/.exec(p.problem)!;
          return `${p.file.replace(/^.*\/(d\d+)\.md$/, '$1')}${p.field.replace('questions', '')}~${m[1]}[${m[2]}]`;
        });
        expect(found.sort()).toEqual(allPairs(docs));
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkDocuments', () => {
  it('reports a three-term copy once, as an error, not also as a warning', () => {
    const docs = [doc('fines', ['fines for fake bags', 'b b', 'c c']), doc('fined', ['fined for a fake bag?', 'e e', 'f f'])];
    const problems = checkDocuments(docs, analyzer, '2026-11-25');
    expect(problems.map((p) => [p.file, p.severity])).toEqual([['knowledge/postal/fined.md', 'error']]);
  });

  it('still warns about short questions with the same terms', () => {
    const docs = [doc('fines', ['fake bags', 'b b', 'c c']), doc('fined', ['a fake bag?', 'e e', 'f f'])];
    expect(checkDuplicateQuestions(docs, analyzer)).toEqual([expect.objectContaining({ file: 'knowledge/postal/fined.md', severity: 'warning' })]);
  });
});
