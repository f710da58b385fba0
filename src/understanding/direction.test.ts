/**
 * Which way the goods go (direction.ts). A UK buyer asking about VAT on an order from an
 * American shop asks about the UK's customs, not ours: the bot points to HMRC. A U.S. buyer
 * ordering from the UK, or from a Chinese seller on Amazon.com, asks about U.S. customs and
 * must not be sent abroad.
 */
import { asksAboutAnotherCountry, countryGoodsGoTo, countryOfReceiverAbroad, namesChargeAbroad } from './direction';

describe('asksAboutAnotherCountry: goods going into another country', () => {
  it.each([
    "I'm in the UK and ordered from a US shop. Royal Mail wants VAT. Why?",
    "I'm in the UK and ordered a hoodie from a US shop, will I pay duty?",
    'We live in Australia and bought a dress from an American store',
    'Canadian here, ordered from Amazon.com and got a bill for GST and a brokerage fee from Canada Post.',
    'whats the duty free limit for canadians ordering from the US these days',
    'how much duty will i pay in the uk on sneakers from a US store',
    'I live in Canada and ordered a jacket from the US',
    "I'm a Brit and I order from Etsy sellers all the time, what do I pay when it lands?",
    'As an Aussie I buy loads from eBay, what will it cost me on arrival?',
  ])('a buyer abroad ordering from the U.S.: %s', (text) => expect(asksAboutAnotherCountry(text)).toBe(true));

  it('the receiver taxed "on his end in germany" is the other country\'s charge; a seller paying "on their end" is not (session 22)', () => {
    expect(asksAboutAnotherCountry('sending my bro in berlin a pair of boots for his bday, is he gonna get taxed on his end in germany')).toBe(true);
    expect(asksAboutAnotherCountry('Shein says they pay the duty on their end, is that true?')).toBe(false);
  });

  it.each(['Do I pay VAT on a parcel?', 'do I pay GST on this', 'will hmrc charge me', 'Is the HST charged on top of the duty?', 'what does CBSA charge on a small parcel'])(
    'taxes and agencies that exist only abroad: %s',
    (text) => expect(asksAboutAnotherCountry(text)).toBe(true),
  );

  it.each(['will canada charge duty on the stuff i send my mom in toronto', 'does the UK charge import tax on gifts from the US', 'how does British customs duty work for my US buyers', 'if i mail my cousin in toronto a hoodie does she get hit with canadian tax'])(
    'another country named as the one that charges: %s',
    (text) => expect(asksAboutAnotherCountry(text)).toBe(true),
  );

  it.each(['If a US customer sends an order back to me here in Taiwan, will I pay import tax on the return?', 'when a buyer returns it to my shop in Lyon, do I have to pay duty there?'])(
    'a seller abroad asking what a return costs them there: %s',
    (text) => expect(asksAboutAnotherCountry(text)).toBe(true),
  );

  it('"canadian duty on amazon.com order"', () => {
    expect(asksAboutAnotherCountry('canadian duty on amazon.com order')).toBe(true);
  });
});

describe("asksAboutAnotherCountry: a country's own customs named (session 25)", () => {
  it.each(["what are australia's customs rules on food I send my aunt?", "japan's import tax on a parcel I mail my friend", 'customs rules in germany for a gift box'])('%s', (text) => expect(asksAboutAnotherCountry(text)).toBe(true));
  it.each(['tipping customs in japan for a trip', "what are the US customs rules on food from australia?"])('not: %s', (text) => expect(asksAboutAnotherCountry(text)).toBe(false));
});

describe('asksAboutAnotherCountry: goods leaving the United States, said with places or the country charging (session 26)', () => {
  it.each([
    'my cousin shipped me a laptop from Houston to Lagos, the customs at the airport want big money',
    'my son in Chicago sent me an iPhone to Delhi, how much customs duty India will charge on it?',
    'Italian dogana stopping my package from USA, they ask me to pay IVA, why?',
  ])('%s', (text) => expect(asksAboutAnotherCountry(text)).toBe(true));
  it.each([
    'Canada Post will charge me duty on my orders to the US?',
    'I shipped prints from Ohio to Toronto for a show and they are sending them back, do I pay duty?',
    'can a customer return a gift from us to our shop',
    'do I pay duty on an order from the UK to New York',
    'will the seller charge me the duty',
    'How much would FedEx charge to ship a 5 lb box from Brooklyn to London, roughly?',
  ])('not: %s', (text) => expect(asksAboutAnotherCountry(text)).toBe(false));
});

describe('countryGoodsGoTo: the country goods leaving the United States go to (session 26)', () => {
  it.each([
    ['how much customs duty to send a 10 kilo box from Houston to Manila', 'PH'],
    ['how much customs duty India will charge on it', 'IN'],
    ['shipped from New York to my aunt in Toronto', 'CA'],
    ['ordering boots from a US store, will I get charged GST when it crosses into Canada?', 'CA'],
    ['the hoodie I sent my brother got a VAT bill when it arrived in Germany', 'DE'],
  ])('%s → %s', (text, country) => expect(countryGoodsGoTo(text)).toBe(country));
  it.each(['a package from USA', 'I ordered from Denmark to New York', 'Canada Post will charge me', 'my parcel from China arrived in the US with a duty bill', 'what happens when my order enters the country'])('none: %s', (text) => expect(countryGoodsGoTo(text)).toBeUndefined());
});

describe('countryOfReceiverAbroad: the person abroad who will pay on arrival (session 30)', () => {
  it.each([
    ['my friend in australia ordered from my shop will she owe import tax', 'AU'],
    ['i ship to my client in sydney he pay import tax there??', 'AU'],
    ['a buyer in Lyon got charged import tax on a $60 record. Does the French buyer really have to pay tax on his end?', 'FR'],
    // The charge in the buyer's own word (session 33).
    ['I sell candles on etsy from ohio and a customer in germany says she had to pay zoll on my parcel. what even is the german rule', 'DE'],
  ])('%s → %s', (text, country) => {
    expect(countryOfReceiverAbroad(text)).toBe(country);
    expect(asksAboutAnotherCountry(text)).toBe(true);
  });
  it.each([
    // The person abroad sends: the goods come here.
    'My friend in Osaka wants to mail my son a $300 Nintendo bundle for Christmas. Will my son get hit with duty?',
    'My great-aunt in Lviv embroidered a shirt for my son and is mailing it. Will he be charged customs?',
    'a $30 book her friend in England sent her got a brokerage bill, why would she pay?',
    // The person asking pays, or the receiver is in the United States.
    'my cousin in Toronto is sending me boots, will I owe duty?',
    'my friend in Ohio ordered from my shop, will she owe tax?',
    'my friend in Georgia ordered from my shop, will she owe tax?',
  ])('none: %s', (text) => expect(countryOfReceiverAbroad(text)).toBeUndefined());
});

describe('asksAboutAnotherCountry: goods coming into the United States', () => {
  it.each([
    'I ordered from the UK, will I pay duty?',
    'I ordered a $40 jacket from the UK, will I pay duty?',
    'I ordered a lamp from Canada, will I owe duty?',
    'Chinese seller on Amazon.com here. Can we still ship small parcels straight to buyers in the US?',
    'is de minimis dead',
    'My grandma in Canada mailed me a birthday present. Will I owe duty on it?',
    'I make candles in Ontario and my customer in Ohio got a UPS bill. Do I have to pay it?',
    'will I pay duty on a gift from Canada',
    'does a canadian seller have to pay the duty or do I',
    'a buyer in Ohio wants to send the lamp back to my shop in Lyon, can she get her duty refunded?',
    'my customer sent it back to me here in Texas, will I pay duty on my own goods?',
    // A demonym before a seller is the seller's country, not a buyer abroad.
    'Bought a jacket from the Canadian site, made in China. Shouldn\'t USMCA make it duty free?',
    // …and so is a demonym that names the goods, or a seller with the platform between.
    'I got some Canadian-made maple syrup from a shop in Quebec. Is it duty free under USMCA?',
    'I\'m a Canadian Shopify seller and my soap is made here from Canadian oils. How do US buyers avoid tariffs?',
    'The clay is Australian but the glazes come from Japan. Do my US customers pay duty?',
    // Duty got back from the U.S. is a refund here, not goods bought in the U.S.
    'UK seller: my American buyer paid duty and sent the item back to me. Can she get the duty back from the US?',
    'A US buyer returned a figure to me in Osaka. Can they get the charges refunded from the US side?',
  ])('%s', (text) => expect(asksAboutAnotherCountry(text)).toBe(false));

  it('a U.S. buyer who "bought from a Chinese seller on Amazon.com"', () => {
    expect(asksAboutAnotherCountry('I bought a phone case from a Chinese seller on Amazon.com. Why was I charged duty?')).toBe(false);
  });
});

describe('namesChargeAbroad: another country named as the one that charges (session 33)', () => {
  it.each(['whats the customs duty in india on an iphone, my brother wants to courier one to me in pune', "what are Australia's import rules on food", 'will canada charge duty on a gift'])('names it: %s', (text) =>
    expect(namesChargeAbroad(text)).toBe(true),
  );
  it.each(['ordered from the UK, VAT was taken off at checkout, will I pay duty?', 'is there duty on goods made in India?'])('does not: %s', (text) => expect(namesChargeAbroad(text)).toBe(false));
});
