/**
 * The shared base of the guided conversations (the duty-free check, the email to the
 * E-Commerce team): a form in the manner of Rasa's forms. A dialog is a table of steps, one
 * record per question ({@link GuidedStep}: `id`, `prompt`, `help`, `parse`, `back`, `skipIf`,
 * `filled`); this base runs the table — the next step is the first one not skipped whose slot
 * is not filled — and handles what works at every step: "help" explains the current question,
 * "back" re-asks the previous one, "restart" starts over, "cancel" leaves, "talk to a person"
 * hands over to the email, and a question about something else is answered from the knowledge
 * base before the form resumes.
 *
 * State lives in the dialog stack as plain JSON, so any bot instance can continue the form.
 * Adding a step is adding one record to the dialog's table (see ARCHITECTURE.md).
 */
// The module, not the package index (which loads the recognizers-text packages): issue 15.
import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { detectIntent } from '../src/intents';
import { looksLikeQuestion } from '../src/rules';
import type { Reply } from '../src/replies';
import { catalog, fill } from '../src/messages';
import { answerReply, didYouMeanOptions, titleList } from './messages';
import type { BotServices } from './services';

/** How a guided dialog ended; the main dialog decides what comes next. */
export interface GuidedOutcome {
  outcome: 'completed' | 'cancelled' | 'escalate';
  /** For 'escalate': the question to offer for the email. */
  question?: string;
}

/** The result of trying to take an answer to the current question. */
export type Accepted = { ok: true; note?: string } | { ok: false; message: string };

/** What the person sent: text and, for card submits, a value. */
export interface TurnInput {
  text: string;
  value?: unknown;
}

/**
 * One step of a guided dialog: a question that fills one slot of the state. Every function
 * gets the state and the dialog's context `C` (services, today, the message catalog) and is
 * otherwise pure; `parse` and `back` change the state they are given.
 *
 * @example
 * const replyTo: GuidedStep<EscalationState, EscalationContext> = {
 *   id: 'replyTo',
 *   filled: (s) => s.replyToAnswered === true,
 *   prompt: (_s, { m }) => ({ kind: 'prompt', markdown: m.replyToPrompt, suggestions: [{ label: m.labels.skipAddress }] }),
 *   help: (_s, { m }) => m.helpReplyTo,
 *   parse: (s, input) => takeAddress(s, input.text),
 *   back: (s) => { delete s.replyToAnswered; delete s.replyTo; },
 * };
 */
export interface GuidedStep<S, C> {
  /** The step's name, for tests and logs. */
  readonly id: string;
  /** True when the step is not needed in this conversation: never asked, and "back" passes over it. */
  skipIf?(state: S, context: C): boolean;
  /** True when the step's slot holds an answer. */
  filled(state: S, context: C): boolean;
  /** The question. */
  prompt(state: S, context: C): Reply;
  /** More about the question, for "help". */
  help(state: S, context: C): string;
  /** Takes an answer to the question (filling the slot), or says why it cannot be used. */
  parse(state: S, input: TurnInput, context: C): Accepted;
  /** Empties the slot again: called when "back" is said at a later step, so this one is asked again. */
  back(state: S, context: C): void;
}

/**
 * The step to ask now: the first one that is not skipped and not filled.
 *
 * @example
 * nextStep(ESCALATION_STEPS, { history: [], confirmed: true }, context)?.id; // 'typing'
 */
export function nextStep<S, C>(steps: readonly GuidedStep<S, C>[], state: S, context: C): GuidedStep<S, C> | undefined {
  return steps.find((step) => !step.skipIf?.(state, context) && !step.filled(state, context));
}

/**
 * "Back": empties the slot of the last step before the current one that is not skipped, so it
 * is asked again; false when the current step is the first.
 */
export function stepBack<S, C>(steps: readonly GuidedStep<S, C>[], state: S, context: C): boolean {
  const current = nextStep(steps, state, context);
  const at = current ? steps.indexOf(current) : steps.length;
  for (let i = at - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.skipIf?.(state, context)) continue;
    step.back(state, context);
    return true;
  }
  return false;
}

/** True when input that failed as an answer looks like a question of its own (src/rules/parse/question.ts). */
export { looksLikeQuestion };

export abstract class GuidedDialog<S extends object, C = unknown> extends Dialog {
  constructor(
    id: string,
    protected readonly services: BotServices,
  ) {
    super(id);
  }

  /** The steps, in order. */
  protected abstract readonly steps: readonly GuidedStep<S, C>[];
  /** What the steps' functions get besides the state, for this turn. */
  protected abstract stepContext(dc: DialogContext): C;
  /** A fresh state; `options` are what `beginDialog` was given. */
  protected abstract start(options: unknown, dc: DialogContext): S | Promise<S>;
  /** Runs when nothing is missing: deliver the result and end the dialog. */
  protected abstract finish(dc: DialogContext, state: S): Promise<DialogTurnResult>;
  /** What "cancel" says. */
  protected abstract cancelMessage(dc: DialogContext): Reply;

  /** True when the dialog should finish before every step is filled (e.g. the person declined). */
  protected finished(_state: S): boolean {
    return false;
  }

  /** The step to ask now, or undefined when the dialog can finish. */
  protected current(state: S, context: C): GuidedStep<S, C> | undefined {
    return this.finished(state) ? undefined : nextStep(this.steps, state, context);
  }

  /** The current question, or undefined when nothing is missing. */
  protected question(state: S, dc: DialogContext): Reply | undefined {
    const context = this.stepContext(dc);
    return this.current(state, context)?.prompt(state, context);
  }

  /** More about the current question, for "help". */
  protected help(state: S, dc: DialogContext): string {
    const context = this.stepContext(dc);
    return this.current(state, context)?.help(state, context) ?? this.helpWhenDone(context);
  }

  /** "help" when no question is open (not normally reached: the dialog finishes first). */
  protected helpWhenDone(_context: C): string {
    return '';
  }

  /** Takes an answer to the current question (and updates `state`). */
  protected accept(state: S, input: TurnInput, dc: DialogContext): Accepted {
    const context = this.stepContext(dc);
    const step = this.current(state, context);
    return step ? step.parse(state, input, context) : { ok: true };
  }

  /** Forgets the last answer; false when the current question is the first. */
  protected back(state: S, dc: DialogContext): boolean {
    return stepBack(this.steps, state, this.stepContext(dc));
  }

  /** The words every guided dialog shares, in the person's language. */
  private sharedWords(dc: DialogContext) {
    return catalog(dc.context.activity.locale).welcome;
  }

  /** Sends one reply in this turn (the bot layer renders it for the channel: `BotServices.send`). */
  protected async say(dc: DialogContext, reply: Reply): Promise<void> {
    await this.services.send(dc.context, reply);
  }

  override async beginDialog(dc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    const state = await this.start(options, dc);
    dc.activeDialog!.state = state;
    return this.advance(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as S;
    const activity = dc.context.activity;
    const input: TurnInput = { text: (activity.text ?? '').trim(), value: activity.value };

    switch (detectIntent(input.text)) {
      case 'cancel':
        await this.say(dc, this.cancelMessage(dc));
        return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
      case 'escalate':
        return dc.endDialog({ outcome: 'escalate' } satisfies GuidedOutcome);
      case 'help':
        await this.say(dc, { kind: 'info', markdown: this.help(state, dc) });
        return this.advance(dc, state);
      case 'restart': {
        const fresh = await this.start(this.restartOptions(state), dc);
        dc.activeDialog!.state = fresh;
        await this.say(dc, { kind: 'info', markdown: this.sharedWords(dc).startOver });
        return this.advance(dc, fresh);
      }
      case 'back':
        if (!this.back(state, dc)) await this.say(dc, { kind: 'info', markdown: this.sharedWords(dc).firstQuestion });
        return this.advance(dc, state);
      default:
        break;
    }

    const accepted = this.accept(state, input, dc);
    if (accepted.ok) {
      if (accepted.note) await this.say(dc, { kind: 'info', markdown: accepted.note });
      return this.advance(dc, state);
    }
    if (looksLikeQuestion(input.text)) {
      const kb = this.services.knowledge();
      const result = kb.answer(input.text);
      if (result.kind === 'answer') {
        await this.say(dc, answerReply(result, kb, { feedback: false }));
        await this.say(dc, { kind: 'info', markdown: this.sharedWords(dc).backToWhereWeWere });
        return this.advance(dc, state);
      }
      if (result.kind === 'did-you-mean') {
        // Not sure enough to answer in the middle of a form: name the likely pages (no buttons: a
        // page's label could be read as an answer to the current question) and carry on.
        const titles = titleList(didYouMeanOptions(result));
        await this.say(dc, { kind: 'info', markdown: fill(this.sharedWords(dc).sideQuestionUnsure, { titles }) });
        await this.say(dc, { kind: 'info', markdown: this.sharedWords(dc).backToWhereWeWere });
        return this.advance(dc, state);
      }
    }
    await this.say(dc, { kind: 'info', markdown: accepted.message });
    return this.advance(dc, state);
  }

  /** Options for a restart; by default the dialog starts with none. */
  protected restartOptions(_state: S): unknown {
    return undefined;
  }

  /** Asks the current question, or finishes when nothing is missing. */
  protected async advance(dc: DialogContext, state: S): Promise<DialogTurnResult> {
    const next = this.question(state, dc);
    if (!next) return this.finish(dc, state);
    await this.say(dc, next);
    return Dialog.EndOfTurn;
  }
}
