/**
 * The steps of the guided duty-free check, as data, run by the GuidedDialog base:
 *
 *   entryDate   the dialog's own question, asked when `asking` says so: goods that already
 *               arrived, "change date", a month in which the rules changed, "other details"
 *   rules       the rule file's next question (`nextQuestion`): only facts that can change the
 *               result are asked, in the order knowledge/rules/duty-free.yaml gives
 *
 * Both ask a rules-engine `Question` and take the answer the same way: `readAnswer`
 * (src/rules/parse/reading.ts) says what the message means, and `answerFact` only routes on it.
 * The words come from the eligibility catalog (src/messages/en/eligibility.ts).
 */
import { quoteUserText, type Reply, type Suggestion } from '../../src/replies';
import { fill, type Catalog } from '../../src/messages';
import { displayDate } from '../../src/dates';
import {
  applyAnswer,
  formatUsd,
  nextQuestion,
  questionFor,
  readAnswer,
  UNKNOWN,
  type FactKey,
  type FactsInAnswer,
  type Question,
  type RuleSet,
  type ShipmentFacts,
} from '../../src/rules';
import type { Accepted, GuidedStep, TurnInput } from '../GuidedDialog';
import { describeFacts } from '../verdict';

/** A question the dialog asks on its own; every other question comes from `nextQuestion`. */
export type OwnQuestion = 'entryDate';

/** What "back" goes back to: the facts and the question before an answer was taken. */
export interface Snapshot {
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

/** What the steps need besides the state, read once per turn. */
export interface EligibilityContext {
  m: Catalog['eligibility'];
  /** Today, YYYY-MM-DD, U.S. Eastern, from the injected clock. */
  today: string;
  rules: RuleSet;
  /** An answer as typed, with its typos corrected ("Chnia" → "China"; see `withTyposCorrected`). */
  corrected: (text: string) => string;
}

type Step = GuidedStep<EligibilityState, EligibilityContext>;

/**
 * The state as "back" will restore it.
 *
 * @example
 * snapshot({ facts: { kind: 'gift' }, asking: 'entryDate', history: [], preface: [] }); // { facts: { kind: 'gift' }, asking: 'entryDate' }
 */
export function snapshot(state: EligibilityState): Snapshot {
  const snap: Snapshot = { facts: { ...state.facts } };
  if (state.asking) snap.asking = state.asking;
  return snap;
}

/** Undoes the last answer taken (one message, however many facts it stated); false when there is none. */
export function restorePrevious(state: EligibilityState): boolean {
  const previous = state.history.pop();
  if (!previous) return false;
  state.facts = previous.facts;
  if (previous.asking) state.asking = previous.asking;
  else delete state.asking;
  return true;
}

/** The engine's choices as buttons that send their label; "None of these" and "Not sure" stay within the first six (Teams shows six). */
function buttons(q: Question): Suggestion[] {
  const choices = (q.choices ?? []).map((c) => ({ label: c.label }));
  if (q.fact !== 'contents' || choices.length <= 6) return choices;
  const last = choices.slice(-2);
  return [...choices.slice(0, 4), ...last, ...choices.slice(4, -2)];
}

/** The question, after what is waiting to be said (the intro, what was understood, the day checked). */
function prompt(q: Question, state: EligibilityState, { m, today, rules }: EligibilityContext): Reply {
  const paragraphs = state.preface.splice(0);
  const dateAssumed = state.facts.entryDate === undefined && q.fact !== 'entryDate';
  // The first question says which day is checked, with a way to change it.
  if (dateAssumed && state.history.length === 0) paragraphs.push(fill(m.checkingToday, { date: displayDate(today) }));
  if (q.fact === 'valueUsd' && state.foreignMoney) paragraphs.push(fill(m.foreignMoney, state.foreignMoney));
  let text = `**${q.prompt}**`;
  if (q.fact === 'contents') {
    const items = rules.contents.filter((c) => q.choices?.some((choice) => choice.value === c.id));
    text += `\n\n${items.map((c) => `- **${c.label}**: ${c.help}`).join('\n')}`;
  }
  paragraphs.push(text);
  const suggestions = buttons(q);
  if (dateAssumed && state.history.length === 0) suggestions.push({ label: m.labels.differentDate });
  return { kind: 'prompt', markdown: paragraphs.join('\n\n'), suggestions };
}

function help(q: Question, { m }: EligibilityContext): string {
  const how = q.choices && q.choices.length > 1 ? m.helpChoose : m.helpType;
  const unsure = q.choices?.some((c) => c.value === UNKNOWN) ? ` ${m.helpUnsure}` : '';
  return [q.help, `${how}${unsure}`, m.commands].join('\n\n');
}

/**
 * Takes every fact a message states, with one snapshot (so "back" undoes the whole message),
 * and says them back; a month in which the rules changed, or goods that already arrived with
 * no day given, make the date the next question, as at the start.
 */
function takeStatement(state: EligibilityState, stated: FactsInAnswer, asked: FactKey, { m, rules }: EligibilityContext): Accepted {
  state.history.push(snapshot(state));
  const before = state.facts;
  state.facts = { ...state.facts, ...stated.facts };
  if (stated.facts.valueUsd !== undefined) delete state.foreignMoney;
  else if (stated.foreignMoney) state.foreignMoney = stated.foreignMoney;
  if (stated.askDate) state.asking = 'entryDate';
  else if (asked === 'entryDate' && stated.facts.entryDate !== undefined) delete state.asking;

  const paragraphs: string[] = [];
  const understood = describeFacts(stated.facts, rules);
  if (understood.length > 0) paragraphs.push(fill(m.noted, { facts: understood.join(', ') }));
  if (stated.unclearDate) paragraphs.push(fill(m.youSaid, { text: quoteUserText(stated.unclearDate.text), notes: stated.notes.join(' ') }));
  else if (stated.notes.length > 0) paragraphs.push(stated.notes.join(' '));
  if (stated.kept.length > 0) {
    const earlier = describeFacts(Object.fromEntries(stated.kept.map((k) => [k, before[k]])) as ShipmentFacts, rules);
    if (earlier.length > 0) {
      const how = stated.kept.includes('entryDate') ? m.keptHowDate : m.keptHowRestart;
      paragraphs.push(fill(m.keptEarlier, { facts: earlier.join(', '), how }));
    }
  }
  return paragraphs.length > 0 ? { ok: true, note: paragraphs.join('\n\n') } : { ok: true };
}

/** The text of a message, or of a card's submit (`{ text }`). */
function answerText(input: TurnInput): string {
  if (input.text) return input.text;
  const value = input.value as { text?: unknown } | undefined;
  return value && typeof value.text === 'string' ? value.text.trim() : '';
}

/** Routes an answer to `q` on what `readAnswer` says it means. */
function answerFact(q: Question, state: EligibilityState, input: TurnInput, context: EligibilityContext): Accepted {
  const { m, today, rules } = context;
  const reading = readAnswer(context.corrected(answerText(input)), q, { today, rules, facts: state.facts });
  switch (reading.kind) {
    case 'empty':
      return { ok: false, message: m.noAnswer };
    case 'new-check':
      // "Check my shipment" (or the verdict's "Check another shipment" button) mid-check: a new check.
      Object.assign(state, { facts: {}, history: [], preface: [] });
      delete state.asking;
      delete state.foreignMoney;
      return { ok: true, note: m.newCheck };
    case 'change-date':
      if (q.fact === 'entryDate') return { ok: false, message: m.typeTheDay };
      state.history.push(snapshot(state));
      state.asking = 'entryDate';
      return { ok: true };
    case 'too-long':
      return { ok: false, message: m.answerTooLong };
    case 'markup':
      return { ok: false, message: m.plainTextOnly };
    case 'statement':
      return takeStatement(state, reading.stated, q.fact, context);
    case 'one-date':
      return { ok: false, message: m.oneDate };
    case 'rules-changed':
      return { ok: false, message: fill(m.rulesChanged, { dates: reading.changes.map(displayDate).join(m.and), example: displayDate(reading.changes[0]!) }) };
    case 'unclear':
      return { ok: false, message: m.answerOrQuestion };
    case 'retry':
      return { ok: false, message: reading.message };
    case 'answer':
      break;
  }
  const parsed = reading.answer;
  state.history.push(snapshot(state));
  state.facts = applyAnswer(state.facts, parsed);
  if (q.fact === 'entryDate') delete state.asking;
  if (q.fact === 'valueUsd') delete state.foreignMoney;
  let note = parsed.note;
  if (reading.sayBack === 'entryDate') note = fill(parsed.value === today ? m.notedEntryDateToday : m.notedEntryDate, { date: displayDate(parsed.value as string) });
  if (reading.sayBack === 'amount') note = fill(m.notedAmount, { amount: formatUsd(parsed.value as number) });
  return note ? { ok: true, note } : { ok: true };
}

/**
 * A step that asks a rules-engine question: `questionOf` gives it (undefined when there is
 * nothing to ask); "back" undoes the last answer, whichever step took it.
 */
function questionStep(id: string, questionOf: (state: EligibilityState, context: EligibilityContext) => Question | undefined, skipIf?: Step['skipIf']): Step {
  return {
    id,
    ...(skipIf ? { skipIf } : {}),
    filled: (state, context) => questionOf(state, context) === undefined,
    prompt: (state, context) => prompt(questionOf(state, context)!, state, context),
    help: (state, context) => help(questionOf(state, context)!, context),
    parse: (state, input, context) => answerFact(questionOf(state, context)!, state, input, context),
    back: (state) => {
      restorePrevious(state);
    },
  };
}

/** The steps, in order. */
export const ELIGIBILITY_STEPS: readonly Step[] = [
  questionStep('entryDate', (s, { today, rules }) => questionFor('entryDate', s.facts, rules, today), (s) => s.asking !== 'entryDate'),
  questionStep('rules', (s, { today, rules }) => nextQuestion(s.facts, rules, today)),
];
