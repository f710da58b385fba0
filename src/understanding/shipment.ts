/**
 * "I ordered a $40 jacket from the UK, will I pay duty?" describes the person's own shipment
 * and asks whether it owes duty: the rules engine can answer that from the message itself, with
 * the same effective-dated result the guided check gives. This module decides whether a message
 * is such a question and reads its facts (the rules' parsers plus the names table); it never
 * turns a hint into a fact silently.
 */
import { assess, countryName, deniesContents, exemptionSuspended, extractFacts, type ExtractedFacts, formatUsd, joinWords, lowerFirst, mentionsPastArrival, nextQuestion, originsNamed, probableOrigin, UNKNOWN, type FactKey, type RuleSet, type ShipmentFacts } from '../rules';
import { middleOf } from '../dates';
import { catalog, fill } from '../messages';
import { findNames, type NameTable } from './names';
import { GIFT_OR_ESTATE_TAX } from './domestic';
import { asksWhoseCharge, USED_GOODS_AS_A_KIND } from './questionType';
import { KIN, parseKind } from '../rules/parse/words';

const { eligibility: words } = catalog();

/** What a message says about the person's shipment. */
export interface ShipmentReading {
  facts: ShipmentFacts;
  /** Notes from reading the facts ("I used 15 Mar 2025, the middle of March 2025."). */
  notes: string[];
  /** Things assumed or not assumed, said to the person ("Temu orders have usually come from China…"). */
  assumptions: string[];
  /**
   * The facts taken as the usual case, not read from the message (no alcohol or tobacco, nothing
   * else that day, not a split order): the verdict uses them; "Check with other details" asks them.
   */
  assumed?: FactKey[];
  /**
   * Whether the engine can decide from these facts alone. When false, the guided check asks
   * what is missing (the date of a past arrival, a month in which the rules changed, a gift's
   * value, an amount in another currency).
   */
  decidable: boolean;
}

/** Words of a question about duty owed on a shipment. */
const DUTY_WORDS = /\b(?:duty|duties|dutiable|(?:have|has|had) been free|tariffs?|customs|import (?:tax|charges?|fees?)|charges?|charged|owe|owed|pay anything|pay something|taxed|tax(?:es)?(?=\s*\?)|tax(?:es)? (?:on|at|upon) (?:delivery|arrival)|any (?:fees?|charges?|tax(?:es)?|tariffs?)|money from me|duty[- ]?free|tax[- ]free|come in free|comes? (?:in|through) (?:free|without)|(?:gets?|getting|go(?:es)?|make it) (?:it |them )?(?:through|in) (?:free|for free|without paying)|pass(?:es)? duty|in the clear|exempt|(?:enter|enters|entering) (?:duty[- ])?free|free or not|taxable|(?:billed|invoiced|charged) (?:\w+ ){0,3}for|(?:arrive|arrives|arriving|get here|gets here|come|comes) without (?:any )?(?:fees?|duty|duties|charges?|tax(?:es)?|paying)|stuck with (?:\w+ ){0,2}(?:fees?|duty|duties|charges?|tax(?:es)?|a bill)|under the limit|under (?:the )?(?:old |new |former )?(?:\$\s?\d[\d,]*|\d[\d,]* dollars?|eight hundred)(?: dollars?)? (?:thing|rule|limit|threshold|exemption|line|cap)|supposed to pay|(?:have|has|need|needs|got) to pay|gotta pay|anything to pay|paid (?:anything|something)|(?:it|it's|its|is it|is this|it is) (?:still )?free|(?:will|would|do|does|should|must|shall) (?:i|we|you|they|he|she) (?:(?:have|need) to )?pay|(?:am i|are we|i'?m|we'?re) (?:still )?(?:fine|good|ok|okay|safe|covered|under)|expect (?:a|any) (?:bill|charges?|fees?|duty|tax(?:es)?)|cost (?:me|us) (?:anything|something|extra)|supposed to be (?:free|duty[- ]free|tax[- ]free)|(?:should|would|will|must|ought to) (?:still )?be (?:duty[- ]|tax[- ])?free|(?:i|we) (?:should|must|was supposed to|were supposed to|ought to) (?:have |'ve )?paid|should'?ve paid|no problem,? right|(?:about to|going to|gonna|will (?:i|we)|am i|are we) (?:get|be getting|getting|receive) (?:a|any) (?:bill|charges?|fees?))\b|\b(?:should|would|was|were|will|shouldn'?t|wouldn'?t|wasn'?t|weren'?t|won'?t) (?:it|that|this|they|those|these) (?:actually |really |still |even )?(?:have )?(?:been |be )?(?:duty[- ]|tax[- ])?free\b|\bshould (?:i|we|they|he|she|(?:my|our|the|his|her) \w+) (?:have paid|have had to pay)\b|\b(?:should|would|will|could) (?:i|we|they|he|she|(?:my|our|the|his|her) \w+|\w+) (?:have been|be|get) (?:billed|invoiced|charged)\b|\b(?:going to|gonna) (?:be|get) (?:billed|invoiced|charged)\b|\b(?:could|would|will|might|do|does) (?:i|we|he|she|they|\w+) end up (?:paying|owing|getting (?:charged|billed))\b|\bwill (?:it|that|this|they) cost (?:me|us|him|her|them)\b|\b(?:get|be|getting) hit with (?:a|an|any) (?:\w+ )?(?:fees?|charges?|bills?|dut(?:y|ies)|tariffs?|tax(?:es)?)\b|\b(?:is|are|will) (?:\w+ ){1,2}?(?:get|be getting|getting|receive) (?:a|any) (?:\w+ )?(?:bill|charges?|fees?)\b|\b(?:am i|are we|is (?:he|she)|are they) (?:paying|going to pay|gonna pay) anything\b|\banything (?:for (?:me|us|him|her|them) )?to pay\b|\b(?:a |any )?(?:fees?|charges?|bills?|tax(?:es)?) (?:coming|heading) (?:my|our|his|her|their) way\b|\b(?:a |any )?tax(?:es)? on (?:it|this|that|them)\b|\ballowed (?:in )?(?:for )?free\b|\b(?:go|goes|went|get|gets|got|come|comes|came) in (?:duty[- ]|tax[- ])?free\b/i;
/** Questions that ask why ("whay" too: a letter added to a short word is never corrected), how or how much: documents answer those, not a verdict. */
const OPEN_QUESTION = /^(?:(?:and|but|so|also|ok|okay)\s+)?(?:wh(?:y|ay)|how|what|where|who|which|whats|since when|is there (?:a|any) (?:\w+ )?way|are there (?:any )?(?:\w+ )?ways)\b/i;
/**
 * A bill or charge already there ("never got any bill" is no bill; "will I be billed" is to come;
 * "and now there's import duty??" tells of one):
 * a question for the pages (why duty, disputing a bill), unless the message asks outright whether
 * duty was owed ({@link ASKS_IF_OWED}).
 */
const BILL_THERE = new RegExp(`\\b(?:${String.raw`(?:now|suddenly) there(?:'s|s| is) (?:an? )?(?!no\b)(?:\w+ )?(?:import )?(?:duty|duties|customs|tax|fee|charge|bill)|(?<!\b(?:be|get|gets|getting)\s)(?<!\b(?:should|would|could|ought to|supposed to)\b[^.?!]{0,25}\bbeen\s)billed|invoices?|(?<!\b(?:get|be)\s)hit with|(?<!\b(?:never|not|didn'?t|did not|haven'?t|have not|hasn'?t|has not)\s)(?:sent|got|received|have|pay|paid)\b(?![^.?!]{0,8}\bno\b)[^.?!]{0,20}\bbill|paid (?:about |around |roughly |nearly |almost |like |over )?\$?\d[\d.,]* (?:in )?(?:duty|duties|tariffs?|customs)|(?<!\b(?:about to|going to|gonna|will (?:i|we)|am i|are we|i'?ll|we'?ll|(?:will|is|are)(?: \w+){1,2})\s)(?:get|getting) a bill|(?:charge|fee|bill) (?:of|for) (?:us)?\$?\d+|charged (?:me |us )?(?:an? )?(?:flat |whopping |extra )?(?:us)?\$\d+|(?:jacked|dinged|stung|gouged|robbed|whacked|nailed) (?:me|us) (?:for )?(?:an? )?(?:extra )?\$\d+|brokerage|clearance (?:fee|charge)s?|storage|dut(?:y|ies) (?:line )?(?:says |shows |was |is |of )?\$0|\$0(?:\.00)? (?:in )?dut(?:y|ies)`})\\b`, 'i');
/**
 * "…got a customs bill. Should it have come in free?", "Did she really owe duty on that?": with a
 * bill already there, still a question whether duty was owed (the tuning sets label these as
 * verdicts). "Wasn't everything under $800 free?" is not: it asks why there was a charge at all.
 */
const ASKS_IF_OWED =
  /\b(?:should (?:it|that|this|they|those|these) (?:really |actually |not )?have (?:come|gone|been let) in (?:duty[- ]|tax[- ])?free|should(?:n'?t| not) (?:a |the |my |that |this |it |they |those |these )(?:\w+ )?(?:really |actually )?(?:have )?(?:been|come in|gone in) (?:duty[- ]|tax[- ])?free|should (?:it|that|this|they) (?:really |actually )?have been (?:duty[- ]|tax[- ])free|did (?:i|we|she|he|they|my \w+) (?:really |actually |even )?owe (?:any )?(?:duty|duties|tariffs?|anything)|was (?:any )?(?:duty|tariff) (?:really |actually |even )?(?:owed|due))\b/i;
/**
 * Words that make a message a question for the documents, not a yes/no on duty owed: a refusal
 * or a refund, why / how much / how long, and subjects of their own (a bill already there is
 * {@link BILL_THERE}).
 */
const NOT_A_VERDICT = new RegExp(
  `\\b(?:${[
    // Sending back, refusing, disputing, getting money back ("duty back?"), what happens if one does not pay.
    String.raw`(?:send|ship|mail|post)(?:ing)? (?:it|them) back|(?:get|getting|got|claim|reclaim|recover)\b[^.?!]{0,20}\b(?:duty|duties|tariffs?|fees?|charges?) back|return(?:ing)? (?:it|them)|(?:get|getting)\s+(?:some|any|part|the difference|the rest)(?:\s+of (?:it|that|them))?\s+back|refuse|refusing|refused|dispute|disputing|protest|refund|refunded|money back|(?:dut(?:y|ies)|tariffs?|fees?|charges?) back(?!\s+(?:then|in|when|before|during|home|at))|(?:sent|shipped|mailed|posted|sending|send|ship|mail)s? back|what (?:happens|will happen|would happen)`,
    // Who is charging ("who's really charging this, USPS or customs?"): whose charge it is.
    String.raw`who(?:'?s| is| are)? (?:\w+ )?(?:charging|billing|collecting)`,
    // Who pays: the seller or the platform ("does Temu pay the duty themselves?"): the policy pages.
    // ("Does AliExpress actually pay the U.S. duty on my behalf?", "is Shein eating the tariffs?")
    String.raw`(?:seller|shop|store|site|website|platform|marketplace|temu|shein|aliexpress|amazon|etsy|ebay|they)\s+(?:actually\s+|really\s+|still\s+|just\s+)?(?:pays?|covers?|handles?|eats?|eating|absorbs?|absorbing)\s+(?:for\s+)?(?:it|that|them|(?:the\s+|all\s+(?:the\s+)?)?(?:u\.?s\.?\s+)?(?:duty|duties|tariffs?|customs|import (?:charges|fees)))\b|(?:pays?|paid|paying|covers?|handles?)\b[^.?!]{0,30}\bon (?:my|our) behalf`,
    // What the duty goes by ("does the duty go by Germany, where I bought it, or China?", "is secondhand stuff treated any different?").
    String.raw`(?:dut(?:y|ies)|tariffs?|rates?) (?:go|goes|is|are) (?:by|based on)|go(?:es)? by (?:where|the country)|(?:treated|taxed|handled|counted) (?:any |a bit |at all )?differen(?:t|tly)`,
    // Why, how much, how long, how it is worked out.
    // ("No idea how much she spent", "don't know what's inside or how much" say what the person does not know, not what they ask.)
    String.raw`why|(?<!\b(?:know|idea|sure|remember|clue|tell|say|forget|forgot)\b(?:[^.?!,]{0,20}\bor\b)?\s+)how much|how long|what rate|what percent(?:age)?|(?:worked|figured) out|calculated?|wtf|what(?:'?s| is) going on`,
    // Fakes and seizures: the counterfeit documents answer these, not the duty rules.
    String.raw`seiz(?:e|es|ed|ing|ure)|confiscat\w*|counterfeits?|fakes?|knock-?offs?|replicas?(?![^.?!]{0,30}\b(?:no brand|unbranded|no logo|not branded))|dupes?`,
    // Whether goods may come in at all (a knife, a plant), not what they owe: the pages on restricted goods.
    String.raw`(?:make it|get|gets|go|goes|pass|passes|get past|make it past) (?:through )?customs(?![^.?!]{0,30}\b(?:pay|paying|owe|owing|charges?|fees?|bills?|dut(?:y|ies)|tariffs?|free|tax(?:es)?)\b)|(?:be |is |are )?allowed (?:in|into)(?!\s+(?:for\s+)?(?:duty[- ]|tax[- ])?free)|(?:let|lets|letting) (?:it|them|this|that|those|these) (?:in|into|through|thru|pass)\b|banned|illegal to (?:import|bring|order|buy)|(?:will|would|do|does|can) (?:they|customs|cbp) (?:take|keep|confiscate|destroy) (?:it|them)`,
    // Goods of one's own coming back: from a repair abroad, from a loan, a trip or a move.
    String.raw`repair(?:ed|s|ing)?|needs? fixing|needed fixing|(?:get|got|had|have) (?:it|them) fixed|warranty|serviced|lent|loaned|my own (?:\w+ ){0,2}(?:coming|comes|came|sent|mailed|shipped) (?:back|home)|(?:mail|send|ship|post)(?:s|ed|ing)? (?:it|them) back to (?:me|us)`,
    // Policy and tariff programmes: the documents answer these, the duty-free rules do not.
    String.raw`(?:supreme )?court|scotus|executive order|(?:special|extra|separate|additional) (?:tariffs?|dut(?:y|ies)) (?:on|for)|congress|(?:steel|alumin(?:i)?um|copper|lumber) (?:tariffs?|dut(?:y|ies))|section (?:232|301|122)|ieepa|reciprocal tariffs?`,
    // A rule asked about in general: "can stock still come in duty free if each day stays under $800?".
    String.raw`(?:keep|keeps|keeping|stay|stays|staying)\s+(?:each|every)\s+(?:day|carton|box|package|parcel|shipment|order)s?\s+(?:under|below)|(?:each|every)\s+(?:day|carton|box|package|parcel|shipment|order)s?\s+(?:stays?|is|are|kept|remains?)\s+(?:under|below)`,
    // Other subjects the documents answer: a stuck parcel, duties paid by the seller, USMCA, brokers, other taxes.
    String.raw`stuck(?! with)|dut(?:y|ies) (?:are |were |is |was )?included|ddp|usmca|cusma|broker|sales tax|${GIFT_OR_ESTATE_TAX}|vat|gst|hst|(?:formal|informal|kind of|type of|which) (?:customs )?entry`,
    // Used goods given as a reason to owe nothing ("it's second hand so there's no duty, right?"),
    // or asked about as a kind ("do you pay duty on secondhand stuff too?", "does something used
    // still get charged?": all 38 labelled messages so put name the used-goods page): whether that matters
    // is the used-goods page's question; a used jacket alone is a shipment.
    String.raw`(?:since|because|as|cause|cuz|even if|even though) (?:it'?s|it is|they'?re|they are|it was|they were) (?:used|second[- ]?hand|pre-?owned)|(?:is|are|'s|'re) (?:used|second[- ]?hand|pre-?owned),? so|${USED_GOODS_AS_A_KIND}`,
    // A kind of goods asked about, the parcel only its example ("do I owe duty on antiques like that?").
    String.raw`(?:on|for) (?:\w+ ){1,2}(?:like (?:that|this|these|those|mine)|such as (?:this|that|mine))`,
    // A rule's own sums ("the $80/$160/$200 per item duty", "$80 per item mail duty"), a text
    // asking to pay for a redelivery (a scam's business): questions for the documents (session 19).
    String.raw`\d+\s*\/\s*\$\d+|(?<=\$\s?)\d[\d,]*\s*(?:per|a|\/)\s*(?:item|package|parcel|piece)\b(?=\s*(?:\w+\s+){0,2}(?:dut(?:y|ies)|tariffs?|fees?|charges?|rates?|thing|rule|option)\b)|reschedul\w*|(?:(?:a|got a|received a) text (?:message )?|^text )(?:from|saying|says|that says|claiming)`,
    // Dodging the charge: the pages on splitting orders and on misuse.
    String.raw`avoid (?:the )?(?:duty|duties|tariffs?|customs)|(?:(?:get|gets|getting|got) (?:me |us |you )?(?:a)?round|(?<!\bdid (?:i|we|you|he|she|they) )(?:dodg(?:e|ing)|evad(?:e|ing))) (?:the )?(?:customs|dut(?:y|ies)|tariffs?|charges?|fees?|limit|rules?)|loopholes?`,
  ].join('|')})\\b`,
  'i',
);
/** A seller's question ("I sell candles from Toronto, will my customers pay duty?"): the sellers' pages answer. */
const SELLERS_QUESTION =
  /\b(?:(?:we're|we are|i'm|i am) an? (?:\w+ )?(?:seller|brand|shop|business)|(?<!\b(?:not|never|isn'?t|wasn'?t|aren'?t|doesn'?t|don'?t|would|could|might|it'?d)\s)(?:sell|selling)(?!\s+for\b)|my (?:customers?|buyers?))\b/i;
/**
 * …unless it tells of one customer's parcel ("A customer in Maine got my $85 cushion in May 2025.
 * Should she have paid duty?"): that is a shipment to judge, for the customer (session 21: 8 of
 * 150 such messages had gone to the sellers' pages).
 */
const ONE_CUSTOMER = /\b(?:a|one|the|this|that|my)\s+(?:of my\s+)?(?:customer|buyer|client)(?!s)\b|\bone of my (?:customers|buyers|clients)\b/i;

/**
 * Whether the message is about a bill, a refusal, selling, a rule or another subject rather than a
 * shipment to judge. A seller's own unsold stock sent to a U.S. warehouse (`ownStock`) is their
 * own import, not a question about their customers' parcels; a bill for goods entered before any
 * suspension (`enteredBeforeAnySuspension`) is judged.
 */
function isNotAVerdict(text: string, ownStock: () => boolean, enteredBeforeAnySuspension: () => boolean = () => false): boolean {
  return (
    NOT_A_VERDICT.test(text) ||
    // A bill for goods that came in before any suspension ("in 2009 … got a customs bill. Was that
    // legit?"): whether duty was owed then is the verdict's, not the pages' on today's charges.
    (BILL_THERE.test(text) && !ASKS_IF_OWED.test(text) && !enteredBeforeAnySuspension()) ||
    (SELLERS_QUESTION.test(text) && !ONE_CUSTOMER.test(text) && !ownStock())
  );
}
/** A parcel of the person's own: ordered or bought by them. */
const OWN_PARCEL = /\b(?:(?:i|we) (?:just )?(?:ordered|bought|purchased)|(?:my|our) (?:order|package|parcel|box))\b/i;
/** "I can't remember if it was before or after the 29th": the person cannot give the day. */
const DATE_UNKNOWN = /\b(?:(?:can'?t|cannot|couldn'?t|don'?t|do not) (?:remember|recall|pin (?:it |that )?down|be sure|tell you)|not sure (?:if|whether|when|which)|no idea (?:if|whether|when|which)|(?:don'?t|do not) know (?:if|whether|when|which)|no clue (?:if|whether|when)|(?:i )?(?:forget|forgot|can'?t remember|don'?t remember) which)\b/i;
/** "I don't know if it's being mailed from Guam or from Manila", "stationed either in Guam or Japan": two places offered, neither known to be it. */
const ORIGIN_EITHER = /\b(?:don'?t know|do not know|not sure|no idea|can'?t remember|unsure)\b[^.?!]{0,40}\b(?:from|in)\s+[A-Z][\p{L}.' -]{1,30}?\s+or\s+(?:from\s+|in\s+)?[A-Z]|\beither\s+(?:from|in)\s+[A-Z][\p{L}.' -]{1,30}?\s+or\s+(?:from\s+|in\s+)?[A-Z]/u;
/** "I can't remember which country it shipped from": the person cannot give the origin. */
const ORIGIN_UNKNOWN = /\b(?:(?:can'?t|cannot|don'?t|do not) (?:remember|recall|know|tell)|no idea|not sure|no clue|never said|didn'?t say|doesn'?t say)\b[^.?!]{0,40}\b(?:(?:which|what) country|which (?:of the )?(?:two|2|three|3) (?:places|countries|cities)|(?:which|what) (?:place|city) (?:it|she|he|they) (?:was |were )?(?:sent|mailed|shipped) (?:it |them )?from)|\b(?:no idea|zero idea|no clue|not sure|don'?t know|can'?t remember|never said|didn'?t say|doesn'?t say)\b[^.?!]{0,30}\bwhere (?:it|they|the (?:seller|shop|store|package|parcel)) (?:was |were |is |are )?(?:shipped|sent|ships?|came|comes?|mailed)(?: it| them)? from\b/i;
/**
 * "No idea where it was actually made", "the seller won't tell me where it was manufactured",
 * "they may have had it made in China": the country of origin is where goods were made, so not
 * even the seller's country (said or read from a city) tells it.
 */
const MADE_IN_UNKNOWN = /\b(?:no idea|zero idea|no clue|not sure|don'?t know|can'?t tell|can'?t remember|didn'?t say|doesn'?t say|never (?:said|says|mentioned|listed)|(?:didn'?t|doesn'?t) (?:mention|list)|won'?t (?:tell|say)|will not (?:tell|say)|refuses? to (?:tell|say))\b[^.?!]{0,30}\bwhere (?:it|they|the \w+) (?:was|were|is|are|got) (?:actually |really )?(?:made|manufactured|produced|built)\b|\b(?:no idea|not sure|don'?t know|do not know|can'?t tell|can'?t remember)\s+(?:if|whether)\s+(?:it|they)\s+(?:was|were)\s+(?:made|manufactured|produced|built)\s+in\b|\bno (?:label|tag|marking|sticker|info(?:rmation)?)\b[^.?!]{0,20}\b(?:if|whether|where) (?:it|they) (?:was|were|is|are) (?:made|manufactured|produced|built)\b|\b(?:may|might|could) (?:have )?(?:had (?:it|them) |been )?(?:made|manufactured) in\b|\b(?:maybe|possibly|perhaps) (?:made|manufactured) in\b/i;
/**
 * Informational materials, which the suspension orders left out (50 U.S.C. 1702(b)). The rules
 * engine does not model that carve-out (whether the June 2026 rules keep it is not settled), so
 * for anything but a gift the documents answer, and say so.
 */
/**
 * Whether the goods entered on a known date when the exemption was still open to them ("in 2019
 * I ordered $90 of books from England"): then the carve-out for books does not change the result.
 */
function beforeAnySuspension({ facts, unclearDate }: Pick<ExtractedFacts, 'facts' | 'unclearDate'>, rules: RuleSet): boolean {
  const { kind, origin } = facts;
  // A year in which other rules changed ("in 2016") is a period: its last day stands for it.
  const entryDate = facts.entryDate ?? unclearDate?.to;
  if (entryDate === undefined || entryDate === UNKNOWN) return false;
  return !exemptionSuspended(rules, kind === undefined || kind === UNKNOWN ? 'purchase' : kind, entryDate, origin === undefined || origin === UNKNOWN ? undefined : origin);
}
/** "Doing my books", "for our 2024 books": accounts, not printed books. */
const BOOKKEEPING = /\b(?:doing|do|did|for|in|keep(?:ing)?|closing|close|balanc(?:e|ing)|reconcil(?:e|ing)) (?:my|our|the|the company'?s) (?:(?:19|20)\d{2} |tax |year-end |annual )?books\b/gi;
const INFORMATIONAL = /\b(?:books|magazines|newspapers|comics|informational materials?)\b/i;
/** "no idea what it's worth", "no value listed", "never been appraised": the person does not know the value, which the result may depend on. */
const VALUE_UNKNOWN = /\bno (?:value|price) (?:listed|given|stated|written|on (?:it|the (?:label|form|box)))\b|\b(?:never|not|(?:nobody|no one) (?:has |had )?(?:ever )?)(?:been |had (?:it|them) )?appraised\b|\b(?:no idea|no clue|not sure|don'?t know|dunno|idk|do not know|unsure|can'?t tell|cannot tell|can'?t remember|cannot remember|don'?t remember|can'?t recall|forgot|forget|never (?:told|said|showed|put|wrote)|(?:didn'?t|did not|won'?t|will not) (?:tell|say|show|put|write|list|give|declare)|refuses? to (?:tell|say|show))\b[^.?!]{0,30}\b(?:worth|value|cost|paid|price|spent|spend)\b/i;

/**
 * Whether a question asks if something owes duty (yes or no), not why, how or how much.
 *
 * @example
 * asksWhetherDutyIsOwed('Do I owe duty on that?'); // true
 * asksWhetherDutyIsOwed('Duty or no duty?');       // true
 * asksWhetherDutyIsOwed('why did DHL bill me $30'); // false
 */
export function asksWhetherDutyIsOwed(question: string): boolean {
  const t = question.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  const asked = askedClause(t);
  // "Does La Poste charge me or is it the US side?" asks whose charge it is, not whether one is owed.
  return DUTY_WORDS.test(asked) && (!OPEN_QUESTION.test(asked) || WHAT_DO_I_OWE.test(asked)) && !isNotAVerdict(t, () => parseKind(t) === 'warehouse') && asksWhoseCharge(asked) === undefined;
}

/** "What do I pay?" on one's own parcel: whether anything is owed comes first (the verdict says). */
const WHAT_DO_I_OWE = /^(?:(?:and|but|so|ok|okay)\s+)?what (?:do|will|would|should|must) (?:i|we) (?:have to |need to )?(?:pay|owe)\b(?!\s+(?:for|to|in)\b)/i;

/** "Was that right?", "did I just get lucky?": a question about what the story says happened. */
const REFERS_BACK = /^(?:(?:and|but|so|ok|okay)\s+)?(?:(?:was|is|were)\s+(?:that|this|it|she|he|they)\s+(?:right|correct|legit|legal|ok|okay|normal|a mistake|allowed|so|true)\b|(?:(?:right|correct),?\s+or\s+)?(?:did|do)\s+(?:i|we)\s+(?:just\s+)?get\s+lucky|should\s+there\s+have\s+been(?:\s+(?:one|any|some))?\s*\?|(?:was|were)\s+(?:i|we|he|she|they)\s+supposed\s+to\b|(?:am\s+i|are\s+we)\s+(?:in the clear|ok|okay|fine)\b)/i;
/** "Was that legit?" as a sentence of its own: about what the story says happened. */
const WAS_THAT_RIGHT = /^(?:(?:and|but|so|ok|okay)\s+)?(?:was|is)\s+(?:that|this|it)\s+(?:right|correct|legit|legal|ok|okay|allowed)\b/i;
/** "She says gifts are free": someone's claim that it owes nothing. */
const CLAIMED_FREE = String.raw`\b(?:says?|said|told (?:me|us)|thinks?|heard|claims?|swears?)\b[^.?!]{0,30}\b(?:free|duty[- ]free|tax[- ]free|no (?:duty|tax))\b`;
/** "Nobody charged me a cent", "I paid nothing": a story in which no duty was paid (or, someone says, none is owed). */
const PAID_NOTHING = new RegExp(String.raw`\b(?:nobody|no one|never|didn'?t|did not|wasn'?t|weren'?t)\b[^.?!]{0,25}\b(?:charged?|pa(?:y|id)|bill(?:ed)?)\b|\b(?:don'?t|do not) (?:remember|recall) (?:paying|being (?:charged|billed))\b|\bno (?:duty|duties|charges?|fees?|bill)\b|\bnothing (?:to pay|was charged|charged|owed|due)\b|\b(?:paid|charged|owed) (?:nothing|zero|\$\s?0(?:\.00)?|0 dollars)(?![.,]?\d)|\bnot (?:a|one) (?:cent|penny|dime)\b|\bwithout (?:a|any) (?:duty |customs |tax )?(?:bill|charge|fee)s?\b|${CLAIMED_FREE}`, 'i');

/**
 * Whether a question asks if paying nothing was right ("Nobody charged me a cent. Was that
 * correct or did I get lucky?"): the same as asking whether duty was owed.
 *
 * @example
 * asksWhetherPayingNothingWasRight('Was that correct or did I get lucky?', 'My $650 watch from Japan came in June 2025. Nobody charged me a cent. Was that correct or did I get lucky?'); // true
 * asksWhetherPayingNothingWasRight('Was that correct?', 'DHL charged me $40. Was that correct?'); // false
 */
export function asksWhetherPayingNothingWasRight(question: string, text: string): boolean {
  // The asked clause, or a last sentence that asks about what happened ("… and paid zero. was
  // that legit?"); "Was he right?" asks about someone's claim instead.
  const lastSentence = question.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
  return (REFERS_BACK.test(askedClause(question.trim())) || WAS_THAT_RIGHT.test(lastSentence)) && PAID_NOTHING.test(text);
}

/** "Did I actually owe that?", "were they allowed to?", "was that an error?": about a charge the story tells of. */
const CHARGE_QUESTIONED = /^(?:(?:and|but|so|ok|okay)\s+)?(?:did\s+(?:i|we|he|she|they)\s+(?:actually\s+|really\s+|even\s+)?owe\s+(?:that|it|this|them|anything)|(?:were|was)\s+(?:they|customs|cbp|dhl|ups|fedex|usps)\s+allowed\s+to|(?:was|is)\s+(?:that|this|it)\s+(?:an?\s+)?(?:error|mistake)|(?:was|were)\s+(?:i|we|he|she|they)\s+(?:actually\s+|really\s+)?supposed\s+to)\b/i;
/** A story in which duty or a customs charge was paid or billed ("paid customs in 2007", "got a customs bill"). */
const CHARGED = /\b(?:charged|paid|billed|pay)\b[^.?!]{0,30}\b(?:duty|duties|customs|tariffs?|import (?:tax|fees?))\b|\b(?:duty|customs|tariff|import)\s+(?:bill|charge|fee)s?\b|\b(?:charged|billed)\s+(?:me|us|him|her|them)\b|\bgot\s+(?:charged|billed)\b/i;

/**
 * Whether a question asks if a charge paid long ago was right ("Back in 2009 my mom ordered a
 * $120 tea set from England and got a customs bill. Was that legit?"), when the goods entered
 * before any suspension of the exemption: the verdict for that date answers it. (A charge since
 * then is a question for the pages on why small orders pay and on disputing a bill.) All 41
 * labelled messages with a charge or its absence told of an entry before 2025 and a question
 * like this name a verdict.
 *
 * @example
 * asksWhetherOldChargeWasRight('Was that legit?', 'Back in 2009 my mom ordered a $120 tea set from a shop in England and got a customs bill. Was that legit?', today, () => rules); // true
 * asksWhetherOldChargeWasRight('Was that correct?', 'DHL charged me $40 last week. Was that correct?', today, () => rules);                                                    // false
 */
export function asksWhetherOldChargeWasRight(question: string, text: string, today: string, rules: () => RuleSet): boolean {
  const asked = askedClause(question.trim());
  const lastSentence = question.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
  if (!(REFERS_BACK.test(asked) || CHARGE_QUESTIONED.test(asked) || WAS_THAT_RIGHT.test(lastSentence) || CHARGE_QUESTIONED.test(lastSentence))) return false;
  if (!CHARGED.test(text)) return false;
  const ruleSet = rules();
  return beforeAnySuspension(extractFacts(text, today, ruleSet), ruleSet);
}

/**
 * The part of a question sentence that asks: its last clause, with the ones before it while it
 * is very short ("…, or not?"). "I ordered a $120 dress from France, how long will customs
 * take?" asks how long, whatever the clause before says.
 *
 * @example
 * askedClause('I ordered a $40 jacket from the UK, will I pay duty?'); // 'will I pay duty?'
 * askedClause('Do I owe duty on my $40 order, or not?');               // 'Do I owe duty on my $40 order, or not?'
 * askedClause('Was it duty-free, or did I just get lucky?');            // 'Was it duty-free, or did I just get lucky?'
 */
export function askedClause(question: string): string {
  // Sentences too: "I was charged twice. Are those different things?" asks the last one.
  const clauses = question.split(/(?<=[,;:.!?])\s+|\s+(?=[-–—]\s)/);
  let asked = clauses.pop() ?? '';
  // "…, or not?" and "…, or did I just get lucky?" offer the other answer to the clause before.
  while (clauses.length > 0 && (asked.split(/\s+/).filter((w) => /\w/.test(w)).length <= 3 || /^or\b/i.test(asked))) asked = `${clauses.pop()} ${asked}`;
  return asked;
}

/**
 * A particular shipment: a value (in dollars, in another currency, or one the person does not
 * know) and what or where it is.
 */
function describesShipment(facts: ShipmentFacts, text: string, namedOrPlaced: boolean, foreignMoney: boolean): boolean {
  const value = facts.valueUsd !== undefined || foreignMoney || VALUE_UNKNOWN.test(text);
  if (value) return facts.origin !== undefined || facts.kind !== undefined || facts.mode !== undefined || namedOrPlaced;
  // No value, but one's own purchase from a named country, city or shop ("I ordered boots from
  // Italy", "from a shop in Kyoto", "on Temu", "will I be charged?"): since 29 Aug 2025 the value
  // does not change the result (before, the check asks it). A parcel on its way from someone
  // abroad ("my mom is sending me a present from Brazil") goes to the guided check, which asks
  // what it is worth; "can she still send me a gift?" asks about gifts in general: the gift page.
  if (facts.origin === undefined && !namedOrPlaced) return false;
  if (INCOMING.test(text)) return true;
  return facts.kind === 'purchase' && OWN_PARCEL.test(text);
}

/** A parcel on its way to the person or their family ("my cousin is sending me", "mailed my dad", "a package coming from my mom"). */
const INCOMING = new RegExp(
  String.raw`\b(?:(?:is|are|'s|'re) (?:sending|mailing|shipping|posting)|sent|mailed|shipped|posted) (?:me|us|(?:my|our) (?:\w+ )?(?:${KIN})|him|her)\b|\b(?:package|parcel|box|gift|present)s? (?:is |are )?(?:coming|arriving|on (?:its|the) way)|\bcoming (?:to me|my way)`,
  'i',
);

/** A sentence about someone else's parcel: "My friend ordered the same watch and got a duty bill." */
const OTHERS_SENTENCE = /^(?:my (?:\w+ )?(?:friend|coworker|co-worker|colleague|neighbou?r|sister|brother|cousin|mom|mum|dad|roommate|boss)s?|a (?:friend|coworker|colleague|neighbou?r)|someone|somebody|people|others|he|she|they)\b/i;
/** Words of the person's own part in a sentence. */
const FIRST_PERSON = /\b(?:i|me|we|us|our|i'm|i've|i'd)\b|(?!^)\bmy\b/i;

/**
 * The message without sentences that tell only of someone else's parcel: a friend's duty bill in
 * the story does not make the person's own question one about a bill.
 *
 * @example
 * withoutOthersStories('I paid nothing in July. My friend ordered the same watch and got a duty bill. Was mine duty-free?');
 * // 'I paid nothing in July.  Was mine duty-free?'
 * withoutOthersStories('My friend sent me a gift and I got a bill.'); // unchanged
 */
export function withoutOthersStories(text: string): string {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => (OTHERS_SENTENCE.test(sentence) && !FIRST_PERSON.test(sentence.replace(/^my\b/i, '')) ? '' : sentence))
    .join(' ');
}

/**
 * Reads the facts of a message whose question asks whether a shipment owes duty (see
 * {@link asksWhetherDutyIsOwed}). Undefined when the message (apart from `otherQuestions`, its
 * other questions, answered on their own) is about a bill, a refusal or selling, describes no
 * particular shipment (a value and an origin, a platform or a kind), or
 * says the goods leave from inside the United States. An origin read from a city or an
 * adjective ("my mom in Vancouver", "a German site") is used only where it decides the
 * result, and the reading says so in `assumptions`.
 *
 * @example
 * readShipment('I ordered a $40 jacket from the UK, will I pay duty?', '2026-12-02', rules, names);
 * // { facts: { kind: 'purchase', valueUsd: 40, origin: 'GB' }, decidable: true, notes: [], assumptions: [] }
 * readShipment('will my temu order be taxed', '2026-12-02', rules, names)?.assumptions;
 * // ['Temu orders have usually come from China; …']
 * readShipment('my $150 order from a Hong Kong shop came on 12 May 2025, did I owe duty?', '2026-12-02', rules, names)?.assumptions;
 * // ['I took "Hong Kong shop" to mean goods sent from Hong Kong, so I checked for that. …']
 */
export function readShipment(
  text: string,
  today: string,
  rules: RuleSet,
  names: NameTable,
  otherQuestions: readonly string[] = [],
): ShipmentReading | undefined {
  // Another question of the same message ("… and can I refuse it if I do?") is answered on its
  // own; only the story and the duty question say whether this is a shipment to judge.
  const judged = otherQuestions.reduce((rest, q) => rest.replace(q, ' '), text);
  // The facts are read only once, and only if the message may be a shipment to judge.
  let read: ExtractedFacts | undefined;
  const factsRead = () => (read ??= extractFacts(text, today, rules));
  if (isNotAVerdict(withoutOthersStories(judged), () => factsRead().facts.kind === 'warehouse', () => beforeAnySuspension(factsRead(), rules))) return undefined;
  const extracted = factsRead();
  if (extracted.facts.kind !== 'gift' && INFORMATIONAL.test(text.replace(BOOKKEEPING, ' ')) && !beforeAnySuspension(extracted, rules)) return undefined;
  const unclear = extracted.unclearDate;
  if (unclear) {
    // A month in which the rules changed ("arrived in May 2025") needs its day only if the day
    // changes the result: for a UK order it does not (only China's rules changed that May).
    const on = (entryDate: string) => readFacts(text, today, rules, names, { ...extracted, facts: { ...extracted.facts, entryDate }, notes: [], unclearDate: undefined });
    const readings = [on(unclear.from), on(middleOf(unclear.from, unclear.to)), on(unclear.to)];
    const verdicts = new Set(readings.map((r) => (r?.decidable ? assess(r.facts, rules, today).verdict : undefined)));
    // The middle day stands for the period, as a month alone does elsewhere ("I used 15 Mar 2025").
    if (readings[1] && verdicts.size === 1 && !verdicts.has(undefined)) return { ...readings[1], notes: [fill(words.anyDayInPeriod, { period: unclear.text })] };
    // The day decides, and the person says they cannot give it ("can't remember if it was before
    // or after the 29th"): asking for it again does not help; "it depends on the day" does.
    if (DATE_UNKNOWN.test(text)) {
      const days = { from: unclear.from, to: unclear.to };
      const reading = readFacts(text, today, rules, names, { ...extracted, facts: { ...extracted.facts, entryDate: UNKNOWN, entryBetween: days }, unclearDate: undefined });
      // "Check with other details" asks the day: the person may find it on the invoice.
      if (reading?.decidable) return { ...reading, assumed: [...(reading.assumed ?? []), 'entryDate'] };
    }
  }
  const either = extracted.valueEither;
  if (either) {
    // "either $90 or $130, I forget which": judged at both; the same result is the answer, and
    // different ones make it "cannot tell" (the person has said they do not know which).
    const at = (valueUsd: number) => readFacts(text, today, rules, names, { ...extracted, facts: { ...extracted.facts, valueUsd }, valueEither: undefined });
    const [low, high] = [at(either.low), at(either.high)];
    const verdictOf = (r: ShipmentReading | undefined) => (r?.decidable ? assess(r.facts, rules, today).verdict : undefined);
    const amounts = { low: formatUsd(either.low), high: formatUsd(either.high) };
    if (low && verdictOf(low) !== undefined && verdictOf(low) === verdictOf(high)) return { ...low, notes: [...low.notes, fill(words.anyValueBetween, amounts)] };
    if (low?.decidable && high?.decidable) {
      const sameDay: ShipmentFacts = low.facts.sameDayTotalUsd === either.low ? { sameDayTotalUsd: UNKNOWN } : {};
      return { ...low, facts: { ...low.facts, valueUsd: UNKNOWN, ...sameDay }, notes: [...low.notes, fill(words.valueBetweenDecides, amounts)] };
    }
  }
  const reading = readFacts(text, today, rules, names, extracted);
  // "both arrived the same day, $60 and $70" names no day, and an arrival in the past needs one,
  // unless every day gives the same result (a gift's limit has not changed): then that is the answer.
  if (reading && !reading.decidable && !unclear && extracted.facts.entryDate === undefined && extracted.notes.length === 0 && mentionsPastArrival(text)) {
    const anyDay = readFacts(text, today, rules, names, { ...extracted, facts: { ...extracted.facts, entryDate: UNKNOWN } });
    // When the day does matter and the person says they cannot give it ("years ago, can't
    // remember which year"), the answer is that it depends on the day, not a question about it.
    if (anyDay?.decidable && (DATE_UNKNOWN.test(text) || assess(anyDay.facts, rules, today).verdict !== 'cannot-tell')) return { ...anyDay, assumed: [...(anyDay.assumed ?? []), 'entryDate'] };
  }
  return reading;
}

/** {@link readShipment} once the facts are extracted (with a given arrival day, or without). */
function readFacts(text: string, today: string, rules: RuleSet, names: NameTable, extracted: ExtractedFacts): ShipmentReading | undefined {
  const facts: ShipmentFacts = { ...extracted.facts };
  const assumptions: string[] = [];
  let assumed: FactKey[] | undefined;
  const mentioned = findNames(text, names).map((m) => m.name);
  // Goods that leave from inside the United States ("the seller ships from a U.S. warehouse")
  // are not an import: the documents answer, not the rules for imports.
  const probable = probableOrigin(text);
  if (probable.fromUnitedStates) return undefined;
  // Parcels from two countries ("a $500 jacket from Sweden and a $450 bag from Denmark") are placed
  // too: the origin is asked only if it decides.
  const placed = mentioned.length > 0 || probable.reading !== undefined || originsNamed(text).length > 1;
  if (!describesShipment(facts, text, placed, extracted.foreignMoney !== undefined)) return undefined;
  if (facts.valueUsd === undefined && VALUE_UNKNOWN.test(text)) facts.valueUsd = UNKNOWN;

  for (const n of mentioned) {
    if (n.kind && facts.kind === undefined) facts.kind = n.kind;
    if (n.mode && facts.mode === undefined) facts.mode = n.mode;
  }
  const marketplace = mentioned.find((n) => n.usuallyShipsFrom);
  // A value in another currency stays unknown (no guessed rate): the verdict comes only when the
  // result does not depend on the value (a purchase today); else the guided check asks for dollars.
  let decidable = !extracted.unclearDate && !(facts.entryDate === undefined && (extracted.notes.length > 0 || mentionsPastArrival(text)));
  // "my mom in Vancouver", "a German site": a likely origin, used only where it decides, and said.
  const place = probable.reading;
  // The sentence that says an origin was assumed (from a place or a platform), when one was.
  let originAssumed: string | undefined;
  // "I can't remember which country the seller shipped from", where the origin decides: the
  // answer is "it depends on the origin", not a question the person already said they cannot answer;
  // nor is the seller's city a guess at it ("a seller in Bangkok, no idea where it was made").
  const originDecides = () => nextQuestion({ ...facts, origin: undefined }, rules, today)?.fact === 'origin';
  // "I don't know which of the two places she sent it from" (Guam or Manila): unknown, though one was named.
  if (decidable && (ORIGIN_UNKNOWN.test(text) || ORIGIN_EITHER.test(text) || MADE_IN_UNKNOWN.test(text)) && originDecides()) facts.origin = UNKNOWN;
  // The origin may be asked after a usual fact ("any alcohol?"), which is assumed below.
  if (decidable && facts.origin === undefined && place && openFact(facts, rules, today) === 'origin') {
    facts.origin = place.code;
    const country = countryName(place.code);
    originAssumed = place.how === 'city' ? fill(words.cityOrigin, { place: place.said, country }) : fill(words.sellerOrigin, { said: place.said, country });
    assumptions.push(originAssumed);
  }
  if (decidable && facts.origin === undefined && marketplace) {
    // The origin matters only if the rules for the date depend on it; then say what we assume.
    const withHint = { ...facts, origin: marketplace.usuallyShipsFrom };
    const needsOrigin = openFact(facts, rules, today) === 'origin';
    if (needsOrigin) {
      facts.origin = withHint.origin;
      originAssumed = fill(words.marketplaceOrigin, { marketplace: marketplace.name, country: countryName(marketplace.usuallyShipsFrom!) });
      assumptions.push(originAssumed);
    } else {
      assumptions.push(fill(words.marketplaceAnyOrigin, { marketplace: marketplace.name }));
    }
  }
  if (decidable) {
    // "My friend in Cebu sent me a $90 birthday present": nobody adds "no alcohol, nothing else
    // that day, not a split order". The usual case is taken, and said, so the person gets the
    // verdict now and "Check with other details" if it is not their case.
    const ordinary = assumeOrdinaryCase(facts, rules, today);
    if (ordinary) {
      Object.assign(facts, ordinary.facts);
      assumptions.push(ordinary.said);
      assumed = Object.keys(ordinary.facts) as FactKey[];
    }
  }
  if (decidable) {
    const next = nextQuestion(facts, rules, today)?.fact;
    // A value the person does not know: no answer left to ask can make it duty-free, and with
    // the goods that would settle it the other way ruled out ("there is no alcohol or tobacco
    // in it"), the verdict is "cannot tell", with what it depends on.
    const valueDecides = facts.valueUsd === UNKNOWN && (next === 'contents' || next === 'sameDayTotalUsd') && deniesContents(text, rules.contents);
    decidable = next === undefined || valueDecides;
  }
  // The guided check takes the facts as known: a likely origin goes there only as a question,
  // and "Check with other details" after a verdict asks it again.
  if (!decidable && originAssumed) {
    delete facts.origin;
    assumptions.splice(assumptions.indexOf(originAssumed), 1);
  } else if (originAssumed) {
    assumed = [...(assumed ?? []), 'origin'];
  }
  return { facts, notes: extracted.notes, assumptions, decidable, ...(assumed ? { assumed } : {}) };
}

/**
 * The facts a reading took from the message, without those it assumed as the usual case: what
 * "Check with other details" starts the guided check with, so that it asks them.
 *
 * @example
 * factsStated({ facts: { kind: 'gift', valueUsd: 60, contents: [] }, assumed: ['contents'], … }); // { kind: 'gift', valueUsd: 60 }
 */
export function factsStated(reading: ShipmentReading): ShipmentFacts {
  const facts: ShipmentFacts = { ...reading.facts };
  for (const key of reading.assumed ?? []) delete facts[key];
  if (facts.entryDate === undefined) delete facts.entryBetween;
  return facts;
}

/**
 * When the only facts still missing are ones people rarely mention because the usual answer
 * holds — no goods that change the result (alcohol, tobacco…), nothing else arriving that day,
 * not one lot of a split order — those usual answers and the sentence that says so. Undefined
 * when another fact is missing too (a date, an unknown value), or none is.
 *
 * @example
 * assumeOrdinaryCase({ kind: 'gift', valueUsd: 90, origin: 'PH' }, rules, '2026-12-02');
 * // { facts: { contents: [], sameDayTotalUsd: 90 }, said: 'I assumed it holds no alcohol, tobacco or perfume and nothing else arrived for you that day. If that is not so, …' }
 */
export function assumeOrdinaryCase(known: ShipmentFacts, rules: RuleSet, today: string): { facts: ShipmentFacts; said: string } | undefined {
  const { assumed, said, open } = ordinaryWalk(known, rules, today);
  return open === undefined && said.length > 0 ? { facts: assumed, said: fill(words.ordinaryCase, { assumptions: joinWords(said, words.and.trim()) }) } : undefined;
}

/**
 * The first fact the check would still ask once the usual answers are taken (see
 * {@link assumeOrdinaryCase}): "origin" for two gifts of $80 and $70 from Norway on one day,
 * although the check asks about alcohol first.
 *
 * @example
 * openFact({ kind: 'gift', valueUsd: 80, sameDayTotalUsd: 150, entryDate: '2026-12-03' }, rules, '2026-12-02'); // 'origin'
 */
export function openFact(known: ShipmentFacts, rules: RuleSet, today: string): FactKey | undefined {
  return ordinaryWalk(known, rules, today).open;
}

/** The check's questions in turn, each answered the usual way while it can be. */
function ordinaryWalk(known: ShipmentFacts, rules: RuleSet, today: string): { assumed: ShipmentFacts; said: string[]; open?: FactKey } {
  const facts: ShipmentFacts = { ...known };
  const assumed: ShipmentFacts = {};
  const said: string[] = [];
  for (let next = nextQuestion(facts, rules, today); next; next = nextQuestion(facts, rules, today)) {
    if (next.fact === 'contents' && facts.contents === undefined) {
      const goods = (next.choices ?? []).filter((c) => c.value !== 'none' && c.value !== UNKNOWN).map((c) => lowerFirst(c.label));
      assumed.contents = facts.contents = [];
      said.push(fill(words.ordinaryNoContents, { contents: joinWords(goods, words.or) }));
    } else if (next.fact === 'sameDayTotalUsd' && facts.sameDayTotalUsd === undefined && typeof facts.valueUsd === 'number') {
      assumed.sameDayTotalUsd = facts.sameDayTotalUsd = facts.valueUsd;
      said.push(words.ordinaryAloneThatDay);
    } else if (next.fact === 'splitOrder' && facts.splitOrder === undefined) {
      assumed.splitOrder = facts.splitOrder = false;
      said.push(words.ordinaryNotSplit);
    } else {
      return { assumed, said, open: next.fact };
    }
  }
  return { assumed, said };
}
