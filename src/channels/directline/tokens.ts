/**
 * Tokens for the local Direct Line. They are shaped like the real service's tokens (a JWT with
 * the conversation id and a `user` claim, signed here with HMAC-SHA256 and a per-process key)
 * because Web Chat reads the `user` claim from the token to know which activities are the
 * user's own: with an opaque token it would invent an `r_…` id that differs from the `dl_…`
 * user the bot sees.
 */
import crypto from 'node:crypto';
import { systemClock } from '../../clock';

export interface LocalTokenClaims {
  /** The conversation the token is bound to. */
  conv: string;
  /** The user id (`dl_…`), read by Web Chat. */
  user: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; claims: LocalTokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

/** Issues and checks local Direct Line tokens. */
export class LocalTokenIssuer {
  /**
   * @param key HMAC key; random per process by default, so a restart invalidates old tokens
   *   (their conversations were in memory and are gone too).
   * @param clock milliseconds since the epoch.
   */
  constructor(
    private readonly key: Buffer = crypto.randomBytes(32),
    private readonly clock: () => number = () => systemClock().getTime(),
  ) {}

  /**
   * A signed token for one conversation and user, valid for `ttlSeconds`.
   *
   * @example
   * const token = issuer.issue('abc', 'dl_123', 1800);
   * issuer.verify(token); // { ok: true, claims: { conv: 'abc', user: 'dl_123', iat, exp } }
   */
  issue(conversationId: string, userId: string, ttlSeconds: number): string {
    const iat = Math.floor(this.clock() / 1000);
    const claims: LocalTokenClaims = { conv: conversationId, user: userId, iat, exp: iat + ttlSeconds };
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return `${body}.${this.sign(body)}`;
  }

  /**
   * Checks the signature and shape (not the expiry: the caller decides what an expired token
   * means for its route, 403 for Direct Line).
   *
   * @example
   * issuer.verify('not-a-token'); // { ok: false, reason: 'malformed' }
   */
  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const c = claims as Partial<LocalTokenClaims>;
    if (typeof c.conv !== 'string' || typeof c.user !== 'string' || typeof c.iat !== 'number' || typeof c.exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, claims: c as LocalTokenClaims };
  }

  /**
   * True when the token's expiry has passed.
   *
   * @example
   * issuer.isExpired({ conv: 'a', user: 'dl_1', iat: 0, exp: 1 }); // true
   */
  isExpired(claims: LocalTokenClaims): boolean {
    return this.clock() >= claims.exp * 1000;
  }

  private sign(body: string): string {
    return crypto.createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/**
 * The token from an `Authorization: Bearer <token>` header, or undefined.
 *
 * @example
 * bearerToken('Bearer abc'); // 'abc'
 * bearerToken(undefined);    // undefined
 */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match ? match[1] : undefined;
}
