/**
 * Names in messages (names.ts, knowledge/names.yaml): marketplaces, couriers and postal
 * services carry meaning (a Temu order is a purchase, DHL is a courier, Canada Post posts from
 * Canada), so a missed name loses a fact and a false one invents one.
 */
import path from 'node:path';
import { findNames, loadNames, nameWords, parseNames, type NameTable } from './names';

const FILE = path.join(__dirname, '..', '..', 'knowledge', 'names.yaml');
const loaded = loadNames(FILE);
const table = loaded.table;
const namesIn = (text: string, t: NameTable = table) => findNames(text, t).map((m) => m.name.name);
const byName = (name: string) => table.names.find((n) => n.name === name)!;

describe('knowledge/names.yaml', () => {
  it('loads without problems and knows the names the issue lists', () => {
    expect(loaded.problems).toEqual([]);
    for (const name of ['Temu', 'Shein', 'AliExpress', 'Etsy', 'eBay', 'Amazon', 'Shopify', 'DHL', 'UPS', 'FedEx', 'USPS', 'Canada Post', 'Royal Mail']) {
      expect(byName(name)).toBeDefined();
    }
  });

  it('says what each kind of name tells: marketplaces are purchases, couriers express, postal services mail from their country', () => {
    for (const n of table.names) {
      if (n.type === 'marketplace') expect(n.kind).toBe('purchase');
      if (n.type === 'courier') expect(n.mode).toBe('express');
      if (n.type === 'postal') {
        expect(n.mode).toBe('mail');
        expect(n.country).toMatch(/^[A-Z]{2}$/);
      }
    }
    expect(byName('Canada Post').country).toBe('CA');
    expect(byName('Temu').usuallyShipsFrom).toBe('CN');
  });
});

describe('nameWords', () => {
  it('holds each word of every name and alias in lower case, for the typo corrector', () => {
    const words = nameWords(table);
    for (const w of ['temu', 'shein', 'aliexpress', 'canada', 'post', 'royal', 'mail', 'dhl', 'fedex']) expect(words.has(w)).toBe(true);
    expect(words.has('order')).toBe(false);
    expect(nameWords(table)).toBe(words); // worked out once per table
  });
});

describe('findNames', () => {
  it('finds a marketplace and a courier in one message, in order', () => {
    const found = findNames('my temu order came with a DHL bill', table);
    expect(found.map((m) => m.name.name)).toEqual(['Temu', 'DHL']);
    expect(found.map((m) => m.name.type)).toEqual(['marketplace', 'courier']);
    expect(found[0].index).toBeLessThan(found[1].index);
  });

  it('reads "Canada Post" as the postal service, not the country plus the word "post"', () => {
    const found = findNames('It came by Canada Post last Tuesday', table);
    expect(found.map((m) => m.name.name)).toEqual(['Canada Post']);
    expect(found[0].name.country).toBe('CA');
    expect(namesIn('I live in Canada and will post it tomorrow')).toEqual([]);
    expect(namesIn('canadapost tracking says delivered')).toEqual(['Canada Post']);
  });

  it('is case-insensitive and reads aliases ("ALIEXPRESS", "Ali Express", "fed ex", "amazon.ca")', () => {
    expect(namesIn('ordered on ALIEXPRESS')).toEqual(['AliExpress']);
    expect(namesIn('ordered on Ali Express')).toEqual(['AliExpress']);
    expect(namesIn('it came Fed Ex overnight')).toEqual(['FedEx']);
    expect(namesIn('my Amazon.ca order')).toEqual(['Amazon']);
    expect(namesIn('Royal MAIL lost it')).toEqual(['Royal Mail']);
  });

  it('reports each name once, however often and however it is written', () => {
    expect(namesIn('Temu, TEMU and temu again; then DHL Express and dhl')).toEqual(['Temu', 'DHL']);
  });

  it('matches whole words only: "ups" inside "groups" or "startups" is not UPS', () => {
    expect(namesIn('our startups and user groups import a lot')).toEqual([]);
    expect(namesIn('the temurin runtime')).toEqual([]);
    expect(namesIn('UPS brought it')).toEqual(['UPS']);
  });

  it('finds nothing in a message without names', () => {
    expect(findNames('is de minimis dead', table)).toEqual([]);
    expect(findNames('', table)).toEqual([]);
  });

  it('the verb "wish" is not the marketplace Wish', () => {
    expect(namesIn('I wish I knew whether I owe duty on my $40 sweater')).toEqual([]);
  });
});

describe('parseNames', () => {
  it('reads the three sections and folds aliases to lower case, the name itself included', () => {
    const { table: t, problems } = parseNames(
      [
        'marketplaces:',
        '  - { name: Bazaar, aliases: [The Bazaar], kind: purchase, usually_ships_from: VN }',
        'couriers:',
        '  - { name: ZipShip, mode: express }',
        'postal_services:',
        '  - { name: Posta Nova, mode: mail, country: IT }',
      ].join('\n'),
      'names.yaml',
    );
    expect(problems).toEqual([]);
    expect(t.names).toEqual([
      { name: 'Bazaar', type: 'marketplace', aliases: ['bazaar', 'the bazaar'], kind: 'purchase', usuallyShipsFrom: 'VN' },
      { name: 'ZipShip', type: 'courier', aliases: ['zipship'], mode: 'express' },
      { name: 'Posta Nova', type: 'postal', aliases: ['posta nova'], mode: 'mail', country: 'IT' },
    ]);
    expect(namesIn('sent with POSTA NOVA', t)).toEqual(['Posta Nova']);
  });

  it('reports an alias that two names share, naming both', () => {
    const { problems } = parseNames(
      'couriers:\n  - { name: Speedy, aliases: [zoom], mode: express }\n  - { name: Zoom Post, aliases: [ZOOM], mode: express }\n',
      'names.yaml',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'names.yaml', field: 'Zoom Post', severity: 'error' });
    expect(problems[0].problem).toContain('"zoom"');
    expect(problems[0].problem).toContain('Speedy');
  });

  it('reports YAML that does not parse, with the file', () => {
    const { table: t, problems } = parseNames('couriers:\n  - { name: DHL, aliases: [dhl\n', 'bad.yaml');
    expect(t.names).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', field: '(file)', severity: 'error' });
    expect(problems[0].problem).toMatch(/^not valid YAML/);
  });

  it('reports entries that do not fit the schema: unknown field, bad country code, unknown section, empty name', () => {
    const cases: [string, string][] = [
      ['couriers:\n  - { name: DHL, speed: fast }\n', 'couriers[0]'],
      ['postal_services:\n  - { name: Posta, country: Italy }\n', 'postal_services[0].country'],
      ['shops:\n  - { name: X }\n', '(file)'],
      ['marketplaces:\n  - { name: "  " }\n', 'marketplaces[0].name'],
    ];
    for (const [text, field] of cases) {
      const { table: t, problems } = parseNames(text, 'names.yaml');
      expect(t.names).toEqual([]);
      expect(problems.map((p) => [p.field, p.severity])).toContainEqual([field, 'error']);
    }
  });

  it('a missing file is an empty table, not a problem (names are optional): messages are still read', () => {
    const { table: t, problems } = loadNames(path.join(__dirname, 'no-such-names.yaml'));
    expect(t.names).toEqual([]);
    expect(problems).toEqual([]);
  });
});
