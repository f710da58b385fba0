/**
 * The guided duty-free check: "does my shipment get duty-free entry?", one question at a time.
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
import * as chrono from 'chrono-node';
import { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/channels/render';
import { escapeMarkdownText, quoteUserText, type Reply, type Suggestion } from '../src/channels/reply';
import { LABELS } from '../src/intents';
import {
  applyAnswer,
  assess,
  countryName,
  extractFacts,
  factsInAnswer,
  formatDate,
  formatUsd,
  isUnsure,
  mentionsPastArrival,
  nextQuestion,
  parseAnswer,
  parseDate,
  questionFor,
  rulesChangeBetween,
  todayInEastern,
  UNKNOWN,
  type Assessment,
  type FactKey,
  type FactsInAnswer,
  type Question,
  type Reason,
  type RuleSet,
  type ShipmentFacts,
} from '../src/rules';
import { describeFacts, ELIGIBILITY_LABELS, verdictReply } from './verdict';
import { GuidedDialog, looksLikeQuestion, type Accepted, type GuidedOutcome, type TurnInput } from './GuidedDialog';
import { ELIGIBILITY_DIALOG, type EligibilityOptions } from './ids';
import type { BotServices } from './services';

export { ELIGIBILITY_LABELS, verdictReply } from './verdict';

/** A question the dialog asks on its own; every other question comes from `nextQuestion`. */
type OwnQuestion = 'entryDate';

/** What "back" goes back to: the facts and the question before an answer was taken. */
interface Snapshot {
  facts: ShipmentFacts;
  asking?: OwnQuestion;
}

/** The dialog's state: plain JSON in the dialog stack, so any bot instance can continue. */
export interface EligibilityState {
  /** The facts so far (a missing entry date means today). */
  facts: ShipmentFacts;
  /** Set while the dialog asks the entry date itself (the engine never asks it). */
  asking?: OwnQuestion;
  /** One snapshot per answer taken, newest last, for "back". */
  history: Snapshot[];
  /** Paragraphs to show before the next question (the intro, what was understood). */
  preface: string[];
  /** An amount in another currency from the first message: ask for U.S. dollars. */
  foreignMoney?: { currency: string; amount: number };
}

/** Internal start options: a restart forgets the first message and the intro. */
interface StartOptions extends EligibilityOptions {
  restart?: boolean;
}

/** "Change date" and the like, at any step. */
const CHANGE_DATE =
  /^(?:change (?:the )?(?:arrival |entry )?date|different date|another date|other date|wrong date|new date|set (?:the )?date|not today|it (?:arrived|came|comes|arrives|will arrive) (?:on )?(?:another|a different|an other) day|(?:another|a different) day)$/;
/** Asking for a check while one is running starts a new one. */
const NEW_CHECK = /^(?:check (?:my |a |another |the )?(?:shipment|package|parcel|order)s?|check another one|new check|start a new check)$/;
/**
 * A question someone asks instead of answering (the base sends it on to the knowledge base):
 * it starts with a question word, or with a verb and ends with "?" — "May 20 2025" and
 * "was delivered on 1 March" are answers.
 */
const WH_WORD = /^(?:what|what's|whats|how|why|where|who|which)\b/i;
const VERB_FIRST = /^(?:can|could|is|are|was|were|do|does|did|should|will|would|when)\b.*\?\s*$/is;
/** HTML or XML tags. */
const MARKUP = /<\/?[a-z!][^>]*>/i;
/** An amount typed as just an amount ("$1,200.50", "300 dollars", "US$45"): no need to say it back. */
const PLAIN_AMOUNT = /^\s*(?:us\s?)?\$?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|usd|us dollars?|dollars?|bucks)?\s*$/i;
/** Longer than this, a message is not an answer to one of these questions. */
const MAX_ANSWER_CHARS = 300;

const INTRO = "Let's check whether your shipment gets duty-free entry. I'll ask only what matters for the result.";
const COMMANDS =
  'You can say "back" to change your last answer, "change date" to check another arrival date, "restart" to start over or "cancel" to stop. You can also ask me a question at any time.';

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[^\p{L}\p{N}$'\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The day before a YYYY-MM-DD date (UTC arithmetic: the machine's time zone never shifts it). */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export class EligibilityDialog extends GuidedDialog<EligibilityState> {
  constructor(services: BotServices) {
    super(ELIGIBILITY_DIALOG, services);
  }

  /** Today in U.S. Eastern time, from the injected clock. */
  private today(): string {
    return todayInEastern(this.services.clock());
  }

  protected override start(options: unknown): EligibilityState {
    const opts = (options && typeof options === 'object' ? options : {}) as StartOptions;
    const state: EligibilityState = { facts: {}, history: [], preface: opts.restart ? [] : [INTRO] };
    const rulesNow = this.services.rules();
    if (opts.facts) {
      // "Check with other details" after a verdict from a message: keep those facts, ask the day
      // first (the detail that most often differs), then whatever else can change the result.
      state.facts = { ...opts.facts };
      delete state.facts.entryDate;
      const understood = describeFacts(state.facts, rulesNow);
      if (understood.length > 0) state.preface.push(`From your message: ${understood.join(', ')}. To change one of these, say "restart" and answer from the beginning.`);
      state.asking = 'entryDate';
      return state;
    }
    const text = typeof opts.text === 'string' ? opts.text : '';
    if (!text.trim()) return state;

    const rules = this.services.rules();
    const extracted = extractFacts(text, this.today(), rules);
    // What the message understanding read beyond that (DHL → by courier, Temu → a purchase).
    state.facts = { ...opts.known, ...extracted.facts };
    if (extracted.foreignMoney) state.foreignMoney = extracted.foreignMoney;
    const understood = describeFacts(state.facts, rules);
    if (understood.length > 0) state.preface.push(`Noted: ${understood.join(', ')}.`);
    if (extracted.unclearDate) {
      // A month or year in which the rules changed: the exact day decides.
      state.preface.push(`You said ${quoteUserText(extracted.unclearDate.text)}. ${extracted.notes.join(' ')}`);
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

  /** The question to ask now, or undefined when a result is possible. */
  private current(state: EligibilityState, today: string): Question | undefined {
    const rules = this.services.rules();
    if (state.asking) return questionFor(state.asking, state.facts, rules, today);
    return nextQuestion(state.facts, rules, today);
  }

  protected override question(state: EligibilityState): Reply | undefined {
    const today = this.today();
    const q = this.current(state, today);
    if (!q) return undefined;
    const rules = this.services.rules();
    const paragraphs = state.preface.splice(0);
    const dateAssumed = state.facts.entryDate === undefined && q.fact !== 'entryDate';
    // The first question says which day is checked, with a way to change it.
    if (dateAssumed && state.history.length === 0) {
      paragraphs.push(`I'm checking for goods that arrive today, ${formatDate(today)}. If yours arrived (or will arrive) on another day, choose "${ELIGIBILITY_LABELS.differentDate}".`);
    }
    if (q.fact === 'valueUsd' && state.foreignMoney) {
      paragraphs.push(`You mentioned ${state.foreignMoney.amount} ${state.foreignMoney.currency}. I need the value in U.S. dollars.`);
    }
    let prompt = `**${q.prompt}**`;
    if (q.fact === 'contents') {
      const items = rules.contents.filter((c) => q.choices?.some((choice) => choice.value === c.id));
      prompt += `\n\n${items.map((c) => `- **${c.label}**: ${c.help}`).join('\n')}`;
    }
    paragraphs.push(prompt);
    const suggestions: Suggestion[] = this.buttons(q);
    if (dateAssumed && state.history.length === 0) suggestions.push({ label: ELIGIBILITY_LABELS.differentDate });
    return { kind: 'prompt', markdown: paragraphs.join('\n\n'), suggestions };
  }

  /** The engine's choices as buttons that send their label; "None of these" and "Not sure" stay within the first six (Teams shows six). */
  private buttons(q: Question): Suggestion[] {
    const choices = (q.choices ?? []).map((c) => ({ label: c.label }));
    if (q.fact !== 'contents' || choices.length <= 6) return choices;
    const last = choices.slice(-2);
    return [...choices.slice(0, 4), ...last, ...choices.slice(4, -2)];
  }

  protected override help(state: EligibilityState): string {
    const q = this.current(state, this.today());
    if (!q) return COMMANDS;
    const how = q.choices && q.choices.length > 1 ? 'Choose a button or type your answer.' : 'Type your answer.';
    const unsure = q.choices?.some((c) => c.value === UNKNOWN) ? ' If you don\'t know, choose "Not sure": I will tell you what the result depends on.' : '';
    return [q.help, `${how}${unsure}`, COMMANDS].join('\n\n');
  }

  protected override accept(state: EligibilityState, input: TurnInput): Accepted {
    const today = this.today();
    const rules = this.services.rules();
    const q = this.current(state, today);
    if (!q) return { ok: true };
    const text = input.text || (input.value && typeof (input.value as { text?: unknown }).text === 'string' ? String((input.value as { text: string }).text).trim() : '');
    if (!text) return { ok: false, message: 'I did not get an answer. Please type it, or choose one of the buttons.' };

    // "Check my shipment" (or the verdict's "Check another shipment" button) mid-check: a new check.
    if (NEW_CHECK.test(normalise(text))) {
      Object.assign(state, this.start({ restart: true }));
      delete state.asking;
      delete state.foreignMoney;
      return { ok: true, note: "OK, let's start a new check." };
    }
    if (CHANGE_DATE.test(normalise(text))) {
      if (q.fact === 'entryDate') return { ok: false, message: 'Please type the day the goods arrived (or will arrive), for example "1 March 2025".' };
      state.history.push(this.snapshot(state));
      state.asking = 'entryDate';
      return { ok: true };
    }
    if (text.length > MAX_ANSWER_CHARS) {
      return { ok: false, message: 'That is longer than I can use as an answer. Please answer in a few words, or choose one of the buttons.' };
    }
    // Markup is never an answer ("<script>alert(1)</script>" must not become $1).
    if (MARKUP.test(text)) return { ok: false, message: 'Please type your answer as plain text, or choose one of the buttons.' };

    const key = normalise(text);
    const choice = q.choices?.find((c) => normalise(c.label) === key || c.value === key);
    // Facts typed instead of (or besides) the answer: "it came from China in May 2025".
    if (!choice) {
      const stated = factsInAnswer(text, state.facts, today, rules, q.fact);
      if (stated.statement) return this.takeStatement(state, stated, q.fact, rules);
    }
    const unsure = !choice && isUnsure(text);
    // "is $800 still duty free?" holds an amount, but it is a question: the base answers it.
    const asksSomething = !choice && !unsure && looksLikeQuestion(text) && (WH_WORD.test(text.trim()) || VERB_FIRST.test(text.trim()));

    if (q.fact === 'entryDate' && !choice && !unsure && !asksSomething) {
      const problem = this.dateProblem(text, today, rules);
      if (problem) return { ok: false, message: problem };
    }
    const parsed = parseAnswer(q.fact, choice ? choice.value : text, { today, rules, facts: state.facts });
    if (asksSomething) {
      return { ok: false, message: parsed.ok ? 'I could not tell whether that was your answer or a question. To answer, please type just the answer, or choose a button.' : parsed.message };
    }
    if (!parsed.ok) return { ok: false, message: parsed.message };

    state.history.push(this.snapshot(state));
    state.facts = applyAnswer(state.facts, parsed);
    if (q.fact === 'entryDate') delete state.asking;
    if (q.fact === 'valueUsd') delete state.foreignMoney;
    let note = parsed.note;
    if (!note && q.fact === 'entryDate' && typeof parsed.value === 'string' && parsed.value !== UNKNOWN) {
      note = `Noted: entry date ${formatDate(parsed.value)}${parsed.value === today ? ' (today)' : ''}.`;
    }
    // An amount read out of other words ("5 shirts") is said back, so a misreading shows.
    if (!note && typeof parsed.value === 'number' && !choice && /\d/.test(text) && !PLAIN_AMOUNT.test(text)) {
      note = `Noted: ${formatUsd(parsed.value)}.`;
    }
    return note ? { ok: true, note } : { ok: true };
  }

  /**
   * Takes every fact a message states, with one snapshot (so "back" undoes the whole message),
   * and says them back; a month in which the rules changed, or goods that already arrived with
   * no day given, make the date the next question, as at the start.
   */
  private takeStatement(state: EligibilityState, stated: FactsInAnswer, asked: FactKey, rules: RuleSet): Accepted {
    state.history.push(this.snapshot(state));
    const before = state.facts;
    state.facts = { ...state.facts, ...stated.facts };
    if (stated.facts.valueUsd !== undefined) delete state.foreignMoney;
    else if (stated.foreignMoney) state.foreignMoney = stated.foreignMoney;
    if (stated.askDate) state.asking = 'entryDate';
    else if (asked === 'entryDate' && stated.facts.entryDate !== undefined) delete state.asking;

    const paragraphs: string[] = [];
    const understood = describeFacts(stated.facts, rules);
    if (understood.length > 0) paragraphs.push(`Noted: ${understood.join(', ')}.`);
    if (stated.unclearDate) paragraphs.push(`You said ${quoteUserText(stated.unclearDate.text)}. ${stated.notes.join(' ')}`);
    else if (stated.notes.length > 0) paragraphs.push(stated.notes.join(' '));
    if (stated.kept.length > 0) {
      const earlier = describeFacts(Object.fromEntries(stated.kept.map((k) => [k, before[k]])) as ShipmentFacts, rules);
      if (earlier.length > 0) {
        const how = stated.kept.includes('entryDate') ? '"change date" for the date, or "restart"' : '"restart"';
        paragraphs.push(`I kept your earlier answer: ${earlier.join(', ')}. To change it, say ${how}.`);
      }
    }
    return paragraphs.length > 0 ? { ok: true, note: paragraphs.join('\n\n') } : { ok: true };
  }

  /**
   * Why a typed entry date cannot be used as it is, beyond what the parser checks: two dates in
   * one answer ("tomorrow's tomorrow"), or a month in which the rules changed.
   */
  private dateProblem(text: string, today: string, rules: RuleSet): string | undefined {
    const [y, m, d] = today.split('-').map(Number);
    const found = chrono.parse(text.toLowerCase(), { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 }, { forwardDate: false });
    if (found.length > 1) return 'Please give one date, for example "yesterday", "last Tuesday" or "1 March 2025".';
    const date = parseDate(text, today);
    if (date.ok && date.approximate) {
      const changes = rulesChangeBetween(rules, dayBefore(date.approximate.from), date.approximate.to);
      if (changes.length > 0) {
        return `The rules changed on ${changes.map(formatDate).join(' and ')}, so the exact day matters. Please give the day, for example "${formatDate(changes[0])}".`;
      }
    }
    return undefined;
  }

  private snapshot(state: EligibilityState): Snapshot {
    const snap: Snapshot = { facts: { ...state.facts } };
    if (state.asking) snap.asking = state.asking;
    return snap;
  }

  protected override back(state: EligibilityState): boolean {
    const previous = state.history.pop();
    if (!previous) return false;
    state.facts = previous.facts;
    if (previous.asking) state.asking = previous.asking;
    else delete state.asking;
    return true;
  }

  protected override async finish(dc: DialogContext, state: EligibilityState): Promise<DialogTurnResult> {
    const today = this.today();
    const rules = this.services.rules();
    const assessment = assess(state.facts, rules, today);
    // What was understood from the first message when no question was needed.
    const preface = state.preface.splice(0).filter((p) => p !== INTRO);
    if (preface.length > 0) await sendReply(dc.context, { kind: 'info', markdown: preface.join('\n\n') });
    await sendReply(dc.context, verdictReply(assessment, rules, { today, dateAssumed: state.facts.entryDate === undefined }));
    this.services.logger.info({ event: 'eligibility-verdict', verdict: assessment.verdict, kind: state.facts.kind ?? null }, 'duty-free check finished');
    return dc.endDialog({ outcome: 'completed' } satisfies GuidedOutcome);
  }

  protected override cancelMessage(): Reply {
    return {
      kind: 'info',
      markdown: 'OK, I stopped the check. What would you like to do next?',
      suggestions: [{ label: LABELS.checkShipment }, { label: LABELS.askQuestion }, { label: LABELS.email }],
    };
  }
}
