/**
 * The verdict of the duty-free rules as a reply, shared by the guided check and by a verdict
 * given straight from the facts in a message ("I ordered a $40 jacket from the UK, will I pay
 * duty?"). Channel-neutral: the channel layer renders it.
 */
import { quoteUserText, type Reply, type Suggestion } from '../src/channels/reply';
import { LABELS } from '../src/intents';
import { countryName, formatDate, formatUsd, UNKNOWN, type Assessment, type Reason, type RuleSet, type ShipmentFacts } from '../src/rules';
import type { PartAnswer, ShipmentReading } from '../src/understanding';

/** Button labels of the guided check (≤ 25 characters, read as what the person would say). */
export const ELIGIBILITY_LABELS = {
  differentDate: 'Different date',
  otherDetails: LABELS.checkOtherDetails,
} as const;

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
  return NEEDS_THE.test(name) ? `the ${name}` : name;
}

/** What was understood from the first message, in words ("something you bought, value $50, from the United Kingdom"). */
export function describeFacts(facts: ShipmentFacts, rules: RuleSet): string[] {
  const parts: string[] = [];
  const kind = facts.kind !== undefined && facts.kind !== UNKNOWN ? facts.kind : undefined;
  if (kind) parts.push(rules.kinds[kind].ifPhrase);
  if (typeof facts.valueUsd === 'number') parts.push(`value ${formatUsd(facts.valueUsd)}`);
  if (typeof facts.origin === 'string' && facts.origin !== UNKNOWN) parts.push(`${kind === 'gift' ? 'sent from' : 'from'} ${fromCountry(facts.origin)}`);
  if (facts.mode === 'mail') parts.push('by mail');
  if (facts.mode === 'express') parts.push('by courier or express');
  if (typeof facts.entryDate === 'string' && facts.entryDate !== UNKNOWN) parts.push(`entry date ${formatDate(facts.entryDate)}`);
  if (Array.isArray(facts.contents) && facts.contents.length > 0) {
    const labels = rules.contents.filter((c) => (facts.contents as string[]).includes(c.id)).map((c) => c.label.toLowerCase());
    parts.push(`contains ${labels.join(' and ')}`);
  }
  if (facts.splitOrder === true) parts.push('part of a split order');
  return parts;
}

/** A reason as a list item: the text, then its date and its sources as links. */
function reasonLine(reason: Reason): string {
  // The sources are listed once, in the citation line under the verdict: repeating them after
  // every reason made the verdict too long to read on a phone.
  return `- ${reason.text}${reason.date ? ` *(since ${formatDate(reason.date)})*` : ''}`;
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
  const anotherDay = context.fromMessage ? `choose "${ELIGIBILITY_LABELS.otherDetails}"` : `choose "${LABELS.checkAnother}" and then "${ELIGIBILITY_LABELS.differentDate}"`;
  const checked =
    assessment.entryDate === UNKNOWN
      ? 'I checked every arrival date, because the date is not known.'
      : context.dateAssumed
        ? `I checked for goods that arrive today, ${formatDate(assessment.entryDate)}. If yours arrived on another day, ${anotherDay}.`
        : `I checked for goods that ${assessment.entryDate < context.today ? 'arrived' : assessment.entryDate === context.today ? 'arrive' : 'will arrive'} on ${formatDate(assessment.entryDate)}.`;
  const markdown = [
    assessment.headline,
    checked,
    `**Why**\n${assessment.reasons.map(reasonLine).join('\n')}`,
    `**What you can do**\n${assessment.nextSteps.map((s) => `- ${s}`).join('\n')}`,
    `**Legal basis:** ${assessment.basis}`,
    `*${assessment.reminder}*`,
    context.fromMessage ? '**What I used**' : '**Your answers**',
  ].join('\n\n');
  const facts = assessment.answers.map((a) => ({
    label: a.label,
    // The engine's "(today; tell me if it is another day)" cannot be acted on once the check is over.
    value: a.fact === 'entryDate' && context.dateAssumed ? `${formatDate(assessment.entryDate)} (today)` : a.value,
  }));
  return {
    kind: 'verdict',
    title: assessment.headline,
    markdown,
    sources: verdictSources(assessment),
    reviewed: rules.reviewed,
    facts,
    suggestions: [{ label: LABELS.checkAnother }, { label: LABELS.askQuestion }, { label: LABELS.email }],
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
    understood.length > 0 ? `From your message: ${understood.join(', ')}.` : '',
    ...reading.notes,
    ...reading.assumptions,
    others.length > 0 ? `You also asked ${others.map((o) => `"${quoteUserText(o.question)}"`).join(' and ')}: choose ${others.length === 1 ? 'its button' : 'their buttons'} under the result.` : '',
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
