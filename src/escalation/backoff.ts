/**
 * When to try a failed delivery again. The delay doubles with every attempt up to a ceiling so a
 * mail server that is down for hours is not hammered, and a short outage is bridged quickly.
 * Jitter spreads the retries of several bot instances apart; tests turn it off to get exact
 * numbers.
 */

export interface BackoffOptions {
  /** Delay after the first failed attempt, in milliseconds. */
  baseMs: number;
  /** The longest delay, in milliseconds. */
  maxMs: number;
  /** Randomise each delay between half and all of its value ("equal jitter"). */
  jitter: boolean;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

/**
 * The delay before the next attempt after `failedAttempts` failures (1 for the first failure).
 *
 * @example
 * const opts = { baseMs: 1000, maxMs: 60_000, jitter: false };
 * backoffDelayMs(1, opts); // 1000
 * backoffDelayMs(3, opts); // 4000
 * backoffDelayMs(10, opts); // 60000 (capped)
 */
export function backoffDelayMs(failedAttempts: number, options: BackoffOptions): number {
  const exponent = Math.max(0, Math.floor(failedAttempts) - 1);
  // 2 ** 1000 is Infinity, which Math.min caps correctly; no overflow special case needed.
  const full = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  if (!options.jitter) return full;
  const random = options.random ?? Math.random;
  return Math.round(full / 2 + random() * (full / 2));
}

/**
 * The whole schedule of delays for a message that keeps failing, for documentation and tests.
 *
 * @example
 * backoffSchedule(4, { baseMs: 10, maxMs: 50, jitter: false }); // [10, 20, 40] (no delay after the last attempt)
 */
export function backoffSchedule(maxAttempts: number, options: BackoffOptions): number[] {
  const delays: number[] = [];
  for (let attempt = 1; attempt < maxAttempts; attempt++) delays.push(backoffDelayMs(attempt, options));
  return delays;
}
