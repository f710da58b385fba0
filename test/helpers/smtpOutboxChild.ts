/**
 * A stand-in for a bot process in the outbox tests, run as a child process:
 *
 *   node -r tsx/cjs test/helpers/smtpOutboxChild.ts enqueue-and-die <dir> <idempotencyKey>
 *     enqueues one escalation, prints {"reference":…} and kills itself with SIGKILL: nothing
 *     after the enqueue (no flush, no exit handler) gets to run.
 *
 *   node -r tsx/cjs test/helpers/smtpOutboxChild.ts claim-and-die <dir> <idempotencyKey> <leaseMs>
 *     enqueues, lets a mailer claim the message and start a send that never finishes, prints the
 *     reference and kills itself: the message is left claimed in sending/.
 *
 *   node -r tsx/cjs test/helpers/smtpOutboxChild.ts deliver <dir> <smtpUrl> <ms>
 *     runs a mailer on the folder, like a second bot instance, until nothing is left to send
 *     (at most <ms> milliseconds), prints {"sent":n} and exits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FileOutboxStore } from '../../src/escalation/fileStore/FileOutboxStore';
import { Mailer } from '../../src/escalation/mailer';
import { Outbox } from '../../src/escalation/outbox';
import { SmtpTransport } from '../../src/escalation/transport';

/** `deliver <dir> <smtpUrl> <ms>`: a second bot instance's mailer on the shared folder, until it is empty (at most <ms>). */
async function deliverFor(dir: string, smtpUrl: string, ms: number): Promise<void> {
  const smtp = new SmtpTransport(smtpUrl, { connectMs: 2000, socketMs: 5000 });
  let sent = 0;
  const store = new FileOutboxStore(dir);
  const mailer = new Mailer({
    store,
    transport: {
      description: smtp.description,
      send: async (mail) => {
        const receipt = await smtp.send(mail);
        sent++;
        return receipt;
      },
      close: () => smtp.close(),
    },
    addresses: { from: 'bot@example.gov', to: 'ecommerce@cbp.dhs.gov' },
    pollIntervalMs: 5,
    owner: 'child-mailer',
  });
  mailer.start();
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && (await store.count('pending')) + (await store.count('sending')) > 0) {
    await new Promise((r) => setTimeout(r, 10));
  }
  await mailer.stop();
  fs.writeSync(1, `${JSON.stringify({ sent })}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'deliver') return deliverFor(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
  const [mode, dir, key, leaseMs] = process.argv.slice(2);
  if (!mode || !dir || !key) throw new Error('usage: smtpOutboxChild.ts <mode> <dir> <key> [leaseMs]');
  const store = new FileOutboxStore(dir);
  const outbox = new Outbox({ store });
  const { reference } = await outbox.enqueue({
    idempotencyKey: key,
    question: 'Sent just before the bot process was killed. Will it arrive?',
    replyTo: 'person@example.com',
    channelId: 'webchat',
    conversationId: 'crash-test',
    createdAt: new Date().toISOString(),
  });

  if (mode === 'claim-and-die') {
    const mailer = new Mailer({
      store,
      transport: { description: 'never finishes', send: () => new Promise(() => undefined), close: async () => undefined },
      addresses: { from: 'bot@example.gov', to: 'ecommerce@cbp.dhs.gov' },
      leaseMs: Number(leaseMs ?? 500),
    });
    void mailer.deliverDue();
    const sending = path.join(dir, 'sending');
    while (!fs.existsSync(sending) || fs.readdirSync(sending).filter((n) => !n.startsWith('.')).length === 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
  } else if (mode !== 'enqueue-and-die') {
    throw new Error(`unknown mode ${mode}`);
  }

  // Synchronous write: stdout to a pipe may be asynchronous, and SIGKILL follows at once.
  fs.writeSync(1, `${JSON.stringify({ reference })}\n`);
  process.kill(process.pid, 'SIGKILL');
}

main().catch((err: unknown) => {
  fs.writeSync(2, `${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
