/**
 * chrono-node, loaded when the first date is read rather than at start (issue 15: about 270
 * modules and a few hundred milliseconds of a cold start that only date questions need).
 */
import type * as Chrono from 'chrono-node';

let loaded: typeof Chrono | undefined;

/**
 * The chrono-node module, required on first call.
 *
 * @example
 * chrono().parse('sent on 3 March', new Date(Date.UTC(2026, 2, 10, 12)), { forwardDate: false });
 */
export function chrono(): typeof Chrono {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('chrono-node') as typeof Chrono);
}
