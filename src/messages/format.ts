/**
 * Fills the placeholders of a catalog message. A message is a plain string with `{name}`
 * placeholders; a message whose wording depends on a count is a {@link Plural} with one string
 * per plural category of the language (English: `one`, `other`), chosen by `Intl.PluralRules`.
 *
 * The placeholder names are read from the message's literal type, so a missing or misspelt
 * value is a compile error, and a value missing at run time throws instead of showing `{name}`.
 *
 * Why not ICU MessageFormat (`intl-messageformat`): its maintained versions (11 and later) are
 * ES modules only, and this project is CommonJS under ts-jest; the catalogs need only named
 * placeholders and plurals, which this file does in a few lines with the platform's `Intl`.
 */

/** The placeholder names of a message: `Placeholders<'Hi {name}, {count} new'>` is `'name' | 'count'`. */
export type Placeholders<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** The values a message needs: one string or number per placeholder. */
export type Values<S extends string> = { [K in Placeholders<S>]: string | number };

/** A message that depends on a count: one string per plural category (`other` is required). */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** `[]` for a message without placeholders, `[values]` otherwise. */
export type FillArgs<S extends string> = [Placeholders<S>] extends [never] ? [] | [Record<string, never>] : [Values<S>];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * The placeholder names in a message, in order of appearance (each once).
 *
 * @example
 * placeholdersOf('Sent. Your reference number is **{reference}**. {who}'); // ['reference', 'who']
 */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * The message with each `{name}` replaced by its value (numbers as digits, no grouping: pass
 * `formatNumber(n)` where the text wants "4,000"). Values are inserted as they are: quote a
 * person's own words with `quoteUserText` first.
 *
 * @example
 * fill('That message is too long for me (more than {limit} characters).', { limit: '4,000' });
 * // 'That message is too long for me (more than 4,000 characters).'
 */
export function fill<S extends string>(message: S, ...args: FillArgs<S>): string {
  const values = (args[0] ?? {}) as Record<string, string | number>;
  return message.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`message placeholder {${name}} has no value: ${message.slice(0, 60)}`);
    return String(value);
  });
}

/**
 * The form of a plural message for `count`, with its placeholders filled (`{count}` is the
 * count itself unless given).
 *
 * @example
 * plural({ one: 'a message', other: '{count} messages' }, 3); // '3 messages'
 * plural({ one: 'a message', other: '{count} messages' }, 1); // 'a message'
 */
export function plural(message: Plural, count: number, values: Record<string, string | number> = {}, locale = 'en-US'): string {
  const category = pluralRules(locale).select(count) as keyof Plural;
  const form = message[category] ?? message.other;
  return fill(form as string, { count, ...values } as never);
}

const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/**
 * A number as the language writes it in text ("4,000").
 *
 * @example
 * formatNumber(4000); // '4,000'
 */
export function formatNumber(n: number, locale = 'en-US'): string {
  return n.toLocaleString(locale);
}
