import { worldCountries } from './worldCountries';

describe('worldCountries', () => {
  it('reads each country once, with the fields places.ts and currencies.ts use', () => {
    const peru = worldCountries().find((c) => c.cca2 === 'PE');
    expect(peru?.name.common).toBe('Peru');
    expect(peru?.currencies?.PEN?.name).toBe('Peruvian sol');
    expect(worldCountries().find((c) => c.cca2 === 'DE')?.demonyms?.eng?.m).toBe('German');
    expect(worldCountries()).toBe(worldCountries());
  });
});
