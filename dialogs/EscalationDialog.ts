/**
 * Forwards a question by email to the CBP E-Commerce team, one step at a time:
 *
 *   1. confirm            "Yes, email it" / "No thanks"          (after the rate-limit check)
 *   2. the question       "Send this question" / "Change it", or typed in
 *   3. reply-to address   typed in, or "Skip"                    (optional, validated)
 *   4. the conversation   "Yes, include it" / "No, just the question"  (only when there is one)
 *   5. summary            "Send" / "Go back" / "Cancel"
 *   6. send               outbox.enqueue(…) first, then the reference number
 *
 * Help, back, restart and cancel work at every step (the GuidedDialog base). Nothing is asked
 * that the email does not need, card-like numbers are removed, and the person is told "sent"
 * only once the outbox has the message on disk. The idempotency key is the conversation id and
 * the id of the activity that said "Send", so a turn the channel retries gets the same reference
 * and sends nothing twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/render';
import { quoteUserText, type Reply, type Suggestion } from '../src/channels/reply';
import {
  cleanMultiline,
  ESCALATION_LIMITS,
  EscalationValidationError,
  hashIdempotencyKey,
  isValidEmailAddress,
  removeCardNumbers,
  type EscalationRequest,
  type RateLimitDecision,
  type TranscriptEntry,
} from '../src/escalation';
import { detectIntent, LABELS, type Intent } from '../src/intents';
import { GuidedDialog, type Accepted, type GuidedOutcome, type TurnInput } from './GuidedDialog';
import { ESCALATION_DIALOG, type EscalationOptions } from './ids';
import type { BotServices } from './services';

/** Button labels of this dialog (each ≤ 25 characters, read as what the person would say). */
export const ESCALATION_LABELS = {
  confirm: 'Yes, email it',
  decline: 'No thanks',
  keepQuestion: 'Send this question',
  changeQuestion: 'Change it',
  skipAddress: 'Skip',
  includeTranscript: 'Yes, include it',
  questionOnly: 'No, just the question',
  send: 'Send',
  back: 'Go back',
  cancel: 'Cancel',
} as const;

/** The steps, in order. `typing` is the question step when the person types the question. */
export type EscalationStep = 'confirm' | 'question' | 'typing' | 'replyTo' | 'transcript' | 'summary';

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

/** Internal start options: a restart keeps the conversation as it was when the dialog began. */
interface StartOptions extends EscalationOptions {
  history?: TranscriptEntry[];
}

const YES = /^(y|yes|yeah|yep|yup|sure|ok|okay|go ahead|do it|email it|send it|yes email it|yes send it|ok email it)$/;
const NO = /^(n|no|nope|no thanks|no thank you|not now|don't|do not|dont|no don't|no dont)$/;
const KEEP = /^(send this question|send this|send it|send that|keep it|keep|use it|use this|use that|yes|y|yeah|yep|ok|okay|sure|correct|that's right|thats right|that's it|thats it|looks good|fine|this one|that one)$/;
const CHANGE = /^(change it|change|change the question|edit|edit it|rewrite|rewrite it|no|n|nope|let me change it|let me rewrite it|type a new one|write a new one|new question|different question|something else)$/;
const SKIP = /^(skip|skip it|no|n|nope|none|no thanks|no thank you|no email|no address|no email address|i don't have one|i dont have one|without|without an address|rather not|i'd rather not|id rather not|not now|anonymous)$/;
const INCLUDE = /^(yes include it|include it|yes|y|yeah|yep|sure|ok|okay|include|yes please|include the conversation|include our conversation)$/;
const EXCLUDE = /^(no just the question|just the question|only the question|the question only|question only|no|n|nope|no thanks|don't|dont|do not|don't include it|dont include it|do not include it)$/;
const SEND = /^(send|send it|send now|send it now|yes|y|yes send|yes send it|ok|okay|sure|go ahead|go|confirm|submit|do it)$/;

/** Commands the base handles at every step (including while the question is typed). */
const BASE_COMMANDS = new Set<Intent>(['cancel', 'help', 'back', 'restart']);

/** Shorter than this, a typed question is too thin for the team to answer. */
const MIN_QUESTION_CHARS = 5;
/** In the typing step, a "talk to a person" phrase in more words than this is someone's question. */
const COMMAND_MAX_WORDS = 5;

/** Readable names of knowledge topics, for the email subject. */
const TOPIC_NAMES: Record<string, string> = {
  'section-321': 'De minimis (Section 321)',
  postal: 'Postal shipments',
  entry: 'Entry of low-value shipments',
  'gifts-travel': 'Gifts and travel',
  counterfeits: 'Counterfeit goods',
  compliance: 'Import compliance',
  'pilot-rulings': 'Section 321 pilot and rulings',
  'tariffs-refunds': 'Tariffs and refunds',
  contact: 'Contacting CBP',
  glossary: 'Customs terms',
};

const NO_PERSONAL_DATA = 'Please do not include card numbers, passwords or ID numbers.';
const CARD_REMOVED_NOTE = 'I removed what looked like a card number. Never send card numbers, passwords or ID numbers.';

/** Lower-cases, folds typographic quotes, drops punctuation other than apostrophes, squeezes spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An answer to a button question, normalised and without courtesies ("yes please" → "yes"). */
function answerWords(text: string): string {
  return normalise(text)
    .replace(/\b(please|thanks|thank you|thx)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short answer that starts with yes / no ("yes, that's fine", "no, I want to change it"). */
const SHORT_YES = (said: string) => /^(yes|yeah|yep|ok|okay|sure)\b/.test(said) && wordCount(said) <= 4;
const SHORT_NO = (said: string) => /^(no|nope)\b/.test(said) && wordCount(said) <= 4;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** Text a person typed, as a markdown blockquote that renders as text (never as markup). */
function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${quoteUserText(line)}`))
    .join('\n');
}

/**
 * "about 1 minute", "about 42 minutes", "about 2 hours".
 *
 * @example
 * waitText(61); // 'about 2 minutes'
 */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "hour", "2 hours", "10 minutes": the length of a rate-limit window. */
function windowText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 === 0) return minutes === 60 ? 'hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

const AFTERWARDS: Suggestion[] = [{ label: LABELS.askQuestion }, { label: LABELS.checkShipment }];

export class EscalationDialog extends GuidedDialog<EscalationState> {
  constructor(services: BotServices) {
    super(ESCALATION_DIALOG, services);
  }

  private get inbox(): string {
    return this.services.escalation.config.inbox;
  }

  /** Refuses at once when the rate limit is reached: nothing to fill in that could not be sent. */
  override async beginDialog(dc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    const decision = this.services.escalation.limiter.check(this.subject(dc));
    if (!decision.allowed) {
      await sendReply(dc.context, this.limitReply(decision));
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }
    return super.beginDialog(dc, options);
  }

  /**
   * "Talk to a person" while already writing to the team keeps the email going instead of
   * starting it over. While the person types their question, whatever they type is the question
   * (never a search): only help, back, restart and cancel act as commands there, and a longer
   * message that merely mentions contacting CBP ("how do I contact CBP about a seized parcel?")
   * is a question too.
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as EscalationState;
    const activity = dc.context.activity;
    const input: TurnInput = { text: (activity.text ?? '').trim(), value: activity.value };
    const intent = detectIntent(input.text);
    const typing = this.step(state) === 'typing';

    if (intent === 'escalate' && !(typing && wordCount(input.text) > COMMAND_MAX_WORDS)) {
      await sendReply(dc.context, {
        kind: 'info',
        markdown: `You are already writing to the CBP E-Commerce team. Let's finish your message, or say **cancel** to stop.`,
      });
      return this.advance(dc, state);
    }
    if (typing && !(intent && BASE_COMMANDS.has(intent))) {
      const accepted = await this.accept(state, input, dc);
      const say = accepted.ok ? accepted.note : accepted.message;
      if (say) await sendReply(dc.context, { kind: 'info', markdown: say });
      return this.advance(dc, state);
    }
    return super.continueDialog(dc);
  }

  protected override async start(options: unknown, dc: DialogContext): Promise<EscalationState> {
    const given = (options ?? {}) as StartOptions;
    const history = given.history ?? (await this.historyBefore(dc));
    const state: EscalationState = { history };
    if (Array.isArray(given.guesses)) {
      const guesses = given.guesses.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
      if (guesses.length > 0) state.guesses = guesses.slice(0, ESCALATION_LIMITS.guesses);
    }
    const question = typeof given.question === 'string' ? given.question.trim() : '';
    if (question.length >= MIN_QUESTION_CHARS && question.length <= ESCALATION_LIMITS.question) {
      const cleaned = removeCardNumbers(question);
      state.proposed = cleaned;
      if (cleaned !== question) state.proposedRedacted = true;
    }
    return state;
  }

  protected override restartOptions(state: EscalationState): unknown {
    return { question: state.proposed ?? state.question, guesses: state.guesses, history: state.history } satisfies StartOptions;
  }

  /** The step whose answer is missing, or undefined when the dialog can finish. */
  step(state: EscalationState): EscalationStep | undefined {
    if (state.declined || state.sending) return undefined;
    if (!state.confirmed) return 'confirm';
    if (state.question === undefined) return state.typing || state.proposed === undefined ? 'typing' : 'question';
    if (!state.replyToAnswered) return 'replyTo';
    if (this.offersTranscript(state) && state.includeTranscript === undefined) return 'transcript';
    return 'summary';
  }

  private offersTranscript(state: EscalationState): boolean {
    return state.history.length > 0;
  }

  protected override question(state: EscalationState): Reply | undefined {
    const L = ESCALATION_LABELS;
    switch (this.step(state)) {
      case 'confirm':
        return {
          kind: 'prompt',
          markdown: [
            'I can send your question to the CBP E-Commerce team by email. If you give me your email address, they will reply to you by email.',
            NO_PERSONAL_DATA,
            'Do you want me to email the team?',
          ].join('\n\n'),
          suggestions: [{ label: L.confirm }, { label: L.decline }],
        };
      case 'question':
        return {
          kind: 'prompt',
          markdown: [
            ...(state.proposedRedacted ? [CARD_REMOVED_NOTE] : []),
            'This is the question I will send:',
            blockquote(state.proposed!),
            'Send it as it is, or change it?',
          ].join('\n\n'),
          suggestions: [{ label: L.keepQuestion }, { label: L.changeQuestion }],
        };
      case 'typing':
        return {
          kind: 'prompt',
          markdown: [
            'Please type the question you want to send to the team. Say what happened, and add dates, tracking numbers and the country the goods came from if they matter.',
            NO_PERSONAL_DATA,
          ].join('\n\n'),
        };
      case 'replyTo':
        return {
          kind: 'prompt',
          markdown: `What email address should the team reply to? This is optional. If you choose **${L.skipAddress}**, the team cannot answer you personally.`,
          suggestions: [{ label: L.skipAddress }],
        };
      case 'transcript':
        return {
          kind: 'prompt',
          markdown: `Should I include our conversation so far (the last ${this.messageCount(state.history.length)})? It can help the team understand your question. If not, I send only your question.`,
          suggestions: [{ label: L.includeTranscript }, { label: L.questionOnly }],
        };
      case 'summary':
        return this.summary(state);
      default:
        return undefined;
    }
  }

  private messageCount(n: number): string {
    return n === 1 ? 'message' : `${n} messages`;
  }

  private summary(state: EscalationState): Reply {
    const L = ESCALATION_LABELS;
    const reply = state.replyTo
      ? `**Reply to:** ${quoteUserText(state.replyTo)}`
      : '**Reply to:** no address. The team cannot answer you personally.';
    const conversation = !this.offersTranscript(state)
      ? undefined
      : state.includeTranscript
        ? `**Our conversation:** included (the last ${this.messageCount(state.history.length)})`
        : '**Our conversation:** not included';
    const also = state.guesses?.length
      ? `**Also sent:** the topics I thought were closest (${state.guesses.map(quoteUserText).join('; ')}), where you asked, your language setting and the time.`
      : '**Also sent:** where you asked, your language setting and the time.';
    return {
      kind: 'prompt',
      markdown: [
        `Here is exactly what I will send to the CBP E-Commerce team at ${this.inbox}:`,
        '**Your question**',
        blockquote(state.question!),
        [reply, conversation, also].filter(Boolean).join('\n\n'),
        'Send it now?',
      ].join('\n\n'),
      suggestions: [{ label: L.send }, { label: L.back }, { label: L.cancel }],
    };
  }

  protected override help(state: EscalationState): string {
    const L = ESCALATION_LABELS;
    const always = 'Say **back** to go to the previous step, or **cancel** to stop without sending anything.';
    switch (this.step(state)) {
      case 'confirm':
        return `I can forward your question by email to the E-Commerce team of U.S. Customs and Border Protection (CBP). They handle questions about online purchases, low-value shipments and counterfeits. Choose **${L.confirm}** to go on, or **${L.decline}**. ${always}`;
      case 'question':
        return `This is the question the team will read. Choose **${L.keepQuestion}** to keep it, or **${L.changeQuestion}** to type it again in your own words. ${always}`;
      case 'typing':
        return `Type your question in your own words, in up to ${ESCALATION_LIMITS.question.toLocaleString('en-US')} characters. What happened, the dates, a tracking number and the country the goods came from help the team answer. ${NO_PERSONAL_DATA} ${always}`;
      case 'replyTo':
        return `The team uses your email address only to answer you. Type it like **name@example.com**. It is optional: choose **${L.skipAddress}** if you prefer, but then the team cannot answer you personally. ${always}`;
      case 'transcript':
        return `The conversation shows the team what you already asked and what I answered. I send it only if you choose **${L.includeTranscript}**. ${always}`;
      case 'summary':
        return `Choose **${L.send}** to send this email, **${L.back}** to change something, or **${L.cancel}** to send nothing.`;
      default:
        return always;
    }
  }

  protected override accept(state: EscalationState, input: TurnInput, _dc: DialogContext): Accepted {
    const L = ESCALATION_LABELS;
    const said = answerWords(input.text);
    switch (this.step(state)) {
      case 'confirm':
        if (YES.test(said) || SHORT_YES(said)) {
          state.confirmed = true;
          return { ok: true };
        }
        if (NO.test(said) || SHORT_NO(said)) {
          state.declined = true;
          return { ok: true };
        }
        return { ok: false, message: `Please choose **${L.confirm}** or **${L.decline}**.` };
      case 'question':
        if (KEEP.test(said) || SHORT_YES(said)) {
          state.question = state.proposed!;
          return { ok: true };
        }
        if (CHANGE.test(said) || SHORT_NO(said)) {
          state.typing = true;
          return { ok: true };
        }
        // Anything longer is a new wording of the question: take it (the summary shows it).
        if (wordCount(input.text) >= 3) return this.takeQuestion(state, input.text, true);
        return { ok: false, message: `Please choose **${L.keepQuestion}** or **${L.changeQuestion}**.` };
      case 'typing':
        return this.takeQuestion(state, input.text, false);
      case 'replyTo':
        return this.takeAddress(state, input.text);
      case 'transcript':
        if (INCLUDE.test(said) || SHORT_YES(said)) {
          state.includeTranscript = true;
          return { ok: true };
        }
        if (EXCLUDE.test(said) || SHORT_NO(said)) {
          state.includeTranscript = false;
          return { ok: true };
        }
        return { ok: false, message: `Please choose **${L.includeTranscript}** or **${L.questionOnly}**.` };
      case 'summary':
        if (SEND.test(said) || SHORT_YES(said)) {
          state.sending = true;
          return { ok: true };
        }
        return { ok: false, message: `Please choose **${L.send}**, **${L.back}** or **${L.cancel}**.` };
      default:
        return { ok: false, message: this.help(state) };
    }
  }

  private takeQuestion(state: EscalationState, text: string, replacing: boolean): Accepted {
    const own = new Set<string>(Object.values(ESCALATION_LABELS).map(normalise));
    const trimmed = text.trim();
    const readable = cleanMultiline(trimmed, ESCALATION_LIMITS.question);
    if (readable.length < MIN_QUESTION_CHARS || own.has(normalise(trimmed))) {
      return { ok: false, message: 'Please type your question in a few words, so the team knows what you need.' };
    }
    if (trimmed.length > ESCALATION_LIMITS.question) {
      return {
        ok: false,
        message: `That is too long for one email: please keep your question under ${ESCALATION_LIMITS.question.toLocaleString('en-US')} characters (it has ${trimmed.length.toLocaleString('en-US')}).`,
      };
    }
    const cleaned = removeCardNumbers(trimmed);
    state.question = cleaned;
    state.proposed = cleaned;
    state.proposedRedacted = false;
    state.typing = false;
    const notes = [replacing ? 'OK, I will send what you just typed instead.' : undefined, cleaned !== trimmed ? CARD_REMOVED_NOTE : undefined];
    const note = notes.filter(Boolean).join(' ');
    return note ? { ok: true, note } : { ok: true };
  }

  private takeAddress(state: EscalationState, text: string): Accepted {
    const L = ESCALATION_LABELS;
    if (SKIP.test(answerWords(text)) || SHORT_NO(answerWords(text))) {
      state.replyToAnswered = true;
      delete state.replyTo;
      return { ok: true, note: 'OK, no email address. Without one, the team cannot answer you personally.' };
    }
    // The whole message must be one plain address: no display name, no second line, no second address.
    const address = text.trim().replace(/^mailto:/i, '');
    if (!isValidEmailAddress(address)) {
      return {
        ok: false,
        message: `That does not look like an email address. Please type it like **name@example.com**, or choose **${L.skipAddress}**.`,
      };
    }
    state.replyTo = address;
    state.replyToAnswered = true;
    return { ok: true };
  }

  protected override back(state: EscalationState): boolean {
    switch (this.step(state)) {
      case 'confirm':
        return false;
      case 'typing':
        if (state.proposed !== undefined && state.typing) {
          state.typing = false;
          return true;
        }
        state.confirmed = false;
        return true;
      case 'question':
        state.confirmed = false;
        return true;
      case 'replyTo':
        // Back to the question, shown as it stands with "Send this question" / "Change it".
        state.proposed = state.question;
        state.proposedRedacted = false;
        delete state.question;
        state.typing = false;
        return true;
      case 'transcript':
        delete state.replyToAnswered;
        delete state.replyTo;
        return true;
      case 'summary':
        if (this.offersTranscript(state)) delete state.includeTranscript;
        else {
          delete state.replyToAnswered;
          delete state.replyTo;
        }
        return true;
      default:
        return false;
    }
  }

  protected override cancelMessage(): Reply {
    return { kind: 'info', markdown: 'OK, I stopped. Nothing was sent. What else can I help with?', suggestions: AFTERWARDS };
  }

  protected override async finish(dc: DialogContext, state: EscalationState): Promise<DialogTurnResult> {
    if (state.declined) {
      await sendReply(dc.context, {
        kind: 'info',
        markdown: `OK, I will not send anything. You can also write to the team yourself at ${this.inbox}. What else can I help with?`,
        suggestions: AFTERWARDS,
      });
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }
    return this.send(dc, state);
  }

  /** Stores the email in the outbox and only then gives the reference number. */
  private async send(dc: DialogContext, state: EscalationState): Promise<DialogTurnResult> {
    const { outbox, limiter, store } = this.services.escalation;
    const idempotencyKey = this.idempotencyKey(dc);
    const log = this.services.logger;

    let result: { reference: string; duplicate: boolean };
    let queued: { sendWithinSeconds: number } | undefined;
    try {
      const decision = limiter.check(this.subject(dc));
      if (!decision.allowed) {
        // A retried "Send" of an email that went out is not a new one, even at the limit.
        const known = await store.findReferenceByKey(hashIdempotencyKey(idempotencyKey));
        if (!known) {
          await sendReply(dc.context, this.limitReply(decision));
          return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
        }
        result = { reference: known, duplicate: true };
      } else {
        result = await outbox.enqueue(this.request(dc, state, idempotencyKey));
        if (!result.duplicate) queued = limiter.record(this.subject(dc)).queued;
      }
    } catch (err) {
      const field = err instanceof EscalationValidationError ? err.field : undefined;
      log.error({ err: err instanceof Error ? err.message : String(err), field, channel: dc.context.activity.channelId }, 'escalation could not be stored');
      await sendReply(dc.context, {
        kind: 'info',
        markdown: [
          'Sorry, I could not send your message because of a problem on my side. **Nothing was sent.**',
          `Please write to the CBP E-Commerce team yourself at ${this.inbox}. ${NO_PERSONAL_DATA}`,
        ].join('\n\n'),
        suggestions: AFTERWARDS,
      });
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }

    log.info({ reference: result.reference, duplicate: result.duplicate, channel: dc.context.activity.channelId }, 'escalation stored for sending');
    await sendReply(dc.context, this.sentReply(result.reference, state, queued));
    return dc.endDialog({ outcome: 'completed' } satisfies GuidedOutcome);
  }

  private sentReply(reference: string, state: EscalationState, queued?: { sendWithinSeconds: number }): Reply {
    const who = state.replyTo
      ? `The team will reply to ${quoteUserText(state.replyTo)}.`
      : 'You did not give an email address, so the team cannot answer you personally.';
    return {
      kind: 'info',
      markdown: [
        queued
          ? `Saved. Your reference number is **${reference}**. Because many messages are waiting, it will be sent within ${waitText(queued.sendWithinSeconds)}. ${who}`
          : `Sent. Your reference number is **${reference}**. ${who}`,
        '**What happens next**',
        [
          `- Your message goes to the CBP E-Commerce team at ${this.inbox}.`,
          state.replyTo ? '- They answer by email. Check your spam folder if you do not see it.' : undefined,
          `- If you write to the team about this question, include your reference number ${reference}.`,
          '- Never send card numbers, passwords or ID numbers by email.',
        ]
          .filter(Boolean)
          .join('\n'),
        'Is there anything else I can help with?',
      ].join('\n\n'),
      suggestions: AFTERWARDS,
    };
  }

  private request(dc: DialogContext, state: EscalationState, idempotencyKey: string): EscalationRequest {
    const activity = dc.context.activity;
    const request: EscalationRequest = {
      idempotencyKey,
      question: state.question!,
      channelId: activity.channelId,
      conversationId: this.conversationId(dc),
      createdAt: this.services.clock().toISOString(),
    };
    if (state.replyTo) request.replyTo = state.replyTo;
    if (activity.locale) request.locale = activity.locale;
    if (state.guesses?.length) request.guesses = state.guesses;
    if (state.includeTranscript && state.history.length > 0) request.transcript = state.history;
    const topic = this.topicOf(state.guesses?.[0]);
    if (topic) request.topic = topic;
    return request;
  }

  /** The readable topic of the best-guess document, found by its exact title. */
  private topicOf(title: string | undefined): string | undefined {
    if (!title) return undefined;
    try {
      const doc = this.services.knowledge().documents.find((d) => d.title === title);
      return doc ? TOPIC_NAMES[doc.topic] ?? doc.topic : undefined;
    } catch {
      return undefined; // The topic is a nicety for the subject line; never a reason not to send.
    }
  }

  /**
   * The conversation id and the id of the activity that said "Send": a channel that retries
   * the turn sends the same activity id. Hashed when a channel's ids are unusually long.
   */
  private idempotencyKey(dc: DialogContext): string {
    const activity = dc.context.activity;
    // Without an id (some test channels), the timestamp; without either, a new key every time:
    // never one fixed key that would make every later email a "duplicate" of the first.
    const turn = activity.id ?? (activity.timestamp ? String(activity.timestamp) : `random-${randomUUID()}`);
    const key = `${this.conversationId(dc)}:${turn}`;
    return key.length <= ESCALATION_LIMITS.idempotencyKey ? key : `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
  }

  /**
   * Who asks, for the email limits (issue 13): the conversation and the client behind it — the
   * Teams AAD object id, else the channel's user id (Direct Line binds it to the token).
   */
  private subject(dc: DialogContext): { conversationId: string; client?: string } {
    const from = dc.context.activity.from;
    const client = from?.aadObjectId ? `aad:${from.aadObjectId}` : from?.id ? `user:${dc.context.activity.channelId}:${from.id}` : undefined;
    return { conversationId: this.conversationId(dc), ...(client ? { client: client.slice(0, 300) } : {}) };
  }

  private conversationId(dc: DialogContext): string {
    return dc.context.activity.conversation?.id ?? 'unknown';
  }

  /** The conversation before this dialog began (without the message that started it). */
  private async historyBefore(dc: DialogContext): Promise<TranscriptEntry[]> {
    let lines: TranscriptEntry[];
    try {
      lines = [...(await this.services.transcript(dc.context))];
    } catch {
      return [];
    }
    const text = (dc.context.activity.text ?? '').trim();
    const last = lines[lines.length - 1];
    if (last && last.from === 'user' && last.text.trim() === text.slice(0, last.text.length).trim()) lines.pop();
    // Only a conversation with something from the person in it is worth offering.
    return lines.some((l) => l.from === 'user') ? lines : [];
  }

  private limitReply(decision: Extract<RateLimitDecision, { allowed: false }>): Reply {
    const limits = this.services.escalation.config.rateLimits;
    const wait = waitText(decision.retryAfterSeconds);
    const first =
      decision.scope === 'conversation'
        ? `You have already sent ${limits.perConversation.limit === 1 ? 'a message' : `${limits.perConversation.limit} messages`} to the CBP E-Commerce team in the last ${windowText(limits.perConversation.windowMs)}. That is the most I can send from one conversation, so I cannot send another one now.`
        : `You have already sent ${limits.perClient.limit} messages to the CBP E-Commerce team in the last ${windowText(limits.perClient.windowMs)}. That is the most I can send for one person, so I cannot send another one now.`;
    return {
      kind: 'info',
      markdown: [
        first,
        `Please try again in ${wait}, or write to the team yourself at ${this.inbox}. ${NO_PERSONAL_DATA}`,
      ].join('\n\n'),
      suggestions: AFTERWARDS,
    };
  }
}
