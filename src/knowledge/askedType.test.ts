import { askedTypes, timeClash, typeMatch, typeProfile } from './askedType';

const types = (text: string) => [...askedTypes(text)].sort();

describe('askedTypes', () => {
  it('reads a date question however it is put', () => {
    for (const q of ['china stuff been getting taxed since when exactly', 'When did Hong Kong lose it?', 'what date does the law end it', 'de minimis end date']) {
      expect(types(q)).toContain('when');
    }
  });

  it('reads amounts, people, lengths of time and outcomes', () => {
    expect(types('how much is the steel tariff now')).toEqual(['how-much', 'now']);
    expect(types("what's the rate on mail from india")).toEqual(['how-much']);
    expect(types('what does section 232 charge on steel pans')).toEqual(['how-much']);
    expect(types('who actually pays the duty on a parcel by post')).toEqual(['who']);
    expect(types('how long do I have to file a protest')).toEqual(['how-long']);
    expect(types('if I refuse it what happens to the parcel')).toEqual(['what-happens']);
    expect(types('if CBP catches them what actually happens to the shoes')).toEqual(['what-happens']);
  });

  it('reads whether the rules now or as they were are asked about', () => {
    expect(types('how is duty on mail worked out these days')).toEqual(['now']);
    expect(types('is de minimis still a thing')).toEqual(['now']);
    // Chat spellings: "stil", "rn" (right now).
    expect(types('is the 800 limit stil around')).toEqual(['now']);
    expect(types('whats the steel tariff rn')).toEqual(['now']);
    // "Is it over?" asks whether it still runs; "over $800" is no time.
    expect(types('is the 321 pilot over')).toEqual(['now']);
    expect(types('is the data pilot done yet?')).toEqual(['now']);
    expect(types('my parcel is over 800, do i pay')).toEqual([]);
    expect(types('in the old days did the mailman just hand it over')).toEqual(['then']);
    expect(types('how did type 86 work')).toEqual(['then']);
  });

  it('finds several types in one question, and none in a yes/no or a how-to question', () => {
    expect(types('Who pays the duty, and how much is it?')).toEqual(['how-much', 'who']);
    expect(types('is de minimis dead')).toEqual([]);
    expect(types('can I refuse the parcel')).toEqual([]);
    expect(types('how do I find my tariff code')).toEqual([]);
    expect(types('why was I charged')).toEqual([]);
  });

  it('does not read a cue inside another word', () => {
    expect(types('whoever sent it, update me')).toEqual([]);
  });
});

describe('typeProfile and typeMatch', () => {
  it('weighs the title as much as all the questions together', () => {
    const profile = typeProfile('When did China lose de minimis?', ['china de minimis end date', 'who decided it']);
    expect(profile.get('when')).toBeCloseTo(0.75);
    expect(profile.get('who')).toBeCloseTo(0.25);
  });

  it('scores the best asked type the document answers, 0 when nothing is asked', () => {
    const profile = typeProfile('How much did China parcels pay?', ['china parcel rate', 'when did it start']);
    expect(typeMatch(new Set(['how-much']), profile)).toBeCloseTo(0.5);
    expect(typeMatch(new Set(['how-much', 'when']), profile)).toBeCloseTo(0.5);
    expect(typeMatch(new Set(['when']), profile)).toBeCloseTo(0.25);
    expect(typeMatch(new Set(), profile)).toBe(0);
  });
});

describe('timeClash', () => {
  const history = typeProfile('How did Entry Type 86 work before it ended?', ['how did type 86 work', 'what was type 86 used for']);
  const now = typeProfile('Is Entry Type 86 still accepted?', ['does type 86 still work this year']);
  const both = typeProfile('What did mail pay, and what does it pay now?', ['how did mail duty work back then']);

  it('a question about now does not belong to a page that tells only how it was, and the other way round', () => {
    expect(timeClash(askedTypes('type 86 still work'), history)).toBe(true);
    expect(timeClash(askedTypes('how did type 86 work back then'), now)).toBe(true);
  });

  it('no clash when the page tells the time asked, both times, or the question asks no time', () => {
    expect(timeClash(askedTypes('type 86 still work'), now)).toBe(false);
    expect(timeClash(askedTypes('type 86 still work'), both)).toBe(false);
    expect(timeClash(askedTypes('type 86 work'), history)).toBe(false);
  });
});
