/**
 * The reply to a message with several questions (partsReply): the main one answered; the others
 * answered briefly when they too were answered outright, else offered as buttons.
 */
import type { AnswerResult, KnowledgeDoc } from '../src/knowledge';
import type { PartAnswer } from '../src/understanding';
import { loadProjectContent } from '../test/helpers/content';
import { partsReply, shortAnswer } from './messages';

const { kb } = loadProjectContent('2026-12-02');
const doc = (id: string): KnowledgeDoc => kb.get(id)!;
const part = (question: string, kind: AnswerResult['kind'], id: string): PartAnswer =>
  ({ question, result: { kind, confidence: kind === 'answer' ? 0.95 : 0.6, best: doc(id), alternatives: [] } }) as unknown as PartAnswer;

describe('partsReply', () => {
  const main = part('Do I need a customs broker?', 'answer', 'customs-broker-needed');

  it('answers another question answered outright briefly, with its sources cited once beside the main ones, and keeps its button', () => {
    const other = part('And what is the informal entry limit?', 'answer', 'informal-entry-limit');
    const reply = partsReply(main, [other], kb);
    expect(reply.markdown).toContain(doc('customs-broker-needed').body);
    expect(reply.markdown).toContain(`On "And what is the informal entry limit?": ${shortAnswer(doc('informal-entry-limit'))}`);
    expect(reply.markdown).not.toContain('You also asked');
    const urls = reply.sources!.map((s) => s.url);
    for (const s of [...doc('customs-broker-needed').sources, ...doc('informal-entry-limit').sources]) expect(urls).toContain(s.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(reply.suggestions![0].label).toBe(doc('informal-entry-limit').label);
  });

  it('gives the oldest "reviewed" date of the documents it draws on', () => {
    const other = part('And what is the informal entry limit?', 'answer', 'informal-entry-limit');
    const dates = [doc('customs-broker-needed').reviewed, doc('informal-entry-limit').reviewed].sort();
    expect(partsReply(main, [other], kb).reviewed).toBe(dates[0]);
  });

  it('offers a question it is unsure of as a button, without answering it', () => {
    const other = part('and what about MPF?', 'did-you-mean', 'merchandise-processing-fee');
    const reply = partsReply(main, [other], kb);
    expect(reply.markdown).toContain('You also asked "and what about MPF?"');
    expect(reply.markdown).not.toContain(shortAnswer(doc('merchandise-processing-fee')));
    expect(reply.sources).toEqual(doc('customs-broker-needed').sources);
  });

  it('answers nothing briefly when the main question itself is not answered outright', () => {
    const unsure = part('Do I need a broker?', 'did-you-mean', 'customs-broker-needed');
    const other = part('And what is the informal entry limit?', 'answer', 'informal-entry-limit');
    expect(partsReply(unsure, [other], kb).markdown).not.toContain(shortAnswer(doc('informal-entry-limit')));
  });
});

describe('shortAnswer', () => {
  it('is the first paragraph, on one line', () => {
    expect(shortAnswer({ body: 'Yes. Since 29 Aug 2025\nevery import owes duty.\n\n**What this means for you**\n- x' })).toBe('Yes. Since 29 Aug 2025 every import owes duty.');
  });
});
