import { asksWhoWasInPilot, asksToBecomeImporterOfRecord, acronymTerm, asksAboutCarriedMedicine, asksWhetherPilotEnded, quotedTerms, asksAboutDeviceSearch, asksSalesTaxAgainstDuty, asksAboutTravellingPet, asksWhatToDeclareOnArrival, asksAboutUsedGoods, asksHowMailWorkedBefore, asksWhoAnswersForCustoms, asksHowMailIsChargedNow, asksWhatGoesOnParcel, asksCanadaMexicoTariffNow, asksAboutOriginMarking, asksAboutPlatformCharges, asksWhetherCanadaMexicoStillFree, asksWhetherEmergencyTariffsStand, asksWhetherLimitStillStands, asksWhetherPlantsMayCome, asksWhetherGiftsStillFree, asksWhetherUsmcaEnds, asksWhetherFakesAreDangerous, asksAboutBuyerRefusing, asksWhoPaysOnMail, asksAboutTradeActionsProposal, asksAboutReportingCash, asksTravellersAllowance, asksHowType86Worked, asksAboutMpf, asksWhatIsSeizedMost, asksAboutOwnGoodsBack, asksPostalDutyRefund, asksRefundAfterRefusing, asksHowMailDutyReachesCbp, asksMetalsRate, asksWhoIsImporter, asksHowMuchCarrierFee, asksWhatNowAfterSeizure, asksWhetherMedicineMayCome, asksHowBigTheFine, asksFineForUnknowingFake, asksWhatIfNotPaying, asksWhyChargedOnSmallOrder, asksForClassification, asksWhetherFoodMayCome, asksForSeizedGoodsBack, asksHowToTellFake, asksWhoseCharge, definitionSubject } from './questionType';

describe('definitionSubject: the term a definition question asks about', () => {
  it.each([
    ['what does AD/CVD mean, it showed up on a quote from my freight guy', 'AD/CVD'],
    ['can someone ELI5 the term de minimis please, I keep nodding along', 'de minimis'],
    ['what is the htsus and who actually maintains it', 'htsus'],
    ['what does de minimis even mean, everyone on this sub keeps saying it', 'de minimis'],
    ['whats an importer of record', 'importer of record'],
    ['what is CSMS', 'CSMS'],
    ['meaning of "consignee"?', 'consignee'],
    // Slang, and a second sentence that asks it.
    ["my order needs 'PGA' clearance?? wtf is a PGA", 'PGA'],
    ['My broker mentioned it twice. What is a bonded warehouse?', 'bonded warehouse'],
    // The term first (session 26).
    ['consignee meaning in simple words pls, DHL form ask it', 'consignee'],
    ['HTS schedule what is it', 'HTS schedule'],
    // Where the term was seen is no part of it (session 30).
    ['wat is a consignee on my bill of lading', 'consignee'],
    ["what's the MPF line on my DHL invoice", 'MPF'],
    ['de minimis means what exactly, simple words please', 'de minimis'],
    ['section 321 means what exactly, simple words please', 'section 321'],
  ])('"%s" → %s', (text, subject) => expect(definitionSubject(text)).toBe(subject));

  it('a bare "what are these?" asks about the term quoted before it, in the question or its story', () => {
    expect(definitionSubject("My broker keeps forwarding me 'CSMS messages'. What are these exactly?")).toBe('CSMS messages');
    expect(definitionSubject('What is it?', 'Our customers keep asking about “Type 13”.')).toBe('Type 13');
    expect(definitionSubject('What is it?', 'Our customers keep asking about it.')).toBeUndefined();
  });

  it.each([
    'what is the duty on a $40 jacket',
    'What happens if I refuse my package?',
    'why does my bill say MPF',
    "My broker keeps saying I need to use 'reasonable care'. What does that actually mean for me?",
    'how do I know what my HTS code means for the rate I pay on shoes from Vietnam and China',
    "Canada Post wants a 'Declaration ID' now. What's that about?",
    "My $14 order came with a $9 charge. What's going on?",
    'the new rule for small parcels means what for my shop',
  ])('"%s" asks something else', (text) => expect(definitionSubject(text)).toBeUndefined());
});

describe('definitionSubject: a pointer back to the story (session 25)', () => {
  it('"what does that word mean?" after a sentence that ends on the word', () => {
    expect(definitionSubject('What does that word mean exactly?', "The shipping label says I'm the consignee.")).toBe('consignee');
  });
  it('"what on earth is that?" after a quoted term', () => {
    expect(definitionSubject('What on earth is that?', "My grandson says the government ended 'de minimis'.")).toBe('de minimis');
  });
  it('"what does that mean for me?" still asks what follows, not a definition', () => {
    expect(definitionSubject('What does that mean for me?', 'My broker mentioned reasonable care.')).toBeUndefined();
  });
});

describe('asksForClassification: which tariff code goods take', () => {
  it.each([
    'what HS number goes on my beeswax wraps',
    'how do I classify hand-knitted alpaca scarves for US customs',
    'Which harmonized code should I use for resin earrings?',
    'What tariff code do I put for a $1,200 order of resin earrings?',
    'need the tarrif code for my soy candles where do i even look',
  ])('asks: %s', (text) => expect(asksForClassification(text)).toBe(true));

  it.each([
    'what does HTSUS stand for',
    'is there a tariff on alpaca scarves now',
    'I tried calling a customs number I found online, who do I call now?',
    // A code said to be wrong asks for a correction (session 26).
    'customs put wrong HTS code on my entry, rate is 25% but should be 3%, can it be corrected?',
    // The code as one item of the data a parcel carries (session 32).
    'for each parcel what data do we transmit: seller, buyer, description, value, tariff code, anything else?',
  ])('does not: %s', (text) => expect(asksForClassification(text)).toBe(false));
});

describe('asksHowToTellFake: how to tell if goods are fake, about the item or the seller', () => {
  it.each([
    ['How can I tell whether the Dyson Airwrap I got from a marketplace is fake?', 'item'],
    ['ordered a rolex for 90 bucks, how do I check if it is real', 'item'],
    ["how do u even tell a fake when it arrives, my 'stanley cup' looks off", 'item'],
    ['How do I know if a shop is selling fakes?', 'seller'],
    ['how can you tell if a website is legit or selling knockoffs', 'seller'],
    // The doubt as an adjective of the site or shop (session 18).
    ['how would I recognise a fake online store before paying', 'seller'],
    ['how do you know a sketchy web shop from a real one', 'seller'],
    ["got a 'designer' belt for $40, pretty sure it's fake. how do I check?", 'item'],
    // Without "do" (writers whose first language is not English), and "original" for genuine.
    ['the perfume box looks strange, how I know it is original?', 'item'],
    // Asking whether they are fake, or what shows it.
    ['The swoosh stitching is sloppy and the box smells like glue. Am I right to think these are fake? What gives it away?', 'item'],
    ['my new airpods came in a weird box. are these fake?', 'item'],
  ])('%s → %s', (text, about) => expect(asksHowToTellFake(text)).toBe(about));

  it.each(['Will customs seize my fake sneakers?', 'how do I report a seller of fakes', 'how do I know what duty I owe', 'DHL charged me $9, is it legit?'])('not that question: %s', (text) =>
    expect(asksHowToTellFake(text)).toBeUndefined(),
  );
});

describe('asksWhoseCharge: the government\'s charge or the carrier\'s', () => {
  it.each(['UPS billed me $12. Is that a customs fee or a UPS fee?', 'is this money going to the government or is it the courier\'s own charge', 'is that line on my bill from FedEx or from CBP'])(
    'whose: %s',
    (text) => expect(asksWhoseCharge(text)).toBe('carrier'),
  );
  it('the charge may be named in the story; asking where to complain is not asking whose charge it is (session 29)', () => {
    expect(asksWhoseCharge('is that a customs thing or a FedEx thing', 'FedEx added an $11 advancement fee.')).toBe('carrier');
    expect(asksWhoseCharge('who do I complain to first, DHL or the government?', 'DHL billed me twice for the same duty.')).toBeUndefined();
    expect(asksWhoseCharge('do I go to FedEx or to customs first?', 'I want to dispute my FedEx import charges.')).toBeUndefined();
    expect(asksWhoseCharge('is that a customs thing or a FedEx thing')).toBeUndefined();
  });
  it('by post, it is the post\'s own question', () => {
    expect(asksWhoseCharge('My parcel came by Royal Mail and USPS wants money. Who decided I owed that, USPS or customs?')).toBe('post');
  });
  it('a national post by name, and "the US side", are the two sides too', () => {
    expect(asksWhoseCharge('does la poste charge me or is it the US side that bills the duty')).toBe('post');
  });
  it('"CBP, not the post office?" sets them against each other too', () => {
    expect(asksWhoseCharge('USPS is holding my parcel until I pay $12. I thought CBP charges the duty, not the post office?')).toBe('post');
  });
  it.each(['Why is USPS the one billing me?', 'how come the post office is charging me duty', 'why would the mailman be asking me for $11'])('why the post bills: %s', (text) =>
    expect(asksWhoseCharge(text)).toBe('post'),
  );
  it.each(['why did usps charge me 54 percent on a little package from china', 'Why did USPS charge me 54% on a China Post packet?'])('asking about the rate the post charged is not asking why the post bills: %s', (text) =>
    expect(asksWhoseCharge(text)).toBeUndefined(),
  );
  it.each(['Can I get that money back from the post office or from customs?', 'how much does DHL charge for customs?', 'Am I going to get a duty bill from USPS or is the tax already included?', 'should I ship with UPS or FedEx'])('not that question: %s', (text) =>
    expect(asksWhoseCharge(text)).toBeUndefined(),
  );
});

describe('asksForSeizedGoodsBack: what becomes of fakes customs seized', () => {
  it.each([
    ['what does cbp even do w the fakes they catch', ''],
    ['do I ever get the shoes back?', 'Got a letter saying CBP seized my Jordans as counterfeit.'],
    ['do i get it back or nah', "got a letter saying my 'designer' belt got seized lmao."],
    ['Will I ever see it again?', 'CBP seized my "Rolex" order.'],
    ['if they catch them what actually happens to the shoes', 'customs confiscated my replica sneakers'],
    // "What does customs do with …" fakes: a seizure said without the word (session 26).
    ['what customs do with replica watches they found in parcels? sell them?', ''],
    ['What does CBP do with stuff like that when it catches it?', 'Temu delivered a Pandora bracelet that is obviously fake.'],
    ['wat happens to the fake stuff custums takes do i ever get it bak', ''],
    ['if CBP catches them what actually happens', 'dhgate sneakers that are obviously fake.'],
  ])('%s', (question, story) => expect(asksForSeizedGoodsBack(question, story)).toBe(true));

  it.each([
    ['can I get my duty back?', 'I paid $40 duty on a jacket.'],
    ['will I get it back?', 'CBP seized my medicine from Mexico.'],
    ['what happens to the fakes?', 'I saw fake bags on a website.'],
    ['what does customs do with my parcel when I refuse it?', 'My order from Spain came with a bill.'],
  ])('not that question: %s', (question, story) => expect(asksForSeizedGoodsBack(question, story)).toBe(false));
});

describe('asksAboutReportingCash: $10,000 or more in cash, must it be reported', () => {
  it.each([
    "I'm flying from Lima with $15,000 in cash for a house down payment. Do I need to declare it?",
    'flying back with 15k in euros, do I have to report it?',
    'my uncle wants to mail me 12 grand in cash for the wedding, do i gotta tell anyone',
    'do i have to declare 15000 cash',
    'what form do I fill out for fourteen thousand dollars cash on a flight',
  ])('cash to report: %s', (text) => expect(asksAboutReportingCash(text)).toBe(true));

  it.each([
    'I paid $15 cash on delivery for the duty, is that legal?',
    'do I have to declare a $1,500 watch I bought in cash?',
    'is a $12,000 car from Canada dutiable and what forms do I need?',
    'which credit card gives the best cash back',
  ])('not cash of $10,000 or more to report: %s', (text) => expect(asksAboutReportingCash(text)).toBe(false));
});

describe('asksWhetherFoodMayCome: food, plants or seeds by post, may they come in', () => {
  it.each(['tryna get a tin of matcha from kyoto, is that gonna get blocked', 'can my cousin mail me dried fish or will customs bounce it', 'can I ship tulip bulbs to buyers in the US?'])('%s', (text) => expect(asksWhetherFoodMayCome(text)).toBe(true));
  it('a food only the word list knows counts when the caller found it', () => expect(asksWhetherFoodMayCome('my tia is sending tamales, will customs toss them', () => true)).toBe(true));
  it.each(['is the duty on a $40 sweater legal?', 'what tea goes with cake', 'my tia is sending tamales, will customs toss them'])('not: %s', (text) => expect(asksWhetherFoodMayCome(text)).toBe(false));
});

describe('asksWhyChargedOnSmallOrder: why a small order was charged at all (session 26)', () => {
  it.each([
    'bruh why am i paying customs on a $9 phone case',
    'why am i paying dutys on a 12 dollar phone case',
    'Why did DHL bill me import tax on a $19 t-shirt from ASOS?',
    'bhai why i gotta pay customs on a 15 buck hoodie from Poland',
    // The charge told first, the doubt after (session 30).
    'customs jacked me $11 on a $9 keychain from japan. since when is that a thing??',
    // No verb of paying: the charge named alone (session 31).
    'why a tariff on a 7 dollar bracelet',
  ])('asks: %s', (text) => expect(asksWhyChargedOnSmallOrder(text)).toBe(true));
  it.each([
    'why tf am I paying MPF on a $300 shipment',
    'why was I charged duty on a $1,200 camera',
    'why was I charged duty on a $950 bike',
    'what is the duty on a $40 jacket',
    'A parcel got charged a flat $100 by USPS, for a $35 item. Why $100?',
  ])('does not: %s', (text) => expect(asksWhyChargedOnSmallOrder(text)).toBe(false));
});

describe('asksWhatIfNotPaying: what follows from not paying an import bill (session 26)', () => {
  it.each([
    'if i just ghost the customs bill what happens lol',
    "what happens if I don't pay the DHL duty invoice?",
    'if I tell the driver no and refuse the customs charges, am I in trouble?',
    // Session 35: "what if", "leave it unpaid", "in any trouble".
    'what if i just dont pay the customs charge',
    'If I leave the import bill unpaid, will I personally be in any trouble?',
  ])('asks: %s', (text) => expect(asksWhatIfNotPaying(text)).toBe(true));
  it.each([
    'what happens to my parcel at customs?',
    "I don't want to pay the bill, who sets these fees?",
  ])('does not: %s', (text) => expect(asksWhatIfNotPaying(text)).toBe(false));
});

describe('asksFineForUnknowingFake: fined for a fake bought without knowing (session 26)', () => {
  it.each([
    'can i get fined if i didnt no the purse was fake',
    'ngl i thought the yeezys were legit. can customs actually fine ME for that??',
    'copped some rep jordans not knowing they were reps, can customs fine ME??',
  ])('asks: %s', (text) => expect(asksFineForUnknowingFake(text)).toBe(true));
  it('the not knowing may be in the story before the question', () => {
    expect(asksFineForUnknowingFake('am i cooked fine-wise', 'got my reps seized, didnt even know they were reps tbh.')).toBe(true);
  });
  it.each([
    'how big can the fine for fake handbags get',
    'I ordered it by mistake twice, can I cancel one?',
  ])('does not: %s', (text) => expect(asksFineForUnknowingFake(text)).toBe(false));
});

describe('asksHowBigTheFine: the size of the fine for fakes (session 26)', () => {
  it.each([
    ['how much can cbp fine u for counterfiet handbags i bought 3', ''],
    ['How much can they fine me?', 'Customs sent me a seizure letter for fake AirPods I ordered.'],
  ])('asks: %s', (question, story) => expect(asksHowBigTheFine(question, story)).toBe(true));
  it.each(['how much is the duty on leather bags', 'how much is the fine for a late entry'])('does not: %s', (text) => expect(asksHowBigTheFine(text)).toBe(false));
});

describe('asksWhetherMedicineMayCome: medicine by post or ordered from abroad (session 26)', () => {
  it.each(['can my mom mail me my blood pressure pills from mexico', 'is it legal to order insulin from Canada'])('asks: %s', (text) => expect(asksWhetherMedicineMayCome(text)).toBe(true));
  it.each(['can I order vitamin pills from Korea', 'how much duty on a $40 jacket', 'my pills cost a lot here'])('does not: %s', (text) => expect(asksWhetherMedicineMayCome(text)).toBe(false));
});

describe('asksWhatNowAfterSeizure: what to do after goods were seized (session 26)', () => {
  it.each([
    ['what do i do nxt', 'got a leter sayin my package was seazed'],
    ['fake jordans got seized, im cooked?? what now', ''],
  ])('asks: %s', (question, story) => expect(asksWhatNowAfterSeizure(question, story)).toBe(true));
  it.each(['what happens to seized fakes?', 'what now, my parcel is late'])('does not: %s', (text) => expect(asksWhatNowAfterSeizure(text)).toBe(false));
});

describe('asksHowMuchCarrierFee: how much a carrier charges for clearance (session 26)', () => {
  it.each(['ups brokerage fee how much', 'how much does FedEx usually charge for clearance on a $200 box', 'usps customs fee amount', 'Does USPS still add its own fee when a package owes duty, and how much is it?'])('asks: %s', (text) => expect(asksHowMuchCarrierFee(text)).toBe(true));
  it.each(['what is the MPF and how much is the handling', 'why is there a brokerage fee when I owe no duty', 'why did the USPS customs fee show up on my parcel'])('does not: %s', (text) => expect(asksHowMuchCarrierFee(text)).toBe(false));
});

describe('asksWhoIsImporter: who the importer is (session 26)', () => {
  it.each(['When FedEx clears a box for me from a shop in Denmark, is FedEx the importer or am I?', 'Does this make me the importer?', 'who counts as the importer here, me or them?'])('asks: %s', (text) => expect(asksWhoIsImporter(text)).toBe(true));
  it.each(['what does importer of record mean', 'does that make me the importer of record?'])('does not: %s', (text) => expect(asksWhoIsImporter(text)).toBe(false));
});

describe('asksMetalsRate: the tariff rate on metal goods (session 26)', () => {
  it.each([
    ['how much is the steel tariff rn', ''],
    ['What does Section 232 charge on them now, what rate?', 'We make stainless steel saucepans in northern Italy.'],
    ['what Section 232 rate do our aluminum trays pay?', ''],
    ['What does 232 charge on those now?', 'We forge steel garden tools in Sheffield.'],
  ])('asks: %s', (question, story) => expect(asksMetalsRate(question, story)).toBe(true));
  it.each(['232 steel rate and car parts too', 'do the steel tariffs hit small parcels?', 'how much is the duty on a wool sweater'])('does not: %s', (text) => expect(asksMetalsRate(text)).toBe(false));
});

describe('asksRefundAfterRefusing: the price back after a parcel was refused (session 27)', () => {
  it.each([
    ["the shop won't refund me, is that allowed?", 'DHL wanted $58 before they would hand it over, so I refused it.'],
    ['if i send the box back cuz of the duty bill does the shop owe me my refund or am i cooked', ''],
    ['Seller in Taiwan here: if a US customer refuses to pay the duty and the box comes back, do I have to refund them?', ''],
    ['Can the shop just keep my money?', 'UPS wanted $45 on delivery so I refused the parcel.'],
    ['is she allowed to keep that?', 'I rejected the box when the courier asked for duty.'],
  ])('asks: %s', (question, story) => expect(asksRefundAfterRefusing(question, story)).toBe(true));
  it.each([
    ['if I refuse the parcel, what happens to it?', ''],
    ['can I get the duty refunded if I send it back?', ''],
    ['DHL refund for IEEPA duties, do I need to apply or do they just send it back', ''],
    ['will the seller refund me?', 'The dress came in the wrong size.'],
  ])('does not: %s', (question, story) => expect(asksRefundAfterRefusing(question, story)).toBe(false));
});

describe('asksHowMailDutyReachesCbp: how duty on mail is paid over to CBP (session 27)', () => {
  it.each([
    ['How does the post office actually hand the duty over to customs?', ''],
    ['how do postal carriers pay the duty to cbp, bond and paygov or wat', ''],
    ['How do we remit the duty we collect?', 'We are a small postal consolidator in Singapore.'],
    ["who tf is a 'qualified party' for mail", ''],
  ])('asks: %s', (question, story) => expect(asksHowMailDutyReachesCbp(question, story)).toBe(true));
  it.each(['how do I pay the duty to customs for my DHL parcel?', 'who pays the duty on a parcel sent by post?', 'Western Union or Remitly, which is cheaper?'])('does not: %s', (text) =>
    expect(asksHowMailDutyReachesCbp(text)).toBe(false),
  );
});

describe('asksPostalDutyRefund: the IEEPA duty back on a parcel that came by post (session 27)', () => {
  it.each([
    ["bro i paid the tariffs, the supreme court said they were illegal, where's my money (it came usps not a courier)", ''],
    ['Can I get this back now?', 'USPS collected a 54% charge on a package from China; then the court said those tariffs were unlawful.'],
    ['will the post office refund the IEEPA duty?', ''],
    ['can a regular person get back ieepa tariffs paid on a mailed box?', ''],
  ])('asks: %s', (question, story) => expect(asksPostalDutyRefund(question, story)).toBe(true));
  it.each([
    ['will DHL refund the IEEPA duty I paid?', ''],
    ['can I get a refund of the $80 postal duty?', ''],
    ['what did the supreme court decide about the tariffs on mail?', ''],
  ])('does not: %s', (question, story) => expect(asksPostalDutyRefund(question, story)).toBe(false));
});

describe('asksHowToTellFake: a site in doubt before buying (session 27)', () => {
  it.each(['how do i know if a websit sell fake stuf befor i buy', 'how can I tell the Nikes are real before I order?'])('the seller: %s', (text) => expect(asksHowToTellFake(text)).toBe('seller'));
  it('the item in hand stays the item', () => expect(asksHowToTellFake('how can I tell if the Nikes I got are real?')).toBe('item'));
});

describe('asksAboutOwnGoodsBack: U.S.-made goods or one\'s own things coming back (session 27)', () => {
  it.each([
    ['do i gotta pay duty on my own stuff i mailed back from abroad', ''],
    ['Do they owe duty when they come back to our plant?', 'We exported some of our American-made pumps to Chile for a trade show.'],
    ['us goods returned 9801 duty', ''],
  ])('asks: %s', (question, story) => expect(asksAboutOwnGoodsBack(question, story)).toBe(true));
  it.each([
    ['a customer in Canada sent my US-made bag back, do I pay duty when it comes back?', ''],
    ['is a made in USA label enough for my candles?', ''],
  ])('does not: %s', (question, story) => expect(asksAboutOwnGoodsBack(question, story)).toBe(false));
});

describe('asksWhatIsSeizedMost: which fakes customs seizes most (session 27)', () => {
  it.each(['What kind of fake stuff coming from DHgate does customs end up seizing the most?', 'most seized counterfeit products 2025'])('asks: %s', (text) => expect(asksWhatIsSeizedMost(text)).toBe(true));
  it.each(['what happens to fake goods CBP seizes?', 'what is the most I can bring back?'])('does not: %s', (text) => expect(asksWhatIsSeizedMost(text)).toBe(false));
});

describe('asksAboutMpf: what the MPF is, who gets it (session 27)', () => {
  it.each(["what is this 'MPF' line on my DHL invoice, it's only $2.69", 'who gets the MPF money on my buyers bills', 'merchandise processing fee means what'])('asks: %s', (text) =>
    expect(asksAboutMpf(text)).toBe(true),
  );
  it.each(['which lines of my bill are customs and which are the courier?', 'the MPF was $2.69 and the duty $12, can I refuse?'])('does not: %s', (text) => expect(asksAboutMpf(text)).toBe(false));
  it('asks about the MPF named in the story before the question (session 29)', () => {
    expect(asksAboutMpf('What is that and who keeps the money?', "My broker's invoice shows 'MPF $31.67'.")).toBe(true);
    expect(asksAboutMpf('What is that brokerage fee, then?', 'The invoice lists MPF $2.69 and a brokerage fee.')).toBe(false);
    expect(asksAboutMpf('What is that?', 'The invoice lists a handling charge.')).toBe(false);
  });
});

describe('asksHowType86Worked: how Entry Type 86 worked (session 27)', () => {
  it.each(['T86 - how did it work pre Aug 25 and is ACE still taking it?', 'how did type 86 entrys work befor they ended it', 'type 86 how it worked'])('asks: %s', (text) => expect(asksHowType86Worked(text)).toBe(true));
  it.each(['is type 86 still accepted?', 'how does a type 11 entry work?'])('does not: %s', (text) => expect(asksHowType86Worked(text)).toBe(false));
});

describe('asksTravellersAllowance: how much a traveller brings home free (session 27)', () => {
  it.each([
    ['how much can i bring w/o payin anything', 'bringin stuff back from cancun next wk,'],
    ['How much can I bring in without paying duty?', 'Coming back from two weeks in Mexico with pottery and a hammock.'],
    ['whats the duty free limit when flying home from japan', ''],
    ['how much can we bring home from portugal duty free', ''],
    ['what can we bring home duty free from a week in peru', ''],
  ])('asks: %s', (question, story) => expect(asksTravellersAllowance(question, story)).toBe(true));
  it.each([
    ['how many bottles of wine can I bring back duty free from my trip?', ''],
    ['how much duty do I pay on a $40 order from the UK?', ''],
    ['will they bring back the $800 duty free limit?', ''],
  ])('does not: %s', (question, story) => expect(asksTravellersAllowance(question, story)).toBe(false));
});

describe('asksAboutTradeActionsProposal: the January 2025 proposal on goods under trade actions (session 28)', () => {
  it.each(['jan 2025 proposed rule 301 goods de minimis', 'what happened to the proposal to make section 301 goods ineligible for de minimis', 'section 232 de minimis NPRM', 'what was that jan 2025 proposed rule about trade actions and low value shipments?'])('asks: %s', (text) =>
    expect(asksAboutTradeActionsProposal(text)).toBe(true),
  );
  it.each(['what were the two January 2025 proposals, the entry one and the 301 one?', 'the proposed basic and enhanced entry types', 'is the section 301 tariff still on?'])('does not: %s', (text) =>
    expect(asksAboutTradeActionsProposal(text)).toBe(false),
  );
});

describe('asksWhoPaysOnMail: who pays the duty on goods sent by post (session 28)', () => {
  it.each([
    ['who pays the US duty, Royal Mail or my customer?', 'Royal Mail parcel to the States.'],
    ['who pays duty on stuff coming by regular mail from abroad', ''],
    ['On the US side, who has to pay the duty on our parcels?', 'Our little shop ships handmade soap from Cape Town by post.'],
    // Session 33: "responsible for" and "cover the duty" ask the same.
    ['Who is responsible for duty on postal packages?', 'My cousin mailed me clothes through Egypt Post.'],
    ['Who is supposed to cover the duty on mailed goods?', ''],
    // Session 35: "why me and not the sender" asks the same.
    ['Why do I have to pay this and not the sender who mailed it?', 'My cousin in Cairo mailed me some clothes through Egypt Post.'],
    ['why am I the one paying when she sent it?', 'My grandma mailed me a sweater and I got a bill for duty.'],
  ])('asks: %s', (question, story) => expect(asksWhoPaysOnMail(question, story)).toBe(true));
  it.each([
    ['who pays the duty on a DHL parcel?', ''],
    ['how is duty figured now, and who actually collects it?', 'For my US orders sent by post.'],
    ["Who's responsible?", 'A parcel sent from California to me in Texas got handed from DHL to USPS and now nobody knows where it is.'],
    // Session 35: asking whom to contact about a charge asks where to dispute it.
    ['Who do I contact to question this charge?', 'UPS sent me a bill for a book my pen pal in Ireland mailed me.'],
  ])('does not: %s', (question, story) => expect(asksWhoPaysOnMail(question, story)).toBe(false));
});

describe('asksAboutBuyerRefusing: a seller whose buyer refuses the parcel (session 28)', () => {
  it.each([
    'A US buyer refused my UPS parcel over the duty charges. Will UPS bill me now?',
    'We are a swimwear label in Bali. If a US customer won\'t pay the duty on delivery, where does the parcel end up?',
  ])('asks: %s', (text) => expect(asksAboutBuyerRefusing(text)).toBe(true));
  it.each([
    'My buyer refused the parcel over duties and now wants a full refund from me. Do I owe her that?',
    'Should I ship DDP so US buyers don\'t refuse packages?',
    'if I refuse the package what happens to it?',
  ])('does not: %s', (text) => expect(asksAboutBuyerRefusing(text)).toBe(false));
});

describe('asksWhetherFakesAreDangerous: whether fakes can hurt (session 28)', () => {
  it.each([
    'do fake chargers really blow up or is that just propaganda from apple lol',
    "i ordered a 'dyson' from a site that was 60% off. it gets SUPER hot. is this thing actually dangerous",
  ])('asks: %s', (text) => expect(asksWhetherFakesAreDangerous(text)).toBe(true));
  it.each([
    'Which fakes does customs seize the most, and are any of them actually dangerous to use?',
    "I don't know if it's safe to mail lithium batteries from Korea",
    'I got burned by an Instagram shop selling fake Stanley cups. Where do I report them?',
    'I am the ops lead of a small knitwear shop. We only send "Knitwear" and a price. What information does CBP expect on each shipment?',
  ])('does not: %s', (text) => expect(asksWhetherFakesAreDangerous(text)).toBe(false));
  it('lead in the goods is harm', () => expect(asksWhetherFakesAreDangerous('do those fake "Disney" toys have lead paint in them?')).toBe(true));
});

describe('asksWhetherUsmcaEnds: whether USMCA is ending (session 28)', () => {
  it.each(['is USMCA getting yeeted or what', 'is cusma going away', 'what happens to T-MEC after the 2026 review?'])('asks: %s', (text) =>
    expect(asksWhetherUsmcaEnds(text)).toBe(true),
  );
  it.each(['how do I certify my goods for USMCA?', 'do USMCA goods still pay the Canada tariff?', 'What tariffs do Canadian goods pay right now, and is USMCA going away?'])('does not: %s', (text) => expect(asksWhetherUsmcaEnds(text)).toBe(false));
});

describe('asksWhetherGiftsStillFree: whether gifts from abroad still come in free (session 28)', () => {
  it.each(['can my bestie in london still send me bday stuff w/o me paying customs or is that over too', 'Can my sister in Athens still send me presents without my paying duty?'])('asks: %s', (text) =>
    expect(asksWhetherGiftsStillFree(text)).toBe(true),
  );
  it.each(['is a $60 gift still duty free?', "can my friend still write 'gift' on it so it comes in free?", 'is the gift limit per person or per package?', 'can a gift package include a bottle of wine and still be duty free?'])('does not: %s', (text) =>
    expect(asksWhetherGiftsStillFree(text)).toBe(false),
  );
});

describe('asksWhetherLimitStillStands: whether the $800 limit still stands (session 29)', () => {
  it.each([
    ['did something change with the $800 limit?', 'I never paid extra on my orders from Korea until this month.'],
    ['is the free limit gone or what', ''],
    ['is de minimis still a thing?', ''],
    ['de minimus gone already??', ''],
    ['ok so the 800 dollar thing is over?', ''],
    ['is de minimus still exsist', ''],
  ])('asks: %s', (question, story) => expect(asksWhetherLimitStillStands(question, story)).toBe(true));
  it.each([
    ['is de minimis gone for good or coming back in 2027?', ''],
    ['is the $800 limit still there for gifts?', ''],
    ['did the $800 limit change for Canada?', ''],
    ['how has the free limit changed over the years?', ''],
    ['was de minimis always 800 or did it go up at some point?', ''],
    ['why was I charged duty on a $20 order?', ''],
    ['with de minimis gone, do the steel tariffs hit small parcels too?', ''],
    ['since it is under $800, does it still clear duty-free?', ''],
    ['can courier parcels under 800 still clear on paper?', ''],
  ])('does not: %s', (question, story) => expect(asksWhetherLimitStillStands(question, story)).toBe(false));
});

describe('asksWhetherPlantsMayCome: seeds or plants asked about, whatever else the words suggest (session 29)', () => {
  it.each(['gonna order tomato seeds from a seller in Turkey, will that get me in trouble', 'are tulip bulbs from the Netherlands allowed by mail?'])('asks: %s', (text) =>
    expect(asksWhetherPlantsMayCome(text)).toBe(true),
  );
  it.each(['will I get in trouble for a fake Rolex?', 'are these replica plant pots legal?', 'how much duty on seeds from Canada', 'brought a mango plant in my luggage from Manila, is that allowed'])('does not: %s', (text) =>
    expect(asksWhetherPlantsMayCome(text)).toBe(false),
  );
});

describe('asksAboutOriginMarking: how goods must show where they were made (session 30)', () => {
  it.each([
    ["Do our towels each need 'Made in Turkey' sewn in?", ''],
    ['do I need to put "Made in Ireland" on each sweater or is the shipping box enough?', ''],
    ['do they need one for the US', 'our jars have no country label.'],
    ['is that ok?', 'every single cross has to say where it was made.'],
  ])('asks: %s', (question, story) => expect(asksAboutOriginMarking(question, story)).toBe(true));
  it.each([
    ['uniqlo japan order has a made in vietnam tag, which countrys duty applies', ''],
    ['who do I contact?', 'The UPS bill says China, but the parts are stamped Made in Italy.'],
    ['does each item need a label?', ''],
    // Repacked elsewhere: where the goods come from, not the label's form (a probe set, session 30).
    ['if I repack chinese products in Vietnam and put label Made in Vietnam is ok?', ''],
  ])('does not: %s', (question, story) => expect(asksAboutOriginMarking(question, story)).toBe(false));
});

describe('asksAboutPlatformCharges: Temu or Shein with a charge or a price (session 30)', () => {
  it.each(['temu still dirt cheap after all the tariff drama or nah', 'shein duties included?'])('asks: %s', (text) => expect(asksAboutPlatformCharges(text)).toBe(true));
  it.each(['is temu legit or a scam', 'AliExpress charged my card twice'])('does not: %s', (text) => expect(asksAboutPlatformCharges(text)).toBe(false));
});

describe('asksWhetherCanadaMexicoStillFree: whether orders from Canada or Mexico still come in free (session 30)', () => {
  it.each(['canada stuff still tariff free or nah?', 'Did Mexican goods lose de minimis too, or just China?'])('asks: %s', (text) => expect(asksWhetherCanadaMexicoStillFree(text)).toBe(true));
  it.each(['do my goods still qualify under USMCA for duty-free entry?', 'is a gift from my aunt in Canada still duty free?', 'Coming back from Mexico next month with souvenirs. Is my personal allowance still $800 or did that get cut too?', 'when the 800 duty free was still working could cigars from Mexico go under section 321', 'how much duty on a $40 jacket from Canada'])('does not: %s', (text) =>
    expect(asksWhetherCanadaMexicoStillFree(text)).toBe(false),
  );
});

describe('asksWhetherEmergencyTariffsStand: whether the IEEPA tariffs still stand (session 30)', () => {
  it.each([
    ['are the emergancy tariffs still happening my moms shop paid them last year', ''],
    ['Are those emergency tariffs still being collected now?', "UPS hit me with an 'IEEPA' line on a $90 order from India last year."],
  ])('asks: %s', (question, story) => expect(asksWhetherEmergencyTariffsStand(question, story)).toBe(true));
  it.each([
    ['Does UPS automatically send back the emergency tariff money now that the Supreme Court ruled?', ''],
    ['the emergency tariffs are gone, but is Washington cooking up replacement tariffs?', ''],
    // The court's ruling, asked for what it did to low-value parcels (probe sets, session 30).
    ['A lawyer friend insists the court case about emergency tariffs did nothing for low-value packages. Is she correct?', ''],
    ['SCOTUS killed IEEPA right?', ''],
    ['are the emergency tariffs on Canada still on?', ''],
  ])('does not: %s', (question, story) => expect(asksWhetherEmergencyTariffsStand(question, story)).toBe(false));
});

describe('asksCanadaMexicoTariffNow: what tariffs goods from Canada or Mexico pay now (session 30)', () => {
  it.each([
    ['canadian maker, do my customers in the states pay tariffs if my stuff is made in canada', ''],
    ['What tariffs do my American customers pay on them now?', 'I make leather boots in Leon, Mexico.'],
  ])('asks: %s', (question, story) => expect(asksCanadaMexicoTariffNow(question, story)).toBe(true));
  it.each([
    ['Is USMCA going away after the review? And what tariffs do Canadian goods pay?', ''],
    ['bro got steel wheels from canada and got hit w 25%?? whats the steel tariff rn', ''],
    ['customer in canada sending an order back to my shop, do i owe tariff when it comes back in', ''],
  ])('does not: %s', (question, story) => expect(asksCanadaMexicoTariffNow(question, story)).toBe(false));
});

describe('asksWhatGoesOnParcel: what the paperwork of each parcel must say (session 30)', () => {
  it.each(['German seller on eBay: what exactly do I need to put on the customs paperwork for US parcels these days?', 'What details does US customs need me to write on each parcel?'])('asks: %s', (text) =>
    expect(asksWhatGoesOnParcel(text)).toBe(true),
  );
  it.each(['What should she write on the customs form so it counts as a present?', 'what value do i put on the customs paperwork', 'I ship by Royal Mail: what data does each parcel need for the postal entry?'])('does not: %s', (text) =>
    expect(asksWhatGoesOnParcel(text)).toBe(false),
  );
});

describe('asksHowMailIsChargedNow: how duty is charged on ordinary mail now (session 30)', () => {
  it.each(['USPS left a notice saying duty is owed on a parcel from Japan Post. Since when does regular mail charge duty?', 'how does the post office charge duty now on packages'])('asks: %s', (text) =>
    expect(asksHowMailIsChargedNow(text)).toBe(true),
  );
  it.each(['who pays the duty on regular mail now, me or the post office?', 'is there still a flat per-item charge on regular mail?', 'regular mail from China, what rate now?', 'In 2019 I never paid a cent on orders from Germany. Was that because it came by regular post?'])('does not: %s', (text) =>
    expect(asksHowMailIsChargedNow(text)).toBe(false),
  );
});

describe('asksWhoAnswersForCustoms: who answers for customs, the buyer or the seller (session 30)', () => {
  it.each([
    "a maker in Argentina says once it leaves his workshop it's my responsibility at the border. Is that true?",
    'since the factory does the shipping, all the customs stuff is on them and not me. Is he right?',
  ])('asks: %s', (text) => expect(asksWhoAnswersForCustoms(text)).toBe(true));
  it.each(['Etsy says the seller is responsible for customs, is that so?', 'I sell candles; am I responsible for my customers\' duty?'])('does not: %s', (text) =>
    expect(asksWhoAnswersForCustoms(text)).toBe(false),
  );
});

describe('asksHowMailWorkedBefore: how mail came in before the suspension (session 30)', () => {
  it.each(['remember when stuff from overseas just showed up in the mailbox, no bill, nothing? how did that even work before all this mess', 'In the old days, how did records bought from Europe come in by post?'])('asks: %s', (text) =>
    expect(asksHowMailWorkedBefore(text)).toBe(true),
  );
  it.each(['how did the percentage on mail work after August 2025?', 'the cutoff for mailed packages used to be a couple hundred bucks; how did it climb over the years?'])('does not: %s', (text) =>
    expect(asksHowMailWorkedBefore(text)).toBe(false),
  );
});

describe('asksAboutUsedGoods: used goods asked about as a kind (session 30)', () => {
  it.each(['does secondhand stuff still get hit with duty?', 'Does something used still get charged duty?'])('asks: %s', (text) => expect(asksAboutUsedGoods(text)).toBe(true));
  it.each(['bought a used camera for $450, do I owe duty?', 'my old camera is used and scratched'])('does not: %s', (text) => expect(asksAboutUsedGoods(text)).toBe(false));
});

describe('asksWhatToDeclareOnArrival: a traveller\'s declaration, another CBP matter (session 31)', () => {
  it.each(['what should i declare when we land in miami', 'do we still get a declaration form on the plane'])('asks: %s', (text) => expect(asksWhatToDeclareOnArrival(text)).toBe(true));
  it.each([
    'do i declare $12,000 in cash when flying in',
    'what value do i declare for a parcel my seller ships by air',
    'I flew home from Dubai last month with gold bracelets in my suitcase and declared them at the airport and paid nothing. But my brother wants to post me a bracelet now: will he have to declare its value, and will I pay?',
  ])('does not: %s', (text) => expect(asksWhatToDeclareOnArrival(text)).toBe(false));
});

describe('asksAboutTravellingPet: a pet on the trip home, another CBP matter (session 31)', () => {
  it.each(['driving back from quebec with our cat what papers', 'can my puppy fly with me from mexico'])('asks: %s', (text) => expect(asksAboutTravellingPet(text)).toBe(true));
  it.each(['ordered a dog bed from a shop in sweden, duty?', 'my dog ate my customs notice lol'])('does not: %s', (text) => expect(asksAboutTravellingPet(text)).toBe(false));
});

describe('asksSalesTaxAgainstDuty: sales tax beside duty (session 31)', () => {
  it.each(['do i pay sales tax on top of the tariff', 'is customs basically sales tax for imports?'])('asks: %s', (text) => expect(asksSalesTaxAgainstDuty(text)).toBe(true));
  it.each(['sales tax rate in ohio', 'my duty bill came. separately, how do i register for sales tax'])('does not: %s', (text) => expect(asksSalesTaxAgainstDuty(text)).toBe(false));
});

describe('asksAboutDeviceSearch: a traveller\'s phone or laptop searched, another CBP matter (session 31)', () => {
  it.each(['border agents looked through my phone', 'cbp kept my laptop at the airport'])('asks: %s', (text) => expect(asksAboutDeviceSearch(text)).toBe(true));
  it.each(['customs seized the phone i bought on aliexpress', 'i checked my tracking on my phone, parcel still held'])('does not: %s', (text) => expect(asksAboutDeviceSearch(text)).toBe(false));
});

describe('asksAboutCarriedMedicine: a traveller\'s own medicine is another CBP matter (session 32)', () => {
  it.each([
    'my dad needs his heart pills with him on the flight back from Lisbon, any papers needed?',
    'is a letter from my doctor needed for my meds at us customs',
    'can I pack my insulin in my checked bag coming back from Cancun',
  ])('asks: %s', (text) => expect(asksAboutCarriedMedicine(text)).toBe(true));
  it.each([
    'can my sister mail me my prescription from Manila',
    'I ordered vitamins and pills from a pharmacy in India, will they be held?',
    'my package of medicine is stuck at customs',
  ])('does not (goods): %s', (text) => expect(asksAboutCarriedMedicine(text)).toBe(false));
});

describe('a bare "what does that mean?" after an acronym asks about the acronym (session 32)', () => {
  it('takes the acronym the story ends on, or the first of several for "they"', () => {
    expect(definitionSubject('the tracking page says PGA hold. what does that mean')).toBe('PGA');
    expect(definitionSubject('What do they mean?', 'My forwarder keeps saying CSMS and PGA.')).toBe('CSMS');
  });
  it('leaves carriers, countries and agencies alone, and a question of what follows for me', () => {
    expect(acronymTerm('DHL sent my box from the UK and CBP held it.')).toBeUndefined();
    expect(definitionSubject('UPS says my box from the UK is held. What does that mean?')).toBeUndefined();
    expect(definitionSubject('The invoice says DDP. What does that mean for me?')).toBeUndefined();
  });
});

describe('"what is that role?" after a quoted name asks about the name (session 32)', () => {
  it('takes the quoted name for "that role", "this fee"', () => {
    expect(definitionSubject('What is that role exactly?', 'The contract asks who will act as the "importer of record".')).toBe('importer of record');
    expect(definitionSubject("My bill has a line 'disbursement fee'. What is that fee?")).toBe('disbursement fee');
  });
  it('without a quoted name, no term', () => {
    expect(definitionSubject('What is that fee?', 'My bill has a line for a fee.')).toBeUndefined();
  });
});

describe('asksWhetherPilotEnded: whether the 321 data pilot still runs, asked first (session 32)', () => {
  it.each([
    'is the section 321 data pilot over yet? and who took part?',
    'That advance-data test CBP did with the marketplaces, is it still going?',
  ])('asks: %s', (text) => expect(asksWhetherPilotEnded(text)).toBe(true));
  it('reads the pilot from the story', () => expect(asksWhetherPilotEnded('Has that program ended?', 'We sent data to CBP in the 321 pilot.')).toBe(true));
  it.each([
    'What was the 321 data pilot for, and is it still running?',
    'For a school report: what was the Section 321 data pilot, and is it over?',
    'how many companies took part in the data pilot',
    'is de minimis over for good?',
  ])('does not: %s', (text) => expect(asksWhetherPilotEnded(text)).toBe(false));
});

describe('quotedTerms: the words a text puts in quotes (session 32)', () => {
  it('finds each quoted name, in order, with straight or curly quotes, and no apostrophes', () => {
    expect(quotedTerms('my DHL bill lists a \u201cbond fee\u201d and an "advancement fee"')).toEqual(['bond fee', 'advancement fee']);
    expect(quotedTerms("it's my mom's parcel and she's worried")).toEqual([]);
  });
});

describe('asksToBecomeImporterOfRecord: a seller asking to be the importer of record (session 35)', () => {
  it.each(['Can we become the US importer of record ourselves so the customer pays nothing at the door?', "We'd like to act as IOR ourselves, what do we need?", 'i\'m a seller in the uk can i be the us importer of record'])('asks: %s', (text) =>
    expect(asksToBecomeImporterOfRecord(text)).toBe(true),
  );
  it.each(["What's DDP vs DDU, and do I have to be the importer of record?", 'what does importer of record mean', 'how long do I keep records if I become the importer of record?', 'who is the importer of record on my Temu order?'])('does not: %s', (text) =>
    expect(asksToBecomeImporterOfRecord(text)).toBe(false),
  );
});

describe('asksWhoWasInPilot: who or how many took part in the data pilot, asked first (session 35)', () => {
  it.each([
    ['how many companies signed up for that section 321 data pilot', ''],
    ['Roughly how many companies participated?', 'For a research paper on the Section 321 Data Pilot.'],
    ['Was Amazon one of the companies in it? How many were in it?', "I'm reading about CBP's 321 data test."],
  ])('asks: %s', (asked, story) => expect(asksWhoWasInPilot(asked, story)).toBe(true));
  it.each([
    ['What was the 321 data pilot, and which companies were in it?', ''],
    ['Is that old 321 data pilot still running, and how many firms took part?', ''],
    ['how many companies use Section 321?', ''],
  ])('does not: %s', (asked, story) => expect(asksWhoWasInPilot(asked, story)).toBe(false));
});
