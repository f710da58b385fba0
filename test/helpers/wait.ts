/**
 * Waiting in tests: a pause, and polling until something is true. One copy for test/ and
 * bench/ (they had drifted: three `until`s with different arguments and messages).
 *
 * @example
 * await sleep(1200);
 * await waitUntil(() => smtp.messages.length > 0, 'the email arrived', 20_000);
 */

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `condition` every `everyMs` until it is true; rejects naming `what` after `timeoutMs`.
 *
 * @example
 * await waitUntil(async () => (await store.get(reference))?.state.attempts === 1, 'the first attempt', 5000);
 */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(everyMs);
  }
}
