/**
 * Reference numbers people quote when they follow up: `ECOM-<year>-<sequence>`, the sequence
 * zero-padded to six digits and restarting each year. The sequence itself comes from the
 * outbox store, which guarantees it is never handed out twice.
 */

/** Matches a reference and captures the year and the sequence number. */
export const REFERENCE_PATTERN = /^ECOM-(\d{4})-(\d{6,})$/;

/**
 * Formats a reference number.
 *
 * @example
 * formatReference(2026, 123); // 'ECOM-2026-000123'
 * formatReference(2026, 1234567); // 'ECOM-2026-1234567' (wider, never truncated)
 */
export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a four-digit year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`not a positive sequence number: ${sequence}`);
  return `ECOM-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reads a reference number back into its parts; `undefined` when it is not one.
 *
 * @example
 * parseReference('ECOM-2026-000123'); // { year: 2026, sequence: 123 }
 * parseReference('ecom-2026-1');      // undefined
 */
export function parseReference(reference: string): { year: number; sequence: number } | undefined {
  const m = REFERENCE_PATTERN.exec(reference);
  if (!m) return undefined;
  return { year: Number(m[1]), sequence: Number(m[2]) };
}

/**
 * Whether a string is a well-formed reference (safe to use as a file or blob name).
 *
 * @example
 * isReference('ECOM-2026-000123'); // true
 * isReference('../etc/passwd');    // false
 */
export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/**
 * Throws unless `reference` is a well-formed reference (before it names a file or a blob).
 *
 * @example
 * assertReference('ECOM-2026-000123'); // ok
 * assertReference('../etc/passwd');    // throws Error: not a reference: ../etc/passwd
 */
export function assertReference(reference: string): void {
  if (!isReference(reference)) throw new Error(`not a reference: ${reference}`);
}
