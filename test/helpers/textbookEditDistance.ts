/**
 * The textbook full-matrix Levenshtein distance: the reference the fast, banded one in
 * src/text/editDistance.ts is checked against.
 *
 * @example
 * textbookEditDistance('kitten', 'sitting'); // 3
 */
export function textbookEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
