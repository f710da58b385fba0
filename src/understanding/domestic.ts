/**
 * Parcels that never cross a border. "Is Canada Post on strike, are parcels within Ontario
 * moving?" or "anyone switched to Chit Chats for domestic shipping?" share words with the
 * postal documents (post, parcel, shipping) but ask nothing about goods entering the United
 * States: the honest reply says what the assistant covers and who to ask instead, rather than
 * offering postal-duty pages.
 */

import { countriesAbroad, countryOfLeadingPlace, countryOfPlace } from '../rules';
import { doubtsSeller } from './questionType';

/** Words that say the goods stay in one country. */
const ONE_COUNTRY =
  /\b(?:domestic(?:ally)?|in-country|(?:within|inside|across)\s+(?:the\s+)?(?:us|u\.s\.a?\.?|usa|united states|states|lower 48|same (?:country|state|province)|country|my (?:state|province|city|town))|(?:to|in|into|from) (?:another|a different) state|across state lines|interstate|state to state|(?:around|throughout|all over) (?:the )?(?:us|u\.s\.a?\.?|usa|united states|country|states))(?![\p{L}])/iu;
/** "parcels within Ontario are moving": a named place after within/inside, then a verb of moving. */
const WITHIN_A_PLACE = /\b(?:[Ww]ithin|[Ii]nside)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:are|is|moving|delivered|arriv\w*|ship\w*|still)\b/u;
/** Words of crossing a border or of customs: with any of them the message is ours. */
const CROSSING =
  /\b(?:customs?|dut(?:y|ies|iable)|tariffs?|import\w*|de minimis|section 321|abroad|overseas|international(?:ly)?|foreign|cross[- ]border|border|cbp|vat|gst|brokerage|broker|entry|entries|enter(?:s|ed|ing)?|321|clearance|cleared|origin|made in|seiz\w*|counterfeits?|knock-?offs?)\b/i;

/** Custom-made goods: "custom" here is no misspelt "customs". */
const CUSTOM_GOODS =
  /\bcustom(?:ized|ised|-made| made)? (?:(?:embroidered|printed|engraved|painted|designed|built) )?(?:stickers?|cakes?|t-?shirts?|shirts?|hoodies?|mugs?|jewell?e?ry|suits?|furniture|signs?|logos?|printing|prints?|embroidery|patches|keychains?|phone cases?|hats?|caps?|tumblers?|decals?|banners?|pins?|framing)\b/gi;
/** A postal product's name: "Priority Mail International" says nothing of goods coming in. */
const POSTAL_PRODUCT = /\b(?:priority mail|first[- ]class(?: package)?|express mail) international\b/gi;

/**
 * Whether a message has a word of customs or of crossing a border ({@link CROSSING}), leaving out
 * custom-made goods and postal products' names.
 *
 * @example
 * crosses('custom t-shirts cheap bulk');                   // false
 * crosses('USPS Priority Mail International or FedEx?');   // false
 * crosses('will customs charge me on my order from Peru'); // true
 */
export function crosses(text: string): boolean {
  return CROSSING.test(text.replace(CUSTOM_GOODS, ' ').replace(POSTAL_PRODUCT, ' '));
}

/**
 * Whether a message is about goods that stay inside one country (domestic shipping, parcels
 * moving within a province), with no word of customs or of crossing a border.
 *
 * @example
 * staysInOneCountry('Is Canada Post on strike again? Are parcels within Ontario moving?'); // true
 * staysInOneCountry('how do i track my usps package inside the us');                      // true
 * staysInOneCountry('My domestic supplier imports from China, do I owe duty?');           // false
 * staysInOneCountry('Can I still send orders to U.S. customers with Canada Post?');       // false
 */
export function staysInOneCountry(text: string): boolean {
  return (ONE_COUNTRY.test(text) || WITHIN_A_PLACE.test(text) || routeInOneCountry(text)) && !crosses(text);
}

/** "from New York to LA with UPS": two places, then the end of the route (a word or a stop). */
const ROUTE =
  /\bfrom\s+([\p{L}.' -]{2,30}?)\s+to\s+([\p{L}.' -]{2,30}?)(?=\s+(?:with|by|via|using|through|on|for|and|or|in|is|was|are|which|what|how|cheaper|cheapest|faster|fastest|has|hasn'?t|had|hadn'?t|isn'?t|wasn'?t|did|didn'?t|does|doesn'?t|will|won'?t|since|last|this|next|yesterday|today|about|around|before|after|took|takes)\b|\s*[?.,!;:]|\s*$)/giu;

/**
 * Whether a message names a route between two places of the same country ("a box from New York
 * to LA", "from Monterrey to Mexico City").
 *
 * @example
 * routeInOneCountry('Is it cheaper to send a box from New York to LA with UPS Ground?'); // true
 * routeInOneCountry('shipping from Shenzhen to LA');                                     // false
 * routeInOneCountry('from Toronto to my cousin in Seattle');                             // false (not a place)
 */
export function routeInOneCountry(text: string): boolean {
  for (const [, from, to] of text.matchAll(ROUTE)) {
    const a = countryOfPlace(from);
    if (a !== undefined && a === countryOfPlace(to)) return true;
  }
  return false;
}

/**
 * Where goods come from when a seller, a shop or a parcel is placed in a U.S. state or city:
 * "from ohio", "a seller in Arizona", "a shopify store in Florida". The place is the words after.
 */
const ORIGIN_PLACE =
  /\b(?:from|(?:seller|shop|store|vendor|company|warehouse|supplier|business)\s+(?:in|out of|based in))\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:seller|shop|store|vendor|warehouse)\s+in\s+)?((?:the\s+)?[\p{L}.]+(?:\s+[\p{L}.]+)?)/giu;
/**
 * The place said as a word before the seller: "from a US printer", "from an American shop", "from a
 * Texas supplier". The place is the word before the seller.
 */
const ORIGIN_BEFORE_SELLER =
  /\bfrom\s+(?:a|an|the)\s+([\p{L}.]+)(?:[- ]based)?\s+(?:printer|printing company|seller|shop|store|vendor|company|warehouse|supplier|business|factory|manufacturer|maker|retailer|website|site|brand)s?\b/giu;
/** "American" as a place before a seller: the United States. */
const AMERICAN = /^american$/i;
/** "from us", "from them", "from there": pronouns ("US" in capitals is the country). */
const PRONOUN = /^(?:us|me|you|him|her|them|it|here|there|home)\b(?!\.)/;
/** Travel and leaving: a person crossing ("drive from Detroit into Windsor") or goods exported are other questions. */
const TRAVEL_OR_EXPORT = /\b(?:export\w*|passports?|nexus|global entry|cruise|driv(?:e|ing)|fly(?:ing)?|flights?|travel\w*)\b/i;

/**
 * Whether the goods come from a place in the United States ("ebay seller sent me a broken lamp
 * from ohio", "my tracking from a seller in Arizona hasn't moved"), with no word of customs,
 * crossing or travel: a domestic order, the seller's or the carrier's business. The caller
 * checks that no country abroad and no seller abroad is named.
 *
 * @example
 * comesFromInsideUs('ebay seller sent me a broken lamp from ohio how do i get a refund'); // true
 * comesFromInsideUs('ordered from a shopify store in Florida 3 weeks ago and it hasnt even shipped'); // true
 * comesFromInsideUs('we want 200 t-shirts from a US printer, can we skip sales tax?');      // true
 * comesFromInsideUs('a seller in Texas shipped my order, will I pay duty?');               // false (a customs word)
 * comesFromInsideUs('Is NEXUS worth it if I drive from Buffalo to Toronto?');              // false (travel)
 */
export function comesFromInsideUs(text: string): boolean {
  if (crosses(text) || TRAVEL_OR_EXPORT.test(text)) return false;
  for (const [, place] of text.matchAll(ORIGIN_PLACE)) {
    // "what they want from us": a pronoun, not the United States.
    if (PRONOUN.test(place)) continue;
    // "from Ohio to Florida", "a seller in Texas don't answer": the place's one or two words.
    if (countryOfPlace(place) === 'US' || countryOfPlace(place.split(/\s+/)[0]) === 'US') return true;
  }
  for (const [, place] of text.matchAll(ORIGIN_BEFORE_SELLER)) if (AMERICAN.test(place) || countryOfPlace(place) === 'US') return true;
  return false;
}

/** Money back from a seller or a platform: a refund, a chargeback, a dispute. */
const REFUND_OR_DISPUTE = /\b(?:refunds?|refunded|money back|chargebacks?|dispute)\b/i;
/**
 * What ties a refund to customs after all: a charge or fee at the door, a refused parcel, the
 * tariff refunds (CAPE, the courts, the government), a receipt for duty, goods destroyed unclaimed.
 */
const REFUND_OF_OURS =
  /\b(?:fees?|charges?|tax(?:es)?|bill|invoices?|ieepa|mpf|drawback|refus\w*|reject\w*|turned|said no|cape|courts?|sued|suing|lawsuits?|gov\w*|unclaimed|destroyed|receipts?|tarr?iff?s?|dutys|dutie)\b|\b(?:don'?t|not|never) pay\b|\b(?:wants?|wanted|asking|asked|demand\w*)\s+(?:me\s+)?(?:for\s+)?(?:another\s+|an?\s+)?\$/i;

/**
 * Whether a message asks for money back from a seller or a platform with no word of customs
 * ("My Temu order showed up broken, how do I get a refund?", "PayPal dispute for an item not as
 * described"): the seller's, the platform's or the card's business. 41 of the 42 labelled
 * messages like this are out of scope.
 *
 * @example
 * asksSellerForRefund('My Temu order showed up broken, how do I get a refund from them?'); // true
 * asksSellerForRefund('I refused the parcel over the duty. Will the shop refund me?');     // false
 * asksSellerForRefund('can I get a refund of the duty if I send it back?');               // false
 */
export function asksSellerForRefund(text: string): boolean {
  return REFUND_OR_DISPUTE.test(text) && !crosses(text) && !REFUND_OF_OURS.test(text);
}

/** A text, call or email received: "got a text saying", "an email claiming". */
const MESSAGE_RECEIVED = /\b(?:got|get|getting|received|receiving) an? (?:text|call|sms|email|e-mail|message|voicemail)\b|\b(?:texts?|calls?|emails?|sms) (?:saying|says|that says|claiming)\b/i;
/** The bait of a scam text: a prize, a link to click, an address to confirm, a small redelivery fee. */
const SCAM_BAIT =
  /\b(?:won|winner|prize|gift cards?|free cruise|click(?:ed)?|links?|incomplete address|(?:confirm|update|verify) (?:my |your |the )?(?:address|details|payment)|redeliver\w*|reschedul\w*)\b/i;

/**
 * Whether a message asks about a text, call or email that is bait ("Got a text saying my USPS
 * package is on hold, click a link to confirm my address. Legit or scam?"), with no word of
 * customs: a scam for the carrier's or the FTC's warnings, not a customs charge (a text asking for
 * a "customs clearance fee" stays ours).
 *
 * @example
 * asksAboutScamMessage('Got a text saying my USPS package is on hold and I need to click a link. Scam?'); // true
 * asksAboutScamMessage("got a text from a 'customs' number asking for $3.99, is it a scam");          // false
 */
export function asksAboutScamMessage(text: string): boolean {
  return MESSAGE_RECEIVED.test(text) && SCAM_BAIT.test(text) && !crosses(text);
}

/** A card, a bank or a payment service. */
const PAYMENT_MEANS = /\b(?:credit card|debit card|(?:my|the|our) card|bank|paypal|venmo|zelle|cash app|apple pay|google pay|klarna|afterpay|wise)\b/i;
/** What a card or bank does wrong: a charge twice, a conversion or foreign transaction fee. */
const PAYMENT_PROBLEM = /\b(?:charged\s+(?:\w+\s+){0,5}?twice|double[- ]charged|charged double|(?:currency )?conversion fees?|currency conversion|foreign transaction fees?|exchange rate fees?)\b/i;
/** A charge of ours after all: duty, a tariff, customs, a carrier's import bill. */
const CUSTOMS_CHARGE = /\b(?:dut(?:y|ies)|tariffs?|customs|import (?:fees?|charges?|tax(?:es)?)|brokerage|dhl|ups|fedex|usps)\b/i;

/**
 * Whether a message is about what a card, bank or payment service charged ("aliexpress charged my
 * credit card twice for the same order", "PayPal took a currency conversion fee on a UK order"),
 * with no customs charge in it: the bank's or the shop's business, not a duty.
 *
 * @example
 * asksAboutPaymentCharge('aliexpress charged my credit card twice for the same order');           // true
 * asksAboutPaymentCharge('paypal charged me a currency conversion fee on an order from a uk shop'); // true
 * asksAboutPaymentCharge('I paid duty at checkout and again to UPS, am I being double charged?');  // false
 */
export function asksAboutPaymentCharge(text: string): boolean {
  return PAYMENT_MEANS.test(text) && PAYMENT_PROBLEM.test(text) && !CUSTOMS_CHARGE.test(text);
}

/**
 * Setting up a shop or choosing a platform ("Shopify or Etsy — which is better for starting an
 * online store?"): business advice. The marketplace names pull such questions to the page on
 * marketplaces' duty policies, which does not answer them.
 */
const SHOP_ADVICE =
  /\b(?:(?:start|starting|open|opening|set up|setting up|launch|launching|build|building)\s+(?:an?\s+|my\s+|our\s+)?(?:own\s+)?(?:online\s+|etsy\s+|shopify\s+|ebay\s+|amazon\s+)?(?:store|shop|business)|print(?:ing)?\s+(?:\w+\s+){0,4}labels?|(?:best|good|popular|top)\s+(?:things|products|items)\s+to\s+sell|(?:label|thermal)\s+printers?|(?:suspended|banned|deactivated|locked|closed|froze|frozen)\s+(?:my|our)\s+(?:\w+\s+)?account|account\s+(?:was\s+|got\s+|is\s+|has been\s+)?(?:suspended|banned|deactivated|locked|frozen)|(?:product|listing)\s+(?:descriptions?|titles?|photos?)|best[- ]selling\s+(?:products?|items?)|(?:which|what)\s+(?:products?|items?|things?)\s+(?:are\s+|is\s+)?(?:best|good|better)\s+to\s+sell|(?:make|making|earn|earning)\s+(?:a\s+)?(?:good\s+|more\s+|big\s+)?profits?|profit\s+margins?|dropshipping|(?:business|seller'?s?|sales)\s+licen[cs]es?|open(?:ing)?\s+(?:a\s+|an\s+)?(?:\w+\s+)?bank\s+account|(?:shipping|dimensional|package)\s+(?:weight|dimensions)|(?:fba|fbm)\s+(?:or|vs\.?|versus)\s+(?:fba|fbm)|(?:shop|store|business|brand|company)\s+name\s+(?:ideas|generator)|name\s+ideas|logo\s+(?:ideas|design|maker)|(?:best|cheapest|good|recommend\w*)\s+(?:an?\s+)?(?:good\s+)?(?:3pl|fulfillment\s+(?:company|companies|service|services|centers?))|(?:make|create|making|creating)\s+(?:an?\s+)?invoices?|purchase\s+orders?|become\s+(?:an?\s+)?(?:\w+\s+)?seller|best\s+(?:online\s+)?shopping\s+(?:sites?|websites?|apps?)|(?:is|are)\s+(?:\w+\s+){0,3}(?:ethical|sustainable|eco[- ]friendly)|seller\s+programs?|(?:legal|allowed|ok|okay)\s+to\s+resell\b(?![^.?!]*\b(?:fakes?|replicas?|knock-?offs?|dupes?)\b))\b/i;

/**
 * Whether a message asks for advice on running a shop, with no word of customs or of crossing a
 * border. (The caller also checks that it names no other country: a shop abroad selling into
 * the United States is ours.)
 *
 * @example
 * asksForShopAdvice('Shopify or Etsy — which is better for starting an online store selling phone cases?'); // true
 * asksForShopAdvice('I am starting an Etsy shop, will my American buyers pay duty?');                      // false
 * asksForShopAdvice('a storefront sells copies of our bottle with our product photos, where do we report it'); // false (copies)
 */
export function asksForShopAdvice(text: string): boolean {
  return SHOP_ADVICE.test(text) && !crosses(text) && !COPIES.test(text);
}

/** Fakes or copies of someone's goods: a shop selling them is ours to report, whatever the shop's own business. */
const COPIES = /\b(?:counterfeit\w*|fakes?|knock-?offs?|replicas?|copies of (?:our|my)|trademark\w*|infring\w*)\b/i;

/**
 * The price of sending something: "how much does it cost to ship a pallet", "cheapest way to ship
 * a 2 kg box from Poland to California". The carrier quotes it, wherever the box goes: all 40
 * labelled messages asking it, with no customs word, are labelled not ours.
 */
const CARRIER_PRICE =
  /\b(?:how much (?:does it |will it |would it |is it )?(?:cost )?to (?:ship|send|mail|post)|(?:what|how much) (?:does|will|would|did) (?:it|\w+) cost (?:me )?to (?:ship|send|mail|post)|cost (?:of|for) (?:shipping|sending|mailing|posting)|(?:shipping|postage|freight) (?:costs?|prices?|rates?|quotes?) (?:for|on|to)\b|(?:cheapest|cheaper|fastest) (?:way|carrier|option) to (?:ship|send|mail|post)|(?:which|what) (?:one |carrier |service |option )?is (?:cheaper|cheapest|faster|fastest)|how much (?:is |for |would be |will be )?(?:the )?postage|postage (?:for|on|costs?)|\b(?:enviar|mandar)\b[^.?!]{0,60}\bcu[aá]nto cuesta|cu[aá]nto cuesta (?:enviar|mandar))\b/i;

/**
 * Whether a message asks what sending something costs (postage, a carrier's rates), with no word
 * of customs or of crossing a border.
 *
 * @example
 * asksCarrierPrice('how much does it cost to ship a pallet');                          // true
 * asksCarrierPrice("What's the cheapest way to ship a 2 kg box from Poland to California?"); // true
 * asksCarrierPrice('how much does it cost to ship from china with the new tariffs');   // false
 */
export function asksCarrierPrice(text: string): boolean {
  return CARRIER_PRICE.test(text) && !crosses(text);
}

/**
 * How to send something, asked with nothing abroad named ("how to ship live fish", "can you mail
 * perfume through usps"): the carrier's own rules. The caller checks that no country abroad and
 * no seller abroad is named.
 */
const HOW_TO_SEND =
  /^\s*(?:how (?:do i|do we|to|can i|should i) (?:ship|mail|send|pack|package|post)\b|can (?:i|you|we) (?:mail|ship|send|post) (?:a |an |my |some )?[\w-]+(?: [\w-]+)? (?:through|with|via|by) (?:usps|ups|fedex|dhl|the post office|mail|post)\b)/i;

/**
 * Whether a message asks how to send something, with no word of customs or of crossing a border.
 *
 * @example
 * asksHowToSend('how to ship live fish');                    // true
 * asksHowToSend('can you mail perfume through usps');       // true
 * asksHowToSend('how do i ship to the us without duties');  // false
 */
export function asksHowToSend(text: string): boolean {
  return HOW_TO_SEND.test(text) && !crosses(text);
}

/**
 * Where to buy something, custom-made goods, or how to make something oneself ("where can i buy
 * cheap nike shoes", "how to make custom stickers", "how to knit a scarf"): shopping advice. Not when a fake, or whether the goods are genuine, is asked.
 */
const WHERE_TO_BUY = /\b(?:where (?:can|do|should) (?:i|we) (?:buy|order|find)|where to (?:buy|order)|best (?:place|site|website|store|shop) to (?:buy|order))\b|^\s*how (?:to|do (?:i|you)) (?:knit|crochet|sew|embroider|quilt|bake|cook|paint|draw)\b/i;
const GENUINE_OR_FAKE = /\b(?:fakes?|replicas?|dupes?|real|genuine|authentic|legit\w*|scam\w*)\b/i;

/**
 * Whether a message asks where to buy something, or for custom-made goods, with no word of
 * customs or of crossing a border and nothing about fakes. (The caller also checks that it
 * names no other country.)
 *
 * @example
 * asksWhereToBuy('best place to buy designer bags');                  // true
 * asksWhereToBuy('how to make custom stickers');                      // true
 * asksWhereToBuy('where can i buy designer bags that are not fake');  // false
 * asksWhereToBuy('do custom t-shirts from pakistan pay duty');        // false
 */
export function asksWhereToBuy(text: string): boolean {
  return (WHERE_TO_BUY.test(text) || text.replace(CUSTOM_GOODS, ' ') !== text) && !crosses(text) && !GENUINE_OR_FAKE.test(text);
}

/** Investing: which shares tariffs move is a question for a financial adviser, whatever it names. */
const INVESTING = /\b(?:stocks?\s+(?:go|goes|going|went)\s+(?:up|down)|stock market|(?:buy|which|what)\s+stocks|(?:good|bad|safe|smart) (?:stock|share|shares|investment) to (?:buy|own|hold)|(?:buy|sell|short) (?:the |my |our )?(?:stocks|shares)|(?:sell|short) (?:the |my |our )?stock|should (?:i|we) invest|invest(?:ing)? (?:now|in stocks|in the market)|crypto(?:currency|currencies)?|bitcoin|401\(?k\)?|retirement (?:account|savings)|portfolio|(?:tariff|recession|inflation)[- ]proof (?:stocks?|investments?)|stocks? to (?:buy|watch|own)|(?:stock|shares?) (?:is |a )?(?:a )?(?:good|bad) (?:buy|investment)|savings bonds?|(?:buy|buying|invest in|investing in) (?:gold|silver|precious metals|real estate|bonds))\b/i;

/**
 * Tariffs as a subject of economics, history or politics ("tariff definition for economics class",
 * "smoot hawley tariff act history", "us trade deficit with china numbers", "what do economists
 * think about the tariffs", "did the steel tariffs help steelworkers"): a class's, an economist's
 * or a voter's question, not one about goods someone is bringing in. From two probe sets of short
 * messages not ours (session 24).
 */
const ECONOMICS = /\b(?:(?:econ|economics) (?:class|course|homework|essay|paper|exam|test|project)|macroeconomic\w*|trade (?:deficits?|surplus(?:es)?|balance)|smoot[- ]hawley|mercantilism|(?:for|in) (?:my |an? )?(?:econ|economics|history|civics|government|social studies) (?:class|course|essay|homework|paper|test|exam)|what do (?:economists|experts|americans|people) (?:think|say) (?:of|about)|why (?:does|do|did) (?:the president|trump|biden|congress) (?:like|love|want|hate|use|impose|keep)|(?:did|do|does|will|would|can) (?:the )?(?:\w+ )?tariffs (?:actually |really |even )?(?:help|hurt|work|protect|create|save|bring back)\b(?! (?:me|my|us|our|you|your)\b)|tariffs? (?:are |is )?(?:good|bad|helping|hurting) (?:for )?(?:the )?(?:economy|country|america|workers|consumers|farmers)|(?:are|is) tariffs? (?:a )?(?:good|bad|smart|dumb) (?:idea|thing|policy)|(?:cause|causing|caused|lead to|trigger) (?:a )?recession|history (?:essay|paper|project|homework|report|assignment)|(?:egg|grocery|gas) prices|price of (?:eggs|groceries|gas)|(?:what is|define|definition of|is) free trade\b(?! (?:agreements?|deals?|zones?)))\b/i;

/**
 * Whether a message asks about tariffs as economics, history or politics (see {@link ECONOMICS}).
 *
 * @example
 * asksAboutEconomics('tariff definition for economics class');     // true
 * asksAboutEconomics('I teach economics: how did the $800 limit come about?'); // false
 * asksAboutEconomics('who pays the duty on my parcel from Spain');    // false
 * asksAboutEconomics('For a history paper: how has the de minimis limit changed?'); // false (ours, named)
 */
export function asksAboutEconomics(text: string): boolean {
  return ECONOMICS.test(text) && !OUR_SUBJECT.test(text);
}

/** What this bot is about, named outright: "for a history paper: how has the de minimis limit changed?" is ours. */
const OUR_SUBJECT = /\b(?:de minimis|section 321|\$800|800 dollars?|duty[- ]free (?:limit|threshold)|low[- ]value (?:shipments?|parcels?|imports?)|type 86|parcels?|packages?|e-?commerce)\b/i;

/**
 * Whether a message asks for investment advice ("Which stocks go up because of tariffs?"), which
 * is out of scope even when it names tariffs.
 *
 * @example
 * asksForInvestmentAdvice('Which stocks go up because of tariffs? should I invest now'); // true
 * asksForInvestmentAdvice('I keep my stock in a US warehouse, do I owe duty?');           // false
 */
export function asksForInvestmentAdvice(text: string): boolean {
  return INVESTING.test(text);
}

/**
 * Our words in another sense: "customs" as a people's ways ("wedding customs in india", "local
 * customs to know before visiting morocco") and a duty-free shop as a place to shop ("duty free shop
 * hours heathrow terminal 5"). Written from two probe sets of messages near our scope (session 23);
 * a traveller's question whether duty-free shopping counts toward an allowance stays ours.
 * Session 25, from a probe set of short search-box messages: a holiday's customs, prepaid phone
 * plans, a seizure as an illness, a fake ID or fake reviews of one's business, other brokers
 * (mortgage, real estate, stock, becoming a freight broker) and gardening. Session 29: duty as
 * work or an obligation (jury duty, light duty, a welder's duty cycle, fiduciary duty), household
 * bills, a journal or blog entry, fare zones and roaming tariffs, fake social-media accounts.
 */
const OTHER_SENSE =
  /\b(?:(?:wedding|funeral|burial|cultural|social|religious|dining|tipping|holiday|marriage|local) customs\b(?! (?:office|officers?|agents?|broker\w*|declarations?|forms?|fees?|duty|duties|charges?|clearance|rules?|laws?|regulations?|inspections?|agency|authorit\w+))|customs (?:and|&) (?:traditions|etiquette|culture)|(?:traditions|etiquette|culture) (?:and|&) customs|customs to know|(?:day of the dead|diwali|ramadan|eid|lunar new year|chinese new year|hanukkah|passover|festival|folk|christmas|xmas|easter|thanksgiving|halloween|new year'?s?|birthday) customs|duty[- ]?free (?:shops?|stores?)\b[^.?!]{0,30}\b(?:hours|open|opens|close|closes|terminal)\b|(?:best|cheapest|biggest) duty[- ]?free (?:shops?|stores?|shopping)|duty[- ]?free (?:\w+ )?(?:prices?|deals|bargains)|(?:deals|prices|bargains|shopping) (?:at|in) (?:the )?(?:\w+ )?duty[- ]?free|seizures? (?:first aid|symptoms|medication|disorders?)|epilep\w+|late fees? (?:on|for) (?:my |the )?rent|landlord|(?:has|had|have|having) (?:a |another )?seizures?|seizures? (?:in|for) (?:dogs?|cats?|kids?|children|babies|toddlers?|adults)|(?:dog|cat|baby|child|toddler)'?s? seizures?|(?:engine|motor|brakes?|calipers?|bearings?|transmission)(?! parts)\b[^.?!]{0,20}\bseized\b(?!\s+(?:by|at|in|from|because)\b)|(?:data entry|entry[- ]level) (?:jobs?|work|positions?|clerk)|(?:electricity|electric|power|energy|water|gas|phone|mobile|broadband|feed-in|time[- ]of[- ]use|utility|hotel|room|taxi|train) tariffs?|tariff plans?|prepaid (?:mobile |phone |sim )?(?:plans?|tariffs?|recharge)|section 321 (?:of (?:the )?)?(?:crpc|ipc|cpc|bns|indian|penal|criminal)|(?:cbsa|hmrc|border force|canada border services)\b[^.?!]{0,30}\b(?:jobs?|careers?|hiring|postings?|recruit\w*)|origin of (?:the |my |our |a )?(?:last |first |family )?(?:word|phrase|name|surname|saying)|fake (?:ids?|identification|driver'?s? licen[cs]es?|(?:google |yelp |tripadvisor |facebook )?reviews? (?:on|about|of) (?:my|our)\b|(?:google|yelp|tripadvisor|facebook) reviews?)|(?:mortgage|real estate|stock|insurance|yacht|pawn|online|discount|forex|crypto|options|business) brokers?|brokerage accounts?|fake (?:friends?|people|smile|tan|nails|lashes|eyelashes|laugh)|become a freight broker|freight broker (?:licen\w+|training|course|salary|jobs?)|when to plant|how to (?:grow|plant|prune)\b|planting (?:season|time)|etymology|daylight sav\w+ time|duty cycle|light duty|(?:night|double|overtime|weekend) duty\b(?![- ]free)|duty (?:shifts?|rosters?|hours|schedules?)|\b(?:free|get|getting|order|ordering) (?:a |my )?covid (?:tests?|vaccines?|shots?|boosters?)\b(?<!\b(?:fakes?|counterfeits?|knock-?offs?|seiz\w*)\b.*)(?!.*\b(?:fakes?|counterfeits?|seiz\w*)\b)|duty (?:boots|belts?|gear|holsters?)|jury duty|duty to (?:warn|report|care|disclose)|(?<!\b(?:knocks?|knocked|knocking|takes?|took|taking|shaves?|shaved|cuts?|cutting)\s+)off[- ]duty(?![- ]free)|active duty|fiduciary duty|farm bill|(?:hospital|medical|phone|cable|electric|electricity|utility|water|gas|internet|credit card|cell|dental|vet) bills?|dollar bill|(?:blog|journal|diary|contest) entr(?:y|ies)|tariff zones?|roaming tariffs?|fake (?:instagram|facebook|tiktok|social media|twitter|dating) (?:account|profile|page)s?|classify (?:workers|employees|contractors)|(?:foreign )?transaction fees?|(?:selling|listing|final value|payment processing) fees?|(?:ebay|etsy|poshmark|mercari|depop|vinted|shopify)'?s? (?:seller |selling |listing )?fees?\b(?! (?:for|on) (?:customs|dut(?:y|ies)|imports?|tariffs?))|fees? for selling|ship in a bottle|pirate ships?|are you (?:a )?(?:real person|human|bot|robot)|fake reviews? on (?:yelp|google|amazon|tripadvisor|facebook)|clearance (?:sale|schedule|rack|section|aisle)s?|(?:late )?fees? on (?:my |the |a )?storage unit|(?:hospital|dentist|doctor'?s? office|clinic|electric company|gas company|phone company|cable company|water company)\b[^.?!]{0,25}\bbill|repo (?:company|man|guys?)|repossess\w*|paid (?:me |us )?(?:with|in) (?:a )?(?:fake|counterfeit) (?:\$?\d+|bills?|notes?|money|cash)|^\s*(?:what'?s|what is|whats|calculate)\s+\d+(?:\.\d+)?\s*(?:%|percent) of \$?\d[\d,.]*\s*\??\s*$|(?:can|could|would|will) you (?:please )?translate\b|^\s*(?:please )?translate\b|\btranslate\b[^.?!]{0,40}\b(?:into|to|from) (?:english|french|spanish|german|italian|portuguese|chinese|mandarin|japanese|korean|hindi|arabic|russian|tagalog|vietnamese|polish)\b|how (?:do you|do i|to) say\b|^\s*(?:what(?:'s| is| does)?|meaning of)\b[^.?!]{0,40}\b(?:in|into) (?:french|spanish|german|italian|portuguese|chinese|mandarin|japanese|korean|hindi|arabic|russian|tagalog|vietnamese|polish)\s*\??\s*$|(?:spot|detect|identify|report|tell|recogni[sz]e) (?:a )?fake news|^\s*(?:how (?:do you|do i|to) )?spell\b|export licen[cs]es?|\bimport (?:my |the |all )?(?:listings?|csv|spreadsheets?|contacts|bookmarks|reviews|files?|data) (?:from|into|to)\b|(?:counterfeit|fake|ip|infringement|trademark|copyright) (?:claims?|complaints?|reports?|strikes?) (?:on|against|for) (?:my|our) (?:\w+ )?(?:listings?|shop|store|account|items?)|(?:my|our) (?:\w+ )?(?:listings?|shop|store|account) (?:got |was |were |has been )?(?:flagged|reported|removed|taken down) (?:as|for) (?:counterfeit|fake|infring\w*|inauthentic)|news (?:story|stories|articles?|sites?|reports?|videos?) (?:is|are) (?:fake|real)|(?:phone|iphone|android|laptop|battery|tablet|car)\b[^.?!]{0,15}\b(?:won'?t|wont|doesn'?t|does not|isn'?t|not|stopped) charg(?:e|ing)\b|charger (?:stopped|isn'?t|is not|doesn'?t|won'?t) work\w*(?<!\b(?:fakes?|counterfeits?|knock-?offs?|dupes?)\b[^.?!]*)(?![^.?!]*\b(?:fakes?|counterfeits?|knock-?offs?)\b)|border wall|tariffs?\b[^.?!]{0,20}\btelecom\w*|telecom\w* tariffs?|(?:mobile|phone|cell(?:ular)?|broadband|internet|energy|electricity|power) (?:provider|company|supplier|carrier)\b[^.?!]{0,60}\btariffs?\b|tax[- ]free (?:shopping|forms?)|(?:vat|tax) refund forms?|global blue|d[ée]taxe|parcels? of land|land parcels?|fake news (?:sites?|articles?|stories)|fake charit(?:y|ies))/i;

/**
 * Whether a message uses our words in another sense (see {@link OTHER_SENSE}).
 *
 * @example
 * usesOurWordsInAnotherSense('wedding customs in india explained');           // true
 * usesOurWordsInAnotherSense('duty free shop hours heathrow terminal 5');     // true
 * usesOurWordsInAnotherSense('do duty free shop purchases count toward my exemption'); // false
 * usesOurWordsInAnotherSense('my local customs office is holding my parcel'); // false
 */
export function usesOurWordsInAnotherSense(text: string): boolean {
  return OTHER_SENSE.test(text) || ((COUNTERFEIT_MONEY.test(text) || DE_MINIMIS_IN_LAW.test(text)) && !CARRIER_OR_CUSTOMS.test(text));
}

/**
 * De minimis as a lawyer's or an accountant's term ("de minimis fringe benefits", "the maxim de
 * minimis non curat lex"), unless customs comes into it ("what does de minimis mean in the world
 * of customs, not the old maxim?": session 33, a probe set of long letters).
 */
const DE_MINIMIS_IN_LAW = /\bde minimis\b[^.?!]{0,40}\b(?:torts?|contract law|criminal law|copyright|fringe benefits?|safe harbou?r|non curat|legal maxim|accounting|gaap|payroll)\b/i;

/**
 * Counterfeit money ("how can i tell if a 100 dollar bill is fake", "someone paid me with a
 * counterfeit twenty"): the Secret Service's business. A bill is also a carrier's bill, so not
 * when a carrier or customs is named ("a fake $20 bill from DHL").
 */
const COUNTERFEIT_MONEY =
  /\b(?:(?:counterfeit|fake)\b[^.?!]{0,30}\b(?:\$?\d+|one|five|ten|twenty|fifty|hundred)(?:[- ]dollar)? (?:bills?|notes?)|(?:\$?\d+|one|five|ten|twenty|fifty|hundred)(?:[- ]dollar)? (?:bills?|notes?)\b[^.?!]{0,20}\b(?:fake|counterfeit)|(?:counterfeit|fake) (?:fives|tens|twenties|twenty|fifty|fifties|hundred|hundreds)|counterfeit (?:detector|detection|checker) pens?|(?:fake|counterfeit) (?:money|currency|cash|banknotes?|coins?)|(?:fake|counterfeit|bogus) (?:cashier'?s )?(?:checks?|cheques?)|(?:check|cheque) (?:scam|fraud))\b/i;
const CARRIER_OR_CUSTOMS = /\b(?:dhl|ups|fedex|usps|post office|carrier|courier|customs|cbp|duty|duties|tariffs?|import\w*)\b/i;

/**
 * A parcel's delivery going wrong: lost, late, stolen, left at the wrong house, marked delivered
 * but not there, "where is my package", tracking gone dead, sitting at a sort facility, held up by
 * a storm. The carrier handles those, wherever the parcel came from; customs only comes in
 * when the message says so (a duty word, a place abroad, a seller that ships from abroad — the
 * caller checks the last two).
 */
const DELIVERY_PROBLEM =
  /\b(?:(?<!\b(?:i'?m|i am|am|so|kinda|totally|completely|bit|little)\s+)lost|stolen|missing|misdeliver\w*|never (?:arrived|came|showed up|got here|turned up)|(?:says|said|shows|showed|marked(?: as)?) (?:it was |as )?delivered|wrong (?:house|address|door|porch|building|apartment)|neighbou?r'?s'? (?:house|door|porch|place)|(?:is|was|are|were) (?:now )?gone|(?:a |one |two |\d+ )?days? late|arrived late|late deliver\w*|(?:packages?|parcels?|orders?|shipments?) (?:is |are |was |were |keeps? )?(?:running |being |so |still |always )?late|file (?:a |an |the |my )?(?:\w+ )?claim|damage claims?|(?:smashed|broken|shattered) (?:in|to) pieces|(?:is|are|was|were) in pieces|claim (?:for|on) (?:a |my |the )?(?:lost|late|damaged|missing)|compensation|porch pirates?|track(?:ing)? (?:my |a |an |the |this )?(?:\w+ )?(?:packages?|parcels?|orders?|shipments?|letters?)|tracking number|tracking (?:is |isn'?t |not )?(?:not )?(?:working|loading)|tracking (?:doesn'?t|does not|won'?t|will not) (?:work|load)|tracking (?:\w+ )?(?:hasn'?t|hasnt|has not|isn'?t|won'?t|doesn'?t|still not|never) (?:moved|updated|changed|budged)|(?:hasn'?t|hasnt|has not) (?:moved|updated|budged) (?:in|for) (?:\d+|a|two|three|four|five|six|several) (?:days?|weeks?)|in transit|arriving late|(?:can|could|may) (?:my \w+|someone|somebody|a friend|a neighbou?r|he|she) pick (?:it|them|my \w+|the \w+) up|where(?:'?s| is| are) my (?:\w+ )?(?:packages?|parcels?|orders?|mail|stuff)|tracking (?:is |went |has gone )?(?:dead|dark|blank)|(?:at|in|stuck at|sitting at) (?:the |a )?(?:local )?(?:sort(?:ing)?|distribution|processing|regional) (?:facility|center|centre|hub)|(?:snow ?storm|storms?|weather|hurricane|blizzard|ice|flooding)\b[^.?!]{0,20}\bdelay\w*|(?:came|arrived|was|is|got) (?:damaged|broken|smashed|crushed)|without (?:an? |my )?(?:id|identification)|when (?:will|does|should|is) (?:my|the|our) (?:\w+ )?(?:packages?|parcels?|orders?|mail|delivery|shipment|box) (?:arrive|come|get here|be delivered|show up|be here)|stuck (?:in|on) (?:processing|pending|preparing|label created))\b/i;
/** Something the carrier delivers, its tracking, or the carrier itself ("usps tracking hasn't moved in 4 days"). */
const PARCEL = /\b(?:packages?|parcels?|orders?|deliver\w*|mail|letters?|boxe?s?|shipments?|postcards?|priority mail|first class|items?|purchases?|tracking|usps|ups|fedex|dhl)\b/i;

/**
 * Whether a message is only about a parcel's delivery (lost, late, stolen, misdelivered), with
 * no word of customs or of crossing a border.
 *
 * @example
 * asksAboutDelivery('my usps package says delivered but its not here, who do i even call'); // true
 * asksAboutDelivery('USPS lost my package going from Ohio to Michigan, how do I file a claim?'); // true
 * asksAboutDelivery("usps tracking hasnt moved from memphis in 4 days");                     // true
 * asksAboutDelivery('my package was lost in customs for three weeks');                      // false
 */
export function asksAboutDelivery(text: string): boolean {
  return DELIVERY_PROBLEM.test(text) && PARCEL.test(text) && !crosses(text);
}

/** Tracking says delivered and the parcel is not there: after delivery, wherever it came from. */
const DELIVERED_NOT_THERE = /\b(?:says|said|shows|showed|marked(?: as)?)\s+(?:it was |as )?delivered\b[^.?!]{0,40}\b(?:not|isn'?t|wasn'?t|never|empty|nothing|no (?:package|parcel|box))\b/i;

/**
 * Whether a parcel is marked delivered but is not there, with no word of customs: the carrier's
 * business even when it came from abroad ("USPS shows delivered but my mailbox is empty, parcel
 * from my mom in Lima").
 *
 * @example
 * deliveredButMissing('USPS shows delivered but my mailbox is empty, parcel from my mom in Lima'); // true
 * deliveredButMissing('tracking says delivered to customs, not to me');                           // false
 */
export function deliveredButMissing(text: string): boolean {
  return DELIVERED_NOT_THERE.test(text) && !crosses(text);
}

/**
 * Sending something from here to another country ("How much does USPS charge to send a postcard
 * to Japan?", "what customs form do I need to mail a package from the US to Australia?"):
 * postage and the forms for leaving are the carrier's business, and charges on arrival are the
 * other country's. The words after "to" are returned for the caller to look for a place abroad.
 */
const SENDS_TO = /\b(?:send|sending|sent|mail|mailing|mailed|ship|shipping|shipped|post|posting|posted)\b[^.?!]{0,60}?\bto\s+([^.?!]{1,60})/i;
/**
 * "…to myself from Italy", "…to me from Japan", "…sent to me by Japan Post": the person is the
 * one receiving, from abroad (the carrier named after "by" is not where it goes).
 */
const TO_ONESELF_FROM = /^(?:myself|my ?self|ourselves|our ?selves|me|us)\b[^.?!]{0,20}?\b(?:from|by|via|through|with)\b/i;
/** A return ("send it back to the shop in London") is about getting U.S. duty back: ours. */
const SENDS_BACK = /\b(?:back|return\w*)\b/i;
/** Leaving's own paperwork: a customs form for the way out is not U.S. import customs. */
const EXPORT_FORM = /\bcustoms (?:forms?|declarations?|labels?)\b|\bcn ?2[23]\b/gi;

/**
 * Where a message sends something, when it asks about sending with no word of importing into the
 * United States: the words after "to", and the words before them (where an origin abroad would
 * be named). The caller checks that the destination names a place abroad and the rest no origin
 * abroad.
 *
 * @example
 * destinationSent('How much does USPS charge to send a postcard to Japan?'); // { destination: 'Japan', before: 'How much does USPS charge to send a postcard to ' }
 * destinationSent('Can I still send orders to U.S. customers with Canada Post?').destination; // 'U.S. customers with Canada Post' (no place abroad: the caller goes on)
 * destinationSent('she mailed it back to my shop in London, can she get the duty back'); // undefined
 * destinationSent('ship wine to myself from italy'); // undefined (it comes here)
 * destinationSent('can I have sake sent to me by Japan Post'); // undefined (it comes here too)
 */
export function destinationSent(text: string): { destination: string; before: string } | undefined {
  const sent = SENDS_TO.exec(text);
  if (!sent || SENDS_BACK.test(text) || crosses(text.replace(EXPORT_FORM, ' '))) return undefined;
  // "ship wine to myself from Italy": goods coming to the person, from abroad.
  if (TO_ONESELF_FROM.test(sent[1])) return undefined;
  return { destination: sent[1], before: text.slice(0, sent.index + sent[0].length - sent[1].length) };
}

/** The person is the one sending: "I'm sending", "we ship", "I want to mail", or a message that starts "shipping …" (no one else named as the sender). */
const I_SEND = /\b(?:i|i'?m|im|we|we'?re)\b(?:\s+[\w']+){0,3}?\s+(?:send|sending|mail|mailing|ship|shipping|post|posting)\b|^\s*(?:sending|mailing|shipping|posting)\b/i;

/**
 * Where the person themself sends something, even with words of customs or duty ("I'm sending a
 * $100 gift to my mom in Mexico, will she pay duty there?"): the words after "to", for the caller
 * to look for a place abroad; undefined for a return or for goods coming to them.
 *
 * @example
 * personSendsTo("I'm sending a $100 gift to my mom in Mexico, will she pay duty there?"); // 'my mom in Mexico'
 * personSendsTo('my mom in Mexico is sending me a $60 gift, will I pay duty?');           // undefined
 */
export function personSendsTo(text: string): string | undefined {
  const sent = SENDS_TO.exec(text);
  if (!sent || SENDS_BACK.test(text) || TO_ONESELF_FROM.test(sent[1])) return undefined;
  // The destination ends where the sentence goes on: "to customers in the US from Canada, do they …".
  const destination = sent[1].split(/\s*[,;:]\s*|\s+(?:from|and|but|so|because|since)\s+/i)[0];
  return I_SEND.test(text.slice(0, sent.index + sent[0].length - sent[1].length)) ? destination : undefined;
}

/** The place at the end of a destination: "my brother in Texas", "my son at college in Boston, any rules". */
const PLACE_AT_END = /\bin ((?:the )?[\p{L}.]+(?: [\p{L}.]+)?)\s*(?:[?.!,]|$)/u;

/**
 * Whether a destination (see {@link destinationSent}) is a place in the United States.
 *
 * @example
 * sentWithinUs('my brother in Texas');   // true
 * sentWithinUs('hawaii by usps');        // true
 * sentWithinUs('my niece in Manchester'); // false
 */
export function sentWithinUs(destination: string): boolean {
  // "to hawaii by usps": the place, without how it goes.
  const place = destination.replace(HOW_IT_GOES, '').trim();
  const m = PLACE_AT_END.exec(place);
  return countryOfPlace(m ? m[1] : place) === 'US';
}

/** The carrier or way named after a destination ("… by USPS", "… with FedEx Ground"). */
const HOW_IT_GOES = /\s+(?:by|with|via|using|through)\b.*$/i;

/** The gift and estate taxes (the IRS's), not "a gift tax free" (a gift without charges). */
export const GIFT_OR_ESTATE_TAX = String.raw`(?<!\b(?:a|the|my|her|his|their) )(?:gift|estate|inheritance) tax(?:es)?(?![- ]free)`;

/**
 * Income and business taxes: the IRS's questions, not customs'; since session 25 also a state's
 * use tax and sales tax between states ("economic nexus", collecting it for buyers in other states);
 * since session 28 the gift and estate taxes ("do I pay gift tax on $20,000 for my son's house?").
 */
const INCOME_TAX =
  new RegExp(String.raw`\b(?:irs|internal revenue|income tax(?:es)?|tax returns?|fil(?:e|ing) (?:my |our |your )?(?:\w+ )?taxes|do (?:my|our) taxes|tax (?:filing|season|software|preparer)|(?:federal|state) (?:tax|taxes)|1099(?:-k|-nec)?|w-?9|self[- ]employment tax|estimated tax(?:es)?|quarterly tax(?:es)?|tax deductions?|deduct(?:ible)?|write[- ]offs?|report (?:my |the |our )?(?:\w+ )?(?:shop |store |business )?income|use tax|marketplace facilitators?|${GIFT_OR_ESTATE_TAX}|(?:money|cash) (?:can|could|may) (?:i|we) (?:gift|give)|(?:gift|give) (?:my |our )?(?:kids?|children|son|daughter|grandkids?|grandchildren) (?:money|cash|\$\d)|(?:economic|sales tax) nexus|sales tax (?:on|for) (?:a |my |the )?(?:used |new )?(?:car|vehicle|truck|motorcycle|boat|house|home)s?|(?:collect|charge|remit)(?:ing)? (?:state )?sales tax|sales tax\b[^.?!]{0,50}\b(?:other|which|what|all|every|multiple|different) states)\b`, 'i');

/**
 * Whether a message asks about income or business taxes (the IRS, a tax return, a 1099), with no
 * word of customs or of crossing a border.
 *
 * @example
 * asksAboutIncomeTax('Do I have to report my Etsy shop income on my tax return?'); // true
 * asksAboutIncomeTax('is customs duty deductible as a business expense?');         // false (customs named)
 */
export function asksAboutIncomeTax(text: string): boolean {
  return (INCOME_TAX.test(text) || asksAboutStateSalesTax(text)) && !crosses(text);
}

/** "sales tax in California", "what's the sales tax rate for Texas": a state's own tax. */
const SALES_TAX_IN = /\bsales tax(?: rate)? (?:in|for|of) ((?:the )?[\p{L}]+(?: [\p{L}]+)?)/iu;
/** "does oregon have sales tax", "do new hampshire charge a sales tax". */
const HAS_SALES_TAX = /\b(?:does|do|did)\s+([\p{L}]+(?: [\p{L}]+)?)\s+(?:have|charge|collect)\s+(?:an?\s+|any\s+)?(?:state\s+)?sales tax\b/iu;

/**
 * Whether a message asks about the sales tax of a place in the United States (the state's tax
 * agency answers that), rather than sales tax beside duty on an import.
 *
 * @example
 * asksAboutStateSalesTax('what is the sales tax in California'); // true
 * asksAboutStateSalesTax('is sales tax the same as duty?');      // false
 * asksAboutStateSalesTax('why did amazon charge me sales tax on a book, im in washington state'); // true
 * asksAboutStateSalesTax('california sales tax rate 2026');  // true
 * asksAboutStateSalesTax('does oregon have sales tax');       // true
 */
export function asksAboutStateSalesTax(text: string): boolean {
  const m = SALES_TAX_IN.exec(text);
  // "in New York" or "in Texas on my order": the place is one or two words.
  if (m) return countryOfLeadingPlace(m[1]) === 'US';
  const has = HAS_SALES_TAX.exec(text);
  if (has && countryOfLeadingPlace(has[1]) === 'US') return true;
  // "california sales tax rate", "new jersey sales tax on clothes": the state before the tax.
  const before = STATE_SALES_TAX.exec(text);
  if (before && [before[2], before[1] && `${before[1]} ${before[2]}`].some((place) => place && countryOfPlace(place) === 'US')) return true;
  // "sales tax on a book, im in washington state", "selling on ebay from texas, do i collect sales
  // tax": the person is in a state and nothing abroad is named.
  if (!SALES_TAX.test(text) || countriesAbroad(text).length > 0) return false;
  return [...text.matchAll(IN_A_PLACE)].some((p) => countryOfLeadingPlace(p[1]) === 'US');
}

const SALES_TAX = /\bsales tax\b/i;
/** The one or two words before "sales tax": "california sales tax", "new jersey sales tax". */
const STATE_SALES_TAX = /(?:\b(\p{L}+) )?\b(\p{L}+) sales tax\b/iu;
/** Where the person is: "in Texas", "from Ohio", "im in washington state". */
const IN_A_PLACE = /\b(?:in|from)\s+((?:the )?[\p{L}]+(?: [\p{L}]+)?)/giu;

/**
 * Another company's business: its customer service, its jobs, a post office's opening hours, a
 * scam call, a seller account flagged or locked out, a return for size or a shop's return policy,
 * cancelling an order, which card or payment app to use. The company answers these, not customs.
 * Since session 19 also a marketplace's own dealings (a case or dispute, an item not as
 * described or never shipped, selling fees, payouts, a subscription), a carrier's services
 * (changing the delivery address, a return label, certified mail, stamps) and forming an LLC or
 * getting a sales tax permit: written from the training sets' messages not ours, none of which
 * those sets' messages of ours match. Since session 20 a bank's charges (a card charged twice,
 * ATM fees, an overdraft) and a postal or courier strike; since session 23 a promo code, a
 * charge per listing, a shop charging for return shipping, a shop's refund not yet on the card,
 * returns at the UPS store and which gift to choose (probe sets of messages near our scope);
 * since session 25 party ideas and the fees of a home owners' association, a school, a car park,
 * a court or a mortgage; scams that are no customs' (phishing, a romance scam, an overpayment
 * to wire back, money sent by Zelle for nothing), paying for a return, a shop that takes no
 * returns, a restocking fee and a shop's shipping rates.
 */
const ANOTHER_BUSINESS =
  /\b(?:(?:leave|leaving|write|writing|post|posting) (?:a |an |my )?(?:[\w-]+ )?review (?:for|of|on|about)\b|(?:get|getting) more reviews\b|(?:delete|remove|respond to|reply to) (?:a |an |the |my |this )?(?:[\w-]+ )?reviews?\b|(?:charged (?:me |us )?twice|double[- ]charged)\b|atm fees?|overdraft|(?:debit|credit) card (?:fees?|charges?|dispute|declined)|(?:postal|mail|post|courier|royal mail|canada post|usps|ups|fedex|dhl|la poste|australia post)(?: workers?)? (?:on )?strikes?\b|strike (?:dates|over)\b|customer (?:service|support|care)|(?:job|jobs|career|careers|employment) (?:at|with) (?!cbp\b|customs\b|border\b|u\.?s\.? customs)|(?:is|are) (?:the )?(?:usps|ups|fedex|dhl|amazon|post office|postal service|walmart|target) hiring|(?:open|opens|close|closes|closed) on (?:saturdays?|sundays?|weekends?|holidays?)|opening hours|scam (?:phone )?calls?|phone scam|robocalls?|credit card (?:company|issuer|bank)|charge ?backs?|(?:seller|shop|store|my) accounts? (?:got |was |is |has been )?(?:flagged|suspended|banned|deactivated|locked|closed|restricted)|related accounts|account (?:health|verification|suspension)|scam (?:instagram|facebook|tiktok|snapchat|whatsapp|social media) (?:accounts?|pages?|sellers?)|(?:didn'?t|doesn'?t|did not|does not|don'?t) fit|wrong size|cancel (?:my|an|the|this|a) (?:\w+ )?order|return polic(?:y|ies)|passwords?|reset (?:email|link|code)|log ?in|sign ?in|cash ?back|rewards? (?:card|points)|(?:best|which) credit card|(?:paypal|zelle|venmo|cash app)\b[^.?!]{0,20}\b(?:safer?|better|scam)|(?:what time|when) does (?:the )?(?:post office|usps|ups store|fedex office) (?:open|close)|keeps? charging|(?:prime|streaming) (?:membership|subscription)|subscriptions?|not as described|item not received|never (?:shipped|sent) (?:my|the|it)|wrong (?:item|colou?r|size)|(?:selling|listing|insertion|transaction|final value|seller) fees?|(?:a|per|each) listing|(?:promo|coupon|discount|voucher|referral) codes?|charged? (?:me )?(?:for )?(?:the )?return ship{1,2}ing|payouts?|pricing plans?|change (?:the |my )?(?:delivery |shipping )?address|change of address|(?:scam\w*|scammed)\b[^.?!]{0,40}\bgift cards?|gift cards?\b[^.?!]{0,30}\bscam\w*|(?:how long|when) (?:does|do|will|did) (?:amazon|walmart|target|best buy|the store|the shop|shein|temu|ebay|etsy)\b[^.?!]{0,25}\brefunds?\b|complain (?:to|about) (?:the |my )?(?:ups|usps|fedex|dhl|amazon|delivery) driver|(?:ups|usps|fedex|dhl|amazon|delivery) driver (?:threw|tossed|left|damaged|broke|dropped)|deliver(?:s|y|ies)? on (?:sundays?|saturdays?|weekends?|holidays?)|reschedule (?:a |my |the )?deliver\w*|return labels?|rebook (?:the |my |a )?deliver\w*|redeliver\w*|address correction(?: fees?)?|charged (?:my (?:card|account) )twice|resale (?:certificate|permit)|sales tax permit|(?:set up|setting up|form|forming|register|start|starting) (?:an |my |a )?llc|certified (?:mail|letter)|flat rate box(?:es)?|(?:postage |forever )stamps?|(?:price|cost) of (?:a |an |the )?(?:[\w-]+ ){0,2}stamps?\b|how much (?:is|are|does|do) (?:a |an |the )?(?:[\w-]+ ){0,3}stamps?\b(?! duty)|gift ideas?|phishing|romance scam|online (?:boy|girl)friend|wire (?:back )?the difference|(?:zelle|venmo|cash app)\b[^.?!]{0,60}\bnever (?:got|received|came)|pay (?:for )?(?:the )?return shipping|(?:no|not accept\w*|won'?t (?:accept|take)) returns|(?:calculated|flat rate) shipping|shipping rates? (?:on|in|for) (?:shopify|etsy|ebay|amazon|my (?:store|shop|site))|restocking fees?|(?:party|costume|date night|dinner|halloween|christmas|birthday) ideas|(?:hoa|condo|strata|tuition|parking|court|closing|escrow|resort|mortgage|realtor|daycare) fees?|refund (?:is |still )*(?:not|isn'?t|hasn'?t) (?:\w+ )?(?:on|back on|showing on|shown on|hit) (?:my|the) (?:card|account|statement)|returns? (?:\w+ ){0,3}at (?:the |a )?(?:ups store|fedex office|post office|kohl'?s|whole foods)|(?:good|nice|cheap|best) (?:\w+ )?gifts? for (?:my|a|an)\b|(?:a|some) (?:good|nice|great|cheap) (?:\w+ )?gifts?(?=\s*(?:[?.!]|$))|open (?:a |an )?(?:case|dispute)|(?:cost|price|how much)\b[^.?!]{0,20}\bto (?:mail|send|post) (?:a |an )?(?:letter|postcard|greeting card|card)|(?:buyer|customer)s? (?:wants?|asked for|is asking for|requested|requests|demands?|opened) (?:a )?(?:refund|return)|(?:volumetric|dimensional|dim) weight|informed delivery|(?:long[- ]term )?storage fees?|(?:product )?liability insurance|(?:business )?bank accounts?|p\.?o\.? box(?:es)?|(?:usps|ups|fedex|dhl|amazon|post office) (?:is )?hiring|(?:usps|ups|fedex|dhl|amazon|post office|postal) (?:jobs?|careers?)|(?:become|becoming|apply (?:to be|for)|applying (?:to be|for)|work(?:ing)? as|(?:get )?hired as) (?:an? )?(?:[\w-]+ ){0,2}(?:mail carriers?|letter carriers?|postal (?:workers?|clerks?|carriers?)|(?:delivery|courier|usps|ups|fedex|dhl|amazon|flex) drivers?|mail ?m[ae]n|postm[ae]n)|(?:mail carrier|letter carrier|postal|usps) (?:exams?|tests?|assessments?)|(?:800|888|877|866) (?:phone )?numbers?|toll[- ]free (?:phone )?numbers?|small claims|cashier'?s checks?|(?:shop|store|listing)s? (?:got |was |is |has been |were )?(?:suspended|banned|deactivated|delisted|taken down)|(?:residential|fuel|delivery area|oversize|additional handling|peak) surcharges?|pick (?:it |them |my \w+ |\w+ )?up (?:at|from) (?:the )?post office|pick up my (?:packages?|parcels?|mail|orders?) (?:at|from)|fafsa|student loans?|financial aid|(?:buyer|customer) (?:never paid|didn'?t pay|did not pay|hasn'?t paid)|what time does (?:the |my )?(?:mail|mailman|mail carrier|postman|usps|ups|fedex) (?:usually |normally )?(?:come|arrive|deliver|run)|bill of sale|(?:how (?:do i|to|can i|should i)) (?:mail|send|post) (?:a |an )?(?:letter|postcard|(?:birthday |christmas |greeting |holiday )?cards?)|free shipping(?<!duty[- ]free shipping) (?:on (?:ebay|amazon|etsy|walmart|target)|codes?|threshold|minimum|offers?)|(?:amazon|ebay|etsy|walmart|target|temu|shein|ups|fedex|dhl|usps) (?:\w+ )?phone numbers?|(?:schedule|book|arrange|request) (?:a |an )?(?:\w+ )?pick ?ups?|(?:usps|ups|fedex|dhl|carrier|courier) pick ?ups?|pick ?up (?:hours|times?|window)|pick (?:it |them |\w+ )?up (?:from|at) my (?:home|house|door|studio|office|apartment)|without going to (?:the )?post office|(?:weight|size|length|height) limits?|(?:maximum|max) (?:weight|size|length|dimensions?)|return (?:a |an |the |my |this )?(?:\w+ )?(?:package|parcel|order|item|purchase)s? to (?:amazon|walmart|target|best buy|costco|home depot|lowe'?s|kohl'?s|macy'?s))\b/i;

/**
 * Whether a message is about another company's own business (customer service, jobs, opening
 * hours) or a scam call, with no word of customs or of crossing a border.
 *
 * @example
 * asksAboutAnotherBusiness('how do I contact Amazon customer service'); // true
 * asksAboutAnotherBusiness('how do I get a job at UPS');                 // true
 * asksAboutAnotherBusiness('how do I get a job at CBP');                 // false (another CBP matter)
 * asksAboutAnotherBusiness('customer service at DHL says customs has my parcel'); // false
 */
export function asksAboutAnotherBusiness(text: string): boolean {
  // A shop's return policy or payment page as a sign of a fake shop is a question about fakes;
  // a refund from the government ("by check or bank account?") is the tariff refunds'.
  return ANOTHER_BUSINESS.test(text) && !crosses(text) && !doubtsSeller(text) && !GOVERNMENT_REFUND.test(text);
}

/** A refund the government pays: the tariff refunds, ours. */
const GOVERNMENT_REFUND = /\b(?:government|govt|gov't|federal)\b[^.?!]{0,30}\brefunds?|\brefunds?\b[^.?!]{0,30}\b(?:government|govt|gov't)\b/i;
