/**
 * A synthetic knowledge base for the scale benchmarks: documents whose words are drawn from the
 * real documents' running text, so word frequencies (and so the index's shape) follow the real
 * knowledge base. Seeded, so every run builds the same documents.
 */
import type { KnowledgeDoc } from '../../src/knowledge';
import { TOPICS } from '../../src/knowledge/schema';

/**
 * mulberry32: a tiny seeded PRNG.
 *
 * @example
 * const random = prng(42); random(); // 0.6011… (the same on every run)
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` documents made of words drawn (seed 42) from the real documents' titles, questions and
 * bodies: a title of 5–10 words, 3–5 questions of 5–12, a body of 60–150.
 *
 * @example
 * syntheticDocs(kb.documents, 10_000).length; // 10000
 */
export function syntheticDocs(real: readonly KnowledgeDoc[], count: number, reviewed = '2026-12-02'): KnowledgeDoc[] {
  const stream = real.flatMap((d) => `${d.title} ${d.questions.join(' ')} ${d.body}`.toLowerCase().match(/[a-z][a-z'-]*|\$?\d[\d,.]*/g) ?? []);
  const random = prng(42);
  const pick = () => stream[Math.floor(random() * stream.length)];
  const sentence = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, pick).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    title: sentence(5, 10),
    label: sentence(2, 3).slice(0, 25),
    topic: TOPICS[i % TOPICS.length],
    audience: ['consumer'],
    questions: Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(5, 12)),
    sources: [{ title: 'Synthetic', url: 'https://example.com/' }],
    reviewed,
    related: [],
    uncertain: false,
    body: sentence(60, 150),
    file: `synthetic/${i}.md`,
  }));
}
