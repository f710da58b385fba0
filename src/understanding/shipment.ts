/**
 * "I ordered a $40 jacket from the UK, will I pay duty?" describes the person's own shipment
 * and asks whether it owes duty: the rules engine can answer that from the message itself, with
 * the same effective-dated result the guided check gives. This module decides whether a message
 * is such a question and reads its facts (the rules' parsers plus the names table); it never
 * turns a hint into a fact silently.
 */
import { countryName, extractFacts, mentionsPastArrival, nextQuestion, UNKNOWN, type RuleSet, type ShipmentFacts } from '../rules';
import { findNames, type NameTable } from './names';

/** What a message says about the person's shipment. */
export interface ShipmentReading {
  facts: ShipmentFacts;
  /** Notes from reading the facts ("I used 15 Mar 2025, the middle of March 2025."). */
  notes: string[];
  /** Things assumed or not assumed, said to the person ("Temu orders have usually come from China…"). */
  assumptions: string[];
  /**
   * Whether the engine can decide from these facts alone. When false, the guided check asks
   * what is missing (the date of a past arrival, a month in which the rules changed, a gift's
   * value, an amount in another currency).
   */
  decidable: boolean;
}

/** The person asks whether they owe (or owed) duty on something: yes/no, not "why" or "how much". */
const OWE_DUTY = new RegExp(
  [
    String.raw`\b(?:do|will|would|should|shall|am|must|did|have)\s+(?:i|we)\s+(?:still\s+|also\s+|even\s+)?(?:have\s+to\s+|need\s+to\s+|going\s+to\s+|gonna\s+|got\s+to\s+|be\s+expected\s+to\s+)?(?:pay|owe|be\s+charged|get\s+charged|be\s+hit|get\s+hit|be\s+taxed)\b`,
    String.raw`\b(?:will|would|do|does|can|could)\s+(?:customs|cbp|they|the\s+courier|the\s+carrier|dhl|ups|fedex|usps)\s+(?:charge|tax|bill)\s+(?:me|us)\b`,
    String.raw`\b(?:is|was|will|would)\s+(?:it|this|that|my\s+\w+|the\s+\w+|(?:this|that|my|the)\s+\w+\s+\w+)\s+(?:be\s+)?(?:duty[- ]?free|exempt|taxed|dutiable|subject\s+to\s+(?:duty|duties|tariffs?))\b`,
    String.raw`\b(?:is|was|will)\s+there\s+(?:be\s+)?(?:any\s+)?(?:duty|duties|tariffs?|import\s+tax|customs\s+(?:duty|charges?|fees?))\b`,
    String.raw`\b(?:does|do|did|would|will|can)\s+(?:it|this|that|my\s+\w+|they|these|those)\s+(?:still\s+)?(?:qualify|count)\b`,
    String.raw`\bshould\s+(?:i|we)\s+have\s+paid\b`,
  ].join('|'),
  'i',
);
/** Words that make it a question about a bill, a refusal or a fee: documents answer those. */
const NOT_A_VERDICT = /\b(?:bills?|billed|invoices?|brokerage|clearance|refuse|refusing|refused|dispute|disputing|protest|refund|refunded|why|how much|what rate|what percent|sales tax|vat|gst|hst|storage)\b/i;
/** A message about selling to others, not about one's own parcel. */
const SELLER = /\b(?:my (?:customers?|buyers?)|i sell|we sell|selling|ship to (?:the )?(?:us|u\.s\.|usa|america)|to (?:my )?(?:us|u\.s\.|american) (?:customers|buyers))\b/i;

/**
 * Whether the message asks if the person's own shipment owes duty (or is duty-free).
 *
 * @example
 * asksWhetherDutyIsOwed('I ordered a $40 jacket from the UK, will I pay duty?'); // true
 * asksWhetherDutyIsOwed('why did DHL bill me $30 for a $40 jacket'); // false (a bill: documents answer it)
 */
export function asksWhetherDutyIsOwed(text: string): boolean {
  const t = text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  return OWE_DUTY.test(t) && !NOT_A_VERDICT.test(t) && !SELLER.test(t);
}

/** Facts that make a message about a particular shipment rather than a general question. */
function describesShipment(facts: ShipmentFacts, namesSeen: boolean): boolean {
  return facts.valueUsd !== undefined || facts.origin !== undefined || facts.entryDate !== undefined || facts.kind !== undefined || namesSeen;
}

/**
 * Reads a message that asks whether its shipment owes duty. Undefined when the message is not
 * such a question or names no fact of a shipment.
 *
 * @example
 * readShipment('I ordered a $40 jacket from the UK, will I pay duty?', '2026-12-02', rules, names);
 * // { facts: { kind: 'purchase', valueUsd: 40, origin: 'GB' }, decidable: true, notes: [], assumptions: [] }
 * readShipment('will my temu order be taxed', '2026-12-02', rules, names)?.assumptions;
 * // ['Temu orders have usually come from China; …']
 */
export function readShipment(text: string, today: string, rules: RuleSet, names: NameTable): ShipmentReading | undefined {
  if (!asksWhetherDutyIsOwed(text)) return undefined;
  const extracted = extractFacts(text, today, rules);
  const facts: ShipmentFacts = { ...extracted.facts };
  const assumptions: string[] = [];
  const mentioned = findNames(text, names).map((m) => m.name);
  if (!describesShipment(facts, mentioned.length > 0)) return undefined;

  for (const n of mentioned) {
    if (n.kind && facts.kind === undefined) facts.kind = n.kind;
    if (n.mode && facts.mode === undefined) facts.mode = n.mode;
  }
  const marketplace = mentioned.find((n) => n.usuallyShipsFrom);
  let decidable = !extracted.unclearDate && !extracted.foreignMoney && !(facts.entryDate === undefined && (extracted.notes.length > 0 || mentionsPastArrival(text)));
  if (decidable && facts.origin === undefined && marketplace) {
    // The origin matters only if the rules for the date depend on it; then say what we assume.
    const withHint = { ...facts, origin: marketplace.usuallyShipsFrom };
    const needsOrigin = nextQuestion(facts, rules, today)?.fact === 'origin';
    if (needsOrigin) {
      facts.origin = withHint.origin;
      assumptions.push(
        `${marketplace.name} orders have usually come from ${countryName(marketplace.usuallyShipsFrom!)}, so I checked for that. If yours came from a warehouse in another country (or in the U.S.), choose "Check other details".`,
      );
    } else {
      assumptions.push(`${marketplace.name} sellers ship from many places; where yours came from does not change this result.`);
    }
  }
  if (decidable) decidable = nextQuestion(facts, rules, today) === undefined;
  // "Not sure" is never assumed for the person.
  for (const key of Object.keys(facts) as (keyof ShipmentFacts)[]) if (facts[key] === UNKNOWN) delete facts[key];
  return { facts, notes: extracted.notes, assumptions, decidable };
}
