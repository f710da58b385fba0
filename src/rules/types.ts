/**
 * The vocabulary of the duty-free rules engine: the facts about a shipment, the validated rule
 * set read from `knowledge/rules/duty-free.yaml`, and what the engine returns. Types only.
 */
import type { CountryTable } from './countries';

/** "I don't know" — a valid answer for every fact. */
export const UNKNOWN = 'unknown';
export type Unknown = typeof UNKNOWN;

/** The facts the check can ask about, in the order they are shown in a summary. */
export const FACT_KEYS = ['entryDate', 'kind', 'origin', 'mode', 'valueUsd', 'sameDayTotalUsd', 'contents', 'splitOrder'] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export const KINDS = ['purchase', 'gift', 'traveler', 'warehouse'] as const;
/** purchase: bought from a seller abroad; gift: sent free by someone abroad; traveler: own luggage; warehouse: unsold stock. */
export type Kind = (typeof KINDS)[number];

export const MODES = ['mail', 'express'] as const;
/** mail: the postal service; express: courier, express or cargo. */
export type Mode = (typeof MODES)[number];

export const VERDICTS = ['duty-free', 'not-duty-free', 'cannot-tell'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Calendar days from `from` to `to`, both included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * What is known about one shipment. A missing field has not been asked yet; `'unknown'` means
 * the person said they don't know.
 */
export interface ShipmentFacts {
  /** YYYY-MM-DD, U.S. Eastern calendar date the goods enter; missing means today. */
  entryDate?: string | Unknown;
  /**
   * With an unknown `entryDate`: the days it may have been ("late August 2025"), so that only
   * those days are checked. Not asked for; read from a message.
   */
  entryBetween?: DayRange;
  kind?: Kind | Unknown;
  /** ISO 3166-1 alpha-2 code of the country the goods come from (for a gift: sent from). */
  origin?: string | Unknown;
  mode?: Mode | Unknown;
  valueUsd?: number | Unknown;
  /** Everything arriving for the same person (or consignee) that day, this shipment included. */
  sameDayTotalUsd?: number | Unknown;
  /** Ids from the rule file's `contents` list; `[]` means none of them. */
  contents?: string[] | Unknown;
  /** One of several lots of a single order, sent separately. */
  splitOrder?: boolean | Unknown;
}

export interface Source {
  title: string;
  url: string;
}

export const RULE_TYPES = [
  'not-covered',
  'refer',
  'not-available',
  'limit',
  'same-day',
  'excluded',
  'split-order',
  'entry',
  'note',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/** One validated rule; optional fields depend on `type` (the schema enforces which). */
export interface Rule {
  id: string;
  type: RuleType;
  /** First day in force (inclusive); missing = before anything this file covers. */
  from?: string;
  /** Last day in force (inclusive); missing = still in force. */
  to?: string;
  /** Kinds of shipment the rule is about (all kinds when the file leaves it out). */
  kinds: Kind[];
  /** Origin countries the rule is limited to; missing = every country. */
  countries?: string[];
  /** not-covered: origin countries the rule does not concern. */
  exceptCountries?: string[];
  /** not-covered: the rule concerns only values over this amount (and up to `upToUsd`), once the value is known. */
  overUsd?: number;
  upToUsd?: number;
  modes?: Mode[];
  maxUsd?: number;
  contents?: string[];
  allowedUpToUsd?: number;
  headline?: string;
  reason: string;
  basis?: string;
  sources: Source[];
}

export interface ContentItem {
  id: string;
  label: string;
  help: string;
  words: string[];
}

export interface Choice {
  label: string;
  value: string;
}

export interface QuestionText {
  label: string;
  dependsOn: string;
  prompt: string;
  help: string;
  choices?: Choice[];
}

export interface QuestionData extends QuestionText {
  byKind?: Partial<Record<Kind, Partial<QuestionText>>>;
}

export interface KindText {
  dutyFree: string;
  ifPhrase: string;
  basis: string;
}

export interface NextStepItem {
  when?: Verdict[];
  kinds?: Kind[];
  text: string;
  sources: Source[];
}

/** Every text the engine puts together; see the `wording` section of the rule file. */
export interface Wording {
  notSure: string;
  yes: string;
  no: string;
  noneOfThese: string;
  onlyThis: string;
  and: string;
  assumedToday: string;
  notDutyFree: string;
  dependsOn: string;
  outOfScope: string;
  anyDate: string;
  valueWithin: string;
  valueOver: string;
  valueOverHeadline: string;
  sameDayWithin: string;
  sameDayOver: string;
  sameDayOverHeadline: string;
  contentsNone: string;
  contentsFound: string;
  smallShipment: string;
  notSplit: string;
  isSplit: string;
  dependsOnFact: string;
  ifEntered: string;
  ifKind: string;
  rangeFrom: string;
  rangeUpTo: string;
  rangeBetween: string;
  noRule: string;
  futureDate: string;
  basis: string;
  thatDay: string;
}

/** The validated, source-resolved content of a rule file. */
export interface RuleSet {
  file: string;
  reviewed: string;
  reminder: string;
  rules: Rule[];
  kinds: Record<Kind, KindText>;
  contents: ContentItem[];
  questions: Record<FactKey, QuestionData>;
  wording: Wording;
  nextSteps: NextStepItem[];
  generalSources: Source[];
  /** The country table the rules were checked against (countries.json beside the rule file). */
  countries: CountryTable;
}

export interface Question {
  fact: FactKey;
  prompt: string;
  help: string;
  choices?: Choice[];
}

export interface Reason {
  text: string;
  /** YYYY-MM-DD the rule behind this reason took effect (or ended, for a rule with only `to`). */
  date?: string;
  sources: Source[];
}

export interface Answer {
  fact: FactKey;
  label: string;
  value: string;
}

export interface Assessment {
  verdict: Verdict;
  /** Starts with "Result:". */
  headline: string;
  /** The legal basis in one line. */
  basis: string;
  reasons: Reason[];
  nextSteps: string[];
  sources: Source[];
  /** The rule file's `reviewed` date. */
  rulesAsOf: string;
  /** The date assessed (YYYY-MM-DD) or 'unknown'. */
  entryDate: string;
  /** With an unknown date, the days checked, when they were narrowed down. */
  entryBetween?: DayRange;
  answers: Answer[];
  /** The facts a 'cannot-tell' verdict depends on (empty otherwise). */
  dependsOn: FactKey[];
  /** "This is guidance, not a binding ruling …" from the rule file. */
  reminder: string;
}
