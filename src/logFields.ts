/**
 * Security (issue 13): log lines carry fields that callers choose (a conversation id, a channel
 * id, a URL). A 100 KB conversation id was logged whole on every line of its turn; this caps
 * every string field so one request cannot bloat the operations logs.
 */

/** Longest string value a log line keeps per field. */
export const MAX_LOG_FIELD_CHARS = 200;

/** Nesting deeper than this is left as it is (log fields are shallow; this bounds the work). */
const CAP_DEPTH = 4;

/**
 * A log line's fields with every string longer than MAX_LOG_FIELD_CHARS cut, saying how long it
 * was; nested plain objects and arrays too. Errors and other class instances are left whole
 * (their serializers decide; a stack is worth keeping).
 *
 * @example
 * capLogFields({ conversation: 'x'.repeat(100000) }).conversation; // 200 × 'x' + '… (100000 chars)'
 */
export function capLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return capValue(fields, 0) as Record<string, unknown>;
}

function capValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_LOG_FIELD_CHARS ? `${value.slice(0, MAX_LOG_FIELD_CHARS)}… (${value.length} chars)` : value;
  }
  if (value === null || typeof value !== 'object' || depth >= CAP_DEPTH || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => capValue(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = capValue(v, depth + 1);
  return out;
}
