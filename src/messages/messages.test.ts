/**
 * The message catalogs: well-formed placeholders, every language with English's keys and
 * placeholders, `fill` and `plural`, and every message used somewhere in the code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, catalogs, fill, formatNumber, placeholdersOf, plural, type Catalog } from '.';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every string of a catalog area with its key path ("escalation.labels.confirm", "staff.days.one"). */
function strings(value: unknown, at: string): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
  throw new Error(`${at}: not a string, list or object`);
}

const english = catalog('en');
const areas = Object.keys(english) as (keyof Catalog)[];

describe('message catalogs', () => {
  it('has the five areas', () => {
    expect(areas.sort()).toEqual(['answers', 'eligibility', 'escalation', 'staff', 'welcome']);
  });

  it('every placeholder is a {name}, and braces appear only around placeholders', () => {
    for (const area of areas) {
      for (const [at, text] of strings(english[area], area)) {
        const withoutPlaceholders = text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, '');
        expect({ at, stray: /[{}]/.test(withoutPlaceholders) }).toEqual({ at, stray: false });
      }
    }
  });

  it('every plural has an "other" form, and its forms share placeholders (besides {count})', () => {
    const visit = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      const forms = value as Record<string, unknown>;
      if ('one' in forms || 'other' in forms) {
        expect({ at, other: typeof forms.other }).toEqual({ at, other: 'string' });
        const names = Object.values(forms).map((f) => placeholdersOf(f as string).filter((n) => n !== 'count').sort().join(','));
        expect({ at, names: [...new Set(names)].length }).toEqual({ at, names: 1 });
        return;
      }
      for (const [k, v] of Object.entries(forms)) visit(v, `${at}.${k}`);
    };
    for (const area of areas) visit(english[area], area);
  });

  it('every language has the same keys and placeholders as English', () => {
    const shape = (c: Catalog) => areas.flatMap((area) => strings(c[area], area).map(([at, text]) => `${at}: ${placeholdersOf(text).sort().join(',')}`));
    for (const [, c] of Object.entries(catalogs())) expect(shape(c)).toEqual(shape(english));
  });

  it('a BCP 47 tag picks its language; an unknown one gets English', () => {
    expect(catalog('en-US')).toBe(english);
    expect(catalog('xx-YY')).toBe(english);
    expect(catalog(undefined)).toBe(english);
  });
});

describe('fill and plural', () => {
  it('fills every placeholder with its value', () => {
    expect(fill(english.welcome.messageTooLong, { limit: formatNumber(4000) })).toBe(
      'That message is too long for me (more than 4,000 characters). Please ask your question in a shorter message.',
    );
    expect(fill(english.escalation.sent, { reference: 'ECOM-2026-000001', who: 'X.' })).toBe('Sent. Your reference number is **ECOM-2026-000001**. X.');
  });

  it('a missing or misspelt value is a compile error (npm run typecheck)', () => {
    // @ts-expect-error: {limit} has no value
    expect(() => fill(english.welcome.messageTooLong, {})).toThrow();
    // @ts-expect-error: {limits} is not a placeholder of this message
    expect(() => fill(english.welcome.messageTooLong, { limits: 1 })).toThrow();
    // @ts-expect-error: this message has placeholders
    expect(() => fill(english.escalation.sent)).toThrow();
    expect(fill(english.welcome.greeting)).toBe(english.welcome.greeting);
  });

  it('throws on a placeholder without a value instead of showing "{name}"', () => {
    expect(() => fill('Sent {reference}' as string, {} as never)).toThrow(/\{reference\} has no value/);
  });

  it('inserts values as they are: a value that looks like a placeholder is not filled again', () => {
    expect(fill(english.answers.onQuestion, { question: '{question}' })).toBe('On "{question}":');
  });

  it('picks the plural form by the language rules', () => {
    expect(plural(english.escalation.messageCount, 1)).toBe('message');
    expect(plural(english.escalation.messageCount, 4)).toBe('4 messages');
    expect(plural(english.staff.reloadProblems, 0)).toBe('these 0 problems');
    expect(plural(english.escalation.waitMinutes, 1)).toBe('about 1 minute');
  });
});

/** Production code: src and dialogs, without tests; the catalogs themselves only where one area quotes another's label. */
function productionSources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'dialogs'));
  return out;
}

/** How code names an area's catalog: `const { staff } = catalog()`, `catalog().answers`, and `LABELS` for the welcome labels. */
const AREA_NAMES: Record<keyof Catalog, RegExp> = {
  welcome: /\bwelcome\b|\bLABELS\b/,
  answers: /\banswers\b/,
  eligibility: /\beligibility\b|\bELIGIBILITY_LABELS\b/,
  escalation: /\bescalation\b|\bESCALATION_LABELS\b/,
  staff: /\bstaff\b/,
};

describe('every message is used', () => {
  const sources = productionSources();
  const catalogFile = (area: string) => path.join('src', 'messages', 'en', `${area}.ts`);
  for (const area of areas) {
    it(`${area}: every message and label is read by code that uses the ${area} catalog`, () => {
      // Code that names the area; other catalogs only for labels (a label quoted in another area's sentence).
      const readers = sources.filter((s) => s.file !== catalogFile(area) && AREA_NAMES[area].test(s.text));
      const code = readers.filter((s) => !s.file.startsWith(path.join('src', 'messages')));
      // Read as a property (`words.noAnswer`, `m.labels.send`): a key merely defined elsewhere does not count.
      const used = (key: string, among: typeof sources) => among.some((s) => new RegExp(`\\.${key}\\b`).test(s.text));
      const messages = Object.keys(english[area]).filter((k) => k !== 'labels');
      const labels = Object.keys((english[area] as { labels?: object }).labels ?? {});
      const unused = [...messages.filter((k) => !used(k, code)), ...labels.filter((k) => !used(k, readers)).map((k) => `labels.${k}`)];
      expect(unused).toEqual([]);
    });
  }
});
