/**
 * Facts already present in someone's first message ("do I have to pay duty on a $50 order from
 * the UK"), so the check does not ask them again. Only clear mentions are taken; anything
 * doubtful is left for the questions.
 */
import { chrono, mayHoldDate } from './chrono';
import { countryKey, phraseText } from '../../text/normalize';
import { rulesChangeBetween } from '../changes';
import { addDays, displayDate } from '../../dates';
import { catalog, fill } from '../../messages';
import { UNKNOWN, type RuleSet, type ShipmentFacts } from '../types';
import { countriesMentioned } from './country';
import { MONTH_ABBREVIATIONS, PAST_TENSE, PART_OF_MONTH, parseDate, SEASON, withDatesNamed } from './date';
import { findMoney, inDollarsIfGiven } from './money';
import { contentsInDoubt, findContents, parseKind, parseMode } from './words';

export interface ExtractedFacts {
  facts: ShipmentFacts;
  /** What was assumed, to tell the person ("I used 15 Mar 2025, the middle of March 2025."). */
  notes: string[];
  /** An amount in another currency: ask for U.S. dollars. */
  foreignMoney?: { currency: string; amount: number };
  /** A month or year was given but the rules changed within it: ask for the day. */
  unclearDate?: { text: string; from: string; to: string; changes: string[] };
  /** Two values offered as either one ("either $90 or $130", "between 80 and 130 dollars"): the result may depend on which. */
  valueEither?: { text: string; low: number; high: number };
}

/** Words chrono reads as dates that in a question are usually something else. */
const NOT_DATES = new Set(['now', 'right now', 'sun', 'sat', 'mon', 'tue', 'wed', 'thu', 'fri', 'second', 'a second', 'today', 'morning', 'afternoon', 'evening']);
/** Where an origin country is named: "from the UK", "made in China", "my aunt in Canada". */
const ORIGIN_CUE = /\b(?:from|in|on|made in|shipped from|sent from|ordered from|bought in|desde)\s+(?:the\s+)?/g;
/** "not", "never", "isn't" right before a cue word: the place after it is denied. */
const DENIED_BEFORE = /\b(?:not|never|isn'?t|wasn'?t|aren'?t|weren'?t)\s+$/;
/** Words that say the goods already arrived, so "today" cannot be assumed. */
const PAST_ARRIVAL =
  /\b(?:arrived|came|received|delivered|should (?:i|we) have paid|did (?:i|we) (?:have to |need to )?pay|(?:was|were) (?:i|we) charged|(?:i|we) (?:was|were|got) charged|(?<!\bnothing |\bnot something )(?:i|we) paid|last (?:year|month|week)|years? ago|years back|a while (?:ago|back)|(?:a )?long time ago|some time ago|would (?:that|it|this|they) have been)\b/;
/** A year alone: "in 2019", "back in 2024", "a 2021 AliExpress order". */
const YEAR_IN_TEXT = /\b(?:in|during)\s+((?:19|20)\d{2})\b(?!\s*[-/])|\b((?:19|20)\d{2})\s+(?:[\p{L}'-]+\s+){0,2}(?:orders?|purchases?|packages?|parcels?|shipments?|boxes|box|deliver(?:y|ies))\b|(?:^|[.!?;:]\s+|\b(?:from|back in|around|circa|(?:early|late|mid)-?)\s+)((?:19|20)\d{2})\b(?![-/.,]?\d|\s+(?:model|edition|version)\b)/iu;
/** Several things said to arrive on one day. */
const SAME_DAY = /\b(?:(?:on )?(?:the|that) same (?:day|morning|afternoon|evening)|same day as|same day(?! (?:shipping|delivery|service))|(?:another|one more|a second|other) (?:box|package|parcel|order|gift|present)s? (?:also )?(?:came|arrived|showed up|got here|was delivered|were delivered) (?:on )?(?:that|the same) day|same-day|arrived together|came together|both\b[^.?!]{0,30}\b(?:delivery|deliveries|due) (?:on|for)|both (?:arrived|came|got here|arrive|come|land|get here|arriving|coming|landing)|(?:two|2|three|3|both) (?:\w+ ){0,3}(?:gifts|presents|packages|parcels|boxes|orders) (?:\w+ ){0,2}(?:showed up|arrived|came|landed|got here|were delivered|land|arrive|come|get here|are (?:arriving|coming|landing)) (?:\w+ ){0,2}(?:today|yesterday|tomorrow|this morning|this afternoon|on)|(?:today|this morning|this afternoon) (?:\w+ ){0,3}(?:receiving|received|getting|got) (?:two|2|three|3) (?:\w+ ){0,2}(?:gifts|presents|packages|parcels|boxes)|(?:two|2|three|3|both) (?:\w+ ){0,2}(?:gifts|presents|packages|parcels|boxes|orders) (?:are |were )?(?:both )?(?:due|set|expected|scheduled|supposed) to (?:arrive|land|come|be delivered) (?:\w+ ){0,3}?(?:on|today|tomorrow))\b/;
const SPLIT = /\bsplit(?:ting)?\b/;
/** "the order wasn't split up", "not split", "in one shipment, no splitting": one lot, not a split order. */
const NOT_SPLIT = /\b(?:(?:was|is|were|are|has|had|have|did|do|does)n'?t|not|never|no|without)\s+(?:been\s+|be\s+|get\s+|got\s+)?split(?:ting)?\b|\bunsplit\b/;
const SPLIT_WHAT = /\b(orders?|shipments?|packages?|parcels?|boxes)\b/;

/** Words before a sum that make it a limit ("under $100"), not what the goods are worth. */
const LIMIT_BEFORE = /\b(?:under|over|less than|more than|below|above|up to|at most|no more than|exceeding)\s*(?:the\s+|that\s+|this\s+)?$/i;
/** Words before a sum that name a rule by it: "the free thing of $800", "a limit of $100". */
const RULE_BEFORE = /\b(?:thing|rule|limit|threshold|exemption|allowance) of\s*$/i;
/** Whether anything else came the same day is not known: "maybe the same day, maybe not", "might have sent something the same day", "that same day maybe another package". */
const SAME_DAY_UNSURE =
  /\b(?:maybe|might(?: have)?|may(?: have)?|could(?: all)?|possibly|perhaps|not sure (?:if|whether)|no idea (?:if|whether)|can'?t remember (?:if|whether))\b[^.?!]{0,60}\bsame day\b|\bsame day,? (?:maybe|possibly|perhaps)\b|\bsame day\b[^.?!]{0,25}\b(?:maybe not|or not|not sure|no idea|can'?t remember)\b/i;
/**
 * Other things arriving, of a value the person cannot give: "no idea about the rest", "other
 * relatives are also sending gifts, values unknown", "not sure what they added up to", "no idea
 * what else that warehouse got that day".
 */
const OTHERS_UNKNOWN =
  /\b(?:no idea|no clue|not sure|unsure|dunno|(?:don'?t|do not) know|can'?t (?:tell|remember))\b[^.?!]{0,25}\b(?:about the (?:rest|others?)|(?:what|how much) (?:else|the (?:rest|others?|other ones?))|what (?:they|those|the others) (?:added|add|came) up to|what else)\b|\b(?:others?|also|too)\b[^.?!]{0,60}\bvalues? (?:are |is )?(?:unknown|not known)\b|\bone is \$?\d+[^.?!]{0,20}\bno idea about the other\b|\b(?:another|other)\b[^.?!]{0,40}\bsame day\b[^.?!]{0,40}\b(?:can'?t find|lost|(?:don'?t|do not) have) (?:the|that|its|their) (?:receipt|invoice)s?\b/i;
/** A bottle the person suspects, of something they cannot name. */
/** What is inside is not known: "won't tell me what's inside", "no idea what is in the box", "a surprise box". */
const CONTENTS_UNKNOWN = /\b(?:(?:won'?t|will not|doesn'?t|does not|didn'?t|did not|refuses? to|wouldn'?t|would not) (?:tell|say|show)(?: me| us)?|no idea|no clue|not sure|(?:don'?t|do not) know|dunno) what(?:'s|s| is| was| she| he| they)?(?: put| packed| sent)? (?:inside|in it|in the (?:box|parcel|package)|in there)\b|\bsurprise (?:box|package|parcel|gift)\b/i;
const BOTTLE_SUSPECTED = /\b(?:might|may|could) (?:be|have|contain|hold) (?:a |some )?bottles? of something\b|\bbottles? of (?:something|who knows what)\b/i;
/** The value of the other parcel is not known: "no clue what that one cost", "I don't know its value", "can't find the price of the other one", "whose price I can't remember". */
const OTHER_VALUE_UNKNOWN =
  /\b(?:no idea|no clue|not sure|dunno|don'?t know|do not know|can'?t tell|cann?o?'?t remember|(?:don'?t|do not) remember|(?:can'?t|cannot) find)\b[^.?!]{0,15}\b(?:(?:what|how much)\b[^.?!]{0,25}\b(?:cost|worth|paid|value)|(?:its|their|the) (?:value|worth|price|cost))\b|\bwhose (?:value|price|cost) (?:i|we) (?:can'?t|cannot|don'?t|do not) (?:remember|recall|know|find)\b/i;
/**
 * Two values offered as either one: "either $90 or $130", "$600 or $1,100", "somewhere between
 * 80 and 130 dollars", "$80-$130", "80 to 130 dollars", "between a $90 one and a $140 one", "$300 or
 * closer to $1,000". Not a pair of limits ("under $100 or over $800": see LIMIT_BEFORE).
 */
const SUM = String.raw`(?:us)?\$?\s?(\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d\d)?)\s?(?:dollars|bucks|usd)?`;
const VALUE_EITHER = new RegExp(String.raw`(?:\bbetween\s+${SUM}\s+and\s+${SUM}|\bbetween\s+an?\s+\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\s+[a-z]+){1,2}\s+and\s+an?\s+\$\s?(\d{1,3}(?:,\d{3})*|\d+)|(?<![\w$])\$\s?(\d{1,3}(?:,\d{3})*|\d+)\s+or\s+(?:more like|closer to|nearer|as much as)\s+\$\s?(\d{1,3}(?:,\d{3})*|\d+)|(?<![\w$])(?:either\s+)?\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d\d)?)\s*(?:or|to|-|–)\s*${SUM}|(?<![\w$.,])(\d{1,3}(?:,\d{3})*|\d+)\s*(?:or|to|-|–)\s*(\d{1,3}(?:,\d{3})*|\d+)\s?(?:dollars|bucks|usd)\b)(?![\w%])`, 'i');
/** A sum in dollars, with its sign or its word: "$500", "1,000 dollars". */
const DOLLARS = String.raw`(?:(?:us)?\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d\d)?)|(\d{1,3}(?:,\d{3})*(?:\.\d\d)?|\d+(?:\.\d\d)?)\s?(?:dollars|bucks|usd))`;
/** Two values offered with a doubt between them: "could be $60 could be $300", "$100? $150?", "it might have been $500 or it might have been $1,000", "$60, maybe $300". */
const VALUE_DOUBT = new RegExp(
  String.raw`(?<![\w$])${DOLLARS}\s*\?\s*${DOLLARS}\s*\?|(?<![\w$])${DOLLARS}\s*[,;]?\s*(?:or\s+)?(?:(?:it|that|she|he|they)\s+)?(?:(?:could|might|may)\s+(?:have\s+)?(?:be|been)|maybe|possibly|perhaps)\s+(?:(?:more like|as much as|even|closer to|up to)\s+)?${DOLLARS}(?![\w%])`,
  'i',
);
/**
 * The person cannot say on which side of a sum the value is: "can't remember if it was above or
 * below $800", "could be over $100 with the honey, could be under". The sum is a limit, and the
 * value is not known.
 */
const VALUE_SIDE_UNKNOWN =
  /\b(?:above|over|under|below|more|less)(?: than)?\s+or\s+(?:above|over|under|below|more|less)(?: than)?\b|\b(?:could|might|may)\s+be\s+(?:over|above|under|below|more|less)\b[^.?!]{0,40}?\b(?:could|might|may)\s+be\s+(?:over|above|under|below|more|less|not)\b/i;
/**
 * Words after a sum that make it a rule's limit ("the $800 rule", "the $100 gift limit", "the 800
 * dollars free limit", "the 800 dollar duty-free thing", "the old $800 de minimis"), not a value.
 */
const LIMIT_AFTER = /^\s*(?:de minimis\b|(?:(?:duty[- ]free|de minimis|gift|tax[- ]free|free|duty)\s+)?(?:rule|limit|threshold|exemption|loophole|cap|allowance|thing)s?\b)/i;

/**
 * Facts stated in free text.
 *
 * @example
 * extractFacts('do I have to pay duty on a $50 order from the UK', '2026-11-25').facts;
 * // { kind: 'purchase', valueUsd: 50, origin: 'GB' }
 * extractFacts('is a $80 gift from my aunt in Canada duty free', '2026-11-25').facts;
 * // { kind: 'gift', valueUsd: 80, origin: 'CA' }
 * extractFacts('my package from china arrived in March 2025, should I have paid duty?', '2026-11-25', rules).facts;
 * // { origin: 'CN', entryDate: '2025-03-15' }  (notes: ['I used 15 Mar 2025, the middle of March 2025.'])
 */
export function extractFacts(text: string, today: string, rules?: RuleSet): ExtractedFacts {
  const result: ExtractedFacts = { facts: {}, notes: [] };
  const t = phraseText(text);
  // "Are gifts under $100 still duty free? … a $60 jersey": a limit quoted is not the value.
  const sums = findMoney(text);
  const namesRule = (m: (typeof sums)[number]) => LIMIT_AFTER.test(text.slice(m.index + m.text.length, m.index + m.text.length + 30)) || RULE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index));
  const notLimit = (m: (typeof sums)[number]) => !LIMIT_BEFORE.test(text.slice(Math.max(0, m.index - 22), m.index)) && !namesRule(m);
  // "DHL billed me $30 on a $50 sweater": the charge is not the goods' value.
  const priced = sums.filter((m) => !isCharge(m, text));
  const first = priced.find(notLimit) ?? priced.find((m) => !namesRule(m));
  const money = first && inDollarsIfGiven(first, sums, text);
  if (money && 'usd' in money.money && !money.money.bound) result.facts.valueUsd = money.money.usd;
  // "two gifts arrived the same day, one worth $60 and one $70": the day's total is their sum.
  const values = priced.filter((m) => notLimit(m) && 'usd' in m.money && !m.money.bound);
  // "a $95 hoodie + a $40 candle, same box": the parcel's value is the sum of its items.
  const items = itemsInOneParcel(text, values);
  if (items && money === items[0]) result.facts.valueUsd = items.reduce((sum, m) => sum + ('usd' in m.money ? m.money.usd : 0), 0);
  if (OTHERS_UNKNOWN.test(t) && values.length <= 1) {
    // "other relatives are sending gifts too, values unknown", "one is $60 and no idea about the
    // other": something else may arrive that day, worth what the person cannot say.
    result.facts.sameDayTotalUsd = UNKNOWN;
  } else if (SAME_DAY.test(t)) {
    // "maybe the same day, maybe not", "I have no clue what that one cost": the day's total is
    // unknown, and the person has said they cannot give it.
    if (SAME_DAY_UNSURE.test(t) || (OTHER_VALUE_UNKNOWN.test(t) && values.length === 1)) result.facts.sameDayTotalUsd = UNKNOWN;
    else if (values.length >= 2) result.facts.sameDayTotalUsd = values.reduce((sum, m) => sum + ('usd' in m.money ? m.money.usd : 0), 0);
    // "three orders, $300 each, all delivered the same day": the day's total is the count times the sum.
    else if (values.length === 1 && 'usd' in values[0].money) {
      const count = countOfEach(text, values[0]);
      if (count) result.facts.sameDayTotalUsd = count * values[0].money.usd;
    }
  }
  if (money && 'currency' in money.money) result.foreignMoney = money.money;
  if (VALUE_SIDE_UNKNOWN.test(t)) result.facts.valueUsd = UNKNOWN;
  const either = VALUE_EITHER.exec(text) ?? VALUE_DOUBT.exec(text);
  // "between 120 and 200 Aussie dollars": two sums in another currency, which stay unknown in dollars.
  if (either && !result.foreignMoney && !LIMIT_BEFORE.test(text.slice(Math.max(0, either.index - 22), either.index)) && !SAME_DAY.test(t)) {
    const [low, high] = either.slice(1).filter((n) => n !== undefined).map((n) => Number(n.replace(/,/g, '')));
    if (low < high) result.valueEither = { text: either[0].trim(), low, high };
  }

  const kind = parseKind(text);
  // "can't tell if it's a gift from my pen pal or my own eBay order": the kind stays unknown (the
  // verdict says what each gives), and the marketplace named as one possibility does not decide it.
  if (kind) result.facts.kind = kind;
  const mode = parseMode(text);
  if (mode && mode !== 'unknown') result.facts.mode = mode;
  const origin = originIn(text);
  if (origin) result.facts.origin = origin;
  if (rules) {
    const contents = findContents(text, rules.contents);
    // "I can't tell if it is a liqueur or a syrup": what is inside is not known.
    if (contents.length > 0) result.facts.contents = contentsInDoubt(text, rules.contents) ? UNKNOWN : contents;
    // "I suspect there might be a bottle of something in there", "she won't tell me what's inside": what is inside is not known.
    else if (BOTTLE_SUSPECTED.test(t) || CONTENTS_UNKNOWN.test(t)) result.facts.contents = UNKNOWN;
  }
  if (NOT_SPLIT.test(t)) result.facts.splitOrder = false;
  else if (SPLIT.test(t) && SPLIT_WHAT.test(t)) result.facts.splitOrder = true;

  const withoutMoney = money ? text.slice(0, money.index) + ' '.repeat(money.text.length) + text.slice(money.index + money.text.length) : text;
  addDate(result, withoutMoney, today, rules);
  return result;
}

/** One parcel or order: "same box", "in one package", "together". */
const ONE_PARCEL = /\b(?:(?:the )?same (?:box|package|parcel|shipment|order)|(?:in )?(?:one|a single) (?:box|package|parcel|shipment|order)|together)\b/;
/** Between two items' prices: the first item's name and a join ("hoodie + a", "scarf and a", "hoodie plus about"). */
const ITEM_JOIN = /^\s*[a-z][a-z -]{0,30}?\s*(\+|&|and|plus|,)\s*(?:(?:a|an|some|another|two|2)\s+)?(?:(?:about|around|roughly|maybe|like|approximately)\s+)?$/i;
/** Words after a sum that make it a charge, not an item's price (the carrier may come first: "a $62 DHL bill"). */
const CHARGE_AFTER = /^\s*(?:in\s+)?(?:(?:dhl|ups|fedex|usps|royal mail|canada post|post office|courier|carrier)\s+)?(?:bill|fee|fees|charge|charges|duty|duties|tax|taxes|tariff|shipping|postage|delivery|brokerage|invoice|customs(?!\s+value)|import (?:fees?|charges?|tax))\b/i;
/** Words before a sum that make it what was charged: "billed me $30", "DHL wants $40", "asked for $18". */
const CHARGED_BEFORE = /\b(?:charged|billed|wants?|wanted|asking|asked|demand(?:s|ed|ing)?)\s+(?:me\s+|us\s+|him\s+|her\s+|them\s+)?(?:for\s+)?(?:another\s+|an?\s+)?(?:extra\s+)?$/i;

/** "$60 duty-free", "$35 shipping from China": the goods' value after all. */
const NOT_A_CHARGE_AFTER = /^\s*(?:dut(?:y|ies)[- ]free|(?:shipping|delivery|postage)\s+(?:from|to|in|by|via|out|next|this|today|tomorrow|now|soon|over|here)\b)/i;

/**
 * Whether a sum found in a message is a charge (duty, a fee, shipping) rather than what the goods
 * cost.
 *
 * @example
 * isCharge(findMoney('DHL billed me $30 on a $50 sweater')[0], 'DHL billed me $30 on a $50 sweater'); // true
 * isCharge(findMoney('a $12 customs fee on a $60 jacket')[0], 'a $12 customs fee on a $60 jacket');    // true
 * isCharge(findMoney('I paid $60 for a jacket')[0], 'I paid $60 for a jacket');                        // false
 * isCharge(findMoney('$35 shipping from China')[0], '$35 shipping from China');                        // false
 */
function isCharge(m: { index: number; text: string }, text: string): boolean {
  const after = text.slice(m.index + m.text.length, m.index + m.text.length + 20);
  return (CHARGE_AFTER.test(after) && !NOT_A_CHARGE_AFTER.test(after)) || CHARGED_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index));
}

/**
 * The prices of items that travel in one parcel ("a $95 hoodie + a $40 candle, same box", "a $60
 * scarf and a $50 book in one box"): sums next to each other joined by "+" or "and", none of them
 * a charge, and the parcel said to be one (a "+" says it too). Undefined otherwise.
 *
 * @example
 * itemsInOneParcel('a $95 hoodie + a $40 candle', findMoney('a $95 hoodie + a $40 candle'))?.length; // 2
 * itemsInOneParcel('a $40 jacket and a $25 DHL bill', …);                                                // undefined
 */
export function itemsInOneParcel<M extends { text: string; index: number }>(text: string, sums: readonly M[]): M[] | undefined {
  if (sums.length < 2) return undefined;
  const run = [sums[0]];
  let plus = false;
  for (let i = 1; i < sums.length; i++) {
    const between = text.slice(sums[i - 1].index + sums[i - 1].text.length, sums[i].index);
    const join = ITEM_JOIN.exec(between);
    if (!join) break;
    plus ||= join[1] === '+';
    run.push(sums[i]);
  }
  if (run.length < 2) return undefined;
  if (run.some((m) => CHARGE_AFTER.test(text.slice(m.index + m.text.length, m.index + m.text.length + 20)))) return undefined;
  return plus || ONE_PARCEL.test(phraseText(text)) ? run : undefined;
}

/** Number words people use for a few parcels. */
const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, both: 2, 'a couple of': 2, 'a pair of': 2 };
/** "three separate orders", "2 packages", "both parcels": how many things were sent. */
const COUNTED = new RegExp(
  String.raw`(?<![$€£¥\d.,]\s?)\b(\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})\s+(?:(?:separate|different|small|little|more|other|individual)\s+)?(?:orders?|packages?|parcels?|boxes|shipments?|gifts?|presents?|items?|deliveries)\b|\b(\d{1,2}|${Object.keys(COUNT_WORDS).join('|')})\s+(?:(?:of\s+)?(?:my|our)\s+(?:\w+\s+)?)?(?:aunts|uncles|relatives|friends|cousins|grandparents|sisters|brothers|kids|children|parents|colleagues|suppliers|sellers)\b|\b(both)\s+(?:my|our)\b`,
  'gi',
);
/** Words right after a sum that make it the value of each of several things. */
const EACH_AFTER = /^\s*(?:each|apiece|a piece|per (?:order|package|parcel|box|shipment|gift|item))\b/i;
/** "two of my aunts are each sending me a $70 gift", "my parents each mailed me a present worth about $70": "each" before the sum, in the same clause (not "each year"). */
const EACH_BEFORE = /\beach\b(?!\s+(?:year|month|week|day|time|christmas|birthday)\b)[^.?!,;$]{0,50}$/i;

/**
 * How many things a sum is the value of each of, when a message says so ("three orders, $300
 * each"), else undefined. Only one count may be named: "two gifts and three orders" is unclear.
 *
 * @example
 * countOfEach('three orders, $300 each', { text: '$300', index: 14 }); // 3
 * countOfEach('a $300 order', { text: '$300', index: 2 }); // undefined
 */
export function countOfEach(text: string, sum: { text: string; index: number }): number | undefined {
  if (!EACH_AFTER.test(text.slice(sum.index + sum.text.length, sum.index + sum.text.length + 24)) && !EACH_BEFORE.test(text.slice(Math.max(0, sum.index - 60), sum.index))) return undefined;
  const counts = new Set([...text.toLowerCase().matchAll(COUNTED)].map((m) => { const said = m[1] ?? m[2] ?? m[3]; return COUNT_WORDS[said] ?? Number(said); }));
  const [count] = [...counts];
  return counts.size === 1 && count >= 2 ? count : undefined;
}

/**
 * Whether a message says the goods already arrived (so the check must ask the day, not assume
 * today).
 *
 * @example
 * mentionsPastArrival('my parcel arrived last week, should I have paid duty?'); // true
 * mentionsPastArrival('will I pay duty on a $40 jacket from the UK'); // false
 */
export function mentionsPastArrival(text: string): boolean {
  return PAST_ARRIVAL.test(phraseText(text));
}

/**
 * The origin named after a cue word ("from", "in", "made in"); the United States is the
 * destination here, never the origin. Undefined when none, or two different ones, are named.
 *
 * @example
 * originIn('a package from hong kong'); // 'HK'
 * originIn('from a shop in the uk');    // 'GB'
 */
export function originIn(text: string): string | undefined {
  const codes = originsNamed(text);
  return codes.length === 1 ? codes[0] : undefined;
}

/**
 * Every origin named after a cue word, in the order first named (the United States left out).
 *
 * @example
 * originsNamed('from China and from Japan');     // ['CN', 'JP']
 * originsNamed('not from China but from Japan'); // ['JP'] (a country denied is no origin)
 */
export function originsNamed(text: string): string[] {
  const n = countryKey(text);
  const codes = new Set<string>();
  for (const cue of n.matchAll(ORIGIN_CUE)) {
    // "from a warehouse in New Jersey, not from China": a country denied is no origin.
    if (DENIED_BEFORE.test(n.slice(Math.max(0, (cue.index ?? 0) - 10), cue.index))) continue;
    const after = n.slice((cue.index ?? 0) + cue[0].length);
    const first = countriesMentioned(after).find((m) => m.index === 0);
    if (first && first.code !== 'US') codes.add(first.code);
  }
  // "from the UK": two-letter names only count right after a cue word, written in capitals
  // (or "uk", "hk", which are no English words: "from a shop in the uk").
  for (const m of text.matchAll(/\b(?:from|in)\s+(?:the\s+)?([A-Z]{2,3}|U\.[SK]\.?|uk|hk)(?![\w])/gi)) {
    const code = twoLetterOrigin(m[1].toUpperCase());
    if (code && (m[1] === m[1].toUpperCase() || /^(?:uk|hk)$/i.test(m[1]))) codes.add(code);
  }
  return [...codes];
}

function twoLetterOrigin(word: string): string | undefined {
  const aliases: Record<string, string> = { UK: 'GB', 'U.K.': 'GB', 'U.K': 'GB', HK: 'HK', PRC: 'CN', UAE: 'AE', USVI: 'VI', BVI: 'VG' };
  return aliases[word];
}

/** A date as written that names a month or a year ("Sept 2", "5/10", "2025"), not "ten days later". */
const NAMES_A_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\d{1,2}[/.-]\d{1,2}|\b(?:19|20)\d{2}\b/i;
/** A year alone or a part of one, as {@link datesIn} takes it when offered with another date. */
const YEAR_OFFERED = /\b(?:(?:early|mid|late)[- ]?)?(?:19|20)\d{2}\b(?![-/.,]?\d)/gi;
/**
 * Words just before a date that make it the day the goods arrived, which is the one the rules go by
 * ("DHL didn't bring it into the US until 3 Sep"; "showed up" only right before the date: "showed up
 * before or after the end of August" is a boundary, not the day).
 */
const ARRIVAL_CUE = /\b(?:arrived|arrives?|arriving|delivered|cleared|clears?|came in|came|received|got here|landed|reach(?:ed|es)? (?:me|us|here)|got to (?:me|us)|entered|made it here)\b|\b(?:bring|brought|got|get) (?:it |them )?(?:in)?to the (?:u\.s\.|(?:us|usa|states|country)\b)|\b(?:showed|turned) up(?: (?:on|in|around|about|by))?\s*$/i;

/** Words just before a date that make it the day the goods were ordered or sent, not the day they arrived. */
const ORDER_CUE = /\b(?:ordered|bought|purchased|paid for|shipped|sent|mailed|posted|dispatched|departed|left)\b/i;
/** The person cannot say when the goods arrived: "can't remember if it showed up before or after …". */
const ARRIVAL_UNKNOWN = /\b(?:(?:can'?t|cannot|couldn'?t|don'?t|do not) (?:remember|recall|know|tell)|not sure|no idea|no clue)\b[^.?!]{0,40}\b(?:when|if|whether|wh(?:at|ich) (?:day|date))\b[^.?!]{0,30}\b(?:arrived|came|showed up|got here|got in(?:to)?|was delivered|landed|cleared|entered)\b/;
/** The longest an order is taken to travel (the slowest post takes weeks): the arrival lies within it. */
const ORDER_TO_ARRIVAL_DAYS = 60;

/** Whether a date in a message is the day goods were ordered or sent (an order word just before it, no arrival word, or "I ordered" just after it). */
function isOrderDay(date: { index: number; text: string }, text: string): boolean {
  const before = text.slice(Math.max(0, date.index - 60), date.index);
  // "In late April 2025 I ordered …": the order told right after the date.
  const after = text.slice(date.index + date.text.length, date.index + date.text.length + 30);
  return (ORDER_CUE.test(before) && !ARRIVAL_CUE.test(before)) || ORDERED_AFTER.test(after);
}
/** "…, I ordered", "we bought": the person's order told right after a date. */
const ORDERED_AFTER = /^\s*,?\s*(?:i|we|my \w+|she|he)\s+(?:just\s+)?(?:ordered|bought|purchased|paid for)\b/i;

/**
 * Of the dates in a message, the one the rules go by: the first said right after an arrival word
 * ("shipped Aug 25 but cleared customs on Sept 2" → Sept 2), else the first.
 *
 * @example
 * arrivalFirst([{ index: 11, text: 'April 25' }, { index: 45, text: 'May 10' }], 'ordered on April 25 by ePacket, it was delivered May 10')[0].text; // 'May 10'
 */
export function arrivalFirst<D extends { index: number; text: string }>(dates: readonly D[], text: string): D | undefined {
  // Only a date that names its month or year: "arrived about ten days later" is no day of its own.
  const arrival = dates.find((d, i) => {
    if (!NAMES_A_MONTH.test(d.text)) return false;
    // The words since the date before it, at most 40 characters.
    const previousEnd = i > 0 ? dates[i - 1].index + dates[i - 1].text.length : 0;
    return ARRIVAL_CUE.test(text.slice(Math.max(previousEnd, d.index - 40), d.index));
  });
  return arrival ?? dates[0];
}

/**
 * The dates in a message, in order: chrono's, with a part of a month ("early May 2025", "the
 * end of April", which chrono reads as all of May and as 30 April) and a season ("last
 * summer", which chrono does not read) taken whole in their place.
 *
 * @example
 * datesIn('ordered late April 2025, arrived at the start of May', reference).map((d) => d.text); // ['late April 2025', 'the start of May']
 */
export function datesIn(text: string, reference: { instant: Date; timezone: number }): { index: number; text: string }[] {
  PART_OF_MONTH.lastIndex = 0;
  SEASON.lastIndex = 0;
  const parts = [...text.matchAll(PART_OF_MONTH), ...text.matchAll(SEASON)].map((m) => ({ index: m.index ?? 0, text: m[0] }));
  const overlaps = (r: { index: number; text: string }) => parts.some((p) => r.index < p.index + p.text.length && p.index < r.index + r.text.length);
  const found = chrono()
    .parse(text, reference, { forwardDate: false })
    .filter((r) => !NOT_DATES.has(r.text.trim().toLowerCase()) && !overlaps(r))
    .map((r) => ({ index: r.index, text: r.text }));
  // A year alone, or a part of one, that is one of two offered ("in 2024 or 2026", "spring 2025
  // or late 2025"): chrono reads neither, and elsewhere a year alone is read only as a last resort.
  const taken = [...found, ...parts];
  const years = [...text.matchAll(YEAR_OFFERED)]
    .map((m) => ({ index: m.index ?? 0, text: m[0] }))
    .filter((y) => !taken.some((p) => y.index < p.index + p.text.length && p.index < y.index + y.text.length))
    .filter((y) => /\bor\s+(?:(?:sometime|maybe|possibly)\s+)?(?:in\s+)?$/i.test(text.slice(Math.max(0, y.index - 25), y.index)) || /^\s*,?\s*or\b/i.test(text.slice(y.index + y.text.length)));
  // The second of two months offered ("in April or May"): chrono reads "May" alone as no date.
  const months = [...text.matchAll(MONTH_OFFERED)]
    .map((m) => ({ index: (m.index ?? 0) + m[0].length - m[1].length, text: m[1].replace(/\.$/, '') }))
    .filter((m) => ![...taken, ...years].some((p) => m.index < p.index + p.text.length && p.index < m.index + m.text.length));
  return [...taken, ...years, ...months].sort((a, b) => a.index - b.index);
}


/** The month a date as said names (0 for January), or -1: "the end of April" → 3. */
function monthNamed(said: string): number {
  const month = MONTH_ABBREVIATIONS.findIndex((m) => new RegExp(`\\b${m}`).test(said.toLowerCase()));
  // A season stands for its first month: "sometime in 2025 … in summer or in the fall" is 2025's.
  const season = /\b(spring|summer|fall|autumn)\b/i.exec(said)?.[1].toLowerCase();
  return month >= 0 || !season ? month : { spring: 2, summer: 5, fall: 8, autumn: 8 }[season]!;
}

const MONTH_WITH_YEAR = new RegExp(`\\b(${MONTH_ABBREVIATIONS.join('|')})[a-z]*\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})\\b`, 'gi');

/**
 * The year of a date said without one ("arrived in April", "the start of May"): the one year the
 * message names ("ordered in March 2025"), or the next one when the month comes before the
 * month named with it ("ordered in December 2025, arrived in January"). None when the date
 * names no month ("last week"), or the message no year or several.
 *
 * @example
 * yearOfMessage('ordered in March 2025 and it arrived in April', 'April'); // { year: 2025 }
 * yearOfMessage('ordered in December 2025, arrived in January', 'January'); // { year: 2026 }
 */
export function yearOfMessage(text: string, said: string): { year?: number } {
  if (/\b(?:19|20)\d{2}\b/.test(said)) return {};
  const years = new Set([...text.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])));
  if (years.size !== 1) return {};
  const month = monthNamed(said);
  // "last week", "yesterday": relative to today, whatever year the message names.
  if (month < 0) return {};
  const year = [...years][0];
  const named = [...text.matchAll(MONTH_WITH_YEAR)][0];
  const namedMonth = named ? MONTH_ABBREVIATIONS.findIndex((m) => m === named[1].toLowerCase()) : -1;
  return { year: namedMonth >= 0 && month < namedMonth ? year + 1 : year };
}

/** Between two dates, offering either: "at the end of April or sometime in May", "July or September". */
const EITHER_DATE = /^\s*,?\s*(?:or|or maybe|or possibly|or else|or perhaps)\s+(?:(?:sometime|some time|maybe|possibly)\s+)?(?:(?:in|on|at)\s+)?$/i;
/** "sometime between July and September 2025": a period given by its ends. */
const BETWEEN_BEFORE = /\bbetween\s+(?:(?:early|mid|late|the end of|the start of)\s+)?$/i;
const BETWEEN_AND = /^\s*(?:and|&)\s+(?:(?:early|mid|late|the end of|the start of)\s+)?$/i;

/**
 * The tense a date is told in, from its own sentence: "past" ("it arrived on 3 May"), "future"
 * ("she'd like to post it by 5 December") or undefined when that sentence does not say ("my parcel
 * from May is stuck"; the message's other sentences decide).
 *
 * @example
 * tenseAround('Last year was bad. She will post it by 5 December.', '5 December'); // 'future'
 * tenseAround('It is stuck since May. I ordered it online.', 'May');               // undefined
 */
export function tenseAround(text: string, said: string): 'past' | 'future' | undefined {
  const at = text.indexOf(said);
  if (at < 0) return undefined;
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('?', at), text.lastIndexOf('!', at)) + 1;
  const ends = ['.', '?', '!'].map((c) => text.indexOf(c, at + said.length)).filter((i) => i >= 0);
  const sentence = phraseText(text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length));
  if (PAST_TENSE.test(sentence)) return 'past';
  return FUTURE_TENSE.test(sentence) ? 'future' : undefined;
}

/** Words that put a date still to come ("she will post it by 5 December"). */
const FUTURE_TENSE = /\b(?:will|shall|going to|gonna|(?:want|wants|plan|plans|planning|hope|hopes|hoping|like|intend|intends) to|next|upcoming|coming)\b|'ll\b/;

/**
 * Two dates offered as either one ("I can't remember if it came at the end of April or sometime in
 * May") or as the ends of a period ("sometime between July and September 2025"): the period from
 * the start of the first to the end of the second, or undefined.
 *
 * @example
 * const text = 'it came in July or September 2025';
 * eitherDates(datesIn(text, reference), text, '2026-12-02'); // { text: 'July or September 2025', from: '2025-07-01', to: '2025-09-30' }
 */
export function eitherDates(dates: readonly { index: number; text: string }[], text: string, today: string): { text: string; from: string; to: string } | undefined {
  const pastTense = PAST_TENSE.test(phraseText(text));
  for (let i = 0; i + 1 < dates.length; i++) {
    const [a, b] = [dates[i], dates[i + 1]];
    const gap = text.slice(a.index + a.text.length, b.index);
    if (!EITHER_DATE.test(gap) && !(BETWEEN_AND.test(gap) && BETWEEN_BEFORE.test(text.slice(Math.max(0, a.index - 30), a.index)))) continue;
    const second = parseDate(b.text, today, { pastTense, ...yearOfMessage(text, b.text) });
    if (!second.ok) continue;
    // "March or April 2025": the first takes the second's year (the one before, if its month is later).
    const bYear = Number(second.date.slice(0, 4));
    const sameYear = /\b(?:19|20)\d{2}\b/.test(a.text) || monthNamed(a.text) < 0 ? {} : { year: monthNamed(a.text) > monthNamed(b.text) ? bYear - 1 : bYear };
    const first = parseDate(a.text, today, { pastTense, ...(Object.keys(sameYear).length ? sameYear : yearOfMessage(text, a.text)) });
    if (!first.ok) continue;
    const from = first.approximate?.from ?? first.date;
    const to = second.approximate?.to ?? second.date;
    if (from >= to) continue;
    return { text: text.slice(a.index, b.index + b.text.length), from, to };
  }
  return undefined;
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A month named after another and "or": "April or May", "April, or maybe May" (not "March or may have come"). */
const MONTH_OFFERED = new RegExp(`\\b${MONTH_NAME},?\\s+or\\s+(?:(?:maybe|possibly|perhaps)\\s+)?(?:in\\s+)?(${MONTH_NAME})(?!\\s+(?:be|have|not|i|we|you|it|they|he|she)\\b)`, 'gi');
/** "1 or 3 May", "May 1 or 3": two days of one month, the month said once. */
const DAY_OR_DAY_MONTH = new RegExp(`\\b(\\d{1,2}(?:st|nd|rd|th)?)\\s+or\\s+(?=\\d{1,2}(?:st|nd|rd|th)?\\s+(${MONTH_NAME}))`, 'gi');
const MONTH_DAY_OR_DAY = new RegExp(`\\b(${MONTH_NAME})\\s+(\\d{1,2}(?:st|nd|rd|th)?)\\s+or\\s+(\\d{1,2}(?:st|nd|rd|th)?)\\b(?!\\s*(?:dollars?|bucks|usd|%|percent|items?|pieces?))`, 'gi');

/**
 * A text with a month said once for two days written with it in full, so that each is a date
 * (the date reader sees "1" alone as no date at all).
 *
 * @example
 * withBothDaysDated('it arrived around 1 or 3 May'); // 'it arrived around 1 May or 3 May'
 * withBothDaysDated('on May 1 or 3, not sure');      // 'on May 1 or May 3, not sure'
 */
export function withBothDaysDated(text: string): string {
  return text.replace(DAY_OR_DAY_MONTH, (_, day: string, month: string) => `${day} ${month} or `).replace(MONTH_DAY_OR_DAY, (_, month: string, a: string, b: string) => `${month} ${a} or ${month} ${b}`);
}

function addDate(result: ExtractedFacts, text: string, today: string, rules: RuleSet | undefined): void {
  const [y, m, d] = today.split('-').map(Number);
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  // "March last year", "1 or 3 May", "around Christmas": the dates written so that the readers see them.
  const dated = withDatesNamed(withBothDaysDated(text), today);
  const dates = mayHoldDate(dated) ? datesIn(dated, reference) : [];
  const either = eitherDates(dates, dated, today);
  if (either) {
    const changes = rules ? rulesChangeBetween(rules, addDays(either.from, -1), either.to) : [];
    if (changes.length > 0) {
      result.unclearDate = { ...either, changes };
      result.notes.push(fill(catalog().eligibility.exactDayMatters, { dates: changes.map(displayDate).join(catalog().eligibility.and) }));
    } else {
      // Every day between gives the same result: the first stands for them all.
      result.facts.entryDate = either.from;
    }
    return;
  }
  const found = arrivalFirst(dates, dated);
  const year = YEAR_IN_TEXT.exec(dated);
  // "2012 i got a $150 hockey stick", "an import from 2008": a year alone at the start of a sentence or after "from" dates the story too.
  const said = found?.text ?? year?.[1] ?? year?.[2] ?? year?.[3];
  if (!said) return;
  // The tense is in the words around the date: "arrived in May" (said in November) is last May.
  // A date still to come takes no year from the rest of the story ("last year's change frightened
  // her; she'd like to post it by 5 December" is this December).
  const tense = tenseAround(dated, said);
  const date = parseDate(said, today, { pastTense: tense === 'past' || (tense === undefined && PAST_TENSE.test(phraseText(text))), ...(tense === 'future' ? {} : yearOfMessage(dated, said)) });
  if (!date.ok) {
    result.notes.push(date.reason);
    return;
  }
  // "ordered in mid-August 2025 … can't remember if it showed up before or after the end of
  // August": the order day is known, the arrival (which the rules go by) only to follow it.
  if (found && rules && isOrderDay(found, dated) && ARRIVAL_UNKNOWN.test(phraseText(text))) {
    const from = date.approximate?.from ?? date.date;
    const latest = addDays(date.approximate?.to ?? date.date, ORDER_TO_ARRIVAL_DAYS);
    const to = latest < today ? latest : today;
    const changes = rulesChangeBetween(rules, addDays(from, -1), to);
    if (changes.length > 0) {
      result.unclearDate = { text: said, from, to, changes };
      result.notes.push(fill(catalog().eligibility.exactDayMatters, { dates: changes.map(displayDate).join(catalog().eligibility.and) }));
      return;
    }
  }
  const changes = date.approximate && rules ? rulesChangeBetween(rules, addDays(date.approximate.from, -1), date.approximate.to) : [];
  if (date.approximate && changes.length > 0) {
    result.unclearDate = { text: said, ...date.approximate, changes };
    result.notes.push(fill(catalog().eligibility.exactDayMatters, { dates: changes.map(displayDate).join(catalog().eligibility.and) }));
    return;
  }
  result.facts.entryDate = date.date;
  if (date.note) result.notes.push(date.note);
}
