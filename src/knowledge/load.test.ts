/**
 * Validation against broken knowledge folders. Each case writes a tiny folder under the
 * system temp directory: one good document plus the breakage under test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, loadKnowledgeBase, validateKnowledge } from './index';
import { parseDocument } from './load';
import { frontMatterSchema } from './schema';

const TODAY = '2026-11-25';

interface DocSpec {
  topic?: string;
  file?: string;
  front?: Record<string, unknown>;
  raw?: string;
  body?: string;
}

function frontMatter(id: string, overrides: Record<string, unknown> = {}): string {
  const fm: Record<string, unknown> = {
    id,
    title: `Title of ${id}`,
    label: `Label ${id}`.slice(0, 25),
    topic: 'section-321',
    audience: '[consumer]',
    questions: `\n  - first way to ask about ${id}\n  - second way to ask about ${id}\n  - third way to ask about ${id}`,
    sources: '\n  - { title: CBP, url: "https://www.cbp.gov/" }',
    reviewed: TODAY,
    ...overrides,
  };
  return Object.entries(fm)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}

function makeKb(docs: Record<string, DocSpec>, synonyms?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-test-'));
  for (const [id, spec] of Object.entries(docs)) {
    const topic = spec.topic ?? 'section-321';
    fs.mkdirSync(path.join(dir, topic), { recursive: true });
    const text = spec.raw ?? `---\n${frontMatter(id, { topic, ...spec.front })}\n---\n${spec.body ?? `The answer about ${id}.`}\n`;
    fs.writeFileSync(path.join(dir, topic, spec.file ?? `${id}.md`), text);
  }
  if (synonyms !== undefined) fs.writeFileSync(path.join(dir, 'synonyms.yaml'), synonyms);
  return dir;
}

/** The problems as `severity file-name: field: problem` with the temp folder cut off. */
function problemsOf(dir: string): string[] {
  return validateKnowledge(dir, { today: TODAY }).problems.map((p) => `${p.severity} ${path.relative(dir, p.file)}: ${p.field}: ${p.problem}`);
}

describe('a good knowledge folder', () => {
  it('loads with no problems and normalises YAML dates to strings', () => {
    const dir = makeKb({ 'good-doc': { front: { effective: '{ from: 2025-08-29 }' } }, 'other-doc': { front: { related: '[good-doc]' } } }, 'synonyms:\n  - [fake, counterfeit]\n');
    const { kb, problems } = loadKnowledgeBase(dir, { today: TODAY });
    expect(problems).toEqual([]);
    expect(kb).not.toBeNull();
    const doc = kb!.get('good-doc')!;
    expect(doc.reviewed).toBe(TODAY);
    expect(doc.effective).toEqual({ from: '2025-08-29' });
    expect(doc.related).toEqual([]);
    expect(doc.uncertain).toBe(false);
    expect(kb!.get('other-doc')!.related).toEqual(['good-doc']);
  });

  it('warns about a missing synonyms file but still loads', () => {
    const dir = makeKb({ 'good-doc': {} });
    const { kb, problems } = loadKnowledgeBase(dir, { today: TODAY });
    expect(kb).not.toBeNull();
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });
});

describe('broken documents', () => {
  it('names a missing field', () => {
    expect(problemsOf(makeKb({ 'no-title': { front: { title: undefined } } }, ''))).toEqual(['error section-321/no-title.md: title: is missing']);
  });

  it('takes countries on a document marked abroad, and rejects them elsewhere or badly written', () => {
    const ok = makeKb({ 'uk-pointer': { topic: 'referrals', front: { abroad: 'true', countries: '[GB]' } } }, '');
    expect(problemsOf(ok)).toEqual([]);
    expect(problemsOf(makeKb({ 'not-abroad': { front: { countries: '[GB]' } } }, ''))).toEqual([
      'error section-321/not-abroad.md: countries: only a document marked abroad names countries',
    ]);
    expect(problemsOf(makeKb({ 'bad-code': { topic: 'referrals', front: { abroad: 'true', countries: '[uk]' } } }, ''))).toEqual([
      'error referrals/bad-code.md: countries[0]: must be a list of two-letter country codes (GB, CA)',
    ]);
  });

  it('rejects a bad date', () => {
    expect(problemsOf(makeKb({ 'bad-date': { front: { reviewed: '2026-02-30' } } }, ''))).toEqual([
      'error section-321/bad-date.md: reviewed: must be a real date written YYYY-MM-DD',
    ]);
    expect(problemsOf(makeKb({ 'bad-date': { front: { reviewed: 'last week' } } }, ''))).toEqual([
      'error section-321/bad-date.md: reviewed: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('rejects dangling and self references in related', () => {
    expect(problemsOf(makeKb({ 'lonely-doc': { front: { related: '[nowhere, lonely-doc]' } } }, ''))).toEqual([
      'error section-321/lonely-doc.md: related[0]: no document has id "nowhere"',
      'error section-321/lonely-doc.md: related[1]: a document cannot be related to itself',
    ]);
  });

  it('does not cascade: a related link to a broken document is not reported again', () => {
    const dir = makeKb({ 'broken-doc': { front: { reviewed: 'soon' } }, 'linking-doc': { front: { related: '[broken-doc]' } } }, '');
    expect(problemsOf(dir)).toEqual(['error section-321/broken-doc.md: reviewed: must be a real date written YYYY-MM-DD']);
  });

  it('rejects a duplicate id (and the file name mismatch that makes it possible)', () => {
    const dir = makeKb({ 'twin-doc': {}, 'twin-copy': { front: { id: 'twin-doc', label: 'Other label' } } }, '');
    expect(problemsOf(dir)).toEqual([
      'error section-321/twin-copy.md: id: "twin-doc" must equal the file name "twin-copy"',
      expect.stringMatching(/^error section-321\/twin-doc\.md: id: duplicate id "twin-doc" \(also in .*twin-copy\.md\)$/),
    ]);
  });

  it('rejects the same question in two documents, case and punctuation aside', () => {
    const dir = makeKb(
      {
        'first-doc': { front: { questions: '\n  - Is the $800 limit gone?\n  - b one\n  - c one' } },
        'second-doc': { front: { questions: '\n  - is the 800 dollars limit gone\n  - b two\n  - c two' } },
      },
      '',
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^error section-321\/second-doc\.md: questions\[0\]: duplicate question "is the 800 dollars limit gone" \(also .*first-doc\.md questions\[0\]\)$/),
    ]);
  });

  it('warns about nearly the same short question (same words after stemming)', () => {
    const dir = makeKb(
      {
        'first-doc': { front: { questions: '\n  - fake bags\n  - b one\n  - c one' } },
        'second-doc': { front: { questions: '\n  - a fake bag?\n  - b two\n  - c two' } },
      },
      '',
    );
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^warning section-321\/second-doc\.md: questions\[0\]: nearly the same question as .*first-doc\.md questions\[0\]/)]);
  });

  it('rejects near-duplicate questions of three terms or more, naming both files and questions', () => {
    const dir = makeKb(
      {
        'first-doc': { front: { questions: '\n  - fines for fake bags\n  - b one\n  - c one' } },
        'second-doc': { front: { questions: '\n  - fined for a fake bag?\n  - b two\n  - c two' } },
      },
      '',
    );
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^error section-321\/second-doc\.md: questions\[0\]: near-duplicate of .*first-doc\.md questions\[0\]: "fined for a fake bag\?" and "fines for fake bags" share 100% of their terms/),
    ]);
  });

  it('rejects a duplicate label, a long label, a bad URL, a wrong topic folder and unknown fields', () => {
    const dir = makeKb(
      {
        'doc-one': { front: { label: 'Same label' } },
        'doc-two': { front: { label: 'same LABEL' } },
        'long-label': { front: { label: 'This label is far too long for a button' } },
        'bad-url': { front: { sources: '\n  - { title: CBP, url: "ftp://cbp.gov/x" }\n  - { title: No URL }' } },
        'wrong-folder': { topic: 'postal', front: { topic: 'section-321' } },
        'extra-field': { front: { questons: '[typo]' } },
      },
      '',
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'error section-321/long-label.md: label: must be at most 25 characters (it is a button)',
        'error section-321/bad-url.md: sources[0].url: must start with http:// or https://',
        'error section-321/bad-url.md: sources[1].url: is missing',
        'error postal/wrong-folder.md: topic: "section-321" must equal the folder name "postal"',
        'error section-321/extra-field.md: (front matter): unknown field(s) questons',
        expect.stringMatching(/^error section-321\/doc-two\.md: label: duplicate label "same LABEL"/),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('rejects too few questions, an unknown topic or audience, an empty body and broken YAML', () => {
    const dir = makeKb(
      {
        'few-questions': { front: { questions: '[only one]' } },
        'bad-topic': { topic: 'weather', front: { audience: '[aliens]' } },
        'empty-body': { body: '' },
        'broken-yaml': { raw: '---\ntitle: [unclosed\n---\nbody\n' },
        'no-front': { raw: 'Just text, no front matter.\n' },
      },
      '',
    );
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        'error section-321/few-questions.md: questions: needs at least 3 questions',
        expect.stringMatching(/^error weather\/bad-topic\.md: topic: must be one of section-321, postal/),
        'error weather/bad-topic.md: audience[0]: must be one of consumer, seller, importer, staff',
        'error section-321/empty-body.md: body: is empty: the answer goes below the front matter',
        expect.stringMatching(/^error section-321\/broken-yaml\.md: \(front matter\): not valid YAML/),
        'error section-321/no-front.md: (front matter): is missing: the file must start with a --- block',
      ]),
    );
  });

  it('rejects effective dates in the wrong order', () => {
    expect(problemsOf(makeKb({ 'bad-range': { front: { effective: '{ from: 2026-01-01, to: 2025-01-01 }' } } }, ''))).toEqual([
      'error section-321/bad-range.md: effective: "from" must not be after "to"',
    ]);
  });

  it('warns about stale and future review dates without blocking', () => {
    const dir = makeKb({ 'old-doc': { front: { reviewed: '2026-05-28' } }, 'fresh-doc': { front: { reviewed: '2026-05-29' } }, 'future-doc': { front: { reviewed: '2027-01-01' } } }, '');
    expect(problemsOf(dir)).toEqual([
      'warning section-321/future-doc.md: reviewed: 2027-01-01 is after today (2026-11-25)',
      'warning section-321/old-doc.md: reviewed: last reviewed 2026-05-28, 181 days ago (more than 180)',
    ]);
    expect(loadKnowledgeBase(dir, { today: TODAY }).kb).not.toBeNull();
  });

  it('blocks loading on any error', () => {
    const { kb, problems } = loadKnowledgeBase(makeKb({ 'no-title': { front: { title: undefined } } }, ''), { today: TODAY });
    expect(kb).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('reports synonym problems with the documents', () => {
    expect(problemsOf(makeKb({ 'good-doc': {} }, 'synonyms:\n  - [alone]\n'))).toEqual(['error synonyms.yaml: synonyms[0]: a group needs at least 2 terms']);
  });

  it('reports markdown outside topic folders', () => {
    const dir = makeKb({ 'good-doc': {} }, '');
    fs.writeFileSync(path.join(dir, 'stray.md'), '# stray');
    fs.writeFileSync(path.join(dir, 'README.md'), '# fine');
    expect(problemsOf(dir)).toEqual(['warning stray.md: (file): is not in a topic folder; ignored']);
  });
});

describe('parseDocument', () => {
  it('reads an unquoted YAML date as the same calendar day', () => {
    const { doc } = parseDocument(`---\n${frontMatter('some-doc')}\n---\nBody.\n`, '/kb/section-321/some-doc.md');
    expect(doc?.reviewed).toBe(TODAY);
  });
});

describe('frontMatterSchema', () => {
  it('normalises a Date object (as other YAML loaders give) to YYYY-MM-DD', () => {
    const fm = frontMatterSchema.parse({
      id: 'a-doc', title: 'T', label: 'L', topic: 'postal', audience: ['consumer'], questions: ['a', 'b', 'c'],
      sources: [{ title: 'S', url: 'https://cbp.gov' }], reviewed: new Date('2026-11-25T00:00:00Z'), effective: { to: new Date('2027-07-01T00:00:00Z') },
    });
    expect(fm.reviewed).toBe('2026-11-25');
    expect(fm.effective).toEqual({ to: '2027-07-01' });
  });
});

describe('formatProblem', () => {
  it('prints file: field: problem, warnings marked', () => {
    expect(formatProblem({ file: 'a.md', field: 'reviewed', problem: 'is missing', severity: 'error' })).toBe('a.md: reviewed: is missing');
    expect(formatProblem({ file: 'a.md', field: 'reviewed', problem: 'old', severity: 'warning' })).toBe('warning: a.md: reviewed: old');
  });
});
