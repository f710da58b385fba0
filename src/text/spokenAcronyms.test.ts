/**
 * Acronyms spelled out (spokenAcronyms.ts): speech to text writes "CBP" as "see bee pee", and the
 * scope checks read the raw text, so a spelled-out CBP must be CBP for them too.
 */
import { withSpokenAcronyms } from './spokenAcronyms';

describe('withSpokenAcronyms', () => {
  it.each([
    ['does see bee pee mail refund checks or is it only direct deposit now', 'does CBP mail refund checks or is it only direct deposit now'],
    ['See-Bee-Pee took my parcel', 'CBP took my parcel'],
    ['the c.b.p. officer took it', 'the CBP officer took it'],
    ['why is c b p holding it', 'why is CBP holding it'],
    ['u.s.p.s. wants $12', 'USPS wants $12'],
    ['you ess pee ess says it is held', 'USPS says it is held'],
  ])('%s', (text, expected) => expect(withSpokenAcronyms(text)).toBe(expected));

  it.each(['I see a bee on the pear', 'a b c of customs', 'plan b p.s. thanks', 'is the USPS tracking right'])('leaves other words alone: %s', (text) =>
    expect(withSpokenAcronyms(text)).toBe(text),
  );
});
