/**
 * Forwards a question by email to the CBP E-Commerce team, one step at a time. The steps are
 * records in ./steps/escalation.ts (confirm, question, typing, replyTo, transcript, summary),
 * run by the GuidedDialog base; this class starts the form, sends, and says the result.
 *
 *   start   the core's rate-limit check first: nothing to fill in that could not be sent
 *   send    escalation.submit(…) (the core applies the limits, the duplicate check and the
 *           enqueue), then the reference number
 *
 * Help, back, restart and cancel work at every step (the GuidedDialog base). Nothing is asked
 * that the email does not need, card-like numbers are removed, and the person is told "sent"
 * only once the outbox has the message on disk. The idempotency key is the conversation id and
 * the id of the activity that said "Send", so a turn the channel retries gets the same reference
 * and sends nothing twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { quoteUserText, type Reply, type Suggestion } from '../src/replies';
import {
  ESCALATION_LIMITS,
  EscalationValidationError,
  removeCardNumbers,
  type EscalationLimited,
  type EscalationRequest,
  type EscalationSubject,
  type EscalationSubmitResult,
  type TranscriptEntry,
} from '../src/escalation';
import { detectIntent, type Intent } from '../src/intents';
import { catalog, fill, plural } from '../src/messages';
import { GuidedDialog, type GuidedOutcome, type TurnInput } from './GuidedDialog';
import { ESCALATION_DIALOG, type EscalationOptions } from './ids';
import type { BotServices } from './services';
import { wordCount } from './steps/answerWords';
import { ESCALATION_STEPS, MIN_QUESTION_CHARS, type EscalationContext, type EscalationState, type EscalationStep } from './steps/escalation';

export type { EscalationState, EscalationStep } from './steps/escalation';

/** Button labels of this dialog (each ≤ 25 characters, read as what the person would say). */
export const ESCALATION_LABELS = catalog().escalation.labels;

/** Internal start options: a restart keeps the conversation as it was when the dialog began. */
interface StartOptions extends EscalationOptions {
  history?: TranscriptEntry[];
}

/** Commands the base handles at every step (including while the question is typed). */
const BASE_COMMANDS = new Set<Intent>(['cancel', 'help', 'back', 'restart']);

/** In the typing step, a "talk to a person" phrase in more words than this is someone's question. */
const COMMAND_MAX_WORDS = 5;

/**
 * "about 1 minute", "about 42 minutes", "about 2 hours".
 *
 * @example
 * waitText(61); // 'about 2 minutes'
 */
export function waitText(seconds: number, m = catalog().escalation): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 90) return plural(m.waitMinutes, minutes);
  return plural(m.waitHours, Math.round(minutes / 60));
}

/** "hour", "2 hours", "10 minutes": the length of a rate-limit window. */
function windowText(ms: number, m: EscalationContext['m']): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 60 === 0) return minutes === 60 ? m.windowHour : fill(m.windowHours, { count: minutes / 60 });
  return fill(m.windowMinutes, { count: minutes });
}

export class EscalationDialog extends GuidedDialog<EscalationState, EscalationContext> {
  protected readonly steps = ESCALATION_STEPS;

  constructor(services: BotServices) {
    super(ESCALATION_DIALOG, services);
  }

  private get inbox(): string {
    return this.services.escalation.config.inbox;
  }

  protected override stepContext(dc: DialogContext): EscalationContext {
    return { m: this.words(dc), inbox: this.inbox };
  }

  private words(dc: DialogContext): EscalationContext['m'] {
    return catalog(dc.context.activity.locale).escalation;
  }

  private afterwards(dc: DialogContext): Suggestion[] {
    return this.words(dc).afterwards.map((label) => ({ label }));
  }

  /** The step whose answer is missing, or undefined when the dialog can finish. */
  step(state: EscalationState): EscalationStep | undefined {
    return this.current(state, { m: catalog().escalation, inbox: this.inbox })?.id as EscalationStep | undefined;
  }

  protected override finished(state: EscalationState): boolean {
    return state.declined === true || state.sending === true;
  }

  protected override helpWhenDone({ m }: EscalationContext): string {
    return m.helpAlways;
  }

  /** Refuses at once when the rate limit is reached: nothing to fill in that could not be sent. */
  override async beginDialog(dc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    const limited = this.services.escalation.check(this.subject(dc));
    if (limited) {
      await this.say(dc, this.limitReply(dc, limited));
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
    const typing = this.current(state, this.stepContext(dc))?.id === 'typing';

    if (intent === 'escalate' && !(typing && wordCount(input.text) > COMMAND_MAX_WORDS)) {
      await this.say(dc, { kind: 'info', markdown: this.words(dc).alreadyWriting });
      return this.advance(dc, state);
    }
    if (typing && !(intent && BASE_COMMANDS.has(intent))) {
      const accepted = this.accept(state, input, dc);
      const say = accepted.ok ? accepted.note : accepted.message;
      if (say) await this.say(dc, { kind: 'info', markdown: say });
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

  protected override cancelMessage(dc: DialogContext): Reply {
    return { kind: 'info', markdown: this.words(dc).cancelled, suggestions: this.afterwards(dc) };
  }

  protected override async finish(dc: DialogContext, state: EscalationState): Promise<DialogTurnResult> {
    if (state.declined) {
      await this.say(dc, { kind: 'info', markdown: fill(this.words(dc).declined, { inbox: this.inbox }), suggestions: this.afterwards(dc) });
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }
    return this.send(dc, state);
  }

  /** Stores the email in the outbox (the core applies the limits) and only then gives the reference number. */
  private async send(dc: DialogContext, state: EscalationState): Promise<DialogTurnResult> {
    const log = this.services.logger;
    let result: EscalationSubmitResult;
    try {
      result = await this.services.escalation.submit(this.request(dc, state, this.idempotencyKey(dc)), this.subject(dc));
    } catch (err) {
      const field = err instanceof EscalationValidationError ? err.field : undefined;
      log.error({ err: err instanceof Error ? err.message : String(err), field, channel: dc.context.activity.channelId }, 'escalation could not be stored');
      await this.say(dc, { kind: 'info', markdown: fill(this.words(dc).notStored, { inbox: this.inbox }), suggestions: this.afterwards(dc) });
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }
    if (result.limited) {
      await this.say(dc, this.limitReply(dc, result));
      return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
    }

    log.info({ reference: result.reference, duplicate: result.duplicate, channel: dc.context.activity.channelId }, 'escalation stored for sending');
    await this.say(dc, this.sentReply(dc, result.reference, state, result.queued));
    return dc.endDialog({ outcome: 'completed' } satisfies GuidedOutcome);
  }

  private sentReply(dc: DialogContext, reference: string, state: EscalationState, queued?: { sendWithinSeconds: number }): Reply {
    const m = this.words(dc);
    const who = state.replyTo ? fill(m.sentReplyTo, { address: quoteUserText(state.replyTo) }) : m.sentNoReplyTo;
    return {
      kind: 'info',
      markdown: [
        queued ? fill(m.sentQueued, { reference, wait: waitText(queued.sendWithinSeconds, m), who }) : fill(m.sent, { reference, who }),
        m.nextHeading,
        [fill(m.nextGoesTo, { inbox: this.inbox }), state.replyTo ? m.nextAnswerByEmail : undefined, fill(m.nextReference, { reference }), m.nextNoCardNumbers]
          .filter(Boolean)
          .join('\n'),
        m.anythingElse,
      ].join('\n\n'),
      suggestions: this.afterwards(dc),
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
      return doc ? catalog().escalation.topicNames[doc.topic] ?? doc.topic : undefined;
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
  private subject(dc: DialogContext): EscalationSubject {
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

  private limitReply(dc: DialogContext, limited: EscalationLimited): Reply {
    const m = this.words(dc);
    const limits = this.services.escalation.config.rateLimits;
    const first =
      limited.scope === 'conversation'
        ? fill(m.limitConversation, { messages: plural(m.messagesSent, limits.perConversation.limit), window: windowText(limits.perConversation.windowMs, m) })
        : fill(m.limitClient, { limit: limits.perClient.limit, window: windowText(limits.perClient.windowMs, m) });
    return {
      kind: 'info',
      markdown: [first, fill(m.limitTryAgain, { wait: waitText(limited.retryAfterSeconds, m), inbox: this.inbox })].join('\n\n'),
      suggestions: this.afterwards(dc),
    };
  }
}
