/**
 * A knowledge document for unit tests: valid, in `section-321`, with three questions made from its
 * id; `extra` overrides any field.
 *
 * @example
 * testDoc('status-now', { effective: { to: '2027-06-30' } }).label; // 'Label status-now'
 */
import type { KnowledgeDoc } from '../../src/knowledge/types';

export function testDoc(id: string, extra: Partial<KnowledgeDoc> = {}): KnowledgeDoc {
  return {
    id,
    title: `Title of ${id}`,
    label: `Label ${id}`,
    topic: 'section-321',
    audience: ['consumer'],
    questions: [`question about ${id.replace(/-/g, ' ')}`, `${id} rules`, `tell me about ${id}`],
    sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }],
    reviewed: '2026-12-02',
    related: [],
    uncertain: false,
    body: `The answer about ${id.replace(/-/g, ' ')}.`,
    file: `knowledge/section-321/${id}.md`,
    ...extra,
  };
}
