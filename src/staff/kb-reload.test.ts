import type { KnowledgeDoc } from '../knowledge/types';
import { kbReport } from './kb';
import { reloadReport } from './reload';

const doc: KnowledgeDoc = {
  id: 'gift-exemption',
  title: 'Do gifts get duty-free entry?',
  label: 'Gifts',
  topic: 'gifts-travel',
  audience: ['consumer'],
  questions: ['is a gift from my mom taxed', 'gift duty free limit'],
  sources: [{ title: 'CBP: Gifts', url: 'https://www.cbp.gov/travel/gifts' }],
  reviewed: '2026-11-25',
  effective: { from: '2025-08-29' },
  related: ['de-minimis-suspended'],
  uncertain: false,
  body: 'Gifts worth up to $100 can enter duty-free.',
  file: 'knowledge/gifts-travel/gift-exemption.md',
};

describe('kbReport', () => {
  it('shows the document with id, topic, audience, questions, answer, sources and reviewed date', () => {
    const reply = kbReport(doc, 'gift');
    expect(reply.title).toBe('Do gifts get duty-free entry?');
    expect(reply.markdown).toContain('**Id:** gift-exemption · **Topic:** gifts-travel · **Audience:** consumer');
    expect(reply.markdown).toContain('**Reviewed:** 25 Nov 2026 · **Applies:** from 29 Aug 2025');
    expect(reply.markdown).toContain('- is a gift from my mom taxed');
    expect(reply.markdown).toContain('Gifts worth up to $100 can enter duty-free.');
    expect(reply.markdown).toContain('**Related:** de-minimis-suspended');
    expect(reply.sources).toEqual(doc.sources);
    expect(reply.reviewed).toBe('2026-11-25');
  });

  it('says plainly when no document matches, quoting the query safely', () => {
    const reply = kbReport(undefined, '<b>vapes</b>');
    expect(reply.markdown).toContain('No document matches “&lt;b&gt;vapes&lt;/b&gt;”');
    expect(kbReport(undefined, '  ').markdown).toContain('Type **kb** followed by a document id');
  });
});

describe('reloadReport', () => {
  it('reports the number of documents after a good reload', () => {
    expect(reloadReport({ ok: true, documents: 42 })).toMatchObject({ title: 'Reloaded', markdown: 'The bot now uses the new knowledge and rules: 42 documents.' });
  });

  it('lists the problems and says the old knowledge stays in use', () => {
    const reply = reloadReport({ ok: false, problems: ['section-321/bad_file.md: reviewed: must be a date'] });
    expect(reply.title).toBe('Reload failed');
    expect(reply.markdown).toContain('the bot keeps using the previous knowledge and rules');
    expect(reply.markdown).toContain('- section-321/bad\\_file.md: reviewed: must be a date');
  });

  it('caps a long list', () => {
    const problems = Array.from({ length: 25 }, (_, i) => `file${i}.md: title: missing`);
    const reply = reloadReport({ ok: false, problems });
    expect(reply.markdown).toContain('these 25 problems');
    expect(reply.markdown).toContain('- … and 5 more');
  });
});
