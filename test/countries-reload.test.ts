/**
 * The country table is data read at run time, like the rules (issue 16): staff `reload` re-reads
 * knowledge/rules/countries.json with the rule file, and a broken table keeps the current one.
 * Through Content, what the staff `reload` command calls (src/app.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Content, ContentError } from '../src/app';
import { countryName, parseCountry } from '../src/rules';

const ROOT = path.resolve(__dirname, '..');

describe('staff reload and the country table', () => {
  let dir: string;
  let countriesFile: string;
  let original: Record<string, unknown>;

  beforeAll(() => {
    // The real rules and country table, copied where the test may change them.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'countries-reload-'));
    fs.copyFileSync(path.join(ROOT, 'knowledge/rules/duty-free.yaml'), path.join(dir, 'duty-free.yaml'));
    countriesFile = path.join(dir, 'countries.json');
    fs.copyFileSync(path.join(ROOT, 'knowledge/rules/countries.json'), countriesFile);
    original = JSON.parse(fs.readFileSync(countriesFile, 'utf8')) as Record<string, unknown>;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a reload picks up a changed countries.json; a broken one is refused and the current table stays', () => {
    const content = Content.load(path.join(ROOT, 'knowledge'), path.join(dir, 'duty-free.yaml'), () => '2026-11-25');
    expect(parseCountry('it came from Blighty')).toBeUndefined();
    expect(countryName('GB')).toBe('United Kingdom');
    expect(content.rules().countries.GB?.[0]).toBe('United Kingdom');

    // An editor adds an alias and changes the name shown, then a staff member types `reload`.
    fs.writeFileSync(countriesFile, JSON.stringify({ ...original, GB: ['Great Britain', ...(original.GB as string[]), 'Blighty'] }, null, 2));
    expect(content.reload().documents).toBeGreaterThan(0);
    expect(parseCountry('it came from Blighty')).toBe('GB');
    expect(countryName('GB')).toBe('Great Britain');
    expect(content.rules().countries.GB?.[0]).toBe('Great Britain');

    // A mistake (one alias for two countries): the reload fails, saying where, and nothing changes.
    fs.writeFileSync(countriesFile, JSON.stringify({ ...original, UA: ['Ukraine', 'Blighty'], GB: ['Great Britain', 'Blighty'] }, null, 2));
    let refused: unknown;
    try {
      content.reload();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ContentError);
    expect((refused as ContentError).problems).toEqual([expect.stringMatching(/countries\.json: UA\[1\]: "Blighty" is already a name of GB|countries\.json: GB\[1\]: "Blighty" is already a name of UA/)]);
    expect(parseCountry('it came from Blighty')).toBe('GB');
    expect(countryName('GB')).toBe('Great Britain');
  });
});
