import { stem } from './stem';

describe('stem', () => {
  it.each([
    ['shipments', 'shipment'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['ships', 'ship'],
    ['policies', 'policy'],
    ['duties', 'duty'],
    ['taxes', 'tax'],
    ['watches', 'watch'],
    ['classified', 'classify'],
    ['agreed', 'agree'],
    ['fees', 'fee'],
    ['counterfeits', 'counterfeit'],
    ['counterfeiting', 'counterfeit'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['charge', 'charged', 'charges', 'charging'],
    ['seize', 'seized', 'seizes', 'seizing'],
    ['package', 'packages', 'packaged'],
    ['file', 'filed', 'filing', 'files'],
    ['order', 'orders', 'ordered', 'ordering'],
  ])('%s and its forms meet', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it.each(['seller', 'importer', 'status', 'analysis', 'express', 'ruling', 'rulings', 'marking', 'need', 'news', 'usd800', '2026', 'tax', 'us'])(
    'leaves %s alone or nearly (no over-stemming)',
    (word) => {
      expect(stem(word)).toBe(word === 'rulings' ? 'ruling' : word);
    },
  );

  it('keeps "seller" apart from "sell" and "ruling" apart from "rule"', () => {
    expect(stem('seller')).not.toBe(stem('sell'));
    expect(stem('ruling')).not.toBe(stem('rules'));
  });

  it('keeps a parcel "sitting" at the depot apart from a web "site"', () => {
    expect(stem('sitting')).not.toBe(stem('site'));
  });

  it('keeps "taxed" apart from "tax": goods "taxed" are charged duty, a "tax" is often sales or income tax', () => {
    expect(stem('taxed')).toBe('taxed');
    expect(stem('taxes')).toBe(stem('tax'));
  });

  it('keeps a double f: "tariffed" meets "tariff"', () => {
    expect(stem('tariffed')).toBe(stem('tariff'));
    expect(stem('stuffed')).toBe(stem('stuff'));
    expect(stem('shipped')).toBe(stem('ship'));
  });

  it('keeps "let it sit" apart from a web "site"; "sites" still meets "site"', () => {
    expect(stem('sit')).not.toBe(stem('site'));
    expect(stem('sites')).toBe(stem('site'));
  });
});
