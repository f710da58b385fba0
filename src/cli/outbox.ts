/**
 * `npm run outbox` — look into the escalation outbox and retry what failed.
 *
 *   npx tsx src/cli/outbox.ts [list] [--show] [--dir DIR]
 *   npx tsx src/cli/outbox.ts retry ECOM-2026-000123 [--dir DIR]
 *   npx tsx src/cli/outbox.ts retry --all [--dir DIR]
 *
 * The listing shows references, times, attempts and errors, never what the person wrote unless
 * `--show` is given: staff screens are shared and terminals are logged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { escalationSubject } from '../escalation/compose';
import { FileOutboxStore } from '../escalation/fileStore/FileOutboxStore';
import type { OutboxStore } from '../escalation/store';
import { BlobOutboxStore } from '../escalation/blobStore/BlobOutboxStore';
import { DEFAULT_CONTAINERS } from '../storage/settings';
import { isReference } from '../escalation/reference';
import type { OutboxEntry, OutboxStatus } from '../escalation/types';
import { systemClock } from '../clock';

const USAGE = `Usage:
  npm run outbox -- [list] [--show] [--dir DIR]        list pending, sending, sent and failed escalations
  npm run outbox -- retry REFERENCE [--dir DIR]        move one failed escalation back to pending
  npm run outbox -- retry --all [--dir DIR]            move every failed escalation back to pending
The folder defaults to $ESCALATION_DIR, else ./var/outbox. --show also prints each question.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
}

interface ParsedArgs {
  command: 'list' | 'retry' | 'help';
  target?: string;
  all: boolean;
  show: boolean;
  dir?: string;
}

function parseArgs(args: string[]): ParsedArgs | string {
  const parsed: ParsedArgs = { command: 'list', all: false, show: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dir') {
      const value = args[++i];
      if (!value) return '--dir needs a folder';
      parsed.dir = value;
    } else if (arg.startsWith('--dir=')) parsed.dir = arg.slice('--dir='.length);
    else if (arg === '--all') parsed.all = true;
    else if (arg === '--show') parsed.show = true;
    else if (arg === '--help' || arg === '-h') parsed.command = 'help';
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (parsed.command === 'help') return parsed;
  const [command, target, extra] = positional;
  if (command === undefined || command === 'list') {
    if (target !== undefined) return 'list takes no reference';
    parsed.command = 'list';
  } else if (command === 'retry') {
    parsed.command = 'retry';
    if (extra !== undefined || (target === undefined) === !parsed.all) return 'retry needs either one REFERENCE or --all';
    if (target !== undefined) parsed.target = target;
  } else {
    return `unknown command ${command}`;
  }
  return parsed;
}

/** "2026-03-02 15:00Z" — short, unambiguous, sortable. */
function shortTime(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : '-';
}

/** The subject without the constant tail, cut to fit a terminal line. */
function shortSubject(entry: OutboxEntry): string {
  const subject = escalationSubject(entry.record).replace(/^\[[^\]]+\] /, '').replace(/ from the CBP E-Commerce Assistant$/, '');
  return subject.length > 40 ? `${subject.slice(0, 39)}…` : subject;
}

function describe(entry: OutboxEntry): string {
  const s = entry.state;
  const when =
    entry.status === 'sent'
      ? `sent ${shortTime(s.sentAt)}`
      : entry.status === 'failed'
        ? `failed ${shortTime(s.failedAt)}`
        : entry.status === 'sending'
          ? `claimed until ${shortTime(entry.claim?.until)}`
          : `next ${shortTime(s.nextAttemptAt)}`;
  const error = s.lastError && entry.status !== 'sent' ? `  last error: ${s.lastError}` : '';
  return `  ${entry.record.reference}  created ${shortTime(entry.record.enqueuedAt)}  attempts ${s.attempts}  ${when}  "${shortSubject(entry)}"${error}`;
}

async function list(store: OutboxStore, where: string, show: boolean, io: CliIo): Promise<number> {
  io.out(`Outbox: ${where}`);
  for (const status of ['pending', 'sending', 'failed', 'sent'] as OutboxStatus[]) {
    const entries = await store.list(status);
    io.out(`${status.toUpperCase()} (${entries.length})`);
    for (const entry of entries) {
      io.out(describe(entry));
      if (show) {
        const e = entry.record.escalation;
        io.out(`      reply to: ${e.replyTo ?? '(none)'}; channel: ${e.channelId}; language: ${e.locale ?? '-'}`);
        for (const line of e.question.split('\n')) io.out(`      | ${line}`);
      }
    }
  }
  return 0;
}

async function retry(store: OutboxStore, args: ParsedArgs, io: CliIo): Promise<number> {
  const references = args.all ? (await store.list('failed')).map((e) => e.record.reference) : [args.target!];
  if (!args.all && !isReference(args.target!)) {
    io.err(`not a reference: ${args.target} (expected e.g. ECOM-2026-000123)`);
    return 2;
  }
  let missing = 0;
  for (const reference of references) {
    if (await store.retryFailed(reference, io.now())) io.out(`${reference}: back in pending; a running bot sends it within seconds`);
    else {
      io.err(`${reference}: not in failed/`);
      missing++;
    }
  }
  if (args.all && references.length === 0) io.out('No failed escalations.');
  return missing > 0 ? 1 : 0;
}

/**
 * Runs the command; resolves to the exit code (0 ok, 1 nothing to retry, 2 usage).
 *
 * @example
 * await runOutboxCli(['retry', '--all', '--dir', 'var/outbox'], { out: console.log, err: console.error, env: process.env, now: () => new Date() });
 */
export async function runOutboxCli(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  if (parsed.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  // Scaled out, every instance shares one outbox in Azure Blob Storage; --dir still means files.
  if (io.env.STATE_STORAGE === 'blob' && !parsed.dir) {
    const connectionString = io.env.AZURE_STORAGE_CONNECTION_STRING;
    if (!connectionString) {
      io.err('STATE_STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING to read the shared outbox.');
      return 2;
    }
    const store = BlobOutboxStore.fromConnectionString(connectionString, io.env.OUTBOX_CONTAINER || DEFAULT_CONTAINERS.outbox);
    const where = `Azure Blob Storage container ${io.env.OUTBOX_CONTAINER || DEFAULT_CONTAINERS.outbox}`;
    return parsed.command === 'list' ? list(store, where, parsed.show, io) : retry(store, parsed, io);
  }
  const dir = parsed.dir ?? io.env.ESCALATION_DIR ?? path.join('var', 'outbox');
  // A mistyped --dir must not quietly show (and create) an empty outbox.
  if (!fs.existsSync(dir)) {
    io.err(`No outbox at ${path.resolve(dir)} (nothing has been escalated there yet, or the folder is wrong).`);
    return 2;
  }
  const store = new FileOutboxStore(dir);
  return parsed.command === 'list' ? list(store, store.dir, parsed.show, io) : retry(store, parsed, io);
}

if (require.main === module) {
  runOutboxCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    now: systemClock,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
