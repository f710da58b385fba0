/**
 * The staff `teach N <document id|none>` command's replies (active learning, as in Azure Custom
 * Question Answering): question N of the last `unanswered` list becomes one more way of asking
 * for a document, or is marked out of scope. What was taught is saved at once (taught.yaml, see
 * src/knowledge/taught.ts) and goes live with the next `reload`, like every other knowledge
 * change — so a reload is the one moment the answers change, and its validation report covers
 * taught questions too.
 */
import type { KnowledgeDoc } from '../knowledge/types';
import { catalog, fill, plural } from '../messages';
import { quoteUserText, type Reply } from '../replies';

const { staff: words } = catalog();

function quoted(text: string): string {
  return fill(words.quoted, { text: quoteUserText(text.replace(/\s+/g, ' ')) });
}

const unansweredButton = { label: words.labels.unanswered, value: 'unanswered' };
const suggestions = [{ label: words.labels.reload, value: 'reload' }, unansweredButton];

/** Why `teach` did nothing; each says what to do instead. */
export type TeachProblem =
  | { problem: 'no-list' }
  | { problem: 'no-such-number'; number: number; listed: number }
  | { problem: 'no-such-document'; id: string }
  | { problem: 'not-teachable'; text: string; reason: string }
  | { problem: 'not-saved'; detail: string }
  | { problem: 'unavailable' };

/**
 * The reply when nothing was taught.
 *
 * @example
 * teachProblemReport({ problem: 'no-such-number', number: 7, listed: 3 }).markdown;
 * // 'There is no question 7 in the last list: it has questions 1 to 3. …'
 */
export function teachProblemReport(p: TeachProblem): Reply {
  const title = words.nothingTaught;
  switch (p.problem) {
    case 'no-list':
      return {
        kind: 'info',
        title,
        markdown: words.teachNoList,
        suggestions: [unansweredButton],
      };
    case 'no-such-number':
      return {
        kind: 'info',
        title,
        markdown: fill(words.teachNoSuchNumber, { number: p.number, listed: plural(words.teachListed, p.listed) }),
        suggestions: [unansweredButton],
      };
    case 'no-such-document':
      return {
        kind: 'info',
        title,
        markdown: fill(words.teachNoSuchDocument, { id: quoteUserText(p.id) }),
      };
    case 'not-teachable':
      return { kind: 'info', title, markdown: fill(words.teachNotTeachable, { question: quoted(p.text), reason: p.reason }) };
    case 'not-saved':
      return { kind: 'info', title, markdown: fill(words.teachNotSaved, { detail: quoteUserText(p.detail) }) };
    case 'unavailable':
      return { kind: 'info', title, markdown: words.teachUnavailable };
  }
}

/**
 * The reply after a question was taught (or found already taught) to a document or as out of
 * scope. `movedFrom` is where the same wording was taught before.
 *
 * @example
 * teachReport({ text: 'what about my stuff from granny', doc, outcome: 'added' }).title; // 'Taught'
 * teachReport({ text: 'do you sell kayaks', outcome: 'added' }).markdown; // '“do you sell kayaks” is now out of scope: …'
 */
export function teachReport(taught: { text: string; doc?: KnowledgeDoc; outcome: 'added' | 'already'; movedFrom?: string }): Reply {
  const { text, doc, outcome, movedFrom } = taught;
  const where = doc ? fill(words.teachToDocument, { id: quoteUserText(doc.id), title: quoteUserText(doc.title) }) : words.teachOutOfScope;
  if (outcome === 'already') {
    return {
      kind: 'info',
      title: words.alreadyTaughtTitle,
      markdown: fill(words.alreadyTaught, { question: quoted(text), where }),
      suggestions,
    };
  }
  const effect = doc ? words.taughtEffectDocument : words.taughtEffectOutOfScope;
  const before = movedFrom === 'none' ? words.taughtBeforeNone : fill(words.taughtBeforeDocument, { id: quoteUserText(movedFrom ?? '') });
  const taughtNow = fill(words.taught, { question: quoted(text), where, effect });
  return {
    kind: 'info',
    title: words.taughtTitle,
    markdown: [movedFrom ? `${taughtNow} ${fill(words.taughtMoved, { before })}` : taughtNow, words.taughtAfterReload].join('\n\n'),
    suggestions,
  };
}
