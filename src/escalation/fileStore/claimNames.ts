/**
 * A claimed message lives in `sending/` under a name that says who claimed it and until when:
 * `ECOM-2026-000001~mailer-host-123-ab12~1767225600000.json`. Claiming is a rename from
 * `pending/` to such a name; taking over an expired claim is a rename from the old name to a
 * new one. Because every claim has its own name, two processes can never both win the same
 * rename, and a stale decision ("that claim looked expired") can only ever act on the claim it
 * looked at.
 */
import { isReference } from '../reference';

const SEPARATOR = '~';

export interface ClaimName {
  reference: string;
  owner: string;
  /** Epoch milliseconds the claim expires. */
  untilMs: number;
}

/**
 * Makes an owner id safe for a file name (no separators, no path characters).
 *
 * @example
 * safeOwner('host/name~1'); // 'host_name_1'
 */
export function safeOwner(owner: string): string {
  const safe = owner.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  if (safe === '' || safe === '.' || safe === '..') throw new Error(`unusable owner id: ${owner}`);
  return safe;
}

/**
 * The file name of a claim.
 *
 * @example
 * claimFileName({ reference: 'ECOM-2026-000001', owner: 'm1', untilMs: 5000 }); // 'ECOM-2026-000001~m1~5000.json'
 */
export function claimFileName(claim: ClaimName): string {
  return `${claim.reference}${SEPARATOR}${safeOwner(claim.owner)}${SEPARATOR}${Math.floor(claim.untilMs)}.json`;
}

/**
 * Reads a claim file name back; `undefined` for anything else.
 *
 * @example
 * parseClaimFileName('ECOM-2026-000001~m1~5000.json'); // { reference: 'ECOM-2026-000001', owner: 'm1', untilMs: 5000 }
 */
export function parseClaimFileName(name: string): ClaimName | undefined {
  const m = /^([^~]+)~([A-Za-z0-9._-]+)~(\d+)\.json$/.exec(name);
  if (!m || !isReference(m[1]!)) return undefined;
  return { reference: m[1]!, owner: m[2]!, untilMs: Number(m[3]) };
}
