/**
 * The root of every conversation. It stays on the dialog stack for the whole conversation;
 * a guided dialog (the duty-free check, the email) runs above it and, when it ends, hands back
 * an outcome here. A message with no guided dialog active is routed in this order:
 * small talk and commands, then "email a person", then "check my shipment", then the
 * knowledge base.
 */
// The module, not the package index (which loads the recognizers-text packages): issue 15.
import { Dialog, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { detectIntent, type Intent } from '../src/intents';
import type { QuestionOutcome } from '../src/records';
import type { GuidedOutcome } from './GuidedDialog';
import { directVerdictReply } from './verdict';
import { removeCardNumbers } from '../src/escalation';
import { familyOf } from '../src/knowledge';
import { easternDate, type ShipmentFacts } from '../src/rules';
import { factsStated } from '../src/understanding';
import { UnderstandingCache } from './understandingCache';
import { AnswerReplies, type AnsweredParts } from './answerReplies';
import {
  aboutMeReply,
  capabilitiesReply,
  partsReply,
  feedbackThanksReply,
  goodbyeReply,
  greetingReply,
  notHelpfulReply,
  nothingToCancelReply,
  thanksReply,
  welcomeReply,
} from './messages';
import type { BotServices } from './services';
import type { Reply } from '../src/replies';
import { ELIGIBILITY_DIALOG, ESCALATION_DIALOG, MAIN_DIALOG, type EligibilityOptions, type EscalationOptions } from './ids';

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
  /** The facts of the shipment last judged from a message: "Check with other details" starts from them. */
  lastShipment?: ShipmentFacts;
}

/** Intents answered with the same words whatever the conversation holds. */
const FIXED_REPLIES: Partial<Record<Intent, () => Reply>> = {
  greeting: greetingReply,
  thanks: thanksReply,
  goodbye: goodbyeReply,
  capabilities: capabilitiesReply,
  'about-me': aboutMeReply,
  help: capabilitiesReply,
  restart: welcomeReply,
  // Nothing is under way here (a guided dialog handles its own cancel and back).
  cancel: nothingToCancelReply,
  back: nothingToCancelReply,
};

export class MainDialog extends Dialog {
  /** The same words understood once (performance, issue 15; see understandingCache.ts). */
  private readonly understanding: UnderstandingCache;
  /** The reply to a kept understanding, made once (answerReplies.ts). */
  private readonly replies = new AnswerReplies();

  constructor(private readonly services: BotServices) {
    super(MAIN_DIALOG);
    this.understanding = new UnderstandingCache(services.understandingCacheEntries);
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
    const say = (reply: Reply) => this.services.send(dc.context, reply);

    const intent = detectIntent(text);
    const fixed = intent && FIXED_REPLIES[intent];
    if (fixed) {
      await say(fixed());
      return Dialog.EndOfTurn;
    }
    switch (intent) {
      case 'escalate':
        return dc.beginDialog(ESCALATION_DIALOG, { question: state.lastUnanswered, guesses: state.lastGuesses } satisfies EscalationOptions);
      case 'check-other-details':
        return dc.beginDialog(ELIGIBILITY_DIALOG, (state.lastShipment ? { facts: state.lastShipment } : { text }) satisfies EligibilityOptions);
      case 'check-shipment':
        return this.understandMessage(dc, state, text, true);
      case 'helpful':
      case 'not-helpful':
        return this.takeFeedback(dc, state, text);
      default:
        return this.understandMessage(dc, state, text, false);
    }
  }

  /**
   * A question or a story: the rules engine's verdict for the person's own shipment, the guided
   * check when a deciding fact is missing (or the person asked for a check), else the knowledge
   * base's answer for each question in the message.
   */
  private async understandMessage(dc: DialogContext, state: MainState, text: string, askedForCheck: boolean): Promise<DialogTurnResult> {
    const today = easternDate(this.services.clock());
    const understood = this.understanding.understand(text, { kb: this.services.knowledge(), rules: this.services.rules(), names: this.services.names(), today });
    if (understood.kind === 'verdict') {
      const rules = this.services.rules();
      // "Check with other details" asks again what the verdict only assumed.
      state.lastShipment = factsStated(understood.reading);
      state.lastAnswerId = undefined;
      state.lastQuestion = removeCardNumbers(text);
      await this.record(dc, { outcome: 'answer', confidence: 1, topic: 'verdict' });
      this.services.logger.info({ event: 'eligibility-verdict', verdict: understood.assessment.verdict, from: 'message' }, 'verdict from the facts in a message');
      for (const reply of directVerdictReply(understood.reading, understood.assessment, rules, { today, others: understood.others })) await this.services.send(dc.context, reply);
      return Dialog.EndOfTurn;
    }
    if (understood.kind === 'check') return dc.beginDialog(ELIGIBILITY_DIALOG, { text, known: understood.reading.facts } satisfies EligibilityOptions);
    if (askedForCheck) return dc.beginDialog(ELIGIBILITY_DIALOG, { text } satisfies EligibilityOptions);
    return this.answerQuestion(dc, state, text, understood);
  }

  private async record(dc: DialogContext, fields: { outcome: QuestionOutcome; confidence: number; docId?: string; topic?: string; text?: string }): Promise<void> {
    await this.services.records.append({
      type: 'question',
      at: this.services.clock().toISOString(),
      channelId: dc.context.activity.channelId,
      outcome: fields.outcome,
      confidence: Math.round(fields.confidence * 1000) / 1000,
      docId: fields.docId,
      topic: fields.topic,
      text: fields.text,
    });
  }

  private async takeFeedback(dc: DialogContext, state: MainState, text: string): Promise<DialogTurnResult> {
    const helpful = detectIntent(text) === 'helpful';
    if (!state.lastAnswerId) return this.understandMessage(dc, state, text, false);
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
    await this.services.send(dc.context, helpful ? feedbackThanksReply() : notHelpfulReply());
    return Dialog.EndOfTurn;
  }

  private async answerQuestion(dc: DialogContext, state: MainState, text: string, understood: AnsweredParts): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const { main, others } = understood;
    const result = main.result;
    const answered = result.kind === 'answer';
    // The topic, not the version: feedback follows it when the version in force changes.
    state.lastAnswerId = answered ? familyOf(result.best!) : undefined;
    // Kept in conversation state (on disk when scaled out): never with a card number in it.
    state.lastQuestion = removeCardNumbers(text);
    if (answered) {
      state.lastUnanswered = undefined;
      state.lastGuesses = undefined;
    } else {
      state.lastUnanswered = state.lastQuestion;
      state.lastGuesses = [result.best, ...result.alternatives].filter((d) => d !== undefined).map((d) => d!.title);
    }
    await this.record(dc, { outcome: result.kind as QuestionOutcome, confidence: result.confidence, docId: result.best && familyOf(result.best), topic: result.best?.topic, text: answered ? undefined : text });
    // The same understanding (kept by the cache) gets the same reply object, made once.
    await this.services.send(dc.context, this.understanding.keeps(text) ? this.replies.reply(understood, kb) : partsReply(main, others, kb));
    return Dialog.EndOfTurn;
  }
}
