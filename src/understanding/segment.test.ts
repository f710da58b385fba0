/**
 * Splitting a message into its questions and its story (segment.ts): people tell a story and
 * ask at the end, ask two or three things at once, or run everything together without
 * punctuation. The bot looks up each question with the story as context, so a lost question is
 * a question never answered, and a story read as a question pulls the answer off topic.
 */
import fc from 'fast-check';
import { asksSomething, segment, withoutPreamble, withoutPurpose } from './segment';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Letter-and-digit tokens of a text, counted. */
function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

describe('segment: a story with the question at the end', () => {
  it('keeps the story as context and the last sentence as the one question', () => {
    const s = segment(
      'I make soy candles in a small shop in Vermont and sell on Etsy. A customer in Toronto says she was charged at the door. Do I have to refund her?',
    );
    expect(s.questions).toEqual(['Do I have to refund her?']);
    expect(s.context).toContain('I make soy candles in a small shop in Vermont');
    expect(s.context).toContain('A customer in Toronto says she was charged at the door.');
    expect(s.context).not.toContain('refund');
  });

  it('a story without punctuation: the story part is context, the question part is the question', () => {
    const s = segment('my temu order is stuck at customs how long does it usually take');
    expect(s.questions).toEqual(['how long does it usually take']);
    expect(s.context).toBe('my temu order is stuck at customs');
  });

  it('polite requests in a letter ("Kindly provide …", "I would also like …") are what it asks', () => {
    expect(segment('Dear Madam, I run a small shop. Kindly advise the phone number for CBP. I would also like the email of the e-commerce office. Regards, J. Smith').questions).toEqual([
      'Kindly advise the phone number for CBP.',
      'I would also like the email of the e-commerce office.',
    ]);
  });

  it('"I have been wondering about this" asks nothing by itself: the question after it is the one asked', () => {
    const s = segment('I have been wondering about this for a while. I refused a package because of a $60 duty bill. Will eBay still give me my money back?');
    expect(s.questions).toEqual(['Will eBay still give me my money back?']);
    expect(segment("I'm confused about all this. Is de minimis dead?").questions).toEqual(["I'm confused about all this. Is de minimis dead?"]);
    expect(segment('Just wondering about gift limits for parcels from Canada').questions).toEqual(['Just wondering about gift limits for parcels from Canada']);
  });

  it('an indirect question ("I wonder whether …") after a story is a question, not story', () => {
    const s = segment('A package from my cousin in Lyon arrived yesterday with a bill from DHL. I am wondering whether I really have to pay it.');
    expect(s.questions).toEqual(['I am wondering whether I really have to pay it.']);
    expect(s.context).toBe('A package from my cousin in Lyon arrived yesterday with a bill from DHL.');
  });
});

describe('segment: several questions in one message', () => {
  it('two questions, each with its own question mark, after a story', () => {
    const s = segment('I make candles in Ontario. My customer in Ohio got a UPS bill. Do I have to pay it? And should I ship DDP from now on?');
    expect(s.questions).toEqual(['Do I have to pay it?', 'And should I ship DDP from now on?']);
    expect(s.context).toBe('I make candles in Ontario. My customer in Ohio got a UPS bill.');
  });

  it('three questions in a row are three questions, in the order asked', () => {
    const s = segment('Is de minimis gone? Did the supreme court change anything about it? When does the law end it for good?');
    expect(s.questions).toEqual(['Is de minimis gone?', 'Did the supreme court change anything about it?', 'When does the law end it for good?']);
    expect(s.context).toBe('');
  });

  it('two questions with "also" and no story', () => {
    expect(segment('Do I need a customs broker for my own small parcel? Also what is the informal entry limit?').questions).toEqual([
      'Do I need a customs broker for my own small parcel?',
      'Also what is the informal entry limit?',
    ]);
  });
});

describe('segment: the question the writer calls the main one comes first', () => {
  it('"And the main one:" before the last question', () => {
    const s = segment('Three questions from our shop. Is DDP better for us? Can UPS add a late fee? And the main one: who decides each line on the DHL bill, CBP or DHL?');
    expect(s.questions).toEqual(['who decides each line on the DHL bill, CBP or DHL?', 'Is DDP better for us?', 'Can UPS add a late fee?']);
    expect(s.context).toContain('And the main one:');
  });

  it('"Most importantly," or "My real question is" at the start of a later question', () => {
    expect(segment('Do I need a broker? Most importantly, will I pay duty on a $300 lamp from Italy?').questions[0]).toBe('Most importantly, will I pay duty on a $300 lamp from Italy?');
    expect(segment('Can UPS charge me a late fee? My real question is: how do I dispute the bill?').questions).toEqual([
      'My real question is: how do I dispute the bill?',
      'Can UPS charge me a late fee?',
    ]);
  });

  it('the mark after the question: "that\'s the main thing", "that\'s what I need to know" (session 33)', () => {
    expect(segment('Will the seller refund the postage? And can I get the duty back, that is the main thing?').questions[0]).toBe('And can I get the duty back, that is the main thing?');
    expect(segment('Does UPS charge to send it back? Do I owe duty on a used camera at all? That\'s what I actually need to know.').questions[0]).toBe('Do I owe duty on a used camera at all?');
    expect(segment('Is the seller lying? The thing I\'m mad about: why is there duty on a $20 mug?').questions[0]).toContain('why is there duty on a $20 mug?');
  });

  it('a story that only mentions a main thing does not reorder the questions', () => {
    // The sentence before the second question is part of the story, not an announcement.
    expect(segment('Is my parcel held? Our main thing is handmade candles from a small studio in Leeds. Do I need a broker?').questions).toEqual([
      'Is my parcel held?',
      'Do I need a broker?',
    ]);
    expect(segment('Is my parcel held? Do I need a broker for the main shipment?').questions[0]).toBe('Is my parcel held?');
  });
});

describe('segment: a request whose object is the question', () => {
  it('"kindly explain what is …" and "please tell me how long …" are one question each', () => {
    expect(segment('Madam, kindly explain what is MPF on my bill').questions).toEqual(['Madam, kindly explain what is MPF on my bill']);
    expect(segment('please tell me how long customs can keep my parcel').questions).toEqual(['please tell me how long customs can keep my parcel']);
  });
});

describe('segment: run-on messages without punctuation', () => {
  it('cuts where a new question starts ("… is that legit and can i refuse it")', () => {
    const s = segment('dhl wants 25 bucks is that legit and can i refuse it');
    expect(s.questions).toEqual(['is that legit', 'and can i refuse it']);
    expect(s.context).toBe('dhl wants 25 bucks');
  });

  it('keeps an either/or question whole ("is that still ok as a gift or do we pay tariffs now")', () => {
    const s = segment('my aunt sends a big box of clothes every year. is that still ok as a gift or do we pay tariffs on it now');
    expect(s.questions).toEqual(['is that still ok as a gift or do we pay tariffs on it now']);
  });

  it('a story, then two questions, all in one sentence', () => {
    const s = segment('i sell candles on etsy and a customer in ohio got a ups bill do i have to pay it and should i ship ddp');
    expect(s.questions).toEqual(['do i have to pay it', 'and should i ship ddp']);
    expect(s.context).toBe('i sell candles on etsy and a customer in ohio got a ups bill');
  });

  it('does not cut a question in the middle of "how long do i have" or "when do i have to"', () => {
    expect(segment('how long do i have to dispute a ups bill').questions).toEqual(['how long do i have to dispute a ups bill']);
    expect(segment('when do i have to pay the duty on my parcel').questions).toEqual(['when do i have to pay the duty on my parcel']);
  });

  it('"… can i dispute that and how long do i have": two questions', () => {
    const s = segment('ups says i owe 40 dollars can i dispute that and how long do i have');
    expect(s.questions).toHaveLength(2);
    expect(s.questions[1]).toBe('and how long do i have');
  });

  // Same bug: "and how much | is it usually" is cut apart and both halves join the first question.
  it('"is there a way to avoid the fee and how much is it usually": two questions', () => {
    expect(segment('is there a way to avoid the fee and how much is it usually').questions).toEqual([
      'is there a way to avoid the fee',
      'and how much is it usually',
    ]);
  });

  it('"…, and why was my parcel charged so much" (no question mark): two questions, a past tense too', () => {
    expect(segment('when did the UK lose the duty free thing, and why was my parcel from there charged 40 percent').questions).toEqual([
      'when did the UK lose the duty free thing,',
      'and why was my parcel from there charged 40 percent',
    ]);
  });
});

describe('segment: two questions joined in one sentence with a question mark', () => {
  it('cuts after a comma or an "and" where a second question starts, and keeps the order', () => {
    expect(segment('When did China lose de minimis, and why were postal packages from China being charged 54%?').questions).toEqual([
      'When did China lose de minimis,',
      'and why were postal packages from China being charged 54%?',
    ]);
  });
  it('does not cut before a clause that puts its subject after the question word (", where I bought it,")', () => {
    expect(segment('Does the duty go by Germany, where I bought it, or China, where it was built?').questions).toEqual(['Does the duty go by Germany, where I bought it, or China, where it was built?']);
  });
  it('cuts before a question word written with its verb ("where\'s", "what\'s")', () => {
    expect(segment("What's the difference between an informal and a formal entry, and where's the dollar cutoff?").questions).toEqual([
      "What's the difference between an informal and a formal entry,",
      "and where's the dollar cutoff?",
    ]);
  });
  it('knows question words as people misspell them ("wat", "wht")', () => {
    expect(segment('wht was that 321 data pilot thing and who was sending data in it').questions).toEqual(['wht was that 321 data pilot thing', 'and who was sending data in it']);
    expect(segment('my pakage from colombia is stuk in custom 2 weeks now wat do i do').questions).toEqual(['wat do i do']);
  });
  it('cuts before "and" with a yes/no question and its subject, with or without a comma', () => {
    expect(segment('What was the Section 321 data pilot about and is it still running?').questions).toEqual([
      'What was the Section 321 data pilot about',
      'and is it still running?',
    ]);
    expect(segment('what exactly is an importer of record, and can our little company in Porto become one?').questions).toEqual([
      'what exactly is an importer of record,',
      'and can our little company in Porto become one?',
    ]);
    // An agency or a carrier after the comma is a subject too (session 21).
    expect(segment('Do I owe duty on the vitamins, and can FDA stop them?').questions).toEqual(['Do I owe duty on the vitamins,', 'and can FDA stop them?']);
    // No subject after the verb: not a second question.
    expect(segment('Which fees are real and are charged by CBP?').questions).toHaveLength(1);
  });
  it('keeps "X and Y", an either/or and a story before the question whole', () => {
    for (const q of [
      "What's the difference between the consignee and the importer of record?",
      'Does the fact they are made in Australia change the duty, or is it all the same rate regardless?',
      'I have an LLC in Wyoming, do I need an EIN to open a business bank account?',
    ]) expect(segment(q).questions).toEqual([q]);
  });
});

describe('segment: a message that uses question marks', () => {
  it('does not cut its statements where a question word happens to start a clause', () => {
    const text = 'FedEx charged me $90 in tariffs, and most of it was the emergency tariffs that got thrown out in court. Is FedEx going to send that money back to me?';
    expect(segment(text).questions).toEqual(['Is FedEx going to send that money back to me?']);
  });
});

describe('segment: short follow-up questions', () => {
  it('"Why?" joins the sentence before it: one question that says what it asks about', () => {
    const s = segment('Royal Mail wants VAT before they deliver. Why?');
    expect(s.questions).toEqual(['Royal Mail wants VAT before they deliver. Why?']);
    expect(s.context).toBe('');
  });

  it('a follow-up with no verb of its own ("and hong kong same day?") is read with the question before it', () => {
    expect(segment('When did China lose de minimis? And Hong Kong the same day?').questions).toEqual(['When did China lose de minimis? And Hong Kong the same day?']);
    expect(segment('Do gifts still get in free? What about ones from Canada?').questions).toEqual(['Do gifts still get in free? What about ones from Canada?']);
    // A follow-up that asks a question of its own, or a statement, stays apart.
    expect(segment('Do I have to pay the UPS bill? And should I ship DDP next time?').questions).toEqual(['Do I have to pay the UPS bill?', 'And should I ship DDP next time?']);
    expect(segment('Why was I charged? And I only paid $40.').questions).toEqual(['Why was I charged?']);
  });

  it('"Duty?" joins the sentence before it, and an earlier story stays context', () => {
    const s = segment('I love vintage cameras. My parcel from Japan is arriving next week. Duty?');
    expect(s.questions).toEqual(['My parcel from Japan is arriving next week. Duty?']);
    expect(s.context).toBe('I love vintage cameras.');
  });

  it('a longer question does not join the sentence before', () => {
    const s = segment('My parcel from Japan is arriving next week. Will I owe duty on it when it lands?');
    expect(s.questions).toEqual(['Will I owe duty on it when it lands?']);
    expect(s.context).toBe('My parcel from Japan is arriving next week.');
  });
});

describe('segment: a single question stays whole', () => {
  it.each([
    'Is the $800 de minimis still a thing in 2026?',
    'is de minimis dead',
    'can i still get stuff under 800 dollars in without paying anything at customs',
    'what do i do if my package is held',
  ])('%s', (q) => {
    const s = segment(q);
    expect(s.questions).toEqual([q]);
    expect(s.context).toBe('');
  });

  it('a message that asks nothing is its own question (so it is still looked up), and its context', () => {
    const s = segment('My parcel arrived today.');
    expect(s.questions).toEqual(['My parcel arrived today.']);
  });

  it('spaces and line breaks are collapsed; an empty message has no question', () => {
    expect(segment('  Is   de minimis\n\nover?  ').questions).toEqual(['Is de minimis over?']);
    expect(segment('   ').questions).toEqual([]);
  });
});

describe('asksSomething', () => {
  it.each(['When the courier came, what was I supposed to pay?', 'Do I have to pay that?', 'is that legit', 'how do I dispute it', 'anyone know if UPS fees are negotiable', 'I wonder if I owe anything', 'please explain the new rule', 'He asks if he should have owed anything.', 'the customer wants to know whether it was duty-free'])(
    'asks: %s',
    (t) => expect(asksSomething(t)).toBe(true),
  );
  // A question someone asked in the past is part of the story: "She asked if I'll be billed each time."
  it.each(['My customer got a bill from UPS.', 'I make candles in Ontario', 'The parcel came by DHL last week', "She asked if I'll be billed each time she sends something.", 'When the courier came, he wanted $20 and I said no.', 'After the box landed, nobody called me.'])('tells: %s', (t) =>
    expect(asksSomething(t)).toBe(false),
  );
});

describe('segment: properties for any message', () => {
  /** Text people might write: words, question words, names, amounts and punctuation, spaced as typed. */
  const token = fc.oneof(
    fc.constantFrom('i', 'my', 'order', 'parcel', 'temu', 'DHL', 'duty', 'bill', 'from', 'the', 'UK', 'and', 'it', 'came', '$40', 'refund', 'customs'),
    fc.constantFrom('is', 'can', 'do', 'how', 'why', 'what', 'should', 'does', 'much', 'long', 'that', 'there', 'also', 'so'),
    fc.constantFrom('?', '.', '!', ',', '??', '...'),
    fc.stringMatching(/^[a-z]{1,8}$/),
  );
  const natural = fc.array(token, { minLength: 1, maxLength: 40 }).map((ts) => ts.join(' ').replace(/ ([?.!,])/g, '$1'));
  /** Anything, including odd whitespace, punctuation without spaces and other scripts. */
  const anyText = fc.string({ unit: 'grapheme', maxLength: 200 });

  it('every question is a piece of the message as written (after collapsing whitespace)', () => {
    fc.assert(
      fc.property(natural, (message) => {
        const text = collapse(message);
        for (const q of segment(message).questions) expect(text).toContain(q);
      }),
      { numRuns: 500 },
    );
  });

  it('for any text, every question is the message\'s own text (spaces aside), never invented', () => {
    fc.assert(
      fc.property(anyText, (message) => {
        const squeezed = message.replace(/\s+/g, '');
        for (const q of segment(message).questions) expect(squeezed).toContain(q.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('no text is lost: the questions and the context hold every word of the message, once when something is asked', () => {
    fc.assert(
      fc.property(fc.oneof(natural, anyText), (message) => {
        const s = segment(message);
        const given = tokenCounts(message);
        const kept = tokenCounts(`${s.questions.join(' ')} ${s.context}`);
        const asked = s.parts.some((p) => p.asks);
        // Every word is kept; when something is asked, exactly once (questions and story do not overlap).
        for (const [t, n] of given) expect({ t, n: kept.get(t) ?? 0 }).toEqual({ t, n: asked ? n : expect.any(Number) });
        for (const [t, n] of given) expect(kept.get(t) ?? 0).toBeGreaterThanOrEqual(n);
        if (asked) expect(kept.size).toBe(given.size);
        // The parts are the message in order.
        expect(s.parts.map((p) => p.text).join('').replace(/\s+/g, '')).toBe(message.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('an announcement before the questions ("Two things:", "Quick question:")', () => {
  it('is story, and the questions after it are cut as usual', () => {
    const s = segment('Two things: how do I file a protest, and what is the deadline for it?');
    expect(s.questions).toEqual(['how do I file a protest,', 'and what is the deadline for it?']);
    expect(s.context).toBe('Two things:');
  });

  it('a colon in a story, or a question before the colon, is not an announcement', () => {
    expect(withoutPreamble('Update: the parcel arrived yesterday.')).toBeUndefined();
    expect(withoutPreamble('What I was told by the carrier on the phone last week: pay or it goes back?')).toBeUndefined();
    expect(withoutPreamble('why this: a $40 bill on a $20 shirt?')).toBeUndefined();
  });
});

describe('"how many days" is one question with what follows it', () => {
  it.each(['protest a duty decision how many days do i have', 'refund how long do i have to wait', 'how much 232 duty is there on aluminum products', 'how many small parcels can i send a day'])('%s', (text) => {
    expect(segment(text).questions).toHaveLength(1);
  });

  it('a verb after "how much" ends what is counted: "how much did I pay" and "is it …" are two questions', () => {
    expect(segment('how much did they charge me on the last box and is it the same on this one').questions).toEqual(['how much did they charge me on the last box', 'and is it the same on this one']);
  });
});

describe('a question after a filler word ("seriously though", "btw", "honestly") is still a question', () => {
  it('"Also seriously though, do I pay …" after a joke question is asked too, not story', () => {
    const s = segment('Is Shein or Temu better quality for kids clothes? lol. Also seriously though, do I pay a tariff on Temu orders now');
    expect(s.questions).toEqual(['Is Shein or Temu better quality for kids clothes?', 'Also seriously though, do I pay a tariff on Temu orders now']);
  });

  it('"btw, can I …" too', () => {
    expect(segment('My parcel is late. Is it at customs? btw, can I track it with CBP').questions).toHaveLength(2);
  });
});

describe('a statement with question marks of disbelief ("50%??") is story when a real question follows', () => {
  it('the question asked in a question\'s form is the one asked', () => {
    const s = segment('my $90 wool scarf from a shop in edinburgh got charged like it was a steel product, 50%?? obviously the wrong rate. can that be corrected after i already paid ups');
    expect(s.questions).toEqual(['can that be corrected after i already paid ups']);
    expect(s.context).toContain('steel product');
  });

  it('alone, it is still the question', () => {
    expect(segment('my $9 socks from Poland got charged a $20 fee??').questions).toEqual(['my $9 socks from Poland got charged a $20 fee??']);
  });

  it('a tag question ("… right??") and a short telegraphic one ("mexico = usmca = free??") still ask', () => {
    expect(segment('so the supreme court killed the tariffs right?? then why am i still paying duty').questions).toHaveLength(2);
    expect(segment('boots from a workshop in Mexico, $120, shipping this week. mexico = usmca = free?? or am i gonna get charged').questions[0]).toMatch(/free\?\?$/);
  });
});

describe('a run-on sentence that opens with "when I …" sets up its question', () => {
  it('is one question, not a "when" question and another', () => {
    const text = "when i import things to resell do i declare what i paid the factory or what i'm going to sell it for";
    expect(segment(text).questions).toEqual([text]);
  });

  it('"when did …" still asks a question of its own', () => {
    expect(segment('when did china lose de minimis is it coming back').questions).toEqual(['when did china lose de minimis', 'is it coming back']);
  });
});

describe('a "when" or "if" clause before the question sets it up', () => {
  it('is not cut off as a question of its own', () => {
    expect(segment('If we ship from our warehouse in Leeds, do our buyers pay the duty?').questions).toEqual(['If we ship from our warehouse in Leeds, do our buyers pay the duty?']);
  });

  it('a name may be the clause\'s subject: "When FedEx clears a box for me …, is FedEx the importer?" is one question', () => {
    const text = 'When FedEx clears a box for me from a shop in Denmark, is FedEx the importer or am I?';
    expect(segment(text).questions).toEqual([text]);
  });

  it('"When did …, and why …?" still asks two things', () => {
    expect(segment('When did China lose de minimis, and why were parcels charged 54%?').questions).toHaveLength(2);
  });
});

describe('messages without question marks, with capitals', () => {
  it('a capitalised word that starts a question or a sentence ends the one before', () => {
    expect(segment('What was the Section 321 data pilot Nothing to do with Amazon I hope').questions).toEqual(['What was the Section 321 data pilot']);
    expect(segment('Can I still file Type 86 If not which entry types do couriers use now').parts.map((p) => p.text)).toEqual([
      'Can I still file Type 86',
      'If not which entry types do couriers use now',
    ]);
    expect(segment('My parcel has been held for a week Is that normal for parcels from Spain now').questions).toEqual(['Is that normal for parcels from Spain now']);
  });

  it('but not at a name or a month ("arrived in May", "the Supreme Court")', () => {
    expect(segment('my order from Amazon arrived in May and the Supreme Court ruled in February').parts).toHaveLength(1);
  });
});

describe('dictated or phone-typed messages, without capitals', () => {
  it('"… and what makes …", "… and would a …": a question joined to the one before with "and"', () => {
    expect(segment('can my cousin in peru still send me a gift duty-free and what makes something a real gift versus a purchase').questions).toEqual([
      'can my cousin in peru still send me a gift duty-free',
      'and what makes something a real gift versus a purchase',
    ]);
    expect(segment('can i import a butterfly knife from the philippines and would a 150-year-old sword from an antique shop be duty-free').questions).toEqual([
      'can i import a butterfly knife from the philippines',
      'and would a 150-year-old sword from an antique shop be duty-free',
    ]);
  });

  it('a full stop before a lowercase word ends a sentence, so the question after the story is found', () => {
    const s = segment('I sell pottery from Lisbon by post. what paperwork does customs want on mail now and what is entry type thirteen');
    expect(s.questions).toEqual(['what paperwork does customs want on mail now', 'and what is entry type thirteen']);
    expect(s.context).toBe('I sell pottery from Lisbon by post.');
  });

  it('but not after a word with dots in it or a short abbreviation', () => {
    expect(segment('I ship to the U.S. customs keeps my boxes for weeks and why is that').parts[0].text).toMatch(/^I ship to the U\.S\. customs keeps/);
    expect(segment('it was approx. forty dollars and do I pay duty on it').parts[0].text).toMatch(/^it was approx\. forty dollars/);
  });

  it('"lol" or "smh" after a question ends it; the words after it are the story', () => {
    const s = segment("what's a consignee lol the dhl guy asked me and i just nodded");
    expect(s.questions).toEqual(["what's a consignee lol"]);
    expect(s.context).toBe('the dhl guy asked me and i just nodded');
  });

  it('but after a statement it ends nothing: the story stays one sentence', () => {
    expect(segment("seller said i'm the importer lmao i literally just bought a sweater").parts.map((p) => p.text)).toEqual(["seller said i'm the importer lmao i literally just bought a sweater"]);
    expect(segment('what even is de minimis lol').questions).toEqual(['what even is de minimis lol']);
  });

  it('"what happens to it" is a question even though all its words are little ones', () => {
    expect(segment('if I never pay the bill, what happens to it, and how long do they keep it').questions).toEqual(['what happens to it,', 'and how long do they keep it']);
  });
});

describe('withoutPurpose: what the person wants to avoid is the story, not the question', () => {
  it('takes "so they don\'t get stuck" out of a question about the customs form', () => {
    expect(withoutPurpose("What has to be on my customs forms for US parcels so they don't get stuck?")).toEqual({ asked: 'What has to be on my customs forms for US parcels?', purpose: "so they don't get stuck" });
    expect(withoutPurpose('How do I certify USMCA origin, so that my American customers never pay duty?')).toEqual({ asked: 'How do I certify USMCA origin?', purpose: 'so that my American customers never pay duty' });
  });

  it('leaves a question without one, and a question that is only the clause', () => {
    expect(withoutPurpose('So do I pay duty on it?')).toEqual({ asked: 'So do I pay duty on it?', purpose: '' });
    expect(withoutPurpose("so they don't get stuck?")).toEqual({ asked: "so they don't get stuck?", purpose: '' });
    expect(withoutPurpose('I paid so why did they charge me?')).toEqual({ asked: 'I paid so why did they charge me?', purpose: '' });
  });
});
