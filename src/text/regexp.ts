/** Regular expressions built from text (names, aliases, words from data files). */

/**
 * Text with every character that means something in a regular expression escaped, so it
 * matches itself.
 *
 * @example
 * new RegExp(escapeRegExp('U.S. (CBP)')).test('the U.S. (CBP) page'); // true
 * escapeRegExp('a.b*c');                                              // 'a\\.b\\*c'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
