/**
 * Whether a message someone typed in a guided conversation is a question of their own rather
 * than an answer. Pure; used by the guided dialogs (the base sends such a message to the
 * knowledge base when it is not an answer) and by `readAnswer`.
 */

/** Words that start a question. */
const QUESTION_START = /^(what|what's|whats|how|why|when|where|who|which|can|could|is|are|was|were|do|does|did|should|will|would|may|must|if)\b/i;

/**
 * True when input that failed as an answer looks like a question of its own: three words or
 * more, with a "?" or a question word first.
 *
 * @example
 * looksLikeQuestion('what is a customs broker?'); // true
 * looksLikeQuestion('Canadaa');                  // false
 */
export function looksLikeQuestion(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length >= 3 && (text.includes('?') || QUESTION_START.test(text.trim()));
}

const WH_WORD = /^(?:what|what's|whats|how|why|where|who|which)\b/i;
const VERB_FIRST = /^(?:can|could|is|are|was|were|do|does|did|should|will|would|when)\b.*\?\s*$/is;

/**
 * A question someone asks instead of answering: it looks like a question and starts with a
 * question word, or with a verb and ends with "?" — "May 20 2025" and "was delivered on
 * 1 March" are answers.
 *
 * @example
 * asksInsteadOfAnswering('is $800 still duty free?'); // true
 * asksInsteadOfAnswering('May 20 2025');              // false
 * asksInsteadOfAnswering('was delivered on 1 March'); // false
 */
export function asksInsteadOfAnswering(text: string): boolean {
  const t = text.trim();
  return looksLikeQuestion(text) && (WH_WORD.test(t) || VERB_FIRST.test(t));
}
