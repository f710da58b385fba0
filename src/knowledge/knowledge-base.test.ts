/** Retrieval behaviour on the small hand-written fixture KB (test/fixtures/kb-mini). */
import path from 'node:path';
import { exactKey, HESITANT_SHARE, KnowledgeBase, nearestDocumentAmount, OFFER_WORDS, pointsElsewhere, RERANK, reorderOffers, SURE_CONFIDENCE, wordsHesitate, type RankedCandidate } from './knowledge-base';
import { loadKnowledgeBase } from './index';

const DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'kb-mini');

let kb: KnowledgeBase;
beforeAll(() => {
  const loaded = loadKnowledgeBase(DIR, { today: '2026-11-25' });
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  kb = loaded.kb!;
});

describe('KnowledgeBase on kb-mini', () => {
  it('maps every label and title back to its document with confidence 1', () => {
    for (const doc of kb.documents) {
      for (const text of [doc.label, doc.title, doc.label.toUpperCase(), ` ${doc.title.toLowerCase()} `]) {
        const r = kb.answer(text);
        expect([r.kind, r.best?.id, r.confidence]).toEqual(['answer', doc.id, 1]);
        expect(r.alternatives.map((d) => d.id)).not.toContain(doc.id);
      }
    }
  });

  it('answers a plain question with the right document', () => {
    const r = kb.answer('is the $800 de minimis still a thing in 2026?');
    expect(r.kind).toBe('answer');
    expect(r.best?.id).toBe('de-minimis-suspended');
    expect(r.confidence).toBeGreaterThan(0.6);
  });

  it('uses synonyms, phrases included', () => {
    expect(kb.answer('what does importer of record mean').best?.id).toBe('importer-of-record');
    expect(kb.answer('can I be fined for a knockoff bag').best?.id).toBe('counterfeit-fines');
    expect(kb.answer('who pays duty on a usps package').best?.id).toBe('postal-duty');
  });

  it('finds a document despite a typo', () => {
    const r = kb.answer('penalty for a counterfit watch');
    expect(r.best?.id).toBe('counterfeit-fines');
    expect(r.kind).not.toBe('out-of-scope');
  });

  it('does not answer out-of-scope questions with an unrelated document', () => {
    for (const q of ['asdf qwer', 'what is the weather tomorrow', 'tell me a joke', 'recommend a good movie', '', '???']) {
      const r = kb.answer(q);
      expect([q, r.kind]).toEqual([q, 'out-of-scope']);
      expect(r.best).toBeUndefined();
    }
  });

  it('sends other CBP matters to the Info Center', () => {
    expect(kb.answer('global entry application').kind).toBe('other-cbp');
    expect(kb.answer('do I need an ESTA to visit').kind).toBe('other-cbp');
  });

  it('keeps confidence in [0, 1] and alternatives to at most 3, never the best', () => {
    for (const q of ['duty', 'fake', 'mail gift', 'split order fake bag contact', 'xyz']) {
      const r = kb.answer(q);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      if (r.best) expect(r.alternatives).not.toContain(r.best);
    }
  });

  it('stays fast on a huge paste', () => {
    const start = Date.now();
    expect(kb.answer(`${'x'.repeat(5000)} ${'fake bag '.repeat(2000)}`).alternatives.length).toBeLessThanOrEqual(3);
    expect(Date.now() - start).toBeLessThan(500);
  });

  it('looks documents up by id, label or words', () => {
    expect(kb.lookup('split-orders')?.id).toBe('split-orders');
    expect(kb.lookup('Fines for fakes')?.id).toBe('counterfeit-fines');
    expect(kb.lookup('ior')?.id).toBe('importer-of-record');
    expect(kb.lookup('zzzz')).toBeUndefined();
    expect(kb.get('nope')).toBeUndefined();
  });

  it('explains its decision', () => {
    const e = kb.explain('Can my grandma mail me a gift?'); // "grandma" is filler (a stop word)
    expect(e.terms).toEqual(['mail', 'gift']);
    expect(e.ranked[0].doc.id).toBe('gift-exemption');
    expect(e.ranked[0].features.coverage).toBeGreaterThan(0.5);
  });

  it('builds from documents without synonyms too', () => {
    const plain = KnowledgeBase.fromDocuments([...kb.documents]);
    expect(plain.answer('Spot a fake seller').best?.id).toBe('spot-fakes');
    expect(plain.documents).toHaveLength(kb.documents.length);
  });
});

describe('exactKey', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(exactKey('  Is duty-free de minimis still available? ')).toBe('is duty free de minimis still available');
  });
});

describe('the listed feature', () => {
  it('is 1 for the one document that lists the question (as analysed), 0 for the others and for a paraphrase', () => {
    const listed = kb.explain('Are cheap packages still duty-free?').ranked;
    expect(listed[0].doc.id).toBe('de-minimis-suspended');
    expect(listed.map((c) => c.features.listed)).toEqual([1, ...listed.slice(1).map(() => 0)]);
    expect(kb.explain('are cheap packages from china still duty free').ranked.every((c) => c.features.listed === 0)).toBe(true);
  });

  it('puts the listing document first even when another scores higher on words alone', () => {
    const base = { topic: 'counterfeits', audience: ['consumer'], sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', related: [], uncertain: false } as const;
    const lists = { ...base, id: 'lists', title: 'Fines', label: 'Fines', questions: ['penalty for a counterfeit watch'], body: 'A fine may apply.', file: 'lists.md' };
    const wordy = {
      ...base, id: 'wordy', title: 'Counterfeit watch penalty rules', label: 'Watch penalty rules', questions: ['counterfeit watch penalty amounts'],
      body: 'Counterfeit watch penalty. A counterfeit watch brings a penalty; the penalty for a counterfeit watch is set by law.', file: 'wordy.md',
    };
    const small = KnowledgeBase.fromDocuments([lists, wordy] as never);
    const ranked = small.explain('What is the penalty for a counterfeit watch?').ranked;
    expect(ranked.map((c) => c.doc.id)).toEqual(['lists', 'wordy']);
    expect(ranked[0].rank).toBeLessThan(ranked[1].rank);
    expect(ranked[0].features.listed).toBe(1);
  });

  it('is 0 for a page that tells only the other time than the one asked ("still" against "how did")', () => {
    const base = { topic: 'section-321', audience: ['trade'], sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', related: [], uncertain: false } as const;
    const history = { ...base, id: 'history', title: 'How did Entry Type 86 work before it ended?', label: 'History', questions: ['how did type 86 work'], body: 'Type 86 cleared low-value goods until August 2025.', file: 'history.md' };
    const ended = { ...base, id: 'ended', title: 'Is Entry Type 86 still accepted?', label: 'Ended', questions: ['is type 86 accepted'], body: 'Type 86 is no longer accepted.', file: 'ended.md' };
    const small = KnowledgeBase.fromDocuments([history, ended] as never);
    // As analysed, both questions are "typ_86 work": only the asked time tells them apart.
    expect(small.explain('how did type 86 work').ranked.find((c) => c.doc.id === 'history')!.features.listed).toBe(1);
    expect(small.explain('type 86 still work').ranked.every((c) => c.features.listed === 0)).toBe(true);
  });
});

describe('sums of money in a question', () => {
  it('a sum no document mentions is left out of the search; one they mention stays', () => {
    expect(kb.explain('will my $35 order from temu be charged duty').terms).not.toContain('usd35');
    expect(kb.explain('is the $800 de minimis still a thing').terms).toContain('usd800');
  });

  it('a sum just above one the documents mention is read as that one: the line it is over', () => {
    // The project's documents name the $10,000 cash-reporting line (kb-mini names no such sum).
    const project = loadKnowledgeBase(path.join(__dirname, '..', '..', 'knowledge'), { today: '2026-12-02' }).kb!;
    const cash = project.explain('grandma is mailing us $12,000 in cash, do we report it');
    expect(cash.terms).toContain('usd10000');
    expect(cash.ranked[0].doc.id).toBe('cash-reporting-fincen');
    expect(nearestDocumentAmount('usd12000', [100, 800, 2500, 10000])).toBe('usd10000');
    expect(nearestDocumentAmount('usd35', [100, 800])).toBeUndefined();
    expect(nearestDocumentAmount('usd25000', [100, 800, 2500, 10000])).toBeUndefined();
  });
});

describe('the asked type', () => {
  const base = { topic: 'section-321', audience: ['consumer'], sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', related: [], uncertain: false } as const;
  // Two pages on one subject with the same words: one says when, the other how much.
  const when = { ...base, id: 'when', title: 'When did China lose de minimis?', label: 'When', questions: ['china de minimis end date'], body: 'China lost de minimis for parcels in May 2025.', file: 'when.md' };
  const rate = { ...base, id: 'rate', title: 'How much did China parcels pay?', label: 'Rate', questions: ['china parcel rate'], body: 'China parcels paid de minimis duty of 54% in May 2025.', file: 'rate.md' };
  const docs = [when, rate] as never;

  it('prefers the page that answers what is asked: a date or an amount', () => {
    const kb2 = KnowledgeBase.fromDocuments(docs);
    expect(kb2.explain('china parcels de minimis since when exactly').ranked[0].doc.id).toBe('when');
    expect(kb2.explain('china parcels de minimis, how much do they pay').ranked[0].doc.id).toBe('rate');
  });

  it('is a ranking weight: at 0 the date question goes by its words alone', () => {
    const wordsOnly = KnowledgeBase.fromDocuments(docs, undefined, { rerank: { ...RERANK, askedType: 0 } });
    const withType = KnowledgeBase.fromDocuments(docs);
    const q = 'china parcels de minimis since when exactly';
    const gap = (k: KnowledgeBase) => { const r = k.explain(q).ranked; return r.find((c) => c.doc.id === 'when')!.rank - r.find((c) => c.doc.id === 'rate')!.rank; };
    expect(gap(withType)).toBeGreaterThan(gap(wordsOnly));
  });
});

describe('a page that tells only the other time than the one asked (timeClash)', () => {
  const dir = path.join(__dirname, '..', '..', 'knowledge');
  const q = 'type 86 still work';

  it('ranks below the page about now: "still work" asks whether Type 86 works today', () => {
    const kb = loadKnowledgeBase(dir, { today: '2026-12-02' }).kb!;
    expect(kb.explain(q).ranked[0].doc.id).toBe('type-86-ended');
    // The page on how it worked stays first for the question about then.
    expect(kb.explain('how did type 86 work').ranked[0].doc.id).toBe('type-86-history');
  });

  it('is a ranking weight: at 0 the history page, which people\'s words favour, comes first', () => {
    const noClash = loadKnowledgeBase(dir, { today: '2026-12-02', rerank: { ...RERANK, timeClash: 0 } }).kb!;
    expect(noClash.explain(q).ranked[0].doc.id).toBe('type-86-history');
  });
});

describe('the learned words', () => {
  const base = { topic: 'section-321', audience: ['consumer'], sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', related: [], uncertain: false } as const;
  const now = { ...base, id: 'now', title: 'Is de minimis available today?', label: 'Now', questions: ['de minimis today'], body: 'De minimis is suspended for every country.', file: 'now.md' };
  const past = { ...base, id: 'past', title: 'How de minimis began', label: 'Past', questions: ['de minimis history'], body: 'De minimis began in 1938 and rose to $800 in 2016.', file: 'past.md' };
  const docs = [now, past] as never;
  const q = 'is de minimis alive';
  // The counts are of analysed terms (stemmed), as learnFromMessages stores them.
  const alive = KnowledgeBase.fromDocuments(docs).explain('alive').terms[0];

  it('a word no document uses decides between neighbours once people\'s messages taught it', () => {
    const untaught = KnowledgeBase.fromDocuments(docs, undefined, { learnedWords: {} });
    const taught = KnowledgeBase.fromDocuments(docs, undefined, { learnedWords: { past: { [alive]: 4 } } });
    const gap = (k: KnowledgeBase) => { const r = k.explain(q).ranked; return r.find((c) => c.doc.id === 'past')!.rank - r.find((c) => c.doc.id === 'now')!.rank; };
    expect(gap(taught)).toBeGreaterThan(gap(untaught));
    expect(taught.explain(q).ranked[0].doc.id).toBe('past');
  });

  it('counts at the words weight of the ranking: at 0 they change nothing', () => {
    const off = KnowledgeBase.fromDocuments(docs, undefined, { learnedWords: { past: { [alive]: 4 } }, rerank: { ...RERANK, words: 0 } });
    const untaught = KnowledgeBase.fromDocuments(docs, undefined, { learnedWords: {}, rerank: { ...RERANK, words: 0 } });
    expect(off.explain(q).ranked.map((c) => [c.doc.id, c.rank])).toEqual(untaught.explain(q).ranked.map((c) => [c.doc.id, c.rank]));
  });
});

describe('an answer the learned words disagree with', () => {
  const dir = path.join(__dirname, '..', '..', 'knowledge');
  const q = 'is the $800 de minimis exemption still available?';

  it('is offered under "Did you mean" instead of given outright', () => {
    // Ranked by words alone (weight 0), so only the agreement check differs between the two.
    const wordsOnly = { rerank: { ...RERANK, words: 0 }, today: '2026-12-02' };
    const agreeing = loadKnowledgeBase(dir, wordsOnly).kb!;
    const terms = agreeing.explain(q).terms;
    expect(agreeing.answer(q)).toMatchObject({ kind: 'answer', best: { id: 'de-minimis-suspended' } });
    // Every word of the question taught, many times, to another page.
    const elsewhere = { 'threshold-history': Object.fromEntries(terms.map((t) => [t, 50])) };
    const disagreeing = loadKnowledgeBase(dir, { ...wordsOnly, learnedWords: elsewhere }).kb!;
    expect(pointsElsewhere(disagreeing.explain(q).ranked)).toBe(true);
    expect(disagreeing.answer(q)).toMatchObject({ kind: 'did-you-mean', best: { id: 'de-minimis-suspended' } });
  });

  it('a share spread thin over the candidates points nowhere: the short question is still answered', () => {
    const kb = loadKnowledgeBase(dir, { today: '2026-12-02' }).kb!;
    expect(kb.answer('is de minimis still available?')).toMatchObject({ kind: 'answer', best: { id: 'de-minimis-suspended' } });
  });
});

describe('an answer the learned words back only in part (wordsHesitate)', () => {
  const dir = path.join(__dirname, '..', '..', 'knowledge');

  it('hesitates below both the share and the confidence, not when either is reached', () => {
    expect(wordsHesitate({ learned: HESITANT_SHARE - 0.01, confidence: SURE_CONFIDENCE - 0.01 })).toBe(true);
    expect(wordsHesitate({ learned: HESITANT_SHARE, confidence: SURE_CONFIDENCE - 0.01 })).toBe(false);
    expect(wordsHesitate({ learned: HESITANT_SHARE - 0.01, confidence: SURE_CONFIDENCE })).toBe(false);
  });

  it('offers the page first under "Did you mean" when people\'s words for it are split', () => {
    const kb = loadKnowledgeBase(dir, { today: '2026-12-02' }).kb!;
    const q = 'who pays duty on mail';
    const { ranked, result } = kb.explain(q);
    // Confident enough to answer, and no other page is preferred by the words...
    expect(ranked[0].confidence).toBeGreaterThanOrEqual(0.8);
    expect(pointsElsewhere(ranked)).toBe(false);
    // ...but they back the first page by less than HESITANT_SHARE.
    expect(ranked[0].learned).toBeLessThan(HESITANT_SHARE);
    expect(result).toMatchObject({ kind: 'did-you-mean', best: { id: 'who-pays-postal-duty' } });
  });

  it('still answers outright when the words agree', () => {
    const kb = loadKnowledgeBase(dir, { today: '2026-12-02' }).kb!;
    expect(kb.answer('what is the fine for importing a counterfeit handbag')).toMatchObject({ kind: 'answer', best: { id: 'counterfeit-fine-amount' } });
  });
});

describe('the scope gate (learned out-of-scope words)', () => {
  const knowledge = path.join(__dirname, '..', '..', 'knowledge');
  const kb = loadKnowledgeBase(knowledge, { today: '2026-12-02' }).kb!;
  const withoutGate = loadKnowledgeBase(knowledge, { today: '2026-12-02', outOfScopeWords: { messages: 0, otherMessages: 0, words: {} } }).kb!;

  it('offers pages for slang the relevance model alone turns away', () => {
    for (const [text, page] of [
      ['fake airpods seized what now', 'seizure-notice-next-steps'],
      ['my bestie in paris wants to send me a bday gift, will i get slapped w fees', 'gift-duty-free'],
    ]) {
      expect(withoutGate.answer(text).kind).toBe('out-of-scope');
      const r = kb.answer(text);
      expect(r.kind).toBe('did-you-mean');
      expect(r.best?.id).toBe(page);
    }
  });

  it('turns away a question that shares our words but is about something else', () => {
    const text = 'what time does the post office open';
    expect(withoutGate.answer(text).kind).toBe('did-you-mean');
    expect(kb.answer(text).kind).toBe('out-of-scope');
  });
});

describe('reorderOffers: which page "did you mean" offers first', () => {
  const candidate = (id: string, rank: number, learned: number, listed = 0) => ({ doc: { id }, rank, learned, features: { listed } }) as unknown as RankedCandidate;

  it('puts first the page people\'s words point to when the ranks are close', () => {
    const ids = (cs: RankedCandidate[]) => cs.map((c) => c.doc.id);
    expect(ids(reorderOffers([candidate('a', 1, 0.1), candidate('b', 0.9, 0.6)], 1))).toEqual(['b', 'a']);
    // A clear lead in rank stays first: the words only weigh OFFER_WORDS.
    expect(ids(reorderOffers([candidate('a', 1, 0.1), candidate('b', 1 - OFFER_WORDS, 0.9)], 1))).toEqual(['a', 'b']);
  });

  it('keeps first a document whose own listed question the message is', () => {
    expect(reorderOffers([candidate('b', 0.9, 0.9), candidate('a', 1, 0, 1)], 1)[0].doc.id).toBe('a');
  });
});
