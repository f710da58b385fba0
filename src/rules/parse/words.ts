/**
 * Short answers: yes / no / not sure, the kind of shipment, how it is shipped, and what is
 * inside. Matching is on whole words; when an answer points two ways it is not guessed.
 */
import { nameText, phraseText } from '../../text/normalize';
import { escapeRegExp } from '../../text/regexp';
import { KINDS, UNKNOWN, type ContentItem, type Kind, type Mode, type Unknown } from '../types';

const UNSURE =
  /^(?:i'?m |i am )?(?:not sure|unsure|no idea|no clue|not certain|unknown|dunno|idk|maybe|perhaps|\?+|(?:i )?(?:don'?t|do not|dont) know|can'?t say|cannot say|hard to say|not known)\b/;

/**
 * Whether the answer means "I don't know".
 *
 * @example
 * isUnsure("I don't know"); // true
 * isUnsure('no'); // false
 */
export function isUnsure(text: string): boolean {
  return UNSURE.test(phraseText(text)) || phraseText(text) === UNKNOWN;
}

const YES = /^(?:y|yes|yeah|yep|yup|ya|yah|sure|correct|right|true|affirmative|it is|it does|indeed|of course|definitely|absolutely)\b/;
const NO = /^(?:n|no|nope|nah|not really|negative|false|it isn'?t|it is not|it doesn'?t|it does not|never|none)\b/;

/**
 * true, false, 'unknown' ("not sure"), or undefined when it is neither.
 *
 * @example
 * parseYesNo('yep'); // true
 * parseYesNo('nope'); // false
 * parseYesNo('not sure'); // 'unknown'
 * parseYesNo('purple'); // undefined
 */
export function parseYesNo(text: string): boolean | Unknown | undefined {
  const t = phraseText(text).replace(/[.!]+$/, '');
  if (isUnsure(t)) return UNKNOWN;
  if (YES.test(t)) return true;
  if (NO.test(t)) return false;
  return undefined;
}

/**
 * Family and friends, as people name them (with the words for grandparents and aunts of a few
 * other languages that English speakers keep: "my lola in Cebu", "my oma"). One list for the
 * gift reading here and for the senders whose place says where a parcel left from (places.ts).
 */
export const KIN =
  '(?:aunt|auntie|aunty|tita|tia|tía|uncle|tito|tio|tío|mom|mum|mother|mama|mommy|dad|father|papa|daddy|parents?|grandma|grandmother|granny|gran|nan|nana|nanna|grandpa|grandfather|grandparents?|lola|lolo|oma|opa|nonna|nonno|abuela|abuelo|babushka|halmoni|friends?|bestie|buddy|buddies|pal|pals|mate|mates|pen pal|sister|sis|brother|bro|cousins?|family|relatives?|(?:mother|father|sister|brother)[- ]in[- ]law|in-laws?|in laws|niece|nephew|godmother|godfather|boyfriend|girlfriend|bf|gf|partner|fiance|fiancee|wife|husband|daughters?|sons?|kids?|children|granddaughters?|grandsons?|grandkids|grandchildren|step(?:mom|mum|mother|dad|father|son|daughter)|babcia|dziadek|godson|goddaughter|khala|khalu|mamu|nani|dadi|babusya|bubbe|zayde|yiayia|tante|zia|zio|avó|avô|vovó|vovô|obaachan|ojiichan|harabeoji|mormor|morfar|farmor|farfar|bestemor|bestefar|mummo|ukki)';

/**
 * The single words of {@link KIN} ("tita", "lola", "parents"), for the typo corrector: "my Tita"
 * is family, not "Titan".
 *
 * @example
 * KIN_WORDS.has('tita'); // true
 */
export const KIN_WORDS: ReadonlySet<string> = new Set(
  KIN.slice(3, -1)
    .split('|')
    .flatMap((alt) => (alt.endsWith('s?') ? [alt.slice(0, -2), `${alt.slice(0, -2)}s`] : [alt]))
    .filter((w) => /^\p{Ll}+$/u.test(w)),
);

/** The person pays the sender for it: "I paid her $80 for it", "I'm paying her back on Venmo". */
const PAYS_THE_SENDER = /\b(?:i|we)(?: (?!not\b|never\b)\w+)? (?:paid|pay|am paying|are paying|will pay|venmoed|sent) (?:him|her|them)\b(?! (?:a )?(?:gift|present|thank))|\b(?:i|we)(?:'m|'re|'ll) (?:(?!not\b|never\b)\w+ )?(?:paying|pay) (?:him|her|them)\b(?! (?:a )?(?:gift|present|thank))|\bpaying (?:him|her|them) back\b/;
/** Goods in one's own luggage or car, or worn: "in my suitcase", "in the trunk", "wearing it on the flight home". */
const CARRIED = /\b(?:in|inside) (?:my|our|the) (?:suitcases?|luggage|baggage|carry[- ]?on|backpack|bags?|trunk|car)\b|\bcarr(?:y|ying|ied) (?:it|them) (?:home|back)\b|\bwear(?:ing)? (?:it|them) (?:home|back|on the (?:flight|plane))\b/;
/** Goods sent to oneself are one's own: bought, not given. */
const TO_ONESELF = '(?:to|for) (?:myself|ourselves)';

const KIND_WORDS: Readonly<Record<Kind, RegExp>> = {
  warehouse: /\b(warehouses?|fulfil?ment (?:center|centre)s?|fba|3pl|unsold|inventory|stock for|restock|consignee)\b/,
  traveler: /\b(luggage|suitcase|baggage|carry[- ]on|bringing (?:it )?back|brought (?:it )?back|bring (?:it )?back|my trip|travel(?:l?ing|l?er)?|vacation|holiday trip|carried|road trip|(?:driving|drove|drive|flying|flew|fly) (?:back|home)|wear(?:ing)? (?:it|them) (?:home|back|on the (?:flight|plane)))\b/,
  gift: new RegExp(
    String.raw`\b(gifts?|presents?|regalos?|cadeaux?|geschenke?|as (?:a )?thank[- ]?you|as (?:a )?thanks|birthday|b-?day|xmas|christmas|graduation|anniversary|christening|baptism|wedding present|wedding gift|unsolicited|(?:mother|father)'?s day|valentine'?s day|diwali|hanukk?ah|chanukah|for (?:my|her|his|our|their) \d{1,2}(?:st|nd|rd|th)|(?:(?:my|a|our) |^)${KIN}(?: (?:in|from|back in|over in)(?: [^\s,;:!?]+){1,3})? (?:(?:is |are )?(?:sending|giving|gifting|mailing|shipping|posting)|sent|mailed|shipped|posted|gave|gives|sends|mails)|from (?:my|a|our) ${KIN}(?!'))\b`,
  ),
  // "I paid her $80 for it": paying the sender makes it a sale, whatever the box says.
  purchase: new RegExp(String.raw`\b(bought|buy|buying|purchased?|purchasing|orders?|ordered|shop(?:ping)?|online store|temu|shein|ebay|amazon|aliexpress|etsy|wish\.com|seller|suppliers?|vendors?|wholesalers?|auctions?|website|webshop|boutique|retailer|${TO_ONESELF}|(?:i|we) (?:\w+ )?paid (?:him|her|them)\b|(?:got|grabbed|snagged|picked up|scored) (?:\S+ ){1,6}?off (?:of )?(?!(?:the )?(?:plane|boat|bus|train|my|her|his|our)\b)(?:a |an |the )?\w+)\b`),
};

/**
 * A "gift" label on the box ("marked as a gift so I don't pay", "the seller offered to mark it as
 * a gift") says nothing about whether it is one; nor is anything sent to oneself a gift.
 */
const GIFT_LABEL =
  /\b(?:(?:mark|marks|marked|marking|label|labels|labeled|labelled|declare|declared|call|calls|called|write|wrote|list|listed) (?:\w+ ){0,3}as (?:a )?|(?:call|calls|called|calling) (?:it |them )?(?:a )?)['"\u2018\u2019\u201c\u201d]?gifts?\b/g;
const SENT_TO_ONESELF = new RegExp(String.raw`\b${TO_ONESELF}\b`);
/** "had the store mail them home", "shipped it back home", "mail myself a box". */
const MAILED_HOME = /\b(?:mail|mailed|mailing|ship|shipped|shipping|send|sent|sending|post|posted)(?: (?:it|them|everything|the \w+))?(?: back)? (?:home|to (?:me|us|my house|my home))\b|\b(?:mail|mailed|mailing|ship|shipped|shipping|post|posted) (?:myself|ourselves) (?:a|an|the|some|my|our)\b/;

/** "from a warehouse in …": the place it left from. */
const SHIPPED_FROM_A_WAREHOUSE = /\b(?:from|out of|via|through) (?:a|an|the|their|its|some) (?:\w+ )?(?:warehouses?|fulfil?ment (?:center|centre)s?)\b/g;

/**
 * A gift the person doubts is one: "not sure if she meant it as a present", "a gift or if he
 * wants me to pay him back", "I think my husband actually paid him back for it".
 */
const GIFT_IN_DOUBT =
  /\b(?:not sure|unsure|no idea|no clue|(?:don'?t|do not) know|(?:can'?t|cannot) tell|(?:haven'?t|have not|not yet) decided|undecided|never (?:really )?(?:settled|agreed|decided|figured out)|unclear)\b(?:\s+\w+){0,2}?\s+(?:if|whether)\b[^.?!]{0,40}\b(?:gifts?|gifting|gifted|presents?)\b|\b(?:gift|present) or (?:a (?:sale|purchase)|(?:if |whether )?(?:she|he|they) (?:expects?|wants?) (?:me |us )?to pay)\b|\b(?:gift|present)\b[^.?!]{0,30}\bbut (?:i|we) (?:might|may|could|will probably|should|might still) pay (?:him|her|them) back\b|\b(?:gift|present)\b[^.?!]{0,30}\bbut\b[^.?!]{0,50}\b(?:asking|asks|asked|wants|expects) (?:[\w']+ ){0,4}pay (?:him|her|them) back\b|\b(?:i think|i guess|maybe|probably|(?:might|may) have)\b[^.?!]{0,40}\bpaid (?:him|her|them) back\b/;

/**
 * Gift or purchase, the person cannot say, without calling it a gift first: "we haven't decided
 * whether I'll pay him back", "he doesn't remember if he ordered it or a friend sent it as a
 * present", "she might have bought it for me, or the shop sent it as a giveaway, I don't know which",
 * "not sure whether my grandmother paid for it or whether it's the order I placed".
 */
const KIND_IN_DOUBT =
  /\b(?:not sure|unsure|no idea|(?:don'?t|do not) know|(?:haven'?t|have not|not yet) (?:decided|settled)(?: yet)?|undecided)\b(?:\s+\w+){0,2}?\s+(?:if|whether)\b[^.?!]{0,30}\b(?:pay (?:him|her|them) (?:back|for (?:it|them))|(?:ask|asks|want|wants|expect|expects) (?:me|us) to pay)\b|\b(?:don'?t|do not|doesn'?t|does not|can'?t|cannot) (?:know|remember|recall)\b[^.?!]{0,15}\b(?:if|whether)\b[^.?!]{0,60}\b(?:ordered|bought)\b[^.?!]{0,60}\bor\b[^.?!]{0,60}\b(?:gift|present|giveaway)\b|\b(?:bought|ordered)\b[^.?!]{0,60}\bor\b[^.?!]{0,60}\b(?:gift|present|giveaway)\b[^.?!]{0,40}\b(?:don'?t|do not) know which\b|\bsell (?:me|us)\b[^.?!]{0,50}\bor (?:just )?(?:give|gift) (?:it|them) to (?:me|us)\b|\b(?:not sure|unsure|no idea|(?:don'?t|do not) know)\b[^.?!]{0,20}\b(?:if|whether)\b[^.?!]{0,40}\b(?:paid for it|bought it|sent it)\b[^.?!]{0,25}\bor\b[^.?!]{0,40}\b(?:my |the |an? )?(?:order|ordered|bought|purchase)\b/;

/** Purchase words that say the giver bought it, or that the receiver did not. */
const SOMEONE_ELSES_PURCHASE = new RegExp(
  String.raw`\b(?:(?:she|he|they|my (?:\w+ ){0,2}${KIN}) (?:\w+ ){0,3}?(?:bought|ordered|purchased|paid for)|(?:nothing|not something) (?:i|we) (?:paid for|bought|ordered)|no purchase|(?:i|we) (?:did ?n[o']?t|never) (?:buy|pay|order|purchase)\w*)\b`,
  'g',
);

/**
 * The person's own shop ("I run a small shop", "my Etsy store"): who they are, not where the goods
 * were bought, so not a purchase word.
 */
const OWN_SHOP = /\b(?:(?:i|we) (?:run|own|have|manage|started|opened|sell on|sell through)|(?:my|our)) (?:\w+ ){0,3}?(?:shop|store|business|boutique|website|webshop)\b/g;

/** "worth $60 in shop value", "the store price", "it would be about $50 in a shop there": what it would cost, not where it was bought. */
const SHOP_VALUE = /\b(?:shop|store|retail|website) (?:value|price|prices)\b|\b(?:would|could|might|it'?d) (?:be|sell|cost|go)\b[^.?!]{0,30}\bin (?:a|the) (?:shops?|stores?)\b/g;

/**
 * The kind of shipment, 'unknown', or undefined when it is unclear (or two kinds are named).
 *
 * @example
 * parseKind('a gift from my aunt'); // 'gift'
 * parseKind('I ordered it on Temu'); // 'purchase'
 * parseKind('stock for our FBA warehouse'); // 'warehouse'
 * parseKind('a scarf my mom bought for my birthday, a gift'); // 'gift'
 * parseKind('mailing ceramics to myself marked as a gift'); // 'purchase': one's own goods
 */
export function parseKind(text: string): Kind | Unknown | undefined {
  const t = phraseText(text);
  if ((KINDS as readonly string[]).includes(t)) return t as Kind;
  if (isUnsure(t)) return UNKNOWN;
  // "an order from a warehouse in Spain" names where it shipped from, not stock of one's own.
  const kindText = t.replace(SHIPPED_FROM_A_WAREHOUSE, ' ').replace(GIFT_LABEL, ' ').replace(OWN_SHOP, ' ').replace(SHOP_VALUE, ' ');
  let found = KINDS.filter((kind) => KIND_WORDS[kind].test(kindText));
  if (SENT_TO_ONESELF.test(kindText)) found = found.filter((k) => k !== 'gift');
  // Bought on a trip but mailed home: a purchase shipped, not goods carried back.
  if (found.includes('traveler') && found.includes('purchase') && MAILED_HOME.test(kindText)) found = found.filter((k) => k !== 'traveler');
  // Bought on a trip and carried home in one's luggage: a traveler's goods.
  else if (found.includes('traveler') && found.includes('purchase') && CARRIED.test(kindText)) found = found.filter((k) => k !== 'purchase');
  // "a scarf she bought for my birthday, nothing I paid for": the giver's purchase, not yours.
  if (found.includes('gift') && found.includes('purchase') && !KIND_WORDS.purchase.test(kindText.replace(SOMEONE_ELSES_PURCHASE, ' '))) {
    found = found.filter((k) => k !== 'purchase');
  }
  // "not sure if she meant it as a present or expects me to pay her back": the kind is in doubt.
  if ((found.includes('gift') && GIFT_IN_DOUBT.test(kindText)) || KIND_IN_DOUBT.test(kindText)) return UNKNOWN;
  // "she calls it a gift, but I paid her $80", "I'm paying her back on Venmo": a sale.
  if (found.includes('gift') && PAYS_THE_SENDER.test(kindText)) return 'purchase';
  if (found.length === 1) return found[0];
  // Unsold stock is bought stock too: "warehouse" decides over "order".
  if (found.length === 2 && found.includes('warehouse') && found.includes('purchase')) return 'warehouse';
  return undefined;
}

const MAIL = /\b(mail(?:ed)?|post(?:al)?|posted|usps|royal mail|canada post|china post|la poste|deutsche post|correos|japan post|ems|parcel post|registered letter)\b/;
const EXPRESS = /\b(courier|express|dhl|fedex|ups|tnt|aramex|cargo|freight|truck|ocean|air freight|sea freight|private carrier)\b/;

/**
 * How it is shipped: 'mail', 'express' (courier, express, cargo), 'unknown', or undefined.
 *
 * @example
 * parseMode('Royal Mail'); // 'mail'
 * parseMode('DHL'); // 'express'
 * parseMode('express mail'); // 'mail' (postal express is still mail)
 */
export function parseMode(text: string): Mode | Unknown | undefined {
  const t = phraseText(text);
  if (t === 'mail' || t === 'express') return t;
  if (isUnsure(t)) return UNKNOWN;
  const mail = MAIL.test(t);
  const express = EXPRESS.test(t);
  if (mail && express) return /\b(express mail|priority mail|ems)\b/.test(t) && !/\b(dhl|fedex|ups|tnt|aramex|courier)\b/.test(t) ? 'mail' : undefined;
  if (mail) return 'mail';
  if (express) return 'express';
  return undefined;
}

const NONE = /^(none|none of (?:these|them|those|the above)|nothing|no|nope|neither|nothing like that|no,? none)\b/;
// "no alcohol", "without tobacco"; "nothing in it is alcohol or tobacco" reaches further.
const NEGATED = /(?:\b(?:no|not|without|non|free of|zero)\b(?:[\s-]+\w+){0,2}|\b(?:nothing|none|neither)\b(?:[\s-]+\w+){0,5})[\s-]*$/;

/**
 * Content ids named in the answer (from the rule file's `contents` words), [] for "none",
 * 'unknown', or undefined when nothing matched.
 *
 * @example
 * parseContents('a bottle of wine and some cigars', rules.contents); // ['alcohol', 'tobacco']
 * parseContents('none of these', rules.contents); // []
 * parseContents('no alcohol, but cigars', rules.contents); // ['tobacco']
 */
export function parseContents(text: string, catalog: readonly ContentItem[]): string[] | Unknown | undefined {
  const t = phraseText(text);
  if (isUnsure(t)) return UNKNOWN;
  // A button's value or label names exactly one item ("Perfume with alcohol" is not also alcohol).
  const exact = catalog.find((c) => c.id === t || phraseText(c.label) === t);
  if (exact) return [exact.id];
  const found = findContents(t, catalog);
  if (found.length > 0) return found;
  return NONE.test(t) ? [] : undefined;
}

/** One of a content item's words as matched: its phrase form and the pattern of it as a whole word. */
interface ContentWord {
  needle: string;
  /** Global, for matchAll; `search` ignores the flag. */
  pattern: RegExp;
}

/** Each item's words, compiled the first time they are matched (a reload brings new items). */
const compiledWords = new WeakMap<ContentItem, readonly ContentWord[]>();

/**
 * The item's label and words as {@link ContentWord}s, compiled once per item: every shipment
 * message is matched against the whole catalog, and building its patterns each time cost more
 * than the matching.
 */
function contentWords(item: ContentItem): readonly ContentWord[] {
  let compiled = compiledWords.get(item);
  if (!compiled) {
    compiled = [item.label, ...item.words].map((word) => {
      const needle = phraseText(word);
      return { needle, pattern: new RegExp(`(^|[^a-z])${escapeRegExp(needle)}(?![a-z])`, 'g') };
    });
    compiledWords.set(item, compiled);
  }
  return compiled;
}

/**
 * Content ids mentioned in a text, skipping negated mentions ("no alcohol", "without tobacco").
 * A word whose text does not occur at all is not matched as a whole word either: the plain
 * substring test comes first.
 *
 * @example
 * findContents('can I ship wine?', rules.contents); // ['alcohol']
 */
export function findContents(text: string, catalog: readonly ContentItem[]): string[] {
  // Accents folded: the catalog writes "cachaca" and people type "cachaça".
  const t = nameText(text);
  return catalog
    .filter((item) =>
      contentWords(item).some(({ needle, pattern }) => t.includes(needle) && [...t.matchAll(pattern)].some((m) => !NEGATED.test(t.slice(0, m.index ?? 0)))),
    )
    .map((item) => item.id);
}

/** Doubt just before a good is named: "I can't tell if it is a liqueur", "not sure whether there's wine in it", "she won't say if it's limoncello", "I think it included a small perfume". */
const DOUBTED = /\b(?:not sure|unsure|no idea|no clue|(?:can'?t|cannot|couldn'?t|don'?t|do not|won'?t|will not|wouldn'?t|would not|doesn'?t|does not|didn'?t|did not) (?:tell|know|say|see))\b(?:\s+(?:from|by|on|in)\s+(?:the\s+)?\w+)?\s+(?:if|whether)\b[^.?!]{0,40}$|\b(?:(?:hasn'?t|haven'?t|has not|have not|not) (?:yet )?decided (?:on|about))(?:\s+(?:the|any|some))?\s*$|\b(?:maybe|might be|may be|could be|(?:might|may|could) (?:also )?(?:have|contain|hold|tuck|add|include|throw|slip|pack|put)|looks? like|possibly|perhaps|i think|i guess)(?:\s+(?:there'?s|it'?s))?(?:\s+(?:an?|some|one|two|a couple(?: of)?))?(?:\s+[\w-]+){0,4}\s*$/i;

/**
 * Whether every good of `catalog` a text names is named in doubt ("there's a bottle in it and I
 * can't tell if it is a liqueur or a syrup"): then what is inside is not known.
 *
 * @example
 * contentsInDoubt("I can't tell if it is a liqueur or just syrup", rules.contents); // true
 * contentsInDoubt('a bottle of liqueur', rules.contents);                           // false
 */
export function contentsInDoubt(text: string, catalog: readonly ContentItem[]): boolean {
  const t = nameText(text);
  const found = findContents(t, catalog);
  return found.length > 0 && catalog.filter((item) => found.includes(item.id)).every((item) => contentWords(item).every(({ needle, pattern }) => !t.includes(needle) || [...t.matchAll(pattern)].every((m) => DOUBTED.test(t.slice(0, m.index ?? 0)))));
}

/**
 * Whether a text rules out some of the goods in `catalog` and names none of them as present:
 * "nothing in it is alcohol or tobacco", "no perfume". The items not mentioned stay unknown.
 *
 * @example
 * deniesContents('nothing in it is alcohol or tobacco', rules.contents); // true
 * deniesContents('no alcohol, but cigars', rules.contents);               // false
 * deniesContents('a wool scarf', rules.contents);                         // false
 */
export function deniesContents(text: string, catalog: readonly ContentItem[]): boolean {
  const t = nameText(text);
  if (findContents(t, catalog).length > 0) return false;
  return catalog.some((item) => contentWords(item).some(({ needle, pattern }) => t.includes(needle) && t.search(pattern) >= 0));
}
