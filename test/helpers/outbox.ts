/**
 * Outbox helpers for HTTP and process tests: wait for the spool folder to reach a state, and
 * let retry delays pass without waiting for them.
 */
import { FileOutboxStore, type OutboxEntry } from '../../src/escalation';
import { sleep } from './wait';

/** Where a message is in the spool folder, and its delivery state. */
export async function outboxEntry(dir: string, reference: string): Promise<OutboxEntry | undefined> {
  return new FileOutboxStore(dir).get(reference);
}

/**
 * Makes every pending message due now, as if its retry delay had passed: the app's mailer waits
 * at least 30 seconds after a failed attempt (1 minute base backoff, with jitter), too long for a
 * test. Goes through the store's own claim / reschedule, so it is safe while mailers run.
 * Returns the references it touched.
 */
export async function letRetryDelaysPass(dir: string): Promise<string[]> {
  const store = new FileOutboxStore(dir);
  const now = new Date();
  const touched: string[] = [];
  for (const entry of await store.list('pending')) {
    const claim = await store.claim(entry.record.reference, { owner: 'test-clock', leaseMs: 60_000, now });
    if (!claim) continue; // a mailer has it right now
    // Due whatever the mailer's clock says (a test bot's clock may be years from the real date).
    await store.reschedule(claim, { ...claim.state, nextAttemptAt: new Date(0).toISOString() });
    touched.push(claim.reference);
  }
  return touched;
}
