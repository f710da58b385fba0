/**
 * The shared base of the guided conversations (the duty-free check, the email to the
 * E-Commerce team): a form in the manner of Rasa's forms — the subclass says which question is
 * missing next and how to accept an answer; this base handles what works at every step:
 * "help" explains the current question, "back" re-asks the previous one, "restart" starts
 * over, "cancel" leaves, "talk to a person" hands over to the email, and a question about
 * something else is answered from the knowledge base before the form resumes.
 *
 * State lives in the dialog stack as plain JSON, so any bot instance can continue the form.
 */
// The module, not the package index (which loads the recognizers-text packages): issue 15.
import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { detectIntent } from '../src/intents';
import { looksLikeQuestion } from '../src/rules';
import { sendReply } from '../src/channels/render';
import type { Reply } from '../src/channels/reply';
import { answerReply } from './messages';
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

/** True when input that failed as an answer looks like a question of its own (src/rules/parse/question.ts). */
export { looksLikeQuestion };

export abstract class GuidedDialog<S extends object> extends Dialog {
  constructor(
    id: string,
    protected readonly services: BotServices,
  ) {
    super(id);
  }

  /** A fresh state; `options` are what `beginDialog` was given. */
  protected abstract start(options: unknown, dc: DialogContext): S | Promise<S>;
  /** The current question, or undefined when nothing is missing. */
  protected abstract question(state: S, dc: DialogContext): Reply | undefined;
  /** More about the current question, for "help". */
  protected abstract help(state: S): string;
  /** Takes an answer to the current question (and updates `state`). */
  protected abstract accept(state: S, input: TurnInput, dc: DialogContext): Accepted | Promise<Accepted>;
  /** Forgets the last answer; false when the current question is the first. */
  protected abstract back(state: S): boolean;
  /** Runs when nothing is missing: deliver the result and end the dialog. */
  protected abstract finish(dc: DialogContext, state: S): Promise<DialogTurnResult>;
  /** What "cancel" says. */
  protected abstract cancelMessage(): Reply;

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
        await sendReply(dc.context, this.cancelMessage());
        return dc.endDialog({ outcome: 'cancelled' } satisfies GuidedOutcome);
      case 'escalate':
        return dc.endDialog({ outcome: 'escalate' } satisfies GuidedOutcome);
      case 'help':
        await sendReply(dc.context, { kind: 'info', markdown: this.help(state) });
        return this.advance(dc, state);
      case 'restart': {
        const fresh = await this.start(this.restartOptions(state), dc);
        dc.activeDialog!.state = fresh;
        await sendReply(dc.context, { kind: 'info', markdown: "OK, let's start over." });
        return this.advance(dc, fresh);
      }
      case 'back':
        if (!this.back(state)) await sendReply(dc.context, { kind: 'info', markdown: 'This is the first question.' });
        return this.advance(dc, state);
      default:
        break;
    }

    const accepted = await this.accept(state, input, dc);
    if (accepted.ok) {
      if (accepted.note) await sendReply(dc.context, { kind: 'info', markdown: accepted.note });
      return this.advance(dc, state);
    }
    if (looksLikeQuestion(input.text)) {
      const kb = this.services.knowledge();
      const result = kb.answer(input.text);
      if (result.kind === 'answer') {
        await sendReply(dc.context, answerReply(result, kb, { feedback: false }));
        await sendReply(dc.context, { kind: 'info', markdown: "Now, back to where we were:" });
        return this.advance(dc, state);
      }
    }
    await sendReply(dc.context, { kind: 'info', markdown: accepted.message });
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
    await sendReply(dc.context, next);
    return Dialog.EndOfTurn;
  }
}
