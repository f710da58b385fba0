/**
 * The root of every conversation. It stays on the dialog stack for the whole conversation;
 * a guided dialog (the duty-free check, the email) runs above it and, when it ends, hands back
 * an outcome here. A message with no guided dialog active is routed in this order:
 * small talk and commands, then "email a person", then "check my shipment", then the
 * knowledge base.
 */
import { Dialog, DialogContext, DialogReason, DialogTurnResult } from 'botbuilder-dialogs';
import { detectIntent } from '../src/intents';
import { sendReply } from '../src/channels/render';
import type { QuestionOutcome } from '../src/records';
import type { GuidedOutcome } from './GuidedDialog';
import {
  answerReply,
  capabilitiesReply,
  feedbackThanksReply,
  goodbyeReply,
  greetingReply,
  notHelpfulReply,
  nothingToCancelReply,
  thanksReply,
  welcomeReply,
} from './messages';
import type { BotServices } from './services';

export const MAIN_DIALOG = 'main';
export const ELIGIBILITY_DIALOG = 'eligibility';
export const ESCALATION_DIALOG = 'escalation';

/** What the main dialog remembers between turns (plain JSON in conversation state). */
export interface MainState {
  /** The document answered last, for "Helpful / Not helpful". */
  lastAnswerId?: string;
  /** The question that document answered: what "Not helpful" offers to email. */
  lastQuestion?: string;
  /** The last question the bot could not answer confidently: the default text of an email. */
  lastUnanswered?: string;
  /** Titles of the documents the bot guessed for that question. */
  lastGuesses?: string[];
}

/** Options for the escalation dialog. */
export interface EscalationOptions {
  question?: string;
  guesses?: string[];
}

/** Options for the eligibility dialog: the first message, which may already hold facts. */
export interface EligibilityOptions {
  text?: string;
}

export class MainDialog extends Dialog {
  constructor(private readonly services: BotServices) {
    super(MAIN_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = {} satisfies MainState;
    return this.route(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.route(dc);
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: GuidedOutcome): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as MainState;
    if (result?.outcome === 'escalate') {
      return dc.beginDialog(ESCALATION_DIALOG, { question: result.question ?? state.lastUnanswered, guesses: state.lastGuesses } satisfies EscalationOptions);
    }
    return Dialog.EndOfTurn;
  }

  private async route(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as MainState;
    const text = (dc.context.activity.text ?? '').trim();
    const say = (reply: Parameters<typeof sendReply>[1]) => sendReply(dc.context, reply);

    switch (detectIntent(text)) {
      case 'greeting':
        await say(greetingReply());
        return Dialog.EndOfTurn;
      case 'thanks':
        await say(thanksReply());
        return Dialog.EndOfTurn;
      case 'goodbye':
        await say(goodbyeReply());
        return Dialog.EndOfTurn;
      case 'capabilities':
      case 'help':
        await say(capabilitiesReply());
        return Dialog.EndOfTurn;
      case 'restart':
        await say(welcomeReply());
        return Dialog.EndOfTurn;
      case 'cancel':
      case 'back':
        await say(nothingToCancelReply());
        return Dialog.EndOfTurn;
      case 'escalate':
        return dc.beginDialog(ESCALATION_DIALOG, { question: state.lastUnanswered, guesses: state.lastGuesses } satisfies EscalationOptions);
      case 'check-shipment':
        return dc.beginDialog(ELIGIBILITY_DIALOG, { text } satisfies EligibilityOptions);
      case 'helpful':
      case 'not-helpful':
        return this.takeFeedback(dc, state, text);
      default:
        return this.answerQuestion(dc, state, text);
    }
  }

  private async takeFeedback(dc: DialogContext, state: MainState, text: string): Promise<DialogTurnResult> {
    const helpful = detectIntent(text) === 'helpful';
    if (!state.lastAnswerId) return this.answerQuestion(dc, state, text);
    await this.services.records.append({
      type: 'feedback',
      at: this.services.clock().toISOString(),
      channelId: dc.context.activity.channelId,
      docId: state.lastAnswerId,
      helpful,
    });
    const doc = this.services.knowledge().get(state.lastAnswerId);
    if (!helpful) {
      // The question they asked was not answered well: offer it for the email.
      state.lastUnanswered = state.lastQuestion;
      state.lastGuesses = doc ? [doc.title] : state.lastGuesses;
    }
    state.lastAnswerId = undefined;
    await sendReply(dc.context, helpful ? feedbackThanksReply() : notHelpfulReply());
    return Dialog.EndOfTurn;
  }

  private async answerQuestion(dc: DialogContext, state: MainState, text: string): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const result = kb.answer(text);
    const answered = result.kind === 'answer';
    state.lastAnswerId = answered ? result.best!.id : undefined;
    state.lastQuestion = text;
    if (answered) {
      state.lastUnanswered = undefined;
      state.lastGuesses = undefined;
    } else {
      state.lastUnanswered = text;
      state.lastGuesses = [result.best, ...result.alternatives].filter((d) => d !== undefined).map((d) => d!.title);
    }
    await this.services.records.append({
      type: 'question',
      at: this.services.clock().toISOString(),
      channelId: dc.context.activity.channelId,
      outcome: result.kind as QuestionOutcome,
      confidence: Math.round(result.confidence * 1000) / 1000,
      docId: result.best?.id,
      topic: result.best?.topic,
      text: answered ? undefined : text,
    });
    await sendReply(dc.context, answerReply(result, kb));
    return Dialog.EndOfTurn;
  }
}
