/**
 * The message catalogs: every sentence and button label the bot shows, one catalog per area —
 * `welcome` (welcome, small talk, fallbacks, words all guided dialogs share), `answers` (around
 * a knowledge answer, the citation line), `eligibility` (the duty-free check and its verdict),
 * `escalation` (the email to the E-Commerce team) and `staff` (Teams staff commands).
 *
 * Code never writes a sentence itself: it picks a message and fills its `{placeholders}` with
 * {@link fill} (or a count-dependent one with {@link plural}).
 *
 * @example
 * const { welcome } = catalog('en');
 * fill(welcome.messageTooLong, { limit: formatNumber(4000) });
 * // 'That message is too long for me (more than 4,000 characters). Please ask your question in a shorter message.'
 *
 * Adding a language: copy en/ to es/, translate the strings (keep every `{placeholder}` and
 * key), add it to CATALOGS and to `Locale`; messages.test.ts checks that each language has the
 * same keys and placeholders as English.
 */
import { en } from './en';
import type { Plural } from './format';

export { fill, plural, formatNumber, placeholdersOf, type Plural, type Placeholders, type Values } from './format';

/** The languages the bot speaks. */
export type Locale = 'en';

/** A catalog's type: the English one, whose literal strings carry the placeholder names. */
export type Catalog = typeof en;

/**
 * A translation's shape: the same areas and keys as English, with any wording (for a new
 * language's files: `export const welcome = { … } satisfies Translation['welcome']`).
 */
export type Translation = Widen<Catalog>;
type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : T extends Plural
      ? Plural
      : { [K in keyof T]: Widen<T[K]> };

const CATALOGS: Record<Locale, Catalog> = { en };

/** The default language, and the one used for a locale the bot does not speak. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The catalog for a language: a BCP 47 tag such as `en-US` (from `activity.locale`) or a
 * {@link Locale}; unknown or missing languages get English.
 *
 * @example
 * catalog('en-US').welcome.greeting; // 'Hello! What would you like to know about shipments, duties or counterfeits?'
 */
export function catalog(locale?: string): Catalog {
  const language = (locale ?? DEFAULT_LOCALE).toLowerCase().split(/[-_]/)[0];
  return (CATALOGS as Record<string, Catalog>)[language] ?? CATALOGS[DEFAULT_LOCALE];
}

/** Every language's catalog, by its `Locale` (for tests and tools). */
export function catalogs(): Readonly<Record<Locale, Catalog>> {
  return CATALOGS;
}
