/**
 * Parcels that never cross a border. "Is Canada Post on strike, are parcels within Ontario
 * moving?" or "anyone switched to Chit Chats for domestic shipping?" share words with the
 * postal documents (post, parcel, shipping) but ask nothing about goods entering the United
 * States: the honest reply says what the assistant covers and who to ask instead, rather than
 * offering postal-duty pages.
 */

/** Words that say the goods stay in one country. */
const ONE_COUNTRY =
  /\b(?:domestic(?:ally)?|in-country|(?:within|inside|across)\s+(?:the\s+)?(?:us|u\.s\.a?\.?|usa|united states|states|lower 48|same (?:country|state|province)|country|my (?:state|province|city|town)))(?![\p{L}])/iu;
/** "parcels within Ontario are moving": a named place after within/inside, then a verb of moving. */
const WITHIN_A_PLACE = /\b(?:[Ww]ithin|[Ii]nside)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:are|is|moving|delivered|arriv\w*|ship\w*|still)\b/u;
/** Words of crossing a border or of customs: with any of them the message is ours. */
const CROSSING =
  /\b(?:customs?|dut(?:y|ies|iable)|tariffs?|import\w*|de minimis|section 321|abroad|overseas|international(?:ly)?|foreign|cross[- ]border|border|cbp|vat|gst|brokerage|broker)\b/i;

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
  return (ONE_COUNTRY.test(text) || WITHIN_A_PLACE.test(text)) && !CROSSING.test(text);
}

/**
 * Setting up a shop or choosing a platform ("Shopify or Etsy — which is better for starting an
 * online store?"): business advice. The marketplace names pull such questions to the page on
 * marketplaces' duty policies, which does not answer them.
 */
const SHOP_ADVICE =
  /\b(?:(?:start|starting|open|opening|set up|setting up|launch|launching|build|building)\s+(?:an?\s+|my\s+|our\s+)?(?:own\s+)?(?:online\s+|etsy\s+|shopify\s+|ebay\s+|amazon\s+)?(?:store|shop|business))\b/i;

/**
 * Whether a message asks for advice on running a shop, with no word of customs or of crossing a
 * border. (The caller also checks that it names no other country: a shop abroad selling into
 * the United States is ours.)
 *
 * @example
 * asksForShopAdvice('Shopify or Etsy — which is better for starting an online store selling phone cases?'); // true
 * asksForShopAdvice('I am starting an Etsy shop, will my American buyers pay duty?');                      // false
 */
export function asksForShopAdvice(text: string): boolean {
  return SHOP_ADVICE.test(text) && !CROSSING.test(text);
}
