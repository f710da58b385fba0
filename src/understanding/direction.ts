/**
 * Which way the goods go. The assistant covers goods entering the United States; a UK buyer
 * asking about VAT on an order from an American shop, or a Canadian about duty on an
 * U.S. order, asks about another country's customs, however much the words look like
 * ours. Such messages are answered with a pointer to that country's authority.
 */

import { countryOfLeadingPlace, countryOfPlace } from '../rules';

/** Buying, ordering or shipping from the United States (so the goods go abroad); not money got "back from the US". */
const FROM_THE_US =
  /\b(?:order(?:ed|ing|s)?|buy(?:ing|s)?|bought|purchas(?:e|ed|ing)|shipp(?:ed|ing)|sent|send(?:ing)?|import(?:ed|ing)?|get(?:ting)?|got)\b[^.?!]{0,40}?(?<!\bback\s)\b(?:from|on|off|at)\s+(?:the\s+(?:us|u\.s\.?|usa|united states|states)(?!\s+side\b)|u\.s\.a?\.?|usa|united states|america|(?:an?\s+)?(?:us|u\.s\.|american|us-based)\s+(?:shops?|stores?|sites?|websites?|sellers?|companies|company|retailers?|brands?))(?![\p{L}])/iu;
/**
 * "from a US store": the shop says where the goods leave from. (Not "on Amazon.com": sellers
 * from everywhere sell to U.S. buyers there.)
 */
const FROM_A_US_SHOP = /\b(?:from|off|at)\s+(?:an?\s+)?(?:us|u\.s\.|american|us-based)\s+(?:shops?|stores?|sites?|websites?|sellers?|retailers?|brands?)\b/i;
/** Taxes and agencies that only exist outside the United States, or another country's charge named. */
const FOREIGN_IMPORT_TAX = /\b(?:vat|gst|hst|pst|qst|cbsa|hmrc|border force|customs in (?:the )?(?:uk|canada|australia|eu|europe)|customs (?:rules|laws|regulations) in (?:the )?(?:uk|canada|australia|eu|europe|germany|france|japan|new zealand|ireland))\b/i;
/** Another country's own charge named: "India's customs", "the customs duty in India". */
const COUNTRY_CHARGE = /\b(?:uk|britain|canada|australia|mexico|germany|france|ireland|new zealand|japan|india|brazil|the eu)'?s (?:customs|duty|duties|import (?:rules|tax|taxes|duty|duties))\b|\b(?:customs|import) (?:duty|duties|tax(?:es)?|rules|charges?|fees?) (?:in|for|into) (?:the )?(?:uk|united kingdom|britain|canada|australia|eu|europe|germany|france|japan|new zealand|ireland|india|brazil|mexico|italy|spain|netherlands|philippines|nigeria|south africa|israel|singapore|korea|south korea|china|pakistan|bangladesh|vietnam|indonesia)\b/i;
/**
 * The person the goods go to pays "on her end in the UK" ("is he gonna get taxed on his end in
 * germany?"): the charges of the country the goods go into, not ours.
 */
const RECEIVER_PAYS_THERE = /\b(?:he|she|they)\b(?:\s+[\w']+){0,4}?\s+(?:taxed|charged|billed|pay|paying|owe)\b[^.?!]{0,25}\bon (?:his|her|their) end in\b/i;
/** Another country named as the one that charges ("will Canada charge duty", "UK customs duty"). */
const FOREIGN_CHARGER =
  /\b(?:(?:will|would|does|do|is|are)\s+(?:the\s+)?(?:uk|u\.k\.|britain|canada|australia|mexico|eu|european union|germany|france|ireland|new zealand|japan|india|brazil)\s+(?:customs\s+)?(?:charge|charging|tax|taxing|collect|hit)|(?:canadian|british|uk|australian|mexican|eu|european|german|french|irish|japanese|brazilian|indian)\s+(?:customs|duty|duties|tax|taxes|import (?:tax|taxes|duty|duties)))\b/i;
/**
 * Goods named as coming "from the USA" ("Italian dogana stopping my package from USA"): the
 * parcel leaves the United States. The pronoun "us" ("a gift from us") is no country.
 */
const GOODS_FROM_THE_US = /\b(?:packages?|parcels?|orders?|box(?:es)?|shipments?|gifts?|presents?)\s+from\s+(?:the\s+(?:us|u\.s\.?|usa|united states|states)|u\.s\.a?\.?|usa|united states|america)(?![\p{L}])/iu;
/** "from Houston to Lagos": the first place and the second, for a check that the goods leave the United States. */
const FROM_PLACE_TO_PLACE = /\bfrom\s+((?:the\s+)?\p{L}[\p{L}.]*(?:\s+\p{L}+)?)\s+to\s+(?:(?:my|our|his|her|their)\s+\p{L}+\s+in\s+)?((?:the\s+)?\p{L}[\p{L}.]*(?:\s+\p{L}+)?)/giu;
/** "… when it crosses into Canada": the country goods are said to enter (the United States is left to the other readings). */
const GOES_INTO = /\b(?:cross(?:es|ed|ing)?\s+(?:over\s+)?into|enter(?:s|ed|ing)?|arriv(?:es|ed|ing)\s+in|lands?\s+in|gets?\s+(?:in)?to)\s+((?:the\s+)?\p{L}[\p{L}.]*(?:\s+\p{L}+)?)/giu;
/** "… how much customs duty India will charge": a country named as the one about to charge. */
const WILL_CHARGE = /\b(\p{L}+(?:\s+\p{L}+)?)\s+(?:customs\s+)?(?:will|would|is going to|gonna)\s+(?:charge|tax|collect)\b/giu;
/**
 * Customs charges on arrival, in the words of any country ("customs", "duty", "VAT", "IVA"):
 * without them, goods going from Brooklyn to London ask what the courier charges to ship.
 */
const CHARGES_ON_ARRIVAL = /\b(?:customs|duty|duties|import tax(?:es)?|vat|gst|iva|tariffs?|dogana|zoll|aduana|douane)\b/i;
/** Goods coming back, where the place they left from says nothing of the customs asked about. */
const COMING_BACK = /\b(?:back|return(?:s|ed|ing)?)\b/i;

/** A place's country: the whole phrase's, else its first word's or its last word's. */
function countryOfPhrase(phrase: string): string | undefined {
  const words = phrase.trim().replace(/^the\s+/i, '').split(/\s+/);
  return countryOfLeadingPlace(phrase) ?? countryOfPlace(words[words.length - 1]);
}

/**
 * Goods that leave the United States for a place abroad and are charged there, said with the
 * places ("shipped me a laptop from Houston to Lagos, the customs…") or the country that will
 * charge ("customs duty India will charge"), or a parcel "from USA". Goods coming back are left
 * to the other readings.
 *
 * @example
 * goodsLeaveTheUs('my son in Chicago sent me an iPhone to Delhi, how much duty India will charge'); // true
 * goodsLeaveTheUs('I ordered a lamp from Denmark to New York');                                      // false
 * goodsLeaveTheUs('how much would FedEx charge to ship a box from Brooklyn to London');               // false (no customs)
 */
export function goodsLeaveTheUs(text: string): boolean {
  return !COMING_BACK.test(text) && CHARGES_ON_ARRIVAL.test(text) && (GOODS_FROM_THE_US.test(text) || countryGoodsGoTo(text) !== undefined);
}

/**
 * The country that goods leaving the United States go to, when the message says it: the place
 * after "from <a U.S. place> to", the country said to charge, or the one the goods are said to
 * enter ("when it crosses into Canada"). Undefined otherwise.
 *
 * @example
 * countryGoodsGoTo('a 10 kilo box from Houston to Manila, how much customs duty'); // 'PH'
 * countryGoodsGoTo('how much customs duty India will charge on it');               // 'IN'
 * countryGoodsGoTo('boots from a US store: GST when it crosses into Canada?');      // 'CA'
 * countryGoodsGoTo('a package from USA');                                          // undefined
 */
export function countryGoodsGoTo(text: string): string | undefined {
  for (const m of text.matchAll(FROM_PLACE_TO_PLACE)) {
    const to = countryOfLeadingPlace(m[2]);
    if (countryOfLeadingPlace(m[1]) === 'US' && to !== undefined && to !== 'US') return to;
  }
  for (const m of text.matchAll(WILL_CHARGE)) {
    const country = countryOfPhrase(m[1]);
    if (country !== undefined && country !== 'US' && !/\bpost\b/i.test(m[1])) return country;
  }
  for (const m of text.matchAll(GOES_INTO)) {
    const country = countryOfLeadingPlace(m[1]);
    if (country !== undefined && country !== 'US') return country;
  }
  return undefined;
}

/** A shop or seller named after a demonym ("a Canadian site", "Australian Etsy sellers"): the seller's country, not the buyer's. */
const SHOP_AFTER = String.raw`(?!\s+(?:[\p{L}.]+\s+)?(?:sites?|websites?|shops?|stores?|sellers?|brands?|companies|company|retailers?|makers?|pharmac(?:y|ies)|warehouses?)\b)`;
/**
 * People who say they live abroad and receive goods there: "Canadians ordering…", "Canadian here,
 * ordered…", "I'm a Brit and bought…", "I live in the UK". A demonym that names goods or a shop
 * ("Canadian-made mugs", "a Canadian Etsy seller", "the wax is Canadian") is no buyer abroad.
 */
const BUYER_ABROAD = new RegExp(
  String.raw`\b(?:(?:canadians|brits|aussies|australians|europeans)(?!\s+(?:and|or)\b)${SHOP_AFTER}|(?:(?:i|we)\s*(?:'m|am|are)\s+(?:an?\s+)?|as\s+an?\s+|fellow\s+)(?:canadian|brit|aussie|australian|european)s?(?![-\p{L}])${SHOP_AFTER}|(?:canadian|brit|aussie|australian|european)\s+here\b|(?:i|we)\s*(?:'m|am|are|live)\s+in\s+(?:the\s+)?(?:uk|canada|australia|europe|germany|france|ireland|new zealand))\b(?:[^.?!]|\.(?=\w)){0,60}\b(?:from|order|buy|bought|ordering|buying)\b`,
  'iu',
);

/** Goods sent back to the person's own place abroad ("sends an order back to me here in Taiwan"). */
const BACK_TO_ME_IN = /\b(?:back|returned|returning|returns|return)\s+(?:it\s+|them\s+)?to\s+(?:me|us|my\s+(?:shop|store|business|workshop|studio))\s+(?:(?:here|over here|back home)\s+)?in\s+((?:the\s+)?\p{L}+(?:\s+\p{L}+)?)/iu;
/** The person asks what they will pay ("will I pay import tax on the return?"). */
const I_PAY = /\b(?:will|do|would|should|must|am)\s+(?:i|we)\s+(?:have to\s+|need to\s+|be\s+|going to\s+|gonna\s+)?(?:pay|owe|charged|get charged|be charged)\b/i;

/**
 * Whether a seller abroad asks what they pay when goods come back to them there: that country's
 * customs charges, not ours ("If a US customer sends an order back to me here in Taiwan, will I
 * pay import tax on it?"). A buyer's U.S. duty refund on such a return is ours, and not this.
 */
function returnComingBackAbroad(text: string): boolean {
  const m = BACK_TO_ME_IN.exec(text);
  if (!m || !I_PAY.test(text)) return false;
  const code = countryOfLeadingPlace(m[1]);
  return code !== undefined && code !== 'US';
}

/** A person named with the place they live ("my friend in Australia", "a buyer in Lyon"): the place is the group. */
const PERSON_IN_PLACE =
  /\b(?:friend|client|customer|buyer|girl|guy|lady|sister|brother|bro|sis|mom|mum|mother|father|dad|son|daughter|aunt|auntie|uncle|cousin|niece|nephew|grandma|grandmother|grandpa|grandfather|family|relatives?|partner|wife|husband|girlfriend|boyfriend|someone|person|people|folks|parents)s?\s+(?:(?:who\s+lives|living|based|over|out|down|up)\s+)?in\s+((?:the\s+)?\p{L}+(?:\s+\p{L}+)?)/giu;
/** That person as the sender ("my friend in Istanbul is sending my daughter …", "from my aunt in Lima"): goods coming here. */
const FROM_BEFORE = /\b(?:from|by|with)\s+(?:(?:a|an|my|our|the|his|her|their)\s+)?(?:\w+\s+)?$/i;
const SENDS_AFTER = /^[^.?!]{0,30}?\b(?:send|sent|mail|post|ship|embroider|knit|bought|gave|giv|made|make|wrote|writ)\w*/i;
const ORDERED_FROM_US = /^[^.?!]{0,20}?\b(?:ordered|bought) from (?:me|us|my|our)\b/i;
/** Someone else pays a charge on arrival: "will she owe import tax", "he pay import tax there??", "she had to pay zoll". */
const THEY_PAY = /\b(?:he|she|they|(?:the|my|our|her|his)\s+\w+)\b[^.?!]{0,30}\b(?:owe|pay|paying|charged|taxed|billed|slapped|hit)\b[^.?!]{0,40}\b(?:import tax(?:es)?|tax(?:es)?|customs|dut(?:y|ies)|gst|vat|fees?|zoll|douane|dogana|aduana|iva|tva|mwst)\b|\bimport tax(?:es)?\s+(?:in|there|down there|on (?:his|her|their) end)\b/i;
/** The person asking receives the goods or pays: then the goods come here. */
const TO_ME = /\b(?:sent|send(?:s|ing)?|mail(?:s|ed|ing)?|ship(?:s|ped|ping)?|post(?:s|ed|ing)?|gave|giv(?:es|ing))\s+(?:me|us)\b|\bto me\b|\bfor me\b|\b(?:i|we)\s+(?:will\s+|would\s+|'ll\s+)?(?:owe|pay|get charged|be charged)\b/i;
/** "Georgia" is a country and a U.S. state; a friend "in Georgia" is most likely in the state. */
const ALSO_A_US_STATE = /^georgia$/i;

/**
 * The country abroad of the person who will pay on arrival, when the person asking sends or sells
 * to them ("my friend in australia ordered from my shop, will she owe import tax?", "a buyer in
 * Lyon got charged import tax; does he really have to pay?"): that country's customs, not ours.
 * A person abroad who sends ("my aunt in Calgary mailed my daughter a jacket; did she owe a
 * fee?") is not this. 48 of the 49 labelled messages it reads name a pointer abroad.
 *
 * @example
 * countryOfReceiverAbroad('my friend in australia ordered from my shop will she owe import tax'); // 'AU'
 * countryOfReceiverAbroad('my aunt in Calgary mailed my daughter a jacket, did she owe a fee?');  // undefined
 * countryOfReceiverAbroad('my friend in Ohio ordered from my shop, will she owe tax?');          // undefined
 */
export function countryOfReceiverAbroad(text: string): string | undefined {
  if (!THEY_PAY.test(text) || TO_ME.test(text)) return undefined;
  for (const m of text.matchAll(PERSON_IN_PLACE)) {
    const words = m[1].replace(/^the\s+/i, '').split(/\s+/);
    if (ALSO_A_US_STATE.test(words[0])) continue;
    const code = countryOfLeadingPlace(m[1]) ?? countryOfPlace(words[words.length - 1]);
    const placeEnd = m.index + m[0].length - m[1].length + m[1].indexOf(words[0]) + words[0].length;
    const after = text.slice(placeEnd, placeEnd + 60);
    if (FROM_BEFORE.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
    if (SENDS_AFTER.test(after) && !ORDERED_FROM_US.test(after)) continue;
    if (code !== undefined && code !== 'US') return code;
  }
  return undefined;
}

/**
 * Whether a message names another country as the one that charges ("will Canada charge duty",
 * "the customs duty in India on an iPhone"): that country's pointer fits even when the words are
 * far from its page's own.
 *
 * @example
 * namesChargeAbroad('whats the customs duty in india on an iphone'); // true
 * namesChargeAbroad('ordered from the UK, VAT was taken off at checkout'); // false
 */
export function namesChargeAbroad(text: string): boolean {
  return COUNTRY_CHARGE.test(text) || FOREIGN_CHARGER.test(text);
}

/**
 * Whether a message asks about goods going into another country (so not U.S. customs).
 *
 * @example
 * asksAboutAnotherCountry("I'm in Manchester and ordered from a US shop. Royal Mail wants VAT. Why?"); // true
 * asksAboutAnotherCountry('will canada charge duty on the stuff i send my mom in toronto');          // true
 * asksAboutAnotherCountry('I ordered a $40 jacket from the UK, will I pay duty?');                    // false
 * asksAboutAnotherCountry('a buyer sends a mug back to me here in Taiwan, will I pay import tax?');  // true
 * asksAboutAnotherCountry("what are australia's customs rules on food I send my aunt?");            // true
 * asksAboutAnotherCountry('sending my bro in berlin boots, is he gonna get taxed on his end in germany'); // true
 * asksAboutAnotherCountry('my cousin shipped me a laptop from Houston to Lagos, what is the duty rate'); // true
 */
export function asksAboutAnotherCountry(text: string): boolean {
  return FROM_THE_US.test(text) || RECEIVER_PAYS_THERE.test(text) || countryOfReceiverAbroad(text) !== undefined || FROM_A_US_SHOP.test(text) || FOREIGN_IMPORT_TAX.test(text) || namesChargeAbroad(text) || BUYER_ABROAD.test(text) || returnComingBackAbroad(text) || goodsLeaveTheUs(text);
}
