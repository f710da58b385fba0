/**
 * Pauses for long loops over records: {@link Pacer.step} resolves at once most of the time, and
 * lets timers and I/O run (setImmediate) every few hundred steps — so reading a year of records
 * never holds the event loop. Counted, not timed: a step (one record parsed or visited) takes
 * microseconds, so 500 of them are a millisecond or two, and the pauses stay deterministic.
 */

export interface Pacer {
  /** Call once per unit of work; await it only when it returns a promise. */
  step(): Promise<void> | undefined;
}

/**
 * @example
 * const pace = pacer();
 * for (const r of records) { visit(r); const paused = pace.step(); if (paused) await paused; }
 */
export function pacer(stepsPerPause = 500): Pacer {
  let count = 0;
  return {
    step() {
      if (++count < stepsPerPause) return undefined;
      count = 0;
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}
