/**
 * The verdict of the duty-free rules as a reply, shared by the guided check and by a verdict
 * given straight from the facts in a message ("I ordered a $40 jacket from the UK, will I pay
 * duty?"). Channel-neutral: the channel layer renders it.
 */
import { catalog, fill } from '../src/messages';
import { buttons, quoteUserText, type Reply, type Suggestion } from '../src/replies';
import { countryName, displayDate, formatUsd, UNKNOWN, type Assessment, type Reason, type RuleSet, type ShipmentFacts } from '../src/rules';
import type { PartAnswer, ShipmentReading } from '../src/understanding';

const { eligibility: words, welcome } = catalog();
const LABELS = welcome.labels;

/** Button labels of the guided check (≤ 25 characters, read as what the person would say). */
export const ELIGIBILITY_LABELS = words.labels;

/** A verdict cites at most this many sources: the ones behind its reasons first. */
export const MAX_VERDICT_SOURCES = 3;

/**
 * The sources a verdict cites: those of its reasons first, then the rest, each once, at most
 * {@link MAX_VERDICT_SOURCES}.
 *
 * @example
 * verdictSources(assessment).length; // ≤ 3
 */
export function verdictSources(assessment: Assessment): { title: string; url: string }[] {
  const seen = new Set<string>();
  const out: { title: string; url: string }[] = [];
  for (const s of [...assessment.reasons.flatMap((r) => r.sources), ...assessment.sources]) {
    const key = s.url.replace(/[#?].*$/, '').replace(/\/$/, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out.slice(0, MAX_VERDICT_SOURCES);
}

/** Country names that read with "the" ("from the United Kingdom"). */
const NEEDS_THE = /^(?:United |U\.S\. |Democratic Republic|Central African|Republic of|Dominican Republic|Czech Republic|Bahamas|Gambia|Maldives|Netherlands|Philippines|.*Islands$)/;

/** "from the United Kingdom", "from Canada". */
function fromCountry(code: string): string {
  const name = countryName(code);
  return NEEDS_THE.test(name) ? fill(words.countryWithThe, { country: name }) : name;
}

/** What was understood from the first message, in words ("something you bought, value $50, from the United Kingdom"). */
export function describeFacts(facts: ShipmentFacts, rules: RuleSet): string[] {
  const parts: string[] = [];
  const kind = facts.kind !== undefined && facts.kind !== UNKNOWN ? facts.kind : undefined;
  if (kind) parts.push(rules.kinds[kind].ifPhrase);
  if (typeof facts.valueUsd === 'number') parts.push(fill(words.factValue, { amount: formatUsd(facts.valueUsd) }));
  if (typeof facts.origin === 'string' && facts.origin !== UNKNOWN) parts.push(fill(kind === 'gift' ? words.factSentFrom : words.factFrom, { country: fromCountry(facts.origin) }));
  if (facts.mode === 'mail') parts.push(words.factByMail);
  if (facts.mode === 'express') parts.push(words.factByCourier);
  if (typeof facts.entryDate === 'string' && facts.entryDate !== UNKNOWN) parts.push(fill(words.factEntryDate, { date: displayDate(facts.entryDate) }));
  if (Array.isArray(facts.contents) && facts.contents.length > 0) {
    const labels = rules.contents.filter((c) => (facts.contents as string[]).includes(c.id)).map((c) => c.label.toLowerCase());
    parts.push(fill(words.factContains, { contents: labels.join(words.and) }));
  }
  if (facts.splitOrder === true) parts.push(words.factSplitOrder);
  if (typeof facts.sameDayTotalUsd === 'number' && facts.sameDayTotalUsd !== facts.valueUsd) parts.push(fill(words.factSameDayTotal, { amount: formatUsd(facts.sameDayTotalUsd) }));
  return parts;
}

/** A reason as a list item: the text, then its date and its sources as links. */
function reasonLine(reason: Reason): string {
  // The sources are listed once, in the citation line under the verdict: repeating them after
  // every reason made the verdict too long to read on a phone.
  return reason.date ? fill(words.reasonSince, { text: reason.text, date: displayDate(reason.date) }) : fill(words.reason, { text: reason.text });
}


/**
 * The verdict as a reply: the headline first (it starts with "Result:"), the day checked, the
 * reasons with their dates and sources, next steps, the legal basis and the reminder that this
 * is guidance; the answers go in `facts` (a list in text, a FactSet on cards).
 *
 * @example
 * verdictReply(assess({ kind: 'purchase' }, rules, '2026-11-25'), rules, { today: '2026-11-25', dateAssumed: true }).markdown;
 * // 'Result: not duty-free — de minimis is suspended for all countries since 29 Aug 2025\n\n…'
 */
export function verdictReply(assessment: Assessment, rules: RuleSet, context: { today: string; dateAssumed: boolean; fromMessage?: boolean }): Reply {
  const anotherDay = context.fromMessage ? words.anotherDayFromMessage : words.anotherDayInCheck;
  const checked =
    assessment.entryDate === UNKNOWN
      ? assessment.entryBetween
        ? fill(words.checkedDaysBetween, { from: displayDate(assessment.entryBetween.from), to: displayDate(assessment.entryBetween.to) })
        : words.checkedEveryDate
      : context.dateAssumed
        ? fill(words.checkedToday, { date: displayDate(assessment.entryDate), anotherDay })
        : fill(assessment.entryDate < context.today ? words.checkedArrived : assessment.entryDate === context.today ? words.checkedArrive : words.checkedWillArrive, { date: displayDate(assessment.entryDate) });
  const markdown = [
    assessment.headline,
    checked,
    `${words.why}\n${assessment.reasons.map(reasonLine).join('\n')}`,
    `${words.whatYouCanDo}\n${assessment.nextSteps.map((s) => `- ${s}`).join('\n')}`,
    fill(words.legalBasis, { basis: assessment.basis }),
    fill(words.reminder, { reminder: assessment.reminder }),
    context.fromMessage ? words.whatIUsed : words.yourAnswers,
  ].join('\n\n');
  const facts = assessment.answers.map((a) => ({
    label: a.label,
    // The engine's "(today; tell me if it is another day)" cannot be acted on once the check is over.
    value: a.fact === 'entryDate' && context.dateAssumed ? fill(words.entryDateToday, { date: displayDate(assessment.entryDate) }) : a.value,
  }));
  return {
    kind: 'verdict',
    title: assessment.headline,
    markdown,
    sources: verdictSources(assessment),
    reviewed: rules.reviewed,
    facts,
    suggestions: buttons(words.afterVerdict),
  };
}


/**
 * The verdict for a shipment described in a message, as two replies: what was read from the
 * message (and what was assumed), then the verdict itself (it starts with "Result:", as the
 * guided check's does) with the way to check with other details and the message's other
 * questions as buttons.
 *
 * @example
 * const [understood, verdict] = directVerdictReply(reading, assessment, rules, { today: '2026-12-02', others: [] });
 * understood.markdown; // 'From your message: something you bought, value $40, from the United Kingdom.'
 * verdict.markdown;    // 'Result: not duty-free — …'
 */
export function directVerdictReply(reading: ShipmentReading, assessment: Assessment, rules: RuleSet, context: { today: string; others: PartAnswer[] }): Reply[] {
  const verdict = verdictReply(assessment, rules, { today: context.today, dateAssumed: reading.facts.entryDate === undefined, fromMessage: true });
  const understood = describeFacts(reading.facts, rules);
  const others = context.others.filter((o) => o.result.best);
  const preface = [
    understood.length > 0 ? fill(words.fromYourMessage, { facts: understood.join(', ') }) : '',
    ...reading.notes,
    ...reading.assumptions,
    others.length > 0
      ? fill(words.otherQuestions, {
          questions: others.map((o) => fill(words.quotedQuestion, { question: quoteUserText(o.question) })).join(words.and),
          buttons: others.length === 1 ? words.itsButton : words.theirButtons,
        })
      : '',
  ].filter((p) => p.length > 0);
  const suggestions: Suggestion[] = [
    ...others.slice(0, 2).map((o) => ({ label: o.result.best!.label })),
    { label: ELIGIBILITY_LABELS.otherDetails },
    { label: LABELS.askQuestion },
    { label: LABELS.email },
  ];
  return [
    ...(preface.length > 0 ? [{ kind: 'info' as const, markdown: preface.join('\n\n') }] : []),
    { ...verdict, suggestions },
  ];
}
