/**
 * Small text helpers for the engine's answers: money, lists and `{placeholder}` templates.
 */

/**
 * U.S. dollars the way CBP writes them: no cents when whole.
 *
 * @example
 * formatUsd(800); // '$800'
 * formatUsd(1200.5); // '$1,200.50'
 */
export function formatUsd(amount: number): string {
  return `$${(Number.isInteger(amount) ? WHOLE_DOLLARS : CENTS).format(amount)}`;
}

// Made once: toLocaleString makes a formatter on every call.
const WHOLE_DOLLARS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Fills `{name}` placeholders; unknown names are left as they are so a mistake stays visible.
 *
 * @example
 * fillTemplate('over the {limit} limit', { limit: '$800' }); // 'over the $800 limit'
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The placeholder names used in a template.
 *
 * @example
 * placeholdersIn('{value} is over {limit}'); // ['value', 'limit']
 */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * Joins items as people write them.
 *
 * @example
 * joinWords(['the value', 'the contents', 'the date'], 'and'); // 'the value, the contents and the date'
 */
export function joinWords(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * The first letter in lower case (for a phrase that follows "If it is …:").
 *
 * @example
 * lowerFirst('Not duty-free'); // 'not duty-free'
 */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Removes a trailing full stop (to embed a sentence in a template that adds its own).
 *
 * @example
 * withoutFullStop('It depends on the value.'); // 'It depends on the value'
 */
export function withoutFullStop(text: string): string {
  return text.replace(/\.\s*$/, '');
}
