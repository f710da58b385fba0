/**
 * Levenshtein edit distance, the one copy: the knowledge base's typo matching uses the whole
 * distance, the staff report's grouping of near-identical questions only asks "within `limit`?",
 * which lets it compute a band of width 2 × limit + 1 and stop early.
 */

/** Two rows reused by every call (grown as needed): no garbage per comparison. */
let rows: [Int32Array, Int32Array] = [new Int32Array(301), new Int32Array(301)];

/**
 * The number of single-character insertions, deletions and substitutions that turn `a` into
 * `b`. With a `limit`, any distance above it is returned as `limit + 1` (computed faster).
 *
 * @example
 * editDistance('counterfit', 'counterfeit');  // 1
 * editDistance('', 'abc');                    // 3
 * editDistance('duty on gifts', 'duty on shoes', 2); // 3 (more than 2)
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const bound = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const far = bound + 1;
  if (rows[0].length < b.length + 1) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= bound ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    current[0] = i <= bound ? i : far;
    if (from > 1) current[from - 1] = far;
    let rowMin = from === 1 ? current[0] : far;
    for (let j = from; j <= to; j++) {
      const cost = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, cost, far);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < b.length) current[to + 1] = far;
    if (rowMin > bound) return bound + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], far);
}
