/**
 * The words people type instead of pressing a button in the email dialog, in one place: for
 * each kind of answer, the phrases that mean it (matched whole, after {@link withoutCourtesies}), and
 * whether a short reply that starts with "yes" or "no" means it too ("yes, that's fine").
 *
 * Hand-written on purpose: the maintained yes/no parsers (`yn`) know only y/yes/true/on and
 * n/no/false/off (and are ES modules only), not "keep it", "skip" or "just the question".
 * English only, like the catalog's buttons; a new language adds its own table.
 */
import { answerWords as answerWordsOf } from '../../src/text/normalize';
import type { Accepted } from '../GuidedDialog';

/** A kind of answer: its phrases, and which short yes/no reply also means it. */
interface AnswerWords {
  phrases: readonly string[];
  short?: 'yes' | 'no';
}

export const ANSWER_WORDS = {
  /** "Yes, email it" at the first step. */
  yes: {
    phrases: ['y', 'yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'go ahead', 'do it', 'email it', 'send it', 'yes email it', 'yes send it', 'ok email it'],
    short: 'yes',
  },
  /** "No thanks" at the first step. */
  no: {
    phrases: ['n', 'no', 'nope', 'no thanks', 'no thank you', 'not now', "don't", 'do not', 'dont', "no don't", 'no dont'],
    short: 'no',
  },
  /** "Send this question". */
  keep: {
    phrases: [
      'send this question', 'send this', 'send it', 'send that', 'keep it', 'keep', 'use it', 'use this', 'use that', 'yes', 'y', 'yeah', 'yep', 'ok',
      'okay', 'sure', 'correct', "that's right", 'thats right', "that's it", 'thats it', 'looks good', 'fine', 'this one', 'that one',
    ],
    short: 'yes',
  },
  /** "Change it". */
  change: {
    phrases: [
      'change it', 'change', 'change the question', 'edit', 'edit it', 'rewrite', 'rewrite it', 'no', 'n', 'nope', 'let me change it', 'let me rewrite it',
      'type a new one', 'write a new one', 'new question', 'different question', 'something else',
    ],
    short: 'no',
  },
  /** "Skip" the reply-to address. */
  skip: {
    phrases: [
      'skip', 'skip it', 'no', 'n', 'nope', 'none', 'no thanks', 'no thank you', 'no email', 'no address', 'no email address', "i don't have one",
      'i dont have one', 'without', 'without an address', 'rather not', "i'd rather not", 'id rather not', 'not now', 'anonymous',
    ],
    short: 'no',
  },
  /** "Yes, include it" (the conversation). */
  include: {
    phrases: ['yes include it', 'include it', 'yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'include', 'yes please', 'include the conversation', 'include our conversation'],
    short: 'yes',
  },
  /** "No, just the question". */
  exclude: {
    phrases: [
      'no just the question', 'just the question', 'only the question', 'the question only', 'question only', 'no', 'n', 'nope', 'no thanks', "don't",
      'dont', 'do not', "don't include it", 'dont include it', 'do not include it',
    ],
    short: 'no',
  },
  /** "Send" at the summary. */
  send: {
    phrases: ['send', 'send it', 'send now', 'send it now', 'yes', 'y', 'yes send', 'yes send it', 'ok', 'okay', 'sure', 'go ahead', 'go', 'confirm', 'submit', 'do it'],
    short: 'yes',
  },
} as const satisfies Record<string, AnswerWords>;

export type AnswerKind = keyof typeof ANSWER_WORDS;

const PHRASES = Object.fromEntries(Object.entries(ANSWER_WORDS).map(([kind, words]) => [kind, new Set<string>(words.phrases)])) as Record<AnswerKind, Set<string>>;

/**
 * A typed answer as words (src/text/normalize.ts): lower case, typographic quotes folded,
 * punctuation dropped, spaces squeezed.
 *
 * @example
 * normaliseWords('“Send it!”'); // 'send it'
 */
export const normaliseWords = answerWordsOf;

/**
 * An answer to a button question, normalised and without courtesies ("yes please" → "yes").
 *
 * @example
 * withoutCourtesies('Yes, thanks!'); // 'yes'
 */
export function withoutCourtesies(text: string): string {
  return normaliseWords(text)
    .replace(/\b(please|thanks|thank you|thx)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The number of words in a text. */
export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A short answer (up to four words) that starts with yes / no ("yes, that's fine", "no, I want to change it"). */
function short(said: string, way: 'yes' | 'no'): boolean {
  const start = way === 'yes' ? /^(yes|yeah|yep|ok|okay|sure)\b/ : /^(no|nope)\b/;
  return start.test(said) && wordCount(said) <= 4;
}

/**
 * Whether a typed answer means `kind`: one of its phrases, or a short yes/no reply that does.
 *
 * @example
 * means('keep', 'Yes, that is fine'); // true
 * means('skip', 'I’d rather not');    // true
 * means('send', 'maybe later');       // false
 */
export function means(kind: AnswerKind, text: string): boolean {
  const said = withoutCourtesies(text);
  const words: AnswerWords = ANSWER_WORDS[kind];
  return PHRASES[kind].has(said) || (words.short !== undefined && short(said, words.short));
}

/**
 * A button step's answer: the first choice whose words the text means is applied; anything
 * else is refused with `otherwise` (the step is asked again).
 *
 * @example
 * choose('yes please', [['yes', () => (s.confirmed = true)], ['no', () => (s.declined = true)]], 'Please choose…'); // { ok: true }
 */
export function choose(text: string, choices: ReadonlyArray<readonly [AnswerKind, () => unknown]>, otherwise: string): Accepted {
  const chosen = choices.find(([kind]) => means(kind, text));
  if (!chosen) return { ok: false, message: otherwise };
  chosen[1]();
  return { ok: true };
}
