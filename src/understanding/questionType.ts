/**
 * The kind of question asked, where it decides which documents fit. A definition ("what does
 * AD/CVD even mean, it showed up on a quote from my freight guy", "ELI5 de minimis") is
 * answered by the glossary, however much chatter surrounds the term: the term is taken out and
 * asked in the glossary's own form.
 */

const SUBJECT = String.raw`(?:the\s+(?:term|word|acronym|abbreviation)\s+|the\s+|an?\s+)?["'“‘]?([\p{L}\p{N}][\p{L}\p{N}/.&' -]{0,40}?)["'”’]?`;
const DEFINITION_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?:what|wat|wut|wtf|wth)(?:'s|s|\s+is|\s+are|\s+does|\s+do)\s+${SUBJECT}\s+(?:even\s+|actually\s+|really\s+)?(?:mean|means|stand\s+for|stands\s+for)\b`, 'iu'),
  new RegExp(String.raw`\b(?:meaning\s+of|definition\s+of|define|eli5|explain\s+like\s+i'?m\s+5)\s+${SUBJECT}(?=\s*(?:[,.?!]|please\b|$|\s+(?:to\s+me|for\s+me|in\s+plain)))`, 'iu'),
  new RegExp(String.raw`(?:^|[.?!]\s+)\s*(?:so\s+|ok\s+|okay\s+)?(?:what|wat|wut|wtf|wth|what\s+the\s+(?:heck|hell)|what\s+on\s+earth|what\s+in\s+the\s+world)(?:'s|s|\s+is|\s+are)\s+${SUBJECT}\s*(?:\?|$|,|\s+and\s+(?:who|how|what|why|where|when)\b)`, 'iu'),
  // The term first, as typed into a search box or by someone writing English as a second
  // language: "consignee meaning in simple words pls", "HTS schedule what is it", "section 321
  // means what exactly".
  new RegExp(String.raw`^\s*${SUBJECT}\s*[,:-]?\s+(?:meaning\b|means?\s+what\b|(?:what|wat)(?:'s|s|\s+is)\s+(?:it|that|this)\b)`, 'iu'),
];

/** Words that point back instead of naming a term. */
const POINTERS = /^(?:that|this|it|they|those|these|he|she|all (?:this|that)|any of (?:this|that))(?:\s+(?:about|for|all about))?$/i;
/** "What's going on?", "what's the deal?": asking what happened, not what a term means. */
const NO_TERM = /^(?:going on|happening|up|wrong|deal|point|catch|problem|issue|reason|story|difference)$/i;

/**
 * The term a definition question asks about, or undefined when it asks something else.
 *
 * @example
 * definitionSubject('what does AD/CVD mean, it showed up on a quote'); // 'AD/CVD'
 * definitionSubject('What are these exactly?', "my broker keeps sending me 'CSMS messages'."); // 'CSMS messages'
 * definitionSubject('can someone ELI5 the term de minimis please');    // 'de minimis'
 * definitionSubject('what is the htsus and who maintains it');          // 'htsus'
 * definitionSubject('what is the duty on a $40 jacket');                // undefined
 * definitionSubject('What does that word mean?', "The label says I'm the consignee."); // 'consignee'
 * definitionSubject('What on earth is that?', "My grandson says they ended 'de minimis'."); // 'de minimis'
 */
export function definitionSubject(text: string, story = ''): string | undefined {
  for (const pattern of DEFINITION_PATTERNS) {
    const m = pattern.exec(text);
    const subject = m?.[1]?.trim().replace(TRAILING_ADVERBS, '').replace(WHERE_IT_IS_WRITTEN, '');
    if (!subject) continue;
    // "What are these exactly?" after "… forwarding me 'CSMS messages'": the term quoted before.
    if (POINTERS.test(subject)) {
      // Only a bare pointer ("what is it?"): "what does that mean for me?" asks what follows
      // from it, and "what's that about?" what it is for.
      const quoted = BARE_POINTER.test(subject) && !FOR_ME.test(text) ? (quotedTerm(`${story} ${text}`) ?? acronymTerm(`${story} ${text.slice(0, m!.index)}`, PLURAL_POINTER.test(subject))) : undefined;
      if (quoted) return quoted;
      continue;
    }
    // "What is that role exactly?" after "… who will act as the 'importer of record'": the quoted name.
    if (NAMED_POINTER.test(subject)) {
      const quoted = quotedTerm(`${story} ${text}`);
      if (quoted) return quoted;
      continue;
    }
    // "What does that word mean?" after "… says I'm the consignee.": the word the story ended on.
    if (WORD_POINTER.test(subject)) {
      const named = quotedTerm(`${story} ${text}`) ?? LAST_WORD.exec(story.trim())?.[1];
      if (named) return named;
      continue;
    }
    // A definition asks about a term of a few words; "the duty on a $40 jacket" is no term, but
    // a numbered name ("section 321", "type 86") is.
    if (subject.split(/\s+/).length <= 4 && (!/\d/.test(subject) || NUMBERED_TERM.test(subject)) && !NO_TERM.test(subject)) return subject;
  }
  return undefined;
}

/** An acronym of two to six capitals, with a slash or an ampersand ("PGA", "AD/CVD", "DDU"). */
const ACRONYM = /(?<![\p{L}\p{N}])[A-Z]{2,6}(?:[/&][A-Z]{2,6})?(?![\p{L}\p{N}])/gu;
/** Acronyms that name a carrier, a country, an agency or a chat habit: no term to define. */
const NO_DEFINITION = /^(?:US|USA|UK|EU|UAE|DHL|UPS|USPS|TNT|EMS|CBP|FBA|FDA|IRS|LLC|PO|ID|OK|TV|PC|ASAP|FYI|IMO|TBH|LOL|OMG|PLS|THX|AM|PM)$/;

/**
 * The last acronym a story names that could be a term ("the tracking page says PGA hold" → "PGA"),
 * for a bare "what does that mean?" after it; with `first`, the first ("CSMS and PGA. What are they?").
 *
 * @example
 * acronymTerm('the tracking page says PGA hold.'); // 'PGA'
 * acronymTerm('DHL sent it from the UK.');         // undefined
 * acronymTerm('CSMS and PGA.', true);              // 'CSMS'
 */
export function acronymTerm(story: string, first = false): string | undefined {
  const named = [...story.matchAll(ACRONYM)].map((m) => m[0]).filter((a) => !NO_DEFINITION.test(a));
  return first ? named[0] : named.pop();
}
/** "What are they?" after two acronyms asks about both: the first is answered (the other is offered beside it). */
const PLURAL_POINTER = /^(?:they|those|these)$/i;

/** A law's section or an entry type named by its number. */
const NUMBERED_TERM = /^(?:section|sec\.?|type|entry type|part|chapter)\s*\d+[a-z]?$/i;
const BARE_POINTER = /^(?:that|this|it|they|those|these)$/i;
/** "that role", "this fee": a pointer to something the story names in quotes. */
const NAMED_POINTER = /^(?:that|this|the)\s+(?:role|thing|line|status|fee|charge|code|label|program|programme|form|notice|rule)$/i;
/** "that word", "this term": a pointer to a word of the story. */
const WORD_POINTER = /^(?:that|this|the)\s+(?:word|term|acronym|abbreviation|phrase)$/i;
/** The story's last word, when it ends a sentence ("… says I'm the consignee."). */
const LAST_WORD = /(?:^|\s)(\p{L}[\p{L}-]{3,})[.!]?$/u;
const FOR_ME = /\bmeans?\s+for\s+(?:me|us|my|our)\b/i;
/** "What are these exactly", "what is it even": the words after a pointer say nothing of the term. */
/** Where the term was seen ("a consignee on my bill of lading", "the MPF line on my invoice"): not part of the term. */
const WHERE_IT_IS_WRITTEN =
  /\s+(?:line\s+|charge\s+|fee\s+)?(?:on|in)\s+(?:my|the|our|this|that|a|an)\s+(?:\p{L}+\s+)?(?:paperwork|invoices?|bills?|forms?|waybills?|receipts?|bills? of la\p{L}+|labels?|slips?|notices?|letters?|statements?|declarations?|docs|documents?|emails?|quotes?)$/iu;
const TRAILING_ADVERBS = /(?:\s+(?:exactly|actually|really|even|again|anyway|then|now|though))+$/i;

/**
 * The words a text puts in quotes, in order ("a 'bond fee' and an “advancement fee”").
 *
 * @example
 * quotedTerms("the notice says 'Entry Type 13' and \"duty paid\""); // ['Entry Type 13', 'duty paid']
 */
export function quotedTerms(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s(])["'“‘]([\p{L}\p{N}][\p{L}\p{N}/.&' -]{0,40}?)["'”’](?=[\s.,;:?!)]|$)/gu)].map((m) => m[1].trim());
}

/** The last term of one to four words in quotes ("'Type 13'", "“CSMS messages”"), if any. */
function quotedTerm(text: string): string | undefined {
  return quotedTerms(text).reverse().find((q) => q.split(/\s+/).length <= 4);
}

/** A code that classifies goods: "tariff code", "HTS code", "HS number", "commodity code". */
const CLASSIFICATION_CODE =
  /\b(?:(?:us\s+|u\.s\.\s+)?(?:(?:tarr?iff?|hts|htsus|hs|harmoni[sz]ed|commodity)\s+(?:codes?|numbers?|classifications?|headings?)|(?:customs|import|classification)\s+(?:codes?|classifications?|headings?))|classify(?:ing)?|classified)\b/i;
/** Asking which code or how to find it. ("should" is not: "the rate should be 3%" says the code used was wrong.) */
const FINDING = /\b(?:find|finding|pick|picking|choose|choosing|figure|look(?:ing)?\s+(?:it\s+|them\s+|that\s+|this\s+)?up|where\s+(?:do|can|should)\s+i\s+(?:even\s+)?look|(?:i|we)\s+need\s+(?:the|a)|which|what|right|correct|get|work\s+out|determine|classify|assign|use)\b/i;

/**
 * Whether a question asks which tariff classification code its goods take, or how to find it
 * ("how do I pick the right US tariff code for the soy candles I pour"). The goods named are a
 * detail: any product's code is found the same way, and the product's own words ("soap",
 * "ceramic mugs") only make the question look unfamiliar. A definition ("what does HTSUS stand
 * for") is not this.
 *
 * @example
 * asksForClassification('how do i figure out which tarrif code my ceramic mugs fall under'); // true
 * asksForClassification('what does HTSUS stand for');                                       // false
 * asksForClassification('is there a tariff on ceramic mugs now');                           // false
 * asksForClassification('customs put the wrong HTS code, the rate should be 3%, can it be corrected'); // false
 * asksForClassification('what data do we send: seller, buyer, value, tariff code, something more?');  // false (a list)
 */
export function asksForClassification(text: string): boolean {
  return CLASSIFICATION_CODE.test(text) && FINDING.test(text) && definitionSubject(text) === undefined && !CODE_IN_A_LIST.test(text);
}

/** The code as one item of a list ("seller, buyer, description, value, tariff code, something more?"): the list is asked about. */
const CODE_IN_A_LIST =
  /(?<!\d),(?!\d)[^,.?!:]{1,25}(?<!\d),(?!\d)[^,.?!:]{0,25}\b(?:tariff|hts|hs|commodity)\s+(?:codes?|numbers?)\b|\b(?:tariff|hts|hs|commodity)\s+(?:codes?|numbers?)\s*(?<!\d),(?!\d)[^,.?!:]{1,25}(?<!\d),(?!\d)/i;

/** How the classification question is asked of the knowledge base, without the goods named. */
export const CLASSIFICATION_QUESTION = 'how do I find the right tariff classification code for my product';

/** Asking how to tell whether something is fake: "how can I tell if my Dyson is real?" */
const HOW_TO_TELL_FAKE =
  /\bhow\s+(?:(?:can|do|would|could|should|to)\s+(?:i\s+|you\s+|u\s+|we\s+|one\s+)?|(?:i|we)\s+(?:can\s+)?)(?:even\s+)?(?:tell|tel|know|kno|knw|no(?=\s+(?:if|whether|when))|check|spot|verify|recogni[sz]e|identify|detect|find\s+out|figure\s+out|be\s+sure|confirm)\b[^?.!]{0,80}?\b(?:fakes?|counterfeits?|real|genuine|original|legit|authentic|knock-?offs?|replicas?|dupes?)\b/i;
/**
 * The seller or site is what is in doubt, not the item in hand: "is this site legit", "a fake
 * shopping site", "a fake sneaker store", "if a websit sell fake stuf", or asked before buying
 * (nothing is in hand yet: 5 of the 6 labelled messages name the page on fake sites).
 */
const SELLER_IN_DOUBT =
  /\bbefore\s+(?:i\s+|you\s+|we\s+)?(?:buy|order|buying|ordering|purchas\w*|pay|paying|check\s?out)\b|\b(?:sites?|websites?|websit|shops?|stores?|sellers?|listings?|vendors?|ads?|accounts?)\s+(?:is|are|was|were)?\s*(?:selling|sells|sell|legit|real|fake|a scam|genuine|trustworthy)\b|\b(?:selling|sells)\s+(?:fakes?|counterfeits?|knock-?offs?|replicas?)\b|\b(?:fake|counterfeit|knock-?off|scam|scammy|dodgy|sketchy|shady|bogus)\s+(?:[\w-]+\s+){0,2}?(?:sites?|websites?|web\s?shops?|shops?|stores?|sellers?|listings?|vendors?)\b/i;

/** "it's fake isn't it. how do I check": the doubt first, then a bare "how do I check". */
const FAKE_THEN_HOW = /\b(?:fakes?|counterfeits?|real|genuine|legit|authentic|knock-?offs?|replicas?)\b[^?]{0,60}?\bhow\s+(?:can|do|would|to)\s+(?:i\s+|you\s+|we\s+)?(?:tell|know|check|verify|be\s+sure)\s*(?:[?.!]|$)/i;

/** Asking whether one's goods are fake, or what shows it: "what gives it away?", "am I right to think these are fake?" */
const ARE_THEY_FAKE = /\bwhat gives (?:it|them) away\b|\b(?:am i|are we) right (?:to think|in thinking|that)\b[^?.!]{0,40}\b(?:fakes?|counterfeits?|knock-?offs?|replicas?)\b|\b(?:are|is) (?:these|they|this|it|mine) (?:\w+ ){0,2}?(?:fakes?|counterfeits?|knock-?offs?|replicas?)\s*\?/i;

/**
 * Whether a question asks how to tell if goods are fake, and about what: the item the person
 * has, or the seller or site selling it. The goods named ("a Dyson Airwrap", "Stanley cups")
 * are a detail that only makes the question look unfamiliar.
 *
 * @example
 * asksHowToTellFake('How can I tell whether the Dyson Airwrap I got is fake?');          // 'item'
 * asksHowToTellFake('How do I know if a shop is selling fakes?');                        // 'seller'
 * asksHowToTellFake('how do i no if my airpods r fake');                                 // 'item' (chat spelling)
 * asksHowToTellFake('how do i spot a fake shopping site');                               // 'seller'
 * asksHowToTellFake('The stitching is sloppy. Am I right to think these are fake?');      // 'item'
 * asksHowToTellFake('Will customs seize my fake sneakers?');                              // undefined
 */
export function asksHowToTellFake(text: string): 'item' | 'seller' | undefined {
  if (!HOW_TO_TELL_FAKE.test(text) && !FAKE_THEN_HOW.test(text) && !ARE_THEY_FAKE.test(text)) return undefined;
  return SELLER_IN_DOUBT.test(text) ? 'seller' : 'item';
}

/**
 * Whether a seller or site is in doubt ("is it sus if a site sells 'authentic' dunks for 60%
 * off", "signs of a fake shop"): a question about fakes, whatever else the message names (a
 * return policy, a payment app).
 *
 * @example
 * doubtsSeller('are those typical signs of a fake shop?');       // true
 * doubtsSeller('how do I return a jacket that did not fit');     // false
 */
export function doubtsSeller(text: string): boolean {
  return SELLER_IN_DOUBT.test(text);
}

/** How the two "is it fake?" questions are asked of the knowledge base, without the goods named. */
export const TELL_FAKE_QUESTIONS = {
  item: 'what signs show that an item I received is fake',
  seller: 'what are the warning signs of a website selling fakes',
} as const;

/** The government or the carrier, set against each other: "a CBP fee or a DHL fee?" */
const GOVERNMENT = String.raw`(?:cbp|customs|(?:the\s+)?government|gov'?t|federal|the\s+feds|uncle\s+sam|(?:the\s+)?(?:us|u\.s\.|american)\s+(?:side|government|customs))`;
const CARRIER = String.raw`(?:dhl|ups|fedex|usps|royal\s+mail|canada\s+post|la\s+poste|deutsche\s+post|correos|japan\s+post|india\s+post|australia\s+post|(?:the\s+)?post(?:\s+office)?|(?:the\s+)?(?:carrier|courier|shipper|shipping\s+company|mailman)|(?:dhl|ups|fedex|usps|carrier|courier)'?s?\s+own)`;
const SET_AGAINST = String.raw`(?:or|not|instead of|rather than)`;
const WHOSE_CHARGE = new RegExp(String.raw`\b${GOVERNMENT}\b[^?.!]{0,25}?\b${SET_AGAINST}\b[^?.!]{0,12}?\b${CARRIER}\b|\b${CARRIER}\b[^?.!]{0,25}?\b${SET_AGAINST}\b[^?.!]{0,12}?\b${GOVERNMENT}\b`, 'i');
/** A refund said in so many words ("refund", "refnd", "reimburse", "money back"). */
const REFUND_SAID = String.raw`refunds?|refunded|refunding|refnd|reimburs\w*|money back`;
/** Getting money back: a refund, whoever pays it. */
const MONEY_BACK = new RegExp(String.raw`\b(?:${REFUND_SAID}|(?:it|that|duty|tariffs?) back)\b`, 'i');
/** A charge or fee named in the question. */
const A_CHARGE = /\b(?:fees?|charges?|charging|charged|bills?|billing|billed|invoices?|money|line|owe|owed)\b/i;

/** Asking where to take a complaint: "who do I contact to contest this", "where should I complain first". */
const WHERE_TO_DISPUTE = /\b(?:contest|complain\w*|disput\w*|contact|call|go after|fight|appeal|report)\b/i;

/**
 * Whether a question asks whose a charge is, the government's or the carrier's ("Is that a CBP
 * fee or a DHL fee?"). The fee's own name ("ancillary clearance service fee") would otherwise
 * pull it to the page on what carriers charge.
 *
 * @example
 * asksWhoseCharge('DHL charged me $17. Is that a CBP fee or a DHL fee?');              // 'carrier'
 * asksWhoseCharge('USPS is asking me for money. Who decided I owed that, USPS or customs?'); // 'post'
 * asksWhoseCharge('is that a customs thing or dhl', "dhl added a $17 'duty advance' fee."); // 'carrier'
 * asksWhoseCharge('how much does DHL charge for customs?');                          // undefined
 */
export function asksWhoseCharge(text: string, story = ''): 'post' | 'carrier' | undefined {
  // "Why did USPS charge me 54 percent?" asks about the rate, not why the post sends the bill.
  if (WHY_THE_POST_BILLS.test(text) && !A_RATE.test(text)) return 'post';
  // "Can I get that money back from the post office or from customs?" asks for a refund. The
  // charge may be named in the story ("DHL added a $17 fee. Is that a customs thing or DHL?").
  if (!WHOSE_CHARGE.test(text) || MONEY_BACK.test(text)) return undefined;
  // "Who do I complain to first, FedEx or the government?" after a bill asks where to dispute it.
  if (!A_CHARGE.test(text) && (!A_CHARGE.test(story) || WHERE_TO_DISPUTE.test(`${story} ${text}`))) return undefined;
  return POSTAL.test(text) ? 'post' : 'carrier';
}

/** "Why is USPS the one billing me?": asking why the post, of all, sends the duty bill. */
const WHY_THE_POST_BILLS = /\b(?:why|how come)\b[^?.!]{0,30}?\b(?:usps|post\s+office|postal\s+service|mailman|mail\s+carrier|the\s+post)\b[^?.!]{0,30}?\b(?:bill|billing|billed|charg\w*|collect\w*|asking\s+(?:me\s+)?for)\b/i;

/** A rate named as a percentage: "54%", "54 percent". */
const A_RATE = /\d\s*(?:%|percent\b|per\s+cent\b|pct\b)/i;

/** The post delivered it: its duty bill is the post's own question ("why is USPS billing me?"). */
const POSTAL = /\b(?:usps|post\s+office|postal|mailman|mail\s+carrier|royal\s+mail|canada\s+post|la\s+poste|deutsche\s+post|correos|japan\s+post|india\s+post|australia\s+post)\b/i;

/**
 * "Who pays", "who is charging", "who collects", "who is responsible for", "who covers the duty":
 * asking whose the duty is. ("Who do I contact to question this charge?" asks where to dispute it.)
 */
const WHO_PAYS = /\bwho\b(?!\s+(?:do|should|can|could|would)\s+(?:i|we)\s+(?:contact|call|ask|email|e-mail|write|talk|speak|complain|reach|go|turn)\b)[^.?!]{0,40}\b(?:pay|pays|paying|charg\w*|collect\w*|(?:responsible|liable) for|(?:covers?|covering) (?:the )?(?:duty|duties|customs|charges?|tax(?:es)?|fees?|bill))\b/i;
/** Sent by post, said any way: {@link POSTAL}'s names, "by mail", "regular post", ePacket, EMS. */
const SENT_BY_POST = new RegExp(String.raw`${POSTAL.source}|\b(?:post|posted|mail|mailed|epacket|ems|china\s+post)\b`, 'i');

/**
 * Whether a question asks who pays the duty on goods sent by post ("Royal Mail parcel to the
 * States: who pays the US duty, Royal Mail or my customer?"), the post named in the question or
 * its story, with no "how" or "what" beside it in the sentence: 24 of the 33 labelled messages
 * that ask who pays on mail name that page, and most of the rest ask "how is it worked out" in the
 * same breath.
 *
 * @example
 * asksWhoPaysOnMail('who pays the US duty, Royal Mail or my customer?', 'Royal Mail parcel to the States.'); // true
 * asksWhoPaysOnMail('Why do I have to pay and not the sender?', 'My cousin mailed me clothes.');               // true
 * asksWhoPaysOnMail('who pays the duty on a DHL parcel?');                                                   // false
 */
export function asksWhoPaysOnMail(question: string, story = ''): boolean {
  return (WHO_PAYS.test(question) || WHY_ME_NOT_SENDER.test(question)) && !ALSO_HOW.test(question) && SENT_BY_POST.test(`${story} ${question}`);
}

/** "Why do I have to pay and not the sender?", "why am I the one paying?": whose the duty is, asked as why. */
const WHY_ME_NOT_SENDER =
  /\bwhy\b[^.?!]{0,20}\b(?:am i|are we|is she|is he)\s+the ones?\s+(?:paying|who (?:has to )?pays?|to pay|that pays|getting billed|billed|charged)\b|\bwhy\b[^.?!]{0,40}\b(?:pay|paying|owe|charged|billed)\b[^.?!]{0,40}\b(?:not|instead of)\s+(?:the\s+)?(?:sender|seller|shop|store|person who (?:sent|mailed)|him|her|them|my (?:mom|mother|dad|father|sister|brother|cousin|friend|aunt|grandma|grandmother))\b/i;

/** "… who pays the duty now and how is it worked out?": a second question in the same sentence ("when she sent it" is a clause). */
const ALSO_HOW = /\b(?:how|what)\b|\bwhen\b(?!\s+(?:i|we|you|he|she|they|it|my|our|his|her|their|the)\b)/i;

/** A buyer who refuses the parcel or will not pay its charges, told by the seller. */
const BUYER_REFUSES = /\b(?:customers?|buyers?|clients?)\b[^.?!]{0,40}\b(?:refus\w*|won'?t pay|turn(?:s|ed)? (?:it |the \w+ )?down|reject\w*)/i;
/** Money back, duties paid ahead, becoming the importer, an exception: other pages' questions. */
const NOT_THE_REFUSAL = /\b(?:refund\w*|reimburs\w*|money back|ddp|duties paid|importer|exemption|exception)\b/i;

/**
 * Whether a seller asks what follows when a buyer refuses the parcel or its charges ("A US buyer
 * refused my UPS parcel over the duty charges. Will UPS bill me now?"), with no refund, DDP or
 * importer question in it: 17 of the 18 labelled messages so put name the page on refusing a parcel.
 *
 * @example
 * asksAboutBuyerRefusing('A US buyer refused my UPS parcel over the duty charges. Will UPS bill me now?'); // true
 * asksAboutBuyerRefusing('My buyer refused the parcel and wants a full refund. Do I owe her one?');       // false
 */
export function asksAboutBuyerRefusing(text: string): boolean {
  return BUYER_REFUSES.test(text) && !NOT_THE_REFUSAL.test(text);
}

/** USMCA ending: "is USMCA going away", "is cusma getting yeeted", "is the USMCA about to be cancelled". */
const USMCA_ENDING = /\b(?:usmca|cusma|t-mec|nafta)\b[^.?!]{0,40}\b(?:going away|go away|ending|end|ends|ended|expir\w*|review\w*|renew\w*|scrap\w*|yeet\w*|dead|dying|die|surviv\w*|terminat\w*|withdraw\w*|over|cancel\w*|replac\w*|future|sunset|2026|extend\w*)\b/i;

/**
 * Whether a question asks if USMCA (CUSMA, T-MEC) is ending or what its 2026 review decides ("is
 * USMCA getting yeeted or what"): 41 of the 48 labelled messages so put name that page, and the
 * rest ask it as their second question.
 *
 * @example
 * asksWhetherUsmcaEnds('is USMCA getting yeeted or what');          // true
 * asksWhetherUsmcaEnds('how do I certify my goods for USMCA?');     // false
 */
export function asksWhetherUsmcaEnds(question: string): boolean {
  const match = USMCA_ENDING.exec(question);
  // "What tariffs do Canadian goods pay, and is USMCA going away?": asked second, in the same sentence.
  return match !== null && !ASKED_FIRST.test(question.slice(0, match.index));
}

/** Another question before an "and" ("what tariffs do Canadian goods pay right now, and …"). */
const ASKED_FIRST = /\b(?:what|how|which|when|do|does|are)\b.*\band\b/i;

/** How the question of USMCA's end is asked of the knowledge base. */
export const USMCA_ENDING_QUESTION = 'what happens to USMCA after the joint review, will it end';

/** Gifts as people name them. */
const GIFT_SAID = /\b(?:gifts?|presents?|bday|birthday)\b/i;
/** Whether that is still so: "still", "anymore", "these days", "now". */
const STILL_SO = /\b(?:still|anymore|these days|now)\b/i;
/** Free of charges: "without paying", "w/o fees", "duty free", "tax free". */
const FREE_OF_CHARGES = /\bwith ?out\b|\bw\/o\b|\bduty[- ]free\b|\btax[- ]free\b|\bfree\b/i;
/** A label, a payment back, a sum, per person or per box: the pages on what counts as a gift, or a verdict. */
const NOT_GIFTS_IN_GENERAL = /\b(?:writ\w*|label\w*|mark\w*|venmo\w*|paid|pay (?:her|him|them) back|per person|per package)\b|\d/i;

/**
 * Whether a question asks if gifts from abroad still come in free ("can my bestie in london still
 * send me bday stuff w/o me paying customs or is that over too"), with no label, payment, sum or
 * count in it, nor a drink or tobacco: 56 of the 69 labelled messages so put name the page on
 * gifts, and most of the rest ask it as their second question.
 *
 * @example
 * asksWhetherGiftsStillFree('can my bestie in london still send me bday stuff w/o me paying customs or is that over too'); // true
 * asksWhetherGiftsStillFree('is a $60 gift still duty free?');                                                           // false (a verdict)
 */
export function asksWhetherGiftsStillFree(question: string): boolean {
  // "can a gift package include a bottle of wine and still be duty free?" asks about the drink.
  return GIFT_SAID.test(question) && STILL_SO.test(question) && FREE_OF_CHARGES.test(question) && !NOT_GIFTS_IN_GENERAL.test(question) && !DRINK_OR_TOBACCO.test(question);
}

/** How the question of gifts still coming free is asked of the knowledge base. */
export const GIFTS_STILL_FREE_QUESTION = 'can people overseas still send me presents duty free';

/** Goods taken by customs: "CBP seized my 'Rolex'", "customs confiscated the shoes". */
const SEIZED = /\b(?:seiz\w*|confiscat\w*|impound\w*|forfeit\w*|(?:customs|cbp|uncle sam|the feds)\s+(?:took|grabbed|kept|snatched|caught))\b/i;
/** Fakes named outright, misspellings included ("counterfiet", "conterfeit"). */
const FAKE_WORDS = String.raw`fakes?|c[ou]{1,2}n?ter?f(?:ei|ie|i|e)ts?|counterf\w+|knock-?offs?|replicas?|reps|dupes?|bootleg|imitations?`;
/** Fakes named outright ("how much is the fine" is asked of fakes said so, not of a brand in scare quotes). */
const FAKES_SAID = new RegExp(String.raw`\b(?:${FAKE_WORDS})\b`, 'i');
/** The goods are (or may be) fakes: said outright, or with the brand in scare quotes ("my 'Rolex'"). */
const FAKE_GOODS = new RegExp(String.raw`\b(?:${FAKE_WORDS}|not (?:real|genuine|authentic))\b|["'“‘][\p{L}][\p{L}\s.-]{1,20}["'”’]`, 'iu');

/**
 * Harm from goods: dangerous, unsafe, blow up, catch fire, burn the house down, toxic, a rash, lead
 * in them (not a team's "ops lead": session 33, a seller's letter quoting its "Knitwear" label).
 */
const HARM = /\b(?:dangerous|danger|unsafe|safe|blow up|explode|burn (?:my|the|your|down|a|us)|catch fire|fire hazard|hurt|harm\w*|toxic|health|poison\w*|lead (?:paint|poisoning|levels?|content)|(?:contains?|containing|full of|has|have|with) lead|rash)\b/i;
/** Which fakes are seized most, reporting a seller, telling a fake: other counterfeit pages. */
const OTHER_FAKES_QUESTION = /\b(?:most|seiz\w*|report|tell if|tell whether|spot|grab\w*)\b/i;

/**
 * Whether a message asks if fakes are dangerous ("do fake chargers really blow up or is that just
 * propaganda from apple lol"), and not which are seized most, how to report or to tell one: 48 of
 * the 49 labelled messages so put name the page on counterfeits' risks.
 *
 * @example
 * asksWhetherFakesAreDangerous('do fake chargers really blow up or is that just propaganda');     // true
 * asksWhetherFakesAreDangerous('which fakes does customs seize most, and are any dangerous?');  // false
 */
export function asksWhetherFakesAreDangerous(text: string): boolean {
  return (FAKES_SAID.test(text) || BRAND_IN_QUOTES.test(text)) && HARM.test(text) && !OTHER_FAKES_QUESTION.test(text);
}

/** A brand in scare quotes, one word ("a 'dyson'", "“MAC”"); not the apostrophes of "don't … it's". */
const BRAND_IN_QUOTES = /["“‘]\p{L}+["”’]|(?<!\p{L})'\p{L}+'(?!\p{L})/u;

/** How the question of fakes' dangers is asked of the knowledge base. */
export const FAKES_DANGER_QUESTION = 'are fake products actually dangerous to use';
/** Asking for the goods back: "do I ever get the shoes back", "will I see it again". */
const GOODS_BACK = /\b(?:get|getting|have|receive)\s+(?:it|them|(?:the|my|those|these)(?:\s+[\p{L}'-]+){1,2})\s+back\b|\bsee\s+(?:it|them|(?:the|my)\s+[\p{L}'-]+)\s+again\b|\b(?:returned|sent back|given back)\s+to\s+me\b|\bwhat\s+(?:actually\s+|really\s+)?happens\s+to\s+(?:it|them|the|my|those)\b/iu;

/**
 * "What happens to the fake stuff customs takes", "what happens if CBP catches them": with fakes
 * and their being caught in the message, what becomes of the goods (25 of the 28 labelled
 * messages with all three name the seizure page; the other three ask it second).
 */
const WHAT_HAPPENS = /\bwh?at (?:actually |really )?happens? (?:to|with|if)\b|\bwh?at (?:actually |really )?happens?\s*(?:[?.!]|$)/i;
const CAUGHT = /\b(?:catch\w*|caught|finds?|found|seiz\w*|takes?|took|grabs?|grabbed|confiscat\w*|stops?|stopped)\b/i;
/** "What does customs do with …", "wat custums do w/ them", "do w the fakes": what becomes of goods it stops (a seizure said without the word). */
const DONE_WITH = /\bwh?at\s+(?:(?:does|dose|do|will|would|did)\s+)?(?:customs|custums|cbp|they|the feds|border protection)\s+(?:actually\s+|really\s+|even\s+)?do\s+w(?:ith\b|\/|\b)/i;

/**
 * Whether a question asks what becomes of goods customs seized as fakes ("got a letter saying my
 * 'designer' belt got seized. do i get it back?"). "Get it back" otherwise means money (a
 * refund), and the letter or a fine named in the story pulled such questions to the pages on
 * seizure notices and fines. `story` is the rest of the message.
 *
 * @example
 * asksForSeizedGoodsBack('do I ever get the shoes back?', 'CBP seized my fake Jordans.'); // true
 * asksForSeizedGoodsBack('can I get my duty back?', 'I paid $40 duty.');                  // false
 * asksForSeizedGoodsBack('what customs do with replica watches they found in parcels?');   // true
 * asksForSeizedGoodsBack('wat happens to the fake stuff custums takes');                    // true
 */
export function asksForSeizedGoodsBack(question: string, story = ''): boolean {
  const whole = `${story} ${question}`;
  return (
    (GOODS_BACK.test(question) && SEIZED.test(whole) && FAKE_GOODS.test(whole)) ||
    (DONE_WITH.test(question) && FAKE_GOODS.test(whole)) ||
    (WHAT_HAPPENS.test(question) && CAUGHT.test(whole) && FAKE_GOODS.test(whole))
  );
}

/** Cash or its like: "in cash", "currency", "15k in euros", "12 grand in bills". */
const CASH_WORDS = /\b(?:cash|currency|banknotes|bank notes|money orders?|traveler'?s? checks?|travell?er'?s? cheques?)\b|\bin (?:euros|pesos|yen|pounds sterling|rupees|reais|francs|won|yuan|dirhams|shekels|bills)\b/i;
/** A sum of $10,000 or more: "$15,000", "15000", "12k", "15 grand", "fourteen thousand", "over 10k". */
const REPORTABLE_SUM = /(?:\$|\b)(?:[1-9]\d(?:,\d{3}|\.\d+k\b|k\b| ?grand\b| ?thousand\b)|[1-9]\d{4,}\b)|\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|fifty) (?:thousand|grand)\b/i;
/** Asking whether it must be declared or reported: "do I need to declare it", "do I gotta tell anyone", "what form". */
const MUST_REPORT = /\b(?:declar\w*|report\w*|tell (?:anyone|anybody|someone|somebody|customs|cbp)|forms?|fill (?:out|in)|allowed|legal|limit|problem|trouble)\b/i;

/**
 * Whether a message asks if carrying or mailing cash of $10,000 or more must be reported ("flying
 * home with $15,000 in cash for a house down payment, do I need to declare it?"). What the money
 * is for (a house, a car, a wedding) made such messages look like a mortgage or car question.
 *
 * @example
 * asksAboutReportingCash("I'm flying from Lima with $15,000 in cash for a house down payment. Do I need to declare it?"); // true
 * asksAboutReportingCash('flying back with 15k in euros, do I have to report it?'); // true
 * asksAboutReportingCash('I paid $15 cash on delivery for the duty, is that legal?');  // false
 */
export function asksAboutReportingCash(text: string): boolean {
  return CASH_WORDS.test(text) && REPORTABLE_SUM.test(text) && MUST_REPORT.test(text);
}

/** "why am I paying customs on a $9 phone case": asking why, then a charge, then a small sum it was charged on. */
const WHY_CHARGED_ON_SUM =
  /\bwh(?:y|ay)\b[^.?!]{0,40}\b(?:pay|paying|paid|owe|owing|charg\w*|bill\w*|tax\w*|slapped|jacked|hit|tariffs?|dut(?:y|ies)|fees?|customs)\b[^.?!]{0,40}?\b(?:on|for)\s+(?:a\s+|an\s+|my\s+|the\s+|this\s+)?(?:\$\s?(\d{1,3})(?![\d,.]\d)|(\d{1,3})\s?(?:dollars?|bucks?|usd|euros?|dolars?|dolares)\b)/i;
/** A fee named by its own name has its own page (the MPF, brokerage). */
/** The MPF by name. */
const MPF_SAID = String.raw`mpf|merchandise processing`;
const MPF_NAMED = new RegExp(String.raw`\b(?:${MPF_SAID})\b`, 'i');
const NAMED_FEE = new RegExp(String.raw`\b(?:${MPF_SAID}|brokerage|clearance fee|processing fee|disbursement)\b`, 'i');
/** The sum that still came in free before the suspension: below it, an order is a small one. */
const SMALL_ORDER_LIMIT = 800;

/**
 * Whether a question asks why a small order was charged at all ("bruh why am i paying customs on
 * a $9 phone case 💀"): the sum, not the goods, says what it is about; the goods' names pulled such
 * questions to pages that mention phone cases or socks. Of 32 such messages in the labelled sets,
 * 31 were labelled with the page on why small orders owe duty now.
 *
 * @example
 * asksWhyChargedOnSmallOrder('bruh why am i paying customs on a $9 phone case'); // true
 * asksWhyChargedOnSmallOrder('why tf am I paying MPF on a $300 shipment');      // false (the fee is named)
 * asksWhyChargedOnSmallOrder('why was I charged duty on a $1,200 camera');      // false (no small order)
 */
export function asksWhyChargedOnSmallOrder(text: string): boolean {
  // "customs jacked me $11 on a $9 keychain. since when is that a thing??": the charge told, then the doubt.
  const m = WHY_CHARGED_ON_SUM.exec(text) ?? (DOUBTS_CHARGE.test(text) && !DISPUTED.test(text) ? CHARGED_ON_SUM.exec(text) : null);
  return m !== null && Number(m[1] ?? m[2]) < SMALL_ORDER_LIMIT && !NAMED_FEE.test(text);
}

/** A charge on a small sum told without "why" before it ("customs jacked me $11 on a $9 keychain"). */
const CHARGED_ON_SUM =
  /\b(?:charg\w*|jacked|slapped|hit|billed|bill|fee|customs|duty)\b[^.?!]{0,30}?\b(?:on|for)\s+(?:a\s+|an\s+|my\s+|the\s+|this\s+)?(?:\$\s?(\d{1,3})(?![\d,.]\d)|(\d{1,3})\s?(?:dollars?|bucks|usd|euros?|pounds?|quid)\b)/i;
/** The person doubts the charge as such: "since when", "wtf", "how come", "what changed". */
const DOUBTS_CHARGE = /\b(?:since when|wtf|why|how come|what(?:'s| is) going on|what changed)\b/i;
/** A charge disputed, refused or refunded, or its rate (a flat one) questioned: those pages answer. */
const DISPUTED = /\b(?:refund\w*|refus\w*|dispute|wrong|rate|flat)\b/i;

/** How the small-order question is asked of the knowledge base. */
export const SMALL_ORDER_QUESTION = 'why was I charged duty on a small cheap order from abroad';

/** Not paying the bill, or sending the parcel back: "ghost the customs bill", "don't pay the duty", "refuse it", "leave the import bill unpaid". */
const NOT_PAYING =
  /\b(?:(?:don'?t|dont|do not|never|not|won'?t|refuse to|refusing to)\s+(?:just\s+|like\s+)?pay(?:ing)?|ghost(?:ing)?|ignor(?:e|ing)|refus(?:e|ing))\b[^.?!]{0,30}\b(?:bill|charges?|duty|duties|fees?|notice|invoice|tariffs?|taxes|customs)\b|\bleav(?:e|ing)\s+(?:the\s+|my\s+|this\s+|that\s+)?(?:\w+\s+){0,2}(?:bill|charges?|duty|duties|fees?|invoice)\s+unpaid\b/i;
/** Asking what follows: "what happens then", "what if I don't pay", "am I in any trouble", "will they come after me". */
const WHAT_FOLLOWS = /\bwhat\s+(?:happens|will happen|would happen|then|if)\b|\bwhat(?:'s| is) the worst\b|\bin (?:any |big |real )?trouble\b|\bhot water\b|\bcome after\b|\bconsequences?\b/i;

/**
 * Whether a question asks what follows from not paying an import bill ("if i just ghost the
 * customs bill what happens lol"): the goods named and the carrier pulled such questions to the
 * pages on who sets or collects the charges. All 29 such messages in the labelled sets name the
 * page on refusing a parcel.
 *
 * @example
 * asksWhatIfNotPaying('if i just ghost the customs bill what happens lol');           // true
 * asksWhatIfNotPaying("what happens if I don't pay the DHL duty invoice?");           // true
 * asksWhatIfNotPaying('what if i just dont pay the customs charge');                 // true
 * asksWhatIfNotPaying('what happens to my parcel at customs?');                       // false
 */
export function asksWhatIfNotPaying(text: string): boolean {
  return NOT_PAYING.test(text) && WHAT_FOLLOWS.test(text);
}

/** How the question about not paying is asked of the knowledge base. */
export const NOT_PAYING_QUESTION = 'what happens if I refuse the parcel and do not pay the import bill';

/** Not knowing the goods were fake: "didn't know", "thought they were legit", "by accident". */
const UNKNOWING =
  /\b(?:(?:did ?n'?t|did not) (?:even |really |actually )?(?:no|kno|know|realize|realise)|without knowing|not knowing|unknowingly|by accident|accidentally|by mistake|thought (?:[\w']+ ){1,3}(?:was|were|is|are) (?:real|legit|genuine|authentic|original)|honest mistake)\b/i;
/** A fine or other trouble for the buyer. */
const BUYER_PUNISHED = /\b(?:fin(?:e|ed|es|ded)|penalt\w*|trouble|liable|punish\w*|come after|prosecut\w*)\b/i;

/**
 * Whether a question asks if a buyer who did not know goods were fake can be fined ("can i get
 * fined if i didnt no the purse was fake"): the page on fakes bought by mistake, not the one on
 * the size of the fine. 36 of the 40 labelled messages with both name that page; the other four
 * ask it second, so here the fine is asked in the question itself and the not knowing may be
 * told in its story (`story`).
 *
 * @example
 * asksFineForUnknowingFake('can i get fined if i didnt no the purse was fake'); // true
 * asksFineForUnknowingFake('am i cooked fine-wise', 'got my reps seized, didnt even know they were reps'); // true
 * asksFineForUnknowingFake('how big can the fine for fake handbags get');       // false
 */
export function asksFineForUnknowingFake(question: string, story = ''): boolean {
  return UNKNOWING.test(`${story} ${question}`) && BUYER_PUNISHED.test(question);
}

/** How the question about a fake bought unknowingly is asked of the knowledge base. */
export const UNKNOWING_FAKE_QUESTION = 'can I be fined if I bought a counterfeit without knowing it was fake';

/** Asking the size of a fine: "how much can they fine u", "how big is the penalty". */
const HOW_BIG_A_FINE = /\bhow (?:much|big|high|bad)\b[^.?!]{0,40}\b(?:fin(?:e|ed|es)|penalt\w*)\b/i;

/**
 * Whether a question asks how big the fine for fakes can be ("how much can cbp fine u for
 * counterfiet handbags"): the page on the fine's size, not the one on fakes bought by mistake,
 * which shares most of its words. Of 42 labelled messages with both, 31 name that page; the
 * other eleven ask it second, and only the question sentence is read here.
 *
 * @example
 * asksHowBigTheFine('how much can cbp fine u for counterfiet handbags i bought 3'); // true
 * asksHowBigTheFine('how much is the duty on fake-looking leather bags');          // false
 */
export function asksHowBigTheFine(question: string, story = ''): boolean {
  return HOW_BIG_A_FINE.test(question) && FAKES_SAID.test(`${story} ${question}`);
}

/** How the question about the size of the fine is asked of the knowledge base. */
export const FINE_SIZE_QUESTION = 'how much can CBP fine someone for importing counterfeit goods';

/** Medicine by name or kind ("my blood pressure pills", "insulin", "Ozempic"). */
const MEDICINE_WORDS = /\b(?:medicines?|meds|medications?|pills|prescriptions?|insulin|antibiotics?|inhalers?|ozempic|semaglutide|tablets)\b/i;
/** Supplements and vitamins have a page of their own. */
const SUPPLEMENT_WORDS = /\b(?:supplements?|vitamins?|collagen|protein|herbal|cosmetics?|skincare)\b/i;

/**
 * Whether a message asks if medicine may come by post or be ordered from abroad ("can my mom mail
 * me my blood pressure pills from mexico"): what the medicine treats says nothing of the page,
 * and made such messages look out of scope. 44 of the 51 labelled messages that send or order
 * medicine name the medicine page; the other seven are about supplements (left out here).
 *
 * @example
 * asksWhetherMedicineMayCome('can my mom mail me my blood pressure pills from mexico'); // true
 * asksWhetherMedicineMayCome('can I order vitamin pills from Korea');                  // false (supplements)
 */
export function asksWhetherMedicineMayCome(text: string): boolean {
  return COMES_BY_POST.test(text) && MAY_IT_COME.test(text) && MEDICINE_WORDS.test(text) && !SUPPLEMENT_WORDS.test(text);
}

/** How the medicine question is asked of the knowledge base. */
export const MEDICINE_BY_POST_QUESTION = 'can I get my prescription medication mailed from another country';

/** Goods seized, in the words of a notice or a misspelling ("seazed"). */
const SEIZURE_WORDS = /\b(?:seiz\w*|seaz\w*|confiscat\w*|forfeit\w*)\b/i;
/** Asking what to do now: "what now", "what do I do next", "what are my options". */
const WHAT_NOW = /\bwhat (?:now|next|do i do|should i do|can i do|are my options|options)\b|\bwhat do i do (?:now|next|nxt)\b|\bmy options\b|\bnext steps?\b/i;

/**
 * Whether a question asks what to do after goods were seized ("fake jordans got seized, im
 * cooked?? what now"): the page on a seizure notice's options. 27 of the 29 labelled messages
 * with both name it (one asks it second, one is about a dog's seizure, which is not ours).
 *
 * @example
 * asksWhatNowAfterSeizure('what do i do nxt', 'got a leter sayin my package was seazed'); // true
 * asksWhatNowAfterSeizure('what happens to seized fakes?');                                // false
 */
export function asksWhatNowAfterSeizure(question: string, story = ''): boolean {
  return WHAT_NOW.test(question) && SEIZURE_WORDS.test(`${story} ${question}`);
}

/** How the question after a seizure is asked of the knowledge base. */
export const AFTER_SEIZURE_QUESTION = 'I got a seizure notice from CBP, what are my options and what do I do next';

/** A carrier's own fee for clearing a parcel, by the names on its bills. */
const CARRIER_FEE_WORDS = /\b(?:brokerage|brokrage|clearance|clearing|handling|disbursement|advancement)\b/i;
const HOW_MUCH = /\bhow much\b/i;

/**
 * Whether a question asks how much a carrier charges for clearance ("ups brokerage fee how
 * much"): the page with the carriers' published fees, not the one on why a brokerage fee comes
 * with no duty. 32 of the 37 labelled messages with both name it; the rest ask about the MPF
 * (left out here) or ask it second.
 *
 * @example
 * asksHowMuchCarrierFee('ups brokerage fee how much');                  // true
 * asksHowMuchCarrierFee('what is the MPF and how much is the handling'); // false (the MPF is named)
 */
export function asksHowMuchCarrierFee(question: string): boolean {
  return (HOW_MUCH.test(question) || AMOUNT_ASKED.test(question)) && (CARRIER_FEE_WORDS.test(question) || POSTAL_FEE.test(question)) && !MPF_NAMED.test(question);
}

/** The post office's own fee on a parcel that owes duty ("the USPS customs fee"), by its usual names (session 30). */
const POSTAL_FEE = /\b(?:usps|post office)(?:'s)?\s+(?:own\s+)?(?:customs\s+|clearance\s+|handling\s+|processing\s+)?fee\b|\b(?:usps|post office)\b[^.?!]{0,20}\badd\w*\s+(?:its|their)\s+own\s+fee\b/i;
/** "usps customs fee amount", "… per package": the sum asked without "how much". */
const AMOUNT_ASKED = /\b(?:amount|per (?:package|parcel|item))\b/i;

/** How the carrier-fee question is asked of the knowledge base. */
export const CARRIER_FEE_QUESTION = 'how much do couriers like UPS, FedEx and DHL charge for clearing a parcel';

/** "Who is the importer, me or FedEx?", "does that make me the importer?", "am I the importer?" (not "… of record", a term). */
const WHO_IMPORTS =
  /\b(?:who(?:'s| is| counts as| would be| becomes)? (?:the )?(?:legal )?importer|am i (?:the|an) importer|(?:make|makes|making) me (?:the )?importer|is (?:fedex|ups|dhl|amazon|the seller|the courier|the carrier|the shop|shein|temu) the importer)\b(?! of record)/i;

/**
 * Whether a question asks who the importer is ("When FedEx clears a box for me, is FedEx the
 * importer or am I?"): the page on the buyer's responsibility, where the courier, the seller or a
 * platform named pulled such questions to their own pages. 14 of the 15 labelled messages that
 * ask it so name that page (the other asks what a consignee is first).
 *
 * @example
 * asksWhoIsImporter('When FedEx clears a box for me from a shop in Denmark, is FedEx the importer or am I?'); // true
 * asksWhoIsImporter('what does importer of record mean');                                                    // false
 */
export function asksWhoIsImporter(question: string): boolean {
  return WHO_IMPORTS.test(question);
}

/** A foreign seller, factory or maker the person bought from. */
const SELLER_ABROAD_NAMED = /\b(?:seller|factory|supplier|maker|shop|vendor|dealer)\b/i;
/** Who answers for customs: "responsible", "the customs stuff is on them", "the seller handles all customs". */
const ANSWERS_FOR_CUSTOMS = /\bresponsib\w*|\bcustoms stuff is on\b|\b(?:handles?|deals? with|takes? care of) (?:all |the |everything )?(?:customs|the border|import|at the border)\b/i;
/** A platform, the importer of record or a seller's own question: the pages on those. */
const NOT_BUYERS_RESPONSIBILITY = /\b(?:amazon|etsy|ebay|temu|shein|aliexpress|marketplace|importer of record|ior|ddp|duties paid|i sell|we sell|my customers)\b/i;

/**
 * Whether a buyer asks who answers for customs, they or the seller ("he says once it leaves his
 * workshop it's my responsibility at the border"): the page on the buyer's responsibility. All
 * 14 labelled messages with such words and no platform or seller's own question name it.
 *
 * @example
 * asksWhoAnswersForCustoms("the seller wrote that once it crosses the border it's my responsibility. Is that right?"); // true
 * asksWhoAnswersForCustoms('Etsy says the seller is responsible for customs');                                         // false
 */
export function asksWhoAnswersForCustoms(text: string): boolean {
  return SELLER_ABROAD_NAMED.test(text) && ANSWERS_FOR_CUSTOMS.test(text) && !NOT_BUYERS_RESPONSIBILITY.test(text);
}

/** How the importer question is asked of the knowledge base. */
export const WHO_IMPORTS_QUESTION = 'if I buy from a seller abroad, who is the importer, me, the seller or the courier';

/** Turning a parcel down: "refused it", "turned it down", "sent the box back". */
const REFUSED = /\b(?:refus\w*|turn(?:ed|ing)?\s+(?:it|them|the\s+\w+)\s+down|reject\w*|sen[dt]\s+(?:it|them|the\s+(?:box|parcel|package))\s+back)\b/i;
/** Money back in so many words (not "send it back", which is the refusal itself). */
const REFUND_WORDS = new RegExp(String.raw`\b(?:${REFUND_SAID})\b`, 'i');
/** The seller keeping the price: "can they keep my money", "can they legally keep that", "does the shop owe me". */
const SELLER_KEEPS_MONEY = /\bkeep\s+(?:(?:my|the|our|all\s+(?:my|the|our))\s+(?:money|payment|cash)|that|it\s+all)\b|\bowes?\s+me\b/i;
/** A refund of the duty itself (IEEPA duties, drawback), not of the price: other pages. */
const DUTY_REFUND = /\b(?:ieepa|drawback)\b|\b(?:duty|duties|tariffs?)\s+(?:refund\w*|back)\b|\brefund\w*\s+(?:of|on|for)\s+(?:the\s+|my\s+)?(?:duty|duties|tariffs?)\b/i;

/**
 * Whether a question asks for the price back from the seller after a parcel was refused over its
 * charges ("DHL wanted $58 so I refused it. The shop won't refund me, can they do that?"): the
 * page on refunds from sellers, not the one on refusing a parcel, which shares its story. Of 82
 * labelled messages with both, 64 name that page; most of the rest ask it second ("If I refuse
 * it, what happens to it? And will the shop refund me?"), and only the question sentence is read
 * for the money back.
 *
 * @example
 * asksRefundAfterRefusing("the shop won't refund me, is that allowed?", 'DHL wanted $58 so I refused it.'); // true
 * asksRefundAfterRefusing('can they keep my money?', 'I refused the parcel over a $70 customs bill.');       // true
 * asksRefundAfterRefusing('if I refuse the parcel, what happens to it?');                                 // false
 * asksRefundAfterRefusing('can I get the duty refunded if I send it back?');                               // false (the duty, not the price)
 */
export function asksRefundAfterRefusing(question: string, story = ''): boolean {
  return (REFUND_WORDS.test(question) || SELLER_KEEPS_MONEY.test(question)) && !DUTY_REFUND.test(question) && REFUSED.test(`${story} ${question}`);
}

/** How the question of the money back after a refusal is asked of the knowledge base. */
export const REFUND_AFTER_REFUSAL_QUESTION = 'will the seller refund me if I refuse the parcel over the import charges';

/** How duty on mail reaches CBP: "how do postal carriers pay the duty over to CBP", a qualified party, remitting. */
const HOW_DUTY_REACHES_CBP = /\bhow\s+(?:do|does|would|can|should|are|is)\b[^?.!]{0,40}\b(?:pay|paid|hand|remit|transfer|pass)\w*\b[^?.!]{0,30}\b(?:to|over\s+to)\s+(?:cbp|customs)\b|\bqualified\s+part(?:y|ies)\b|\bremit(?:s|ted|ting|tance)?\b|\bpay\.gov\b/i;
/** Those who carry mail: the post, a carrier, a consolidator; or a bond for it. */
const MAIL_CARRIERS = /\b(?:post|postal|mail\w*|carriers?|consolidat\w*|operators?|bond)\b/i;

/**
 * Whether a question asks how the duty collected on mail is paid over to CBP ("how do postal
 * carriers pay the duty to cbp, bond and paygov or wat"): the page on postal remittance and
 * bonds, not the one on who pays duty on mail. 16 of the 17 labelled messages asking "how … pay
 * … to CBP" name it (the other asks it second); every one names the post, a carrier or a bond.
 *
 * @example
 * asksHowMailDutyReachesCbp('How does the post office actually hand the duty over to customs?');        // true
 * asksHowMailDutyReachesCbp('We are a consolidator. How do we remit the duty we collect?');              // true
 * asksHowMailDutyReachesCbp('how do I pay the duty to customs for my DHL parcel?');                      // false
 */
export function asksHowMailDutyReachesCbp(question: string, story = ''): boolean {
  return HOW_DUTY_REACHES_CBP.test(question) && MAIL_CARRIERS.test(`${story} ${question}`);
}

/** Money back asked for: "refund", "my money back", "can I get this back", "where's my money". */
const MONEY_BACK_ASKED = new RegExp(String.raw`\b(?:${REFUND_SAID}|get (?:it|this|that|them|anything|something|any of (?:it|that)|some of (?:it|that)) back|get back (?:the |my |any |some )?(?:\w+ )?(?:duty|duties|tariffs?|money)|where'?s my money)\b`, 'i');
/** The tariffs the Supreme Court struck down, by name or by the ruling. */
const STRUCK_DOWN = /\b(?:ieepa|supreme court|scotus|courts?|illegal|unlawful|struck)\b/i;
/** Sent by post: "USPS collected it", "mailed from Vietnam", "by post". */
const BY_MAIL = /\b(?:usps|post\s+office|postal|mail|mailed|by\s+post|the\s+post|royal\s+mail|canada\s+post)\b/i;

/**
 * Whether a question asks for the IEEPA duty paid on a parcel that came by post ("bro i paid the
 * tariffs, the supreme court said they were illegal, where's my money (it came usps not a
 * courier)"): the page on refunds for mail, not the one on couriers' refunds. 25 of the 26
 * labelled messages with the money back, the ruling and the post in them name it.
 *
 * @example
 * asksPostalDutyRefund("where's my money", 'I paid USPS the tariffs and the supreme court said they were illegal.'); // true
 * asksPostalDutyRefund('will DHL refund the IEEPA duty I paid?');                                                   // false (a courier)
 */
export function asksPostalDutyRefund(question: string, story = ''): boolean {
  const whole = `${story} ${question}`;
  return MONEY_BACK_ASKED.test(question) && STRUCK_DOWN.test(whole) && BY_MAIL.test(whole);
}

/** How the question of the IEEPA duty back on a mailed parcel is asked of the knowledge base. */
export const POSTAL_REFUND_QUESTION = 'how do I get back the IEEPA tariffs I paid the post office on a package';

/** Goods of U.S. make, or one's own things: "American-made", "made in the USA", "my own stuff", HTS 9801. */
const OWN_OR_US_MADE = /\b(?:us-made|u\.s\.-made|american[- ]made|made in (?:the )?(?:us|usa|u\.s\.|america)|(?:my|our) own (?:stuff|things|goods|belongings|items)|9801)\b/i;
/** Coming back: "back", "returned", "coming home", "re-import". */
const COMING_BACK = /\b(?:back|return\w*|coming home|re-?import\w*)\b/i;
/** A seller's customers: their returns have a page of their own. */
const SELLERS_CUSTOMER = /\b(?:customers?|buyers?|clients?|shoppers?|sell|seller|store|shop)\b/i;

/**
 * Whether a question asks about duty on U.S.-made goods or one's own things coming back ("do i
 * gotta pay duty on my own stuff i mailed back from abroad"): the page on U.S. goods returned, not
 * the one on a seller's customer returns, unless a customer or a shop is in the message. 21 of the
 * 22 labelled messages with these words name it (the other asks it second).
 *
 * @example
 * asksAboutOwnGoodsBack('do i gotta pay duty on my own stuff i mailed back from abroad'); // true
 * asksAboutOwnGoodsBack('a customer in Canada sent my US-made bag back, do I pay duty?');  // false (a customer's return)
 */
export function asksAboutOwnGoodsBack(question: string, story = ''): boolean {
  const whole = `${story} ${question}`;
  return COMING_BACK.test(question) && OWN_OR_US_MADE.test(whole) && !SELLERS_CUSTOMER.test(whole);
}

/** How the question of U.S. goods coming back is asked of the knowledge base. */
export const OWN_GOODS_BACK_QUESTION = 'do I pay duty to bring back U.S.-made goods or my own things that went abroad';

/** Which goods customs catches most: "what kinds of fakes do they seize the most", "most seized". */
const SEIZED_MOST = /\b(?:what|which)\s+(?:kinds?|types?|sorts?|categor\w+|products?|items?|goods|brands?)\b[^.?!]{0,70}\b(?:seiz\w*|catch\w*|caught|grab\w*|stop\w*|confiscat\w*)\b[^.?!]{0,20}\bmost\b|\bmost\s+(?:commonly\s+)?(?:seized|confiscated|caught|counterfeited|faked)\b/i;

/**
 * Whether a question asks which fakes customs seizes most ("what kinds of fake stuff coming from
 * DHgate does customs end up seizing the most?"): the page on the most-seized goods. 15 of the 24
 * labelled messages with these words name it; the other nine ask it second, and only the
 * question sentence is read.
 *
 * @example
 * asksWhatIsSeizedMost('what kinds of fake goods does CBP seize the most'); // true
 * asksWhatIsSeizedMost('what happens to fake goods CBP seizes?');           // false
 */
export function asksWhatIsSeizedMost(question: string): boolean {
  return SEIZED_MOST.test(question);
}

/** How the question of the most-seized fakes is asked of the knowledge base. */
export const SEIZED_MOST_QUESTION = 'which fake products are seized most often by CBP';

/** The MPF asked about: "what is this MPF", "who gets the MPF money", "MPF means what". */
const ASKS_MPF = new RegExp(String.raw`\b(?:what|whats|what's|who|how much|why)\b[^.?!]{0,25}\b(?:${MPF_SAID})\b|\b(?:${MPF_SAID})\b[^.?!]{0,15}\b(?:mean|means|is what|stand for)\b`, 'i');

/** A question about a thing named before it: "what is that fee", "who gets that money", "what is it exactly". */
const ASKS_ABOUT_IT = /\b(?:what|whats|what's|who|how much)\b[^.?!]{0,30}\b(?:it|that|this)\b/i;
/** Another fee named in the question itself ("what is that brokerage fee?"). */
const OTHER_FEE_NAMED = /\b(?:brokerage|clearance|handling|advance\w*|disbursement|entry prep\w*|ancillary)\b/i;

/**
 * Whether a question asks what the MPF is, who gets it or how much it is ("what is this 'MPF'
 * line on my DHL invoice"): the MPF's page, not the one on who sets each charge, which a bill's
 * other lines pull to. 41 of the 46 labelled messages asking so name it; the others ask it second.
 *
 * @example
 * asksAboutMpf("what is this 'MPF' line on my DHL invoice, it's only $2.69"); // true
 * asksAboutMpf('What is that fee and who gets the money?', "My FedEx invoice lists a Merchandise Processing Fee of $2.69."); // true
 * asksAboutMpf('which lines of my bill are customs and which are the courier?'); // false
 */
export function asksAboutMpf(question: string, story = ''): boolean {
  if (ASKS_MPF.test(question)) return true;
  // "My bill has a line 'MPF $2.69'. What is that fee?": the MPF named before the question.
  return MPF_NAMED.test(story) && ASKS_ABOUT_IT.test(question) && !OTHER_FEE_NAMED.test(question);
}

/** How the MPF question is asked of the knowledge base. */
export const MPF_QUESTION = 'what is the merchandise processing fee (MPF) on my import bill, how much is it and who gets it';

/** How Entry Type 86 worked: "how did type 86 entries work back then", "T86 - how did it work". */
const HOW_TYPE_86_WORKED = /\b(?:type[- ]?86|t-?86)\b[^.?!]{0,40}\b(?:how (?:did|does|do) (?:it|they|that) (?:even |actually )?work|work(?:ed)? how|how it work\w*)|\bhow (?:did|were|was)\b[^.?!]{0,40}\b(?:type[- ]?86|t-?86)\b/i;

/**
 * Whether a question asks how Entry Type 86 worked ("T86 - how did it work pre Aug 25 and is ACE
 * still taking it?"): the page on its history, not the one on whether it is still accepted. 20 of
 * the 21 labelled messages asking so name it (the other asks it second).
 *
 * @example
 * asksHowType86Worked('T86 - how did it work pre Aug 25 and is ACE still taking it?'); // true
 * asksHowType86Worked('is type 86 still accepted?');                                   // false
 */
export function asksHowType86Worked(question: string): boolean {
  return HOW_TYPE_86_WORKED.test(question);
}

/** How the Type 86 question is asked of the knowledge base. */
export const TYPE_86_QUESTION = 'how did Type 86 entries work back then';

/**
 * A proposal about goods under trade actions, with nothing of the other January 2025 proposal (new
 * entry types) or of a second proposal in it: "jan 2025 proposed rule 301 goods de minimis".
 */
const TRADE_ACTIONS_PROPOSAL = /^(?=.*\b(?:propos\w*|nprm|rulemaking)\b)(?=.*(?:\btrade actions?\b|\b(?:section |sec\.? )?(?:301|232)\b))(?!.*\b(?:entry|entries|entering|type[- ]?86|basic|enhanced|both|two|other|second)\b)/i;

/**
 * Whether a message asks about the January 2025 proposal to take goods under trade actions
 * (Section 301, 232) out of de minimis, and not about the other proposal that month: all 7
 * labelled messages so put name that page. "Low-value shipments" are both proposals' subject, so
 * only the other one's own words (entries, Type 86) rule it out.
 *
 * @example
 * asksAboutTradeActionsProposal('jan 2025 proposed rule 301 goods de minimis');                                // true
 * asksAboutTradeActionsProposal('what were the two January 2025 proposals, the entry one and the 301 one?'); // false
 */
export function asksAboutTradeActionsProposal(text: string): boolean {
  return TRADE_ACTIONS_PROPOSAL.test(text);
}

/**
 * A seller asking to be the importer of record: "can we become the US importer of record
 * ourselves", "how do I act as IOR", "we'd like to be the importer of record". Not "do I have to"
 * (told to by DDP or a forwarder, often the DDP page's question) and not a definition.
 */
const TO_BE_IMPORTER = /\b(?:can|could|how|want|wants|like|would|wish|plan|planning|need|needs)\b[^.?!]{0,40}?\b(?:be|become|act as|serve as|register as)\s+(?:the\s+|an?\s+|our\s+own\s+|my\s+own\s+)?(?:us\s+|u\.s\.\s+|american\s+)?(?:importer of record|ior)\b/i;
/** "What does importer of record mean", DDP against DDU, records to keep: other pages' questions. */
const IMPORTER_ELSEWHERE = /\b(?:mean|means|meaning|ddu|dap|difference|versus|vs\.?|keep|records?\s+(?:do|should|must)|how long)\b/i;

/**
 * Whether a question asks how a seller (abroad) becomes the importer of record for its own
 * shipments: 22 of the 30 labelled messages that say so name that page; most of the rest ask it
 * second, after DDP against DDU or how long to keep records. Without this, "so the customer pays
 * nothing at the door" pulled such questions to the DDP page.
 *
 * @example
 * asksToBecomeImporterOfRecord('Can we become the US importer of record ourselves so the customer pays nothing at the door?'); // true
 * asksToBecomeImporterOfRecord("What's DDP vs DDU, and do I have to be the importer of record?");                              // false
 */
export function asksToBecomeImporterOfRecord(question: string): boolean {
  return TO_BE_IMPORTER.test(question) && !IMPORTER_ELSEWHERE.test(question);
}

/** How a seller's question about being the importer of record is asked of the knowledge base. */
export const BECOME_IMPORTER_QUESTION = 'what does a foreign company need to become the US importer of record';

/** How the trade-actions proposal is asked of the knowledge base. */
export const TRADE_ACTIONS_PROPOSAL_QUESTION = '2025 proposal to exclude tariffed goods from de minimis';

/**
 * A trip: "on vacation", "flying home", "back from Cancun", "in my suitcase", "can I bring back"
 * (not "will they bring back the $800 limit").
 */
const ON_A_TRIP = /\b(?:trip|vacation|holiday|travel\w*|flying|fly|coming (?:back|home)|got back|(?:back|home) from|cruise|suitcase|luggage|can (?:i|we|you) (?:\w+ )?bring (?:\w+ )?(?:back|home))\b/i;
/** How much may come free: "how much", "the limit", "allowance", "exemption", with duty or paying. */
const HOW_MUCH_FREE = /^(?=.*\b(?:how much|limit|allowance|exemption|what (?:can|may) (?:i|we) bring)\b)(?=.*(?:\b(?:duty|duties|tax|free)\b|\b(?:without|w\/o) pay\w*))/i;
/** Drinks and tobacco: the travellers' alcohol page answers those. */
const DRINK_OR_TOBACCO = /\b(?:alcohol|wine|wines|liquor|booze|beer|rum|tequila|whiske?y|vodka|spirits|bottles?|liters?|litres?|sake|soju|mezcal|gin|champagne|cigars?|cigarettes?|tobacco)\b/i;

/**
 * Whether a question asks how much a traveller may bring home free ("Heading home from Italy next
 * week. How much stuff can I bring back without paying?"), with no drink or tobacco named: the
 * travellers' exemption page, not the one on their alcohol. 13 of the 16 labelled messages with
 * these words name it.
 *
 * @example
 * asksTravellersAllowance('how much can i bring back without paying anything?', 'bringin stuff back from cancun next wk'); // true
 * asksTravellersAllowance('how many bottles of wine can I bring back duty free from my trip?');                          // false (a drink)
 */
export function asksTravellersAllowance(question: string, story = ''): boolean {
  const whole = `${story} ${question}`;
  return HOW_MUCH_FREE.test(question) && ON_A_TRIP.test(whole) && !DRINK_OR_TOBACCO.test(whole);
}

/**
 * What to declare on arriving, asked on its own ("what to declare at the airport", "do i still
 * fill out a paper customs declaration card on the plane"): a traveller's declaration, another
 * part of CBP's work. Four of the five labelled messages it matches are labelled so; the fifth
 * declares cash, which has its own page.
 */
const WHAT_TO_DECLARE_ON_ARRIVAL =
  /^\s*(?:what|do|does|should|must|have|how)\b[^.?!]{0,40}\bdeclar\w*\b[^.?!]{0,40}\b(?:airport|land|landing|fly|flying|flight|plane|coming home|cruise|border|customs form)\b/i;

/**
 * Whether a short message asks what a traveller declares on arrival, with no cash in it.
 *
 * @example
 * asksWhatToDeclareOnArrival('what do i declare at the airport coming home'); // true
 * asksWhatToDeclareOnArrival('do i have to declare 15k in cash on a flight home'); // false (cash)
 */
export function asksWhatToDeclareOnArrival(text: string): boolean {
  return text.length <= SHORT_MESSAGE && WHAT_TO_DECLARE_ON_ARRIVAL.test(text) && !CASH_WORDS.test(text);
}
/** A message short enough to be one question, with no story around it. */
const SHORT_MESSAGE = 100;

/**
 * A pet travelling with its owner ("flying home with my dog from europe, what do i need", "rules
 * for crossing the border with a pet bird"): another part of CBP's work. All 20 labelled messages
 * with a trip and a pet near each other are labelled so. Pet food, treats or toys ordered are goods.
 */
const PET = String.raw`(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|parrots?|birds?)`;
const TRIP = String.raw`(?:fly\w*|flew|flight|driv\w*|drove|road trip|cross\w* the border|vacation|trip|travel\w*|coming home|moving)`;
const PET_ON_A_TRIP = new RegExp(String.raw`\b${TRIP}\b[^.?!]{0,40}\b${PET}\b|\b${PET}\b[^.?!]{0,40}\b${TRIP}\b`, 'i');
const PET_GOODS = /\b(?:order\w*|ship\w*|mail\w*|parcels?|packages?|food|treats?|toys?|beds?|collars?|leash\w*|supplies)\b/i;

/**
 * Whether a message asks about a pet travelling with its owner.
 *
 * @example
 * asksAboutTravellingPet('flying home with my dog from europe what do i need'); // true
 * asksAboutTravellingPet('ordered dog treats from canada for our road trip');  // false (goods)
 */
export function asksAboutTravellingPet(text: string): boolean {
  return PET_ON_A_TRIP.test(text) && !PET_GOODS.test(text);
}

/**
 * A traveller's own medicine ("flying with prescription meds into the us", "do i need a doctor's
 * note for my pills at us customs"): another part of CBP's work. Medicine mailed, ordered or held
 * in a parcel is goods (the page on importing medicine answers that).
 */
const MEDICINE = /\b(?:medications?|medicines?|meds|pills|prescriptions?|insulin|inhalers?)\b/i;
const CARRIED_ON_A_TRIP =
  /\b(?:carry|carrying|bring|bringing|pack|packing|travel\w*|fl(?:y|ying|ew)|flights?|trip|luggage|suitcase|carry-?on|checked bags?|airport|on the way back|coming back|returning)\b|\bat (?:the )?(?:us |u\.s\. )?(?:customs|border)\b/i;
const MEDICINE_AS_GOODS = /\b(?:mail\w*|ship\w*|post(?:ed|ing|al)?|order\w*|parcels?|packages?|online|pharmac(?:y|ies)|held|seized|stuck|deliver\w*|sell\w*|seller|import\w*)\b/i;

/**
 * Whether a message asks about medicine a traveller carries.
 *
 * @example
 * asksAboutCarriedMedicine('bringing insulin through customs on my flight home'); // true
 * asksAboutCarriedMedicine('can my mom mail me my pills from Manila');            // false (mailed)
 */
export function asksAboutCarriedMedicine(text: string): boolean {
  return MEDICINE.test(text) && CARRIED_ON_A_TRIP.test(text) && !MEDICINE_AS_GOODS.test(text);
}

/**
 * A traveller's phone or laptop searched ("customs officers went through my phone at the airport",
 * "they took my laptop at the border"): another part of CBP's work. A phone ordered and seized is ours.
 */
const DEVICE_SEARCHED =
  /\b(?:went through|searched|search(?:ing)?|looked through|checked|(?:took|kept) (?:my|our|his|her) (?:phone|laptop|cell|iphone|tablet)s? at (?:the )?(?:border|airport))\b[^.?!]{0,12}\b(?:my|our|his|her)?\s*(?:phone|laptop|cell|iphone|tablet|devices?)s?\b|\b(?:took|kept) (?:my|our|his|her) (?:phone|laptop|cell|iphone|tablet)s? at (?:the )?(?:border|airport)\b/i;

/**
 * Whether a message tells of a traveller's phone or laptop searched or kept at the border.
 *
 * @example
 * asksAboutDeviceSearch('cbp officer searched my phone at airport');            // true
 * asksAboutDeviceSearch('customs seized the phone I ordered from shenzhen');    // false
 */
export function asksAboutDeviceSearch(text: string): boolean {
  return DEVICE_SEARCHED.test(text);
}

/**
 * Sales tax set beside duty in one sentence ("Is customs duty basically the same thing as sales
 * tax?", "do I pay sales tax on top of the duty?"): the page comparing them, not a pointer to the
 * VAT of the country the writer comes from. 52 of the 54 labelled messages with such a sentence
 * name it.
 */
const SALES_TAX_AND_DUTY = /\bsales tax\b[^.?!]{0,60}\b(?:duty|duties|customs|tariffs?)\b|\b(?:duty|duties|customs|tariffs?)\b[^.?!]{0,60}\bsales tax\b/i;

/**
 * Whether a message sets sales tax beside duty.
 *
 * @example
 * asksSalesTaxAgainstDuty('In my country we have VAT. In America the sales tax is same thing like customs duty?'); // true
 * asksSalesTaxAgainstDuty('what is the sales tax in california');                                              // false
 */
export function asksSalesTaxAgainstDuty(text: string): boolean {
  return SALES_TAX_AND_DUTY.test(text);
}

/** The Section 321 data pilot, by its names ("the 321 pilot", "that advance-data test CBP ran"). */
const DATA_PILOT = /\b(?:pilot|data test|advance[- ]data test)\b/i;
/** Asking, first, whether it still runs: "is it still going?", "is that program finished?", "did it end?". */
const STILL_RUNS_FIRST =
  /^(?!\s*(?:what|who|why|how|which|where)\b)[^?]*?\b(?:still (?:running|runing|going|goin|active|live|on|around|a thing)|over|ended|end|finish(?:ed)?|wound down|terminated|stopped|die[ds]?|shut down)\b/i;

/**
 * Whether a question asks first whether the Section 321 data pilot has ended ("is the 321 data
 * pilot still running? And how many companies took part?"); "what was it, and is it still
 * running?" asks first what it was. The pilot may be named in the story.
 *
 * @example
 * asksWhetherPilotEnded('Is that 321 data pilot thing still running? And how many companies were in it?'); // true
 * asksWhetherPilotEnded('What was the Section 321 data pilot for, and is it still running?');           // false
 */
export function asksWhetherPilotEnded(asked: string, story = ''): boolean {
  return DATA_PILOT.test(`${story} ${asked}`) && STILL_RUNS_FIRST.test(firstQuestionAsked(asked));
}

/** The first question of a sentence, after any preamble ("For a term paper: what was …?"). */
function firstQuestionAsked(asked: string): string {
  const first = asked.split('?')[0];
  return first.slice(first.lastIndexOf(':') + 1);
}

/** Asking, first, who took part: "how many companies were in it", "which firms joined", "was Amazon one of them". */
const WHO_TOOK_PART_FIRST =
  /^\s*(?:(?:roughly|approximately|about|exactly|so|and)\s+)?(?:(?:how many|which|what)\s+(?:\w+\s+)?(?:compan\w*|firms?|businesses|participants?|players?|carriers?|platforms?|members?)\b|who\b[^?]*\b(?:in it|part of it|took part|participated|joined|signed up)|(?:was|were)\b[^?]*\b(?:one of|part of|among)\b)/i;

/**
 * Whether a question asks first who or how many took part in the Section 321 data pilot ("how
 * many companies signed up for that 321 data pilot", "Was Amazon one of the companies in it?"):
 * all 22 labelled and probe messages so put name the participants' page, which the overview's
 * page outranked when the pilot's name filled the question.
 *
 * @example
 * asksWhoWasInPilot('how many companies signed up for that section 321 data pilot'); // true
 * asksWhoWasInPilot('What was the 321 data pilot, and which companies were in it?'); // false
 */
export function asksWhoWasInPilot(asked: string, story = ''): boolean {
  return DATA_PILOT.test(`${story} ${asked}`) && WHO_TOOK_PART_FIRST.test(firstQuestionAsked(asked));
}

/** How the data pilot's end is asked of the knowledge base (its page's own title). */
export const PILOT_ENDED_QUESTION = 'Has the Section 321 Data Pilot ended?';
/** How the question of who took part in the data pilot is asked of the knowledge base. */
export const PILOT_PARTICIPANTS_QUESTION = 'How many companies took part in the Section 321 Data Pilot?';

/** How the sales-tax question is asked of the knowledge base. */
export const SALES_TAX_QUESTION = 'is U.S. sales tax the same as customs duty, or do I pay both on an import';

/** How the travellers' allowance question is asked of the knowledge base. */
export const TRAVELLERS_ALLOWANCE_QUESTION = 'what is the personal exemption for travelers bringing goods back from a trip';

/** How the question of duty on mail reaching CBP is asked of the knowledge base. */
export const POSTAL_REMITTANCE_QUESTION = 'how do postal operators and qualified parties pay the duty on mail to CBP, and what bond do they need';

/** Asking a rate: "how much", "what's the rate", "what Section 232 rate", "what does 232 charge". */
const ASKS_RATE = /\b(?:how much|what(?:'s| is) the (?:rate|percentage)|what (?:(?:section|sec\.?) )?(?:232 )?(?:tariff |duty )?rate|what percent\w*|what does (?:(?:section|sec\.?) )?232 charge)\b/i;
/** The metals with a Section 232 tariff of their own. */
const METALS = /\b(?:steel|stainless|aluminum|aluminium|copper|metals?)\b/i;
/** Goods with Section 232 tariffs of their own page: cars and their parts, wood and furniture. */
const AUTOS_OR_WOOD = /\b(?:cars?|autos?|auto parts|car parts|trucks?|vehicles?|wood|lumber|timber|furniture|cabinets?)\b/i;

/**
 * Whether a question asks the tariff rate on metal goods ("what does Section 232 charge on our
 * stainless saucepans now?"): the metals page, not the one on whether those tariffs reach small
 * parcels. 21 of the 26 labelled messages with a rate asked and a metal named name it; the other
 * five ask it second (only the question sentence is read here) or name cars or furniture.
 *
 * @example
 * asksMetalsRate('how much is the steel tariff rn');              // true
 * asksMetalsRate('232 steel rate and car parts too');             // false (cars have their own page)
 * asksMetalsRate('do the steel tariffs hit small parcels?');      // false (no rate asked)
 */
export function asksMetalsRate(question: string, story = ''): boolean {
  return ASKS_RATE.test(question) && METALS.test(`${story} ${question}`) && !AUTOS_OR_WOOD.test(question);
}

/**
 * The $800 limit asked about as the subject: "is de minimis still a thing?", "is the free limit
 * gone?", "did something change with the $800 limit?" (not "with de minimis gone, do 232 duties
 * hit parcels?", nor "since it is under $800, does it still clear free?").
 */
const LIMIT_CHANGED =
  /\b(?:is|was|has|have|did|does)\b[^.?!,]{0,30}\b(?:800|free limit|duty[- ]free (?:limit|deal|thing)|de minim[iu]s)\b[^.?!,]{0,30}\b(?:changed?|gone|over|dead|ended|still (?:a thing|there|around|available|alive|exi?s?ts?|exsists?|on|valid|in effect|a limit))\b|\b(?:change[ds]?|gone)\b[^.?!]{0,20}\b(?:with|to) (?:the )?(?:\$?800|free limit)\b|^\s*(?:(?:so|ok|okay|ngl|yo|wait|lol|hey)\s+)*(?:the\s+)?(?:\$?800|de minim[iu]s)(?:\s+(?:dollar|duty[- ]free))?(?:\s+(?:thing|rule|limit|exemption))?\s+(?:is\s+)?(?:really\s+|actually\s+|already\s+)?(?:dead|gone|over|ended|finished|still (?:a thing|there|around|available|alive|exi?s?ts?|exsists?|on|valid|in effect))\b/i;
/**
 * What makes it another page's question: for good or coming back (the 2027 end, the courts),
 * Canada or Mexico, travellers, the history of the limit, China or the platforms, stock in a
 * warehouse, gifts, mail, the rules' wording, splitting orders, other agencies.
 */
const LIMIT_ELSEWHERE =
  /\bhow (?:has|have|did|was)\b|\bsince (?:19|20)\d\d\b|\b(?:permanent\w*|forever|for good|2027|come back|coming back|return\w*|courts?|scotus|ieepa|lawsuits?|sue|sued|suing|canada|canadian|mexic\w*|travel\w*|trip|vacation|suitcase|200|history|(?:over|through) the years|over time|always|(?:went|go|gone|going) up|raised|china|chinese|hong kong|temu|shein|warehouse|3pl|fba|gifts?|mail|postal|usps|post|proposal|rules?|law|legal|mean|means|latin|june|split\w*|fda|same day|back in the day)\b/i;

/**
 * Whether a question asks if the $800 limit still stands ("used to order from japan all the time
 * and never paid extra, did something change with the $800 limit?"): the page on its suspension,
 * not the one on why a small order was charged. All 32 labelled messages with such a question
 * and none of {@link LIMIT_ELSEWHERE}'s words name it (a first, looser pattern, 76 of 80, also
 * caught "with de minimis gone, do 232 duties hit parcels?" in the probe sets).
 *
 * @example
 * asksWhetherLimitStillStands('did something change with the $800 limit?');        // true
 * asksWhetherLimitStillStands('is de minimis gone for good or coming back in 2027?'); // false (the end by law)
 * asksWhetherLimitStillStands('why was I charged duty on a $20 order?');              // false
 */
export function asksWhetherLimitStillStands(question: string, story = ''): boolean {
  return LIMIT_CHANGED.test(question) && !LIMIT_ELSEWHERE.test(`${story} ${question}`);
}

/** How the question of the limit's status is asked of the knowledge base. */
export const LIMIT_STATUS_QUESTION = 'is the $800 de minimis duty-free limit still available or is it gone';

/** How the metals question is asked of the knowledge base. */
export const METALS_RATE_QUESTION = 'what is the Section 232 tariff rate on steel, aluminum and copper goods now';

/** How the cash question is asked of the knowledge base. */
export const CASH_QUESTION = 'do I have to report carrying or mailing more than $10,000 in cash';

/** Foods, plants and seeds in everyday words (the WordNet list names the rarer ones: see `KnowledgeBase.foodPlantOrAnimal`). */
const FOOD_WORDS = /\b(?:food|foods|snacks?|candy|candies|sweets|spices?|seasonings?|seeds?|plants?|bulbs?|cuttings|fish|meat|jerky|cheese|fruits?|vegetables?|tea|matcha|coffee|honey|herbs?|nuts)\b/i;
/** Goods that come by post or courier: mailed, sent, shipped, ordered. */
const COMES_BY_POST = /\b(?:mail\w*|send\w*|sent|ship\w*|post(?:ed|ing)?|order\w*|get|getting|import\w*)\b/i;
/**
 * Asking whether it may come in: "allowed", "will customs toss them", "is that gonna get blocked".
 * "Where can I get a flu shot" asks where to find something, not whether it may come.
 */
const MAY_IT_COME = /\b(?:allowed|alowed|ok|okay|legal|illegal|block(?:ed)?|toss\w*|bounce\w*|stopp?ed|seiz\w*|confiscat\w*|get through|make it|trouble)\b|(?<!\bwhere\s+)\bcan\s+(?:i|we|they|she|he|my\s+\S+)\s+(?:\S+\s+)?(?:mail|send|ship|post|order|get|import)\b/i;

/**
 * Whether a message asks if food, plants or seeds may come by post or courier ("my tía is sending
 * homemade tamales, will customs toss them or nah"); `named` asks the knowledge base for a
 * food, plant or animal the everyday words miss (called last: it analyses the whole text).
 *
 * @example
 * asksWhetherFoodMayCome('tryna get a tin of matcha from kyoto, is that gonna get blocked');   // true
 * asksWhetherFoodMayCome('my tia is sending tamales, will customs toss them', () => true);    // true
 * asksWhetherFoodMayCome('is the duty on a $40 sweater legal?');                              // false
 */
export function asksWhetherFoodMayCome(text: string, named: () => boolean = () => false): boolean {
  return COMES_BY_POST.test(text) && MAY_IT_COME.test(text) && (FOOD_WORDS.test(text) || named());
}

/** Seeds and plants: never a fake's or a fine's question, whatever else the words suggest. */
const SEEDS_OR_PLANTS = /\b(?:seeds?|plants?|bulbs?|cuttings|saplings?|soil)\b/i;
/** Carried by a traveller ("brought a potted plant in my luggage"): the declaration at the border, another CBP matter. */
const CARRIED_BY_TRAVELLER = /\b(?:luggage|suitcases?|carry[- ]?on|checked bags?|carry(?:ing)?|brought|bring(?:ing)? (?:back|home)|fl(?:y|ying|ew|ights?)|trip|vacation)\b/i;
/** Fakes named: then "get in trouble" may be about a counterfeit after all. */
const FAKES_NAMED = /\b(?:fakes?|counterfeits?|knock-?offs?|replicas?)\b/i;

/**
 * Whether a message asks if seeds or plants may come in ("lowkey wanna order pepper seeds from a
 * dude in Thailand, is that gonna get me in trouble"), however confidently another page reads it
 * (the fines for fakes, on "get in trouble"): 26 of the 27 labelled messages like this name the
 * food, plants and seeds page; the other is a traveller's, carried in the luggage (left out).
 *
 * @example
 * asksWhetherPlantsMayCome('bought rare pepper seeds off a guy in thailand, am i gonna get in trouble'); // true
 * asksWhetherPlantsMayCome('will I get in trouble for a fake Rolex?');                                  // false
 */
export function asksWhetherPlantsMayCome(text: string): boolean {
  return SEEDS_OR_PLANTS.test(text) && MAY_IT_COME.test(text) && !FAKES_NAMED.test(text) && !CARRIED_BY_TRAVELLER.test(text);
}

/**
 * The origin shown on the goods themselves: a "Made in …" label, tag or stamp, a country label,
 * or goods that must "say where they were made" (not the country named on a courier's bill).
 */
const ORIGIN_MARK =
  /\bmade[- ]in\b[^.?!]{0,25}\b(?:on (?:it|them|each|every|the (?:items?|products?|goods)|our|my)|sewn|stamp\w*|print\w*|label\w*|tags?|sticker\w*|engrav\w*)\b|\b(?:sew|stamp|print|label|tag|mark|engrav|put|write|writ)\w*\s+['"’“]?made in\b|\bcountry(?: of origin)?[- ](?:label|marking|mark|tag|stamp|sticker)s?\b|\borigin (?:label|marking|mark|tag|stamp|sticker)s?\b|\b(?:say|show|state|mark)s? where (?:it|they|each \w+) (?:was|were|are|is) made\b/i;
/** Goods worked on or repacked in another country ("repack Chinese products in Vietnam and label them"): where they come from, not the label's form. */
const ORIGIN_CHANGED = /\b(?:re-?pack\w*|re-?label\w*|re-?box\w*|trans-?ship\w*|assembl\w*|instead of)\b/i;
/** Asking what the marking must be: needed, required, enough, allowed. */
const MARKING_NEEDED = /\b(?:need|needs|needed|require[sd]?|have to|has to|must|enough|suffice|ok|okay|fine|legal|allowed|how)\b/i;
/** Duty or its rate asked: the country of origin's duty, whatever the label says. */
const ORIGIN_DUTY_ASKED = /\b(?:dut(?:y|ies)|tariffs?|rates?|pay|paid|charge[sd]?|owe)\b/i;

/**
 * Whether a question asks how goods must show where they were made ("do they each need 'Made in
 * Turkey' sewn in?", "our jars have no country label, do they need one?"): the marking page, not
 * the one on which country's duty applies. 52 of the 62 labelled messages with such words name
 * it; the others ask it second, after another question, or ask which duty the label decides.
 *
 * @example
 * asksAboutOriginMarking("Do our towels each need 'Made in Turkey' sewn in?");        // true
 * asksAboutOriginMarking('do they need one for the US', 'our jars have no country label.'); // true
 * asksAboutOriginMarking('it has a made in vietnam tag, which country's duty applies'); // false
 */
export function asksAboutOriginMarking(question: string, story = ''): boolean {
  if (ORIGIN_DUTY_ASKED.test(question) || ORIGIN_CHANGED.test(`${story} ${question}`)) return false;
  return ORIGIN_MARK.test(question) || (ORIGIN_MARK.test(story) && MARKING_NEEDED.test(question));
}

/** How the marking question is asked of the knowledge base. */
export const ORIGIN_MARKING_QUESTION = 'does each product need a Made in country of origin label marked on it';

/** Temu or Shein named: the platforms whose parcels the tariff news is most often about. */
const TEMU_OR_SHEIN = /\b(?:temu|shein)\b/i;
/** A charge or a price in any words: duty, tariffs, customs, fees, extra, cost, prices. */
const CHARGE_OR_PRICE = /\b(?:dut(?:y|ies)|tariffs?|extra|customs|fees?|charges?|costs?|pricier|prices?)\b/i;

/**
 * Whether a message names Temu or Shein with a charge or a price ("temu stuff gonna cost me extra
 * now or nah?", "shein duties included?"). Of the 191 labelled messages like this, none is out of
 * scope (154 name the page on the platforms' duties): so one judged out of scope is read again
 * in that page's frame.
 *
 * @example
 * asksAboutPlatformCharges('temu still dirt cheap after all the tariff drama or nah'); // true
 * asksAboutPlatformCharges('is temu legit or a scam');                                  // false
 */
export function asksAboutPlatformCharges(text: string): boolean {
  return TEMU_OR_SHEIN.test(text) && CHARGE_OR_PRICE.test(text);
}

/** How the question of the platforms' charges is asked of the knowledge base. */
export const PLATFORM_CHARGES_QUESTION = 'do Temu and Shein orders pay duty and tariffs now, are they included in the price';

/** Canada or Mexico named, as where goods come from. */
const CANADA_OR_MEXICO_WORDS = String.raw`canad\w*|mexic\w*`;
const CANADA_OR_MEXICO = new RegExp(String.raw`\b(?:${CANADA_OR_MEXICO_WORDS})\b`, 'i');
/** Free of duty in any words: duty free, de minimis, the $800, an exemption. */
const FREE_ENTRY = /\b(?:duty[- ]free|tariff[- ]free|tax[- ]free|free|de minimis|800|exemption)\b/i;
/** Whether that has lasted or ended: still, anymore, since when, changed, lost, kept, used to. */
const LASTED_OR_ENDED = /\b(?:still|anymore|any more|too|since when|chang\w*|lose|lost|over|gone|keep|kept|longer|used to|before|ended?)\b/i;
/**
 * What makes it another page's question: USMCA and origin (the trade agreement's pages), the
 * post and gifts (the postal and gift pages), stock in a U.S. warehouse, a traveller's allowance.
 */
const NOT_CANADA_MEXICO_ORDERS =
  /\b(?:usmca|cusma|certif\w*|qualif\w*|trade (?:agreement|deal)|rules of origin|made in|canada post|post|mail\w*|gifts?|presents?|birthday|christmas|3pl|warehouse|fba|per day|allowance|personal|souvenirs?|coming back|travel\w*|trip|vacation|suitcase|luggage|fl(?:y|ying|ew|ights?)|driv(?:e|ing)|cross(?:ing)? the border)\b/i;

/**
 * Whether a question asks if orders from Canada or Mexico still come in free ("canada stuff still
 * tariff free or nah?", "did Mexican goods lose de minimis too, or just China?"): the page on their
 * end in 2025, not the ones on USMCA or on China. 23 of the 34 labelled messages with such words
 * name it; most of the rest ask it second, and only the part that asks it is read here.
 *
 * @example
 * asksWhetherCanadaMexicoStillFree('canada stuff still tariff free or nah?');                 // true
 * asksWhetherCanadaMexicoStillFree('do my goods still qualify under USMCA for duty-free entry?'); // false
 */
export function asksWhetherCanadaMexicoStillFree(question: string): boolean {
  // "could cigars from Mexico go under section 321?" asks about the drink and tobacco carve-out;
  // "canada mexico tariffs now, de minimis gone?" asks the tariffs too (their own page).
  return CANADA_OR_MEXICO.test(question) && FREE_ENTRY.test(question) && LASTED_OR_ENDED.test(question) && !NOT_CANADA_MEXICO_ORDERS.test(question) && !DRINK_OR_TOBACCO.test(question) && !TARIFFS_ASKED.test(question);
}

/** Tariffs named other than as "tariff-free": the tariffs on those goods are asked about too. */
const TARIFFS_ASKED = /\btariffs?\b(?![- ]free)/i;

/** How the question of Canada's and Mexico's de minimis is asked of the knowledge base. */
export const CANADA_MEXICO_ORDERS_QUESTION = 'when did Canada and Mexico lose de minimis';

/** The emergency (IEEPA) tariffs by any of their names. */
const EMERGENCY_TARIFFS = /\b(?:ieepa|emergency|emergancy|reciprocal|fentanyl|liberation day)\b/i;
/** Whether they stand: still charged, over, ended (the court's ruling is often asked for what it did to de minimis). */
const STILL_OR_ENDED = /\b(?:still|over|ended?|gone)\b/i;
/**
 * What makes it another page's question: money back (the refund pages), de minimis or the post,
 * Canada and Mexico, the other tariff programmes, tariffs to come.
 */
const NOT_EMERGENCY_STATUS =
  /\b(?:refund\w*|money|back|cape|claim\w*|reimburs\w*|de minimis|800|mail|post|usps|postal|canad\w*|mexic\w*|301|122|232|10 ?%|ten percent|surcharge|replac\w*|coming|next|new|low[- ]value|packages?|parcels?|exemption|duty[- ]free)\b/i;

/**
 * Whether a question asks if the emergency (IEEPA) tariffs still stand ("are the emergancy
 * tariffs still happening? my moms shop paid them last year"): the page on their end, not the
 * refund pages. 36 of the 42 labelled messages with such words name it; the others ask it second.
 *
 * @example
 * asksWhetherEmergencyTariffsStand('are the emergancy tariffs still happening');         // true
 * asksWhetherEmergencyTariffsStand('can I get the emergency tariffs back now?');          // false (a refund)
 */
export function asksWhetherEmergencyTariffsStand(question: string, story = ''): boolean {
  const sentence = question.split(/(?<=[.?!])\s+/).find((s) => EMERGENCY_TARIFFS.test(s) && STILL_OR_ENDED.test(s));
  return sentence !== undefined && !NOT_EMERGENCY_STATUS.test(`${story} ${question}`);
}

/** How the question of the emergency tariffs' status is asked of the knowledge base. */
export const EMERGENCY_TARIFFS_QUESTION = 'are the IEEPA emergency tariffs still being collected or did they end';

/** Canada or Mexico, or a place there that sellers often name. */
const CANADA_OR_MEXICO_PLACE = new RegExp(String.raw`\b(?:${CANADA_OR_MEXICO_WORDS}|ontario|quebec|toronto|montreal|vancouver|calgary|winnipeg|le[oó]n|guadalajara|monterrey|oaxaca|puebla|tijuana|jalisco)\b`, 'i');
/** The tariffs paid on goods: "what tariffs do my customers pay", "are they hit with tariffs". */
const TARIFFS_PAID = /\btariffs?\b/i;
const PAID_OR_FACED = /\b(?:pay|paying|paid|hit|charged|face|facing|owe|getting)\b/i;
/**
 * What makes it another page's question: de minimis and gifts, the post, returns, claiming the
 * trade agreement, the agreement's review, the metals, wood and car tariffs, the emergency tariffs
 * and the platforms.
 */
const NOT_CANADA_MEXICO_TARIFFS =
  /\b(?:de minimis|800|duty[- ]free|free|exemption|post|mail\w*|gifts?|presents?|birthday|refund\w*|back|certif\w*|claim\w*|warehouse|ships? from|made in china|chinese|steel|alumin\w*|metals?|232|emergency|fentanyl|reciprocal|ieepa|cancel\w*|review|scrap\w*|going away|furniture|cabinets?|vanit\w*|wood\w*|lumber|autos?|car parts|temu|shein)\b/i;

/**
 * Whether a question asks what tariffs goods from Canada or Mexico pay now ("canadian maker, do
 * my customers in the states pay tariffs if my stuff is made in canada"): the page on the
 * tariffs on those countries' goods. 29 of the 39 labelled messages with such words name it; the
 * others ask about the trade agreement's review, a claim under it or a return, left out here.
 *
 * @example
 * asksCanadaMexicoTariffNow('I make leather boots in Leon, Mexico. What tariffs do my American customers pay on them now?'); // true
 * asksCanadaMexicoTariffNow('Is USMCA going away after the review? And what tariffs do Canadian goods pay?');                // false
 */
export function asksCanadaMexicoTariffNow(question: string, story = ''): boolean {
  const whole = `${story} ${question}`;
  return CANADA_OR_MEXICO_PLACE.test(whole) && TARIFFS_PAID.test(question) && PAID_OR_FACED.test(question) && !NOT_CANADA_MEXICO_TARIFFS.test(whole);
}

/** How the question of the tariffs on Canadian and Mexican goods is asked of the knowledge base. */
export const CANADA_MEXICO_TARIFFS_QUESTION = 'what tariffs apply to Canadian and Mexican goods right now';

/** What goes on each parcel's paperwork: "what details does US customs want on each parcel", "what do I put on the customs forms". */
const WHAT_GOES_ON_PARCEL =
  /\bwhat\b[^.?!]{0,40}\b(?:info\w*|details?|data|put|write|include|fill)\b[^.?!]{0,50}\b(?:customs (?:paperwork|forms?|declarations?|labels?|docs|documents)|cn ?22|cn ?23|(?:each|every) (?:parcel|package|order|shipment|box)|(?:us|u\.s\.|american) (?:parcels?|packages?|orders?|shipments?))\b/i;
/**
 * What makes it another page's question: the post (the postal entry's data), a gift or its
 * description, the tariff code, the value, the origin's marking, a traveller's declaration.
 */
const NOT_PARCEL_DATA =
  /\b(?:post|postal|mail\w*|usps|gifts?|presents?|birthday|counts|descri\w*|vague|parts|garments|hts|tariff (?:codes?|numbers?)|10-digit|value|worth|price|made in|origin|label(?:l)?ed|airport|travel\w*)\b/i;

/**
 * Whether a seller asks what the paperwork of each parcel must say ("German seller on eBay: what
 * exactly do I need to put on the customs paperwork for US parcels these days?"): the page on the
 * data each e-commerce shipment carries. All 21 labelled messages with such words and none of
 * {@link NOT_PARCEL_DATA}'s name it.
 *
 * @example
 * asksWhatGoesOnParcel('what exactly do I need to put on the customs paperwork for US parcels these days?'); // true
 * asksWhatGoesOnParcel('what do I write on the customs form so it counts as a gift?');                       // false
 */
export function asksWhatGoesOnParcel(question: string, story = ''): boolean {
  return WHAT_GOES_ON_PARCEL.test(question) && !NOT_PARCEL_DATA.test(`${story} ${question}`);
}

/** How the question of each parcel's data is asked of the knowledge base. */
export const PARCEL_DATA_QUESTION = 'what data does CBP need on each ecommerce parcel';

/** The post named as the way goods come, or asked how it charges: "regular mail", "how does the post office charge". */
const BY_ORDINARY_POST =
  /\b(?:regular|normal|ordinary|plain) (?:mail|post|postal)\b|\bhow (?:does|do|will|is|are)\b[^.?!]{0,20}\b(?:post office|mail|post|usps|postal)\b[^.?!]{0,20}\b(?:charg\w*|collect\w*|tax\w*|handl\w*)\b/i;
/** As things stand now, or since a change: "now", "these days", "since when", "never used to". */
const NOW_OR_SINCE = /\b(?:now|these days|anymore|rn|since when|never|used to|still)\b/i;
/**
 * What makes it another page's question: who pays, refunds, China's rates, the flat per-item
 * and percentage methods of 2025, the past (a year before 2026), a gift, food or drink.
 */
const NOT_MAIL_NOW = /\b(?:who|whom|refund\w*|back|china|chinese|hong kong|flat|per[- ]item|percent\w*|before|19\d\d|20(?:[01]\d|2[0-5])|food|wine|alcohol|gifts?|presents?)\b|%/i;

/**
 * Whether a question asks how duty is charged on ordinary mail now ("USPS left a notice saying
 * duty is owed on a parcel from Japan Post. Since when does regular mail charge duty?"): the page
 * on postal duty today. All 23 labelled messages with such words and none of
 * {@link NOT_MAIL_NOW}'s name it.
 *
 * @example
 * asksHowMailIsChargedNow('Since when does regular mail charge duty?');                   // true
 * asksHowMailIsChargedNow('who pays the duty on regular mail now, me or the post office?'); // false
 */
export function asksHowMailIsChargedNow(text: string): boolean {
  return BY_ORDINARY_POST.test(text) && NOW_OR_SINCE.test(text) && !NOT_MAIL_NOW.test(text);
}

/** How the question of postal duty today is asked of the knowledge base. */
export const MAIL_NOW_QUESTION = 'how is duty charged on packages sent by regular post now';

/** Mail or the post named. */
const MAIL_SAID = /\b(?:mail\w*|post\w*|mailbox|mailman|usps)\b/i;
/** Back then: "before", "back then", "in the old days", "years ago", a year before 2025. */
const BACK_THEN = /\b(?:before|back then|old days|used to|in (?:19|20)[01]\d|in 202[0-4]|years ago|back in)\b/i;
/** Asking how it went: "how did …", "how was …", "how come …". */
const HOW_IT_WENT = /\bhow (?:did|was|were|come)\b/i;
/**
 * What makes it another page's question: the rates and methods of 2025 and 2026, the limit's
 * history, China, the postal entry of today.
 */
const NOT_MAIL_BEFORE = /\b(?:percent\w*|rate|flat|per[- ]item|2025|2026|after|since|limit|threshold|cutoff|over the years|climb\w*|china|chinese|informal|entry)\b|%/i;

/**
 * Whether a question asks how mail came in before the suspension ("Been collecting vinyl for 20
 * years. In the old days, how did records bought from Europe come in by post?"): the page on mail
 * before 2025. 17 of the 19 labelled messages with such words name it; the other two ask it
 * second.
 *
 * @example
 * asksHowMailWorkedBefore('remember when stuff just showed up in the mailbox, no bill? how did that even work before all this');  // true
 * asksHowMailWorkedBefore('how did the percentage on mail work after August 2025?');                                             // false
 */
export function asksHowMailWorkedBefore(text: string): boolean {
  return MAIL_SAID.test(text) && BACK_THEN.test(text) && HOW_IT_WENT.test(text) && !NOT_MAIL_BEFORE.test(text);
}

/** How the question of mail before the suspension is asked of the knowledge base. */
export const MAIL_BEFORE_QUESTION = 'how were postal packages handled before the suspension';

/** Used goods asked about as a kind ("does secondhand stuff still get hit?", "something used"): also no verdict's (shipment.ts). */
export const USED_GOODS_AS_A_KIND = String.raw`(?:second[- ]?hand|used|pre-?owned) (?:stuff|things|items|goods)|something (?:used|second[- ]?hand|pre-?owned)`;
const USED_GOODS_ASKED = new RegExp(String.raw`\b(?:${USED_GOODS_AS_A_KIND})\b`, 'i');

/**
 * Whether a question asks about used goods as a kind ("It's used, about 15 years old. Does
 * something used still get charged duty?"): the used-goods page, whatever the sum or the goods.
 * All 38 labelled messages with such words name it.
 *
 * @example
 * asksAboutUsedGoods('does secondhand stuff still get hit with duty?'); // true
 * asksAboutUsedGoods('bought a used camera for $450, do I owe duty?');  // false (a verdict)
 */
export function asksAboutUsedGoods(text: string): boolean {
  return USED_GOODS_ASKED.test(text);
}

/** How the used-goods question is asked of the knowledge base. */
export const USED_GOODS_QUESTION = 'do used or secondhand goods still owe duty';

/** How the question whether food may come by post is asked of the knowledge base. */
export const FOOD_BY_POST_QUESTION = 'can a relative abroad mail me food, plants or seeds, is that allowed';

/** How the seized-goods question is asked of the knowledge base. */
export const SEIZED_GOODS_QUESTION = 'what happens to counterfeit goods CBP seized, will I get them back';

/** How the "whose charge" question is asked of the knowledge base: by post, or by a carrier. */
export const WHOSE_CHARGE_QUESTIONS = {
  carrier: 'who decides each charge on my import bill, the government or the carrier',
  post: 'who pays the duty on goods sent by post, and why does the post office bill me',
} as const;
