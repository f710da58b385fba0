/**
 * The staff `teach N <document id|none>` command's replies (active learning, as in Azure Custom
 * Question Answering): question N of the last `unanswered` list becomes one more way of asking
 * for a document, or is marked out of scope. What was taught is saved at once (taught.yaml, see
 * src/knowledge/taught.ts) and goes live with the next `reload`, like every other knowledge
 * change — so a reload is the one moment the answers change, and its validation report covers
 * taught questions too.
 */
import { quoteUserText, type Reply } from '../channels/reply';
import type { KnowledgeDoc } from '../knowledge/types';

const AFTER_RELOAD = 'It is saved; type **reload** to put it in use (after checking any other knowledge changes waiting).';

function quoted(text: string): string {
  return `“${quoteUserText(text.replace(/\s+/g, ' '))}”`;
}

const suggestions = [
  { label: 'Reload', value: 'reload' },
  { label: 'Unanswered questions', value: 'unanswered' },
];

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
  const title = 'Nothing taught';
  switch (p.problem) {
    case 'no-list':
      return {
        kind: 'info',
        title,
        markdown: 'Type **unanswered** first: **teach** uses the numbers of the list it shows in this conversation.',
        suggestions: [{ label: 'Unanswered questions', value: 'unanswered' }],
      };
    case 'no-such-number':
      return {
        kind: 'info',
        title,
        markdown: `There is no question ${p.number} in the last list: it has ${p.listed === 1 ? 'question 1 only' : `questions 1 to ${p.listed}`}. Type **unanswered** to see it again.`,
        suggestions: [{ label: 'Unanswered questions', value: 'unanswered' }],
      };
    case 'no-such-document':
      return {
        kind: 'info',
        title,
        markdown: `No document has the id “${quoteUserText(p.id)}”. Type **kb** and a few words to find a document and its id, or use **none** to mark the question out of scope.`,
      };
    case 'not-teachable':
      return { kind: 'info', title, markdown: `${quoted(p.text)} cannot be taught: ${p.reason}.` };
    case 'not-saved':
      return { kind: 'info', title, markdown: `The question could not be saved: ${quoteUserText(p.detail)}. Nothing changed.` };
    case 'unavailable':
      return { kind: 'info', title, markdown: 'Teaching is not available in this deployment.' };
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
  const where = doc ? `one of the questions of **${quoteUserText(doc.id)}** (“${quoteUserText(doc.title)}”)` : 'out of scope';
  if (outcome === 'already') {
    return {
      kind: 'info',
      title: 'Already taught',
      markdown: `${quoted(text)} is already ${where}. If the bot does not answer it that way yet, type **reload**.`,
      suggestions,
    };
  }
  const effect = doc
    ? 'The bot will answer it with that document.'
    : 'The bot will say it has no answer and offer the email to the E-Commerce team, and **unanswered** no longer lists it.';
  const moved = movedFrom ? ` It was taught to ${movedFrom === 'none' ? 'none (out of scope)' : `**${quoteUserText(movedFrom)}**`} before; that is replaced.` : '';
  return {
    kind: 'info',
    title: 'Taught',
    markdown: [`${quoted(text)} is now ${where}. ${effect}${moved}`, AFTER_RELOAD].join('\n\n'),
    suggestions,
  };
}
