import { currencyTable } from './currencies';

const table = currencyTable();
const labelOf = (text: string) => [...table.words, ...table.signs].find((w) => w.pattern.test(text))?.label;

describe('currencyTable', () => {
  it('names each currency by its ISO code, a name before the unit word it ends in', () => {
    expect(labelOf('45,000 naira')).toBe('NGN');
    expect(labelOf('3,000 philippine pesos')).toBe('PHP');
    expect(labelOf('2,000 hryvnias')).toBe('UAH');
  });

  it('says a word many currencies share as the word, and two or three as their codes', () => {
    expect(labelOf('40 dinars')).toBe('dinars');
    expect(labelOf('20 lei')).toBe('MDL or RON');
  });

  it('reads signs, and of signs made of letters only those written before sums', () => {
    expect(labelOf('s/ 250')).toBe('PEN');
    expect(labelOf('₦45,000')).toBe('NGN');
    expect(labelOf('rm 50')).toBe('MYR');
    expect(table.signs.some((s) => s.pattern.test('ft 6'))).toBe(false);
  });

  it('leaves the U.S. dollar and everyday words out', () => {
    expect(labelOf('50 dollars')).toBeUndefined();
    expect(labelOf('2 sol de janeiro')).toBeUndefined();
    expect(labelOf('a real 50')).toBeUndefined();
  });
});
