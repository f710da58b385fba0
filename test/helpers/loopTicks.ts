/**
 * Counts turns of the event loop (setImmediate callbacks) until stopped — the proof that long work
 * yields. Always stop it (in a `finally`): it runs forever otherwise and keeps jest busy.
 *
 * @example
 * const ticks = loopTicks();
 * await longWork().finally(() => ticks.stop());
 * expect(ticks.stop()).toBeGreaterThan(20);
 */
export function loopTicks(): { stop(): number } {
  let ticks = 0;
  let running = true;
  const tick = () => {
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      running = false;
      return ticks;
    },
  };
}
