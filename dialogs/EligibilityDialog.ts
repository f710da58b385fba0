/**
 * The guided duty-free check: "does my shipment get duty-free entry?", one question at a time.
 * The steps are records in ./steps/eligibility.ts (the dialog's own entry-date question, then
 * the rule file's next question), run by the GuidedDialog base; what an answer means is read
 * by `readAnswer` (src/rules/parse/reading.ts). This class starts the check and gives the verdict.
 *
 *   start     facts already in the first message are taken (extractFacts) and said back
 *             ("Noted: …"); a past arrival without a usable day asks the entry date first
 *   loop      the rules engine's `nextQuestion` decides what to ask, so only facts that can
 *             change the result are asked; buttons where answers are few, always "Not sure"
 *   facts     facts typed mid-check instead of (or besides) the answer — "it came from China in
 *             May 2025" — are all taken (`factsInAnswer`), said back, and undone together by
 *             "back"; a month in which the rules changed asks the day, as at the start
 *   date      the engine assumes today when no date is given; the first question says so and
 *             offers "Different date", "change date" works at every step, and the verdict
 *             repeats the date it was checked for — nobody is silently assessed for the wrong day
 *   finish    `assess` → the verdict (headline "Result: …", reasons with dates and sources,
 *             next steps, legal basis, the guidance reminder, the answers as facts), then the
 *             ways on: check another shipment, ask a question, email the E-Commerce team
 *
 * Help, back, restart, cancel, "talk to a person" and knowledge questions mid-check are the
 * GuidedDialog base's. The state is plain JSON; "today" is read from the injected clock on
 * every turn, never from the wall clock.
 */
import { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { quoteUserText, type Reply } from '../src/replies';
import { catalog, fill } from '../src/messages';
import { easternDate } from '../src/dates';
import { assess, extractFacts, mentionsPastArrival } from '../src/rules';
import { withTyposCorrected } from '../src/understanding';
import { describeFacts, verdictReply } from './verdict';
import { GuidedDialog, type GuidedOutcome } from './GuidedDialog';
import { ELIGIBILITY_DIALOG, type EligibilityOptions } from './ids';
import type { BotServices } from './services';
import { ELIGIBILITY_STEPS, restorePrevious, type EligibilityContext, type EligibilityState } from './steps/eligibility';

export { ELIGIBILITY_LABELS, verdictReply } from './verdict';
export type { EligibilityState } from './steps/eligibility';

/** Internal start options: a restart forgets the first message and the intro. */
interface StartOptions extends EligibilityOptions {
  restart?: boolean;
}

export class EligibilityDialog extends GuidedDialog<EligibilityState, EligibilityContext> {
  protected readonly steps = ELIGIBILITY_STEPS;

  constructor(services: BotServices) {
    super(ELIGIBILITY_DIALOG, services);
  }

  /** Text the person typed, with its typos corrected, as `understand()` reads a message. */
  private corrected(text: string): string {
    return withTyposCorrected(text, { kb: this.services.knowledge(), names: this.services.names() }, this.services.rules());
  }

  /** Today in U.S. Eastern time, from the injected clock. */
  private today(): string {
    return easternDate(this.services.clock());
  }

  private words(dc?: DialogContext): EligibilityContext['m'] {
    return catalog(dc?.context.activity.locale).eligibility;
  }

  protected override stepContext(dc: DialogContext): EligibilityContext {
    return { m: this.words(dc), today: this.today(), rules: this.services.rules(), corrected: (text) => this.corrected(text) };
  }

  protected override start(options: unknown, dc: DialogContext): EligibilityState {
    const m = this.words(dc);
    const opts = (options && typeof options === 'object' ? options : {}) as StartOptions;
    const state: EligibilityState = { facts: {}, history: [], preface: opts.restart ? [] : [m.intro] };
    const rules = this.services.rules();
    if (opts.facts) {
      // "Check with other details" after a verdict from a message: keep those facts, ask the day
      // first (the detail that most often differs), then whatever else can change the result.
      state.facts = { ...opts.facts };
      delete state.facts.entryDate;
      const understood = describeFacts(state.facts, rules);
      if (understood.length > 0) state.preface.push(fill(m.fromMessageRestart, { facts: understood.join(', ') }));
      state.asking = 'entryDate';
      return state;
    }
    const text = typeof opts.text === 'string' ? opts.text : '';
    if (!text.trim()) return state;

    const extracted = extractFacts(this.corrected(text), this.today(), rules);
    // What the message understanding read beyond that (DHL → by courier, Temu → a purchase).
    state.facts = { ...opts.known, ...extracted.facts };
    if (extracted.foreignMoney) state.foreignMoney = extracted.foreignMoney;
    const understood = describeFacts(state.facts, rules);
    if (understood.length > 0) state.preface.push(fill(m.noted, { facts: understood.join(', ') }));
    if (extracted.unclearDate) {
      // A month or year in which the rules changed: the exact day decides.
      state.preface.push(fill(m.youSaid, { text: quoteUserText(extracted.unclearDate.text), notes: extracted.notes.join(' ') }));
      state.asking = 'entryDate';
    } else {
      if (extracted.notes.length > 0) state.preface.push(extracted.notes.join(' '));
      // A date that could not be used, or goods that already arrived: today cannot be assumed.
      if (state.facts.entryDate === undefined && (extracted.notes.length > 0 || mentionsPastArrival(text))) state.asking = 'entryDate';
    }
    return state;
  }

  protected override restartOptions(): StartOptions {
    return { restart: true };
  }

  protected override helpWhenDone({ m }: EligibilityContext): string {
    return m.commands;
  }

  /** "Back" undoes the last answer taken, whichever step took it (one message may state several facts). */
  protected override back(state: EligibilityState): boolean {
    return restorePrevious(state);
  }

  protected override async finish(dc: DialogContext, state: EligibilityState): Promise<DialogTurnResult> {
    const today = this.today();
    const rules = this.services.rules();
    const assessment = assess(state.facts, rules, today);
    // What was understood from the first message when no question was needed.
    const preface = state.preface.splice(0).filter((p) => p !== this.words(dc).intro);
    if (preface.length > 0) await this.say(dc, { kind: 'info', markdown: preface.join('\n\n') });
    await this.say(dc, verdictReply(assessment, rules, { today, dateAssumed: state.facts.entryDate === undefined }));
    this.services.logger.info({ event: 'eligibility-verdict', verdict: assessment.verdict, kind: state.facts.kind ?? null }, 'duty-free check finished');
    return dc.endDialog({ outcome: 'completed' } satisfies GuidedOutcome);
  }

  protected override cancelMessage(dc: DialogContext): Reply {
    const m = this.words(dc);
    return { kind: 'info', markdown: m.cancelled, suggestions: m.afterCancel.map((label) => ({ label })) };
  }
}
