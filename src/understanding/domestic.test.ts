import { asksForShopAdvice, staysInOneCountry } from './domestic';

describe('staysInOneCountry', () => {
  it.each([
    'Is Canada Post on strike again?? Are parcels within Ontario moving?',
    'how do i track my usps package inside the us',
    'Domestic shipping with Royal Mail: is Tracked 48 worth it?',
    'cheapest way to ship domestically, USPS or UPS Ground?',
    'does fedex deliver on sundays within the US',
  ])('a parcel that stays in one country: %s', (text) => {
    expect(staysInOneCountry(text)).toBe(true);
  });

  it.each([
    'My domestic supplier imports from China, do I owe duty?',
    'Can I still send orders to U.S. customers with Canada Post?',
    'is de minimis dead',
    'within 10 days of arrival, can I still protest the duty?',
    'I ship domestically but my stock comes from overseas, what changes for me?',
    'my package from the UK is stuck inside customs',
  ])('a message about goods crossing a border, or no place at all: %s', (text) => {
    expect(staysInOneCountry(text)).toBe(false);
  });
});

describe('asksForShopAdvice: running a shop is business advice, not customs', () => {
  it.each([
    'how do i set up a shopify store',
    'Shopify or Etsy — which is better for starting an online store selling phone cases?',
  ])('advice: %s', (text) => expect(asksForShopAdvice(text)).toBe(true));

  it.each([
    'I am starting an Etsy shop, will my buyers pay duty?',
    'starting a business importing from China, what do I need',
    'DDP or DDU, which is better for my shop?',
  ])('ours: %s', (text) => expect(asksForShopAdvice(text)).toBe(false));


});

