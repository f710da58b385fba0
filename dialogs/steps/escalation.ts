/**
 * The steps of the email to the CBP E-Commerce team, as data: one record per question, run in
 * order by the GuidedDialog base (the first step not skipped and not filled is asked).
 *
 *   confirm      "Yes, email it" / "No thanks"
 *   question     "Send this question" / "Change it"       (only when there is a question to offer)
 *   typing       the question, typed in
 *   replyTo      an email address, or "Skip"             (optional, validated)
 *   transcript   "Yes, include it" / "No, just the question"  (only when there is a conversation)
 *   summary      "Send" / "Go back" / "Cancel"
 *
 * The words come from the escalation catalog (src/messages/en/escalation.ts); the typed
 * equivalents of the buttons from ./answerWords.ts.
 */
import { quoteUserText, type Reply } from '../../src/replies';
import { cleanMultiline, ESCALATION_LIMITS, isValidEmailAddress, removeCardNumbers, type TranscriptEntry } from '../../src/escalation';
import { fill, formatNumber, plural, type Catalog } from '../../src/messages';
import type { Accepted, GuidedStep } from '../GuidedDialog';
import { choose, means, normaliseWords, wordCount } from './answerWords';

/** The dialog's state: plain JSON in the dialog stack. */
export interface EscalationState {
  /** The question offered as it is (from the options, or what the person typed before "back"). */
  proposed?: string;
  /** The proposal had card-like numbers removed: say so when showing it. */
  proposedRedacted?: boolean;
  /** Titles of the bot's best-guess documents, sent with the email. */
  guesses?: string[];
  /** The conversation before this dialog began; offered only when not empty. */
  history: TranscriptEntry[];
  confirmed?: boolean;
  /** The person chose "Change it" (or there is nothing to propose): ask them to type it. */
  typing?: boolean;
  /** The question that will be sent (card-like numbers already removed). */
  question?: string;
  /** The reply-to address step is done (`replyTo` absent means skipped). */
  replyToAnswered?: boolean;
  replyTo?: string;
  includeTranscript?: boolean;
  /** "Send" was chosen: finish sends. */
  sending?: boolean;
  /** "No thanks" at the first step: finish says so and ends. */
  declined?: boolean;
}

/** What the steps need besides the state: the words, and the inbox for the summary. */
export interface EscalationContext {
  m: Catalog['escalation'];
  inbox: string;
}

type Step = GuidedStep<EscalationState, EscalationContext> & { id: EscalationStep };

/** Shorter than this, a typed question is too thin for the team to answer. */
export const MIN_QUESTION_CHARS = 5;

/** Text a person typed, as a markdown blockquote that renders as text (never as markup). */
function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${quoteUserText(line)}`))
    .join('\n');
}

/** "message", "4 messages": the conversation's length. */
function messages(m: EscalationContext['m'], state: EscalationState): string {
  return plural(m.messageCount, state.history.length);
}

const offersTranscript = (state: EscalationState) => state.history.length > 0;
const prompt = (markdown: string, labels: readonly string[] = []): Reply =>
  labels.length > 0 ? { kind: 'prompt', markdown, suggestions: labels.map((label) => ({ label })) } : { kind: 'prompt', markdown };

/** Takes a typed question (card-like numbers removed), or says why it cannot be sent. */
function takeQuestion(state: EscalationState, text: string, replacing: boolean, m: EscalationContext['m']): Accepted {
  const own = new Set<string>(Object.values(m.labels).map(normaliseWords));
  const trimmed = text.trim();
  const readable = cleanMultiline(trimmed, ESCALATION_LIMITS.question);
  if (readable.length < MIN_QUESTION_CHARS || own.has(normaliseWords(trimmed))) return { ok: false, message: m.questionTooShort };
  if (trimmed.length > ESCALATION_LIMITS.question) {
    return { ok: false, message: fill(m.questionTooLong, { limit: formatNumber(ESCALATION_LIMITS.question), length: formatNumber(trimmed.length) }) };
  }
  const cleaned = removeCardNumbers(trimmed);
  state.question = cleaned;
  state.proposed = cleaned;
  state.proposedRedacted = false;
  state.typing = false;
  const note = [replacing ? m.questionReplaced : undefined, cleaned !== trimmed ? m.cardRemoved : undefined].filter(Boolean).join(' ');
  return note ? { ok: true, note } : { ok: true };
}

/** Takes a reply-to address ("skip" leaves it out); the whole message must be one plain address. */
function takeAddress(state: EscalationState, text: string, m: EscalationContext['m']): Accepted {
  if (means('skip', text)) {
    state.replyToAnswered = true;
    delete state.replyTo;
    return { ok: true, note: m.noAddress };
  }
  // No display name, no second line, no second address.
  const address = text.trim().replace(/^mailto:/i, '');
  if (!isValidEmailAddress(address)) return { ok: false, message: m.notAnAddress };
  state.replyTo = address;
  state.replyToAnswered = true;
  return { ok: true };
}

/** Exactly what will be sent, with "Send" / "Go back" / "Cancel". */
function summary(state: EscalationState, { m, inbox }: EscalationContext): Reply {
  const reply = state.replyTo ? fill(m.summaryReplyTo, { address: quoteUserText(state.replyTo) }) : m.summaryNoReplyTo;
  const conversation = !offersTranscript(state)
    ? undefined
    : state.includeTranscript
      ? fill(m.summaryTranscriptIncluded, { messages: messages(m, state) })
      : m.summaryTranscriptNotIncluded;
  const also = state.guesses?.length ? fill(m.summaryAlsoSentGuesses, { guesses: state.guesses.map(quoteUserText).join('; ') }) : m.summaryAlsoSent;
  return prompt(
    [fill(m.summaryIntro, { inbox }), m.summaryQuestion, blockquote(state.question!), [reply, conversation, also].filter(Boolean).join('\n\n'), m.summaryAsk].join('\n\n'),
    [m.labels.send, m.labels.back, m.labels.cancel],
  );
}

const confirm: Step = {
  id: 'confirm',
  filled: (s) => s.confirmed === true,
  prompt: (_s, { m }) => prompt(m.confirmPrompt, [m.labels.confirm, m.labels.decline]),
  help: (_s, { m }) => m.helpConfirm,
  parse: (s, input, { m }) =>
    choose(input.text, [['yes', () => (s.confirmed = true)], ['no', () => (s.declined = true)]], m.chooseConfirm),
  back: (s) => {
    s.confirmed = false;
  },
};

const question: Step = {
  id: 'question',
  skipIf: (s) => s.proposed === undefined,
  filled: (s) => s.question !== undefined || s.typing === true,
  prompt: (s, { m }) =>
    prompt([...(s.proposedRedacted ? [m.cardRemoved] : []), m.questionIntro, blockquote(s.proposed!), m.questionAsk].join('\n\n'), [m.labels.keepQuestion, m.labels.changeQuestion]),
  help: (_s, { m }) => m.helpQuestion,
  parse: (s, input, { m }) => {
    const picked = choose(input.text, [['keep', () => (s.question = s.proposed!)], ['change', () => (s.typing = true)]], m.chooseKeepQuestion);
    // Anything longer than a button is a new wording of the question: take it (the summary shows it).
    return picked.ok || wordCount(input.text) < 3 ? picked : takeQuestion(s, input.text, true, m);
  },
  // "Back" while typing: show the question again with its buttons.
  back: (s) => {
    s.typing = false;
  },
};

const typing: Step = {
  id: 'typing',
  filled: (s) => s.question !== undefined,
  prompt: (_s, { m }) => prompt(m.typingPrompt),
  help: (_s, { m }) => fill(m.helpTyping, { limit: formatNumber(ESCALATION_LIMITS.question) }),
  parse: (s, input, { m }) => takeQuestion(s, input.text, false, m),
  // Back to the question, shown as it stands with "Send this question" / "Change it".
  back: (s) => {
    s.proposed = s.question;
    s.proposedRedacted = false;
    delete s.question;
    s.typing = false;
  },
};

const replyTo: Step = {
  id: 'replyTo',
  filled: (s) => s.replyToAnswered === true,
  prompt: (_s, { m }) => prompt(m.replyToPrompt, [m.labels.skipAddress]),
  help: (_s, { m }) => m.helpReplyTo,
  parse: (s, input, { m }) => takeAddress(s, input.text, m),
  back: (s) => {
    delete s.replyToAnswered;
    delete s.replyTo;
  },
};

const transcript: Step = {
  id: 'transcript',
  skipIf: (s) => !offersTranscript(s),
  filled: (s) => s.includeTranscript !== undefined,
  prompt: (s, { m }) => prompt(fill(m.transcriptPrompt, { messages: messages(m, s) }), [m.labels.includeTranscript, m.labels.questionOnly]),
  help: (_s, { m }) => m.helpTranscript,
  parse: (s, input, { m }) =>
    choose(input.text, [['include', () => (s.includeTranscript = true)], ['exclude', () => (s.includeTranscript = false)]], m.chooseTranscript),
  back: (s) => {
    delete s.includeTranscript;
  },
};

const summaryStep: Step = {
  id: 'summary',
  filled: (s) => s.sending === true,
  prompt: summary,
  help: (_s, { m }) => m.helpSummary,
  parse: (s, input, { m }) => {
    if (!means('send', input.text)) return { ok: false, message: m.chooseSend };
    s.sending = true;
    return { ok: true };
  },
  back: (s) => {
    delete s.sending;
  },
};

/** The steps, in order. */
export const ESCALATION_STEPS: readonly Step[] = [confirm, question, typing, replyTo, transcript, summaryStep];

/** The step names. */
export type EscalationStep = 'confirm' | 'question' | 'typing' | 'replyTo' | 'transcript' | 'summary';
