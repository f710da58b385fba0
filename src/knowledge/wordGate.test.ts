import { learnGateWords, WordGate } from './wordGate';

describe('learnGateWords', () => {
  it('counts each term once per message, in sorted order, with the documents\' message count', () => {
    const learned = learnGateWords([['usd60', 'gift', 'gift'], ['gift']], 10);
    expect(learned).toEqual({ messages: 2, otherMessages: 10, words: { gift: 2, usd60: 1 } });
    expect(Object.keys(learned.words)).toEqual(['gift', 'usd60']);
  });
});

describe('WordGate', () => {
  // Verdict messages talk of gifts and values; document messages of antiques and rates.
  const verdict = learnGateWords([['gift', 'usd60', 'aunt'], ['gift', 'usd90'], ['order', 'usd40']], 6);
  const documents = { 'antiques-art-duty': { antiqu: 3, paint: 2, duty: 3 }, 'section-232-metals': { steel: 3, rate: 3, duty: 3 } };
  const gate = new WordGate(verdict, documents);

  it('leans to a verdict on a verdict\'s words, and away from it on a page\'s', () => {
    expect(gate.logOdds(['gift', 'aunt', 'usd60'])).toBeGreaterThan(0);
    expect(gate.logOdds(['antiqu', 'paint', 'duty'])).toBeLessThan(0);
    expect(gate.logOdds(['antiqu', 'paint', 'duty'])).toBeLessThan(gate.logOdds(['gift', 'duty']));
  });

  it('counts a term once and leaves out terms neither side has seen, so the prior alone is left', () => {
    expect(gate.logOdds(['gift', 'gift'])).toBeCloseTo(gate.logOdds(['gift']));
    expect(gate.logOdds(['zzz'])).toBeCloseTo(Math.log(3 / 6));
    expect(gate.logOdds([])).toBeCloseTo(Math.log(3 / 6));
  });

  it('as the scope gate, leans out of scope on words of messages that were not ours, whatever the documents\' wording', () => {
    const notOurs = learnGateWords([['cancel', 'prime', 'amazon'], ['password', 'amazon'], ['recommend', 'gift']], 12);
    const scope = new WordGate(notOurs, { ...documents, '(verdict)': verdict.words });
    expect(scope.logOdds(['cancel', 'amazon'])).toBeGreaterThan(0);
    expect(scope.logOdds(['antiqu', 'duty'])).toBeLessThan(scope.logOdds([]));
    // A word nobody used (slang, a product name) counts for neither side.
    expect(scope.logOdds(['antiqu', 'duty', 'airpod'])).toBeCloseTo(scope.logOdds(['antiqu', 'duty']));
  });

  it('as the scope gate, adds up what the words typical of ours say, and nothing for words that lean out of scope or nobody used', () => {
    const notOurs = learnGateWords([['cancel', 'prime', 'amazon'], ['password', 'amazon'], ['recommend', 'gift']], 12);
    const scope = new WordGate(notOurs, { ...documents, '(verdict)': verdict.words });
    expect(scope.evidenceForOther(['antiqu'])).toBeGreaterThan(0);
    expect(scope.evidenceForOther(['antiqu', 'duty'])).toBeGreaterThan(scope.evidenceForOther(['antiqu']));
    expect(scope.evidenceForOther(['antiqu', 'duty', 'duty'])).toBeCloseTo(scope.evidenceForOther(['antiqu', 'duty']));
    // "cancel my amazon prime": nothing in it is ours, however many words; a word against does not subtract.
    expect(scope.evidenceForOther(['cancel', 'amazon', 'prime'])).toBe(0);
    expect(scope.evidenceForOther(['antiqu', 'cancel'])).toBeCloseTo(scope.evidenceForOther(['antiqu']));
    expect(scope.evidenceForOther(['airpod'])).toBe(0);
    expect(new WordGate({ messages: 0, otherMessages: 0, words: {} }, documents).evidenceForOther(['antiqu'])).toBe(Infinity);
  });

  it('lets every verdict through when nothing was learned', () => {
    expect(new WordGate({ messages: 0, otherMessages: 0, words: {} }, documents).logOdds(['antiqu'])).toBe(Infinity);
    expect(new WordGate(verdict, {}).learned).toBe(false);
  });
});
