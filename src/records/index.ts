/**
 * Durable usage records for staff review: every question's outcome (answered, unsure, out of
 * scope) and every "Helpful / Not helpful". The text of a question is kept only when the bot did
 * not answer it confidently — those are the knowledge gaps staff need to read; answered
 * questions are counted, not kept. Append-only JSON lines, one file per month.
 *
 * Card numbers are removed from the question text before a record is stored (every store calls
 * `recordToAppend`, which also takes off the letter around a question), and again when records
 * are read (`redactRecord`), for lines written before that was done.
 * Record files are readable by the bot's user only (0600, in a 0700 folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { letterBody } from '../text/letter';
import { removeCardNumbers } from '../escalation/luhn';
import { readJsonLines } from './jsonLines';
import { pacer } from './pace';

export type QuestionOutcome = 'answer' | 'did-you-mean' | 'out-of-scope' | 'other-cbp';

export interface QuestionRecord {
  type: 'question';
  at: string;
  channelId: string;
  outcome: QuestionOutcome;
  confidence: number;
  docId?: string;
  topic?: string;
  /** Only for outcomes other than 'answer'. */
  text?: string;
}

export interface FeedbackRecord {
  type: 'feedback';
  at: string;
  channelId: string;
  docId: string;
  helpful: boolean;
}

export type UsageRecord = QuestionRecord | FeedbackRecord;

/**
 * The record as it may be kept: a question's text without card numbers. Returns the same object
 * when there is nothing to remove.
 *
 * @example
 * redactRecord({ type: 'question', at, channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'card 4111 1111 1111 1111' }).text;
 * // 'card [card number removed]'
 */
export function redactRecord<T extends UsageRecord>(record: T): T {
  if (record.type !== 'question' || typeof record.text !== 'string') return record;
  const text = removeCardNumbers(record.text);
  return text === record.text ? record : { ...record, text };
}

/**
 * The record as a store appends it: {@link redactRecord}, and a question's text without the letter
 * around it (a greeting, a signature with a name, a phone number or an address: `letterBody`),
 * which staff do not need to see what was asked. Only on append: reading back (and redacting
 * card numbers again) stays cheap for the staff reports over many records.
 *
 * @example
 * recordToAppend({ type: 'question', at, channelId: 'webchat', outcome: 'out-of-scope', confidence: 0, text: 'Hi,\n\ndo you sell kayaks\n\nRegards,\nJo Smith' }).text;
 * // 'do you sell kayaks'
 */
export function recordToAppend<T extends UsageRecord>(record: T): T {
  if (record.type !== 'question' || typeof record.text !== 'string') return redactRecord(record);
  const text = letterBody(record.text);
  return redactRecord(text === record.text ? record : { ...record, text });
}

/** Record files and their folder: the bot's user only. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Where records go; a file store by default, shared storage when scaled out. */
export interface RecordStore {
  append(record: UsageRecord): Promise<void>;
  /** Records with `at` on or after `sinceIso` (all when omitted), oldest first. */
  list(sinceIso?: string): Promise<UsageRecord[]>;
  /**
   * Calls `visit` with each record with `at` on or after `sinceIso` (all when omitted), in
   * storage order (roughly oldest first, not guaranteed), without keeping them: a report that
   * only counts, or keeps a few, never holds them all in memory. Pauses between chunks so the
   * event loop keeps turning. Resolves with the number of records visited.
   */
  scan?(sinceIso: string | undefined, visit: (record: UsageRecord) => void): Promise<number>;
  /** Flushes and releases what the store holds open (files); called on shutdown. */
  close?(): Promise<void>;
}

/**
 * `store.scan`, or `list` for a store that has no `scan` (then the records are all held once).
 *
 * @example
 * let feedback = 0;
 * await scanRecords(store, since, (r) => { if (r.type === 'feedback') feedback++; });
 */
export async function scanRecords(store: RecordStore, sinceIso: string | undefined, visit: (record: UsageRecord) => void): Promise<number> {
  if (store.scan) return store.scan(sinceIso, visit);
  const records = await store.list(sinceIso);
  const pace = pacer();
  for (const record of records) {
    visit(record);
    const paused = pace.step();
    if (paused) await paused;
  }
  return records.length;
}

/** The month's file this store has open for appending. */
interface OpenFile {
  file: string;
  stream: fs.WriteStream;
  /** The file's inode when opened: a different one (or none) at the path means it was moved or removed. */
  ino: number;
  /** A write failed: open it again at the next append. */
  broken: boolean;
}

/**
 * Keeps records as JSON lines in `<dir>/usage-YYYY-MM.jsonl`.
 *
 * Performance (issue 15): the month's file stays open for appending (one write per record, queued
 * writes go out together), instead of open, write and close for every line. A record of another
 * month closes it and opens that month's file (monthly rotation). Before each append the path is
 * checked (one `stat`): a file or folder that was moved or removed while running is created
 * again, as before. `close()` flushes and closes the file (the service calls it on shutdown).
 *
 * @example
 * const store = new JsonlRecordStore('var/records');
 * await store.append({ type: 'feedback', at: new Date().toISOString(), channelId: 'webchat', docId: 'gift-exemption', helpful: true });
 * await store.close();
 */
export class JsonlRecordStore implements RecordStore {
  private open: OpenFile | undefined;

  constructor(private readonly dir: string) {}

  /** Resolves once the line is written to the file (handed to the operating system). */
  async append(record: UsageRecord): Promise<void> {
    const line = `${JSON.stringify(recordToAppend(record))}\n`;
    const target = this.fileOpenFor(this.fileFor(record.at));
    await new Promise<void>((resolve, reject) => {
      // One write per line on an O_APPEND file: concurrent writers never interleave inside a line.
      target.stream.write(line, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Flushes and closes the open file; a later append opens it again. */
  async close(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    if (open) await closeFile(open);
  }

  /** The open stream for `file`, (re)opened when it is another month's, broken, or no longer at its path. */
  private fileOpenFor(file: string): OpenFile {
    const open = this.open;
    if (open && open.file === file && !open.broken && fs.statSync(file, { throwIfNoEntry: false })?.ino === open.ino) return open;
    if (open) void closeFile(open);
    // Synchronous, once a month (or after a failure): the folder, the file and its mode (0600,
    // also for a file created before that was the rule).
    fs.mkdirSync(this.dir, { recursive: true, mode: DIR_MODE });
    const fd = fs.openSync(file, 'a', FILE_MODE);
    let ino: number;
    try {
      fs.fchmodSync(fd, FILE_MODE);
      ino = fs.fstatSync(fd).ino;
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
    const opened: OpenFile = { file, stream: fs.createWriteStream(file, { fd, flags: 'a' }), ino, broken: false };
    opened.stream.on('error', () => {
      opened.broken = true; // the write's callback carries the error to its append
    });
    this.open = opened;
    return opened;
  }

  async list(sinceIso?: string): Promise<UsageRecord[]> {
    const records: UsageRecord[] = [];
    await this.scan(sinceIso, (record) => records.push(record));
    // Appended in time order, so usually sorted already: check before sorting.
    const byTime = (a: UsageRecord, b: UsageRecord) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
    for (let i = 1; i < records.length; i++) if (byTime(records[i - 1], records[i]) > 0) return records.sort(byTime);
    return records;
  }

  async scan(sinceIso: string | undefined, visit: (record: UsageRecord) => void): Promise<number> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    const firstMonth = sinceIso?.slice(0, 7);
    const files = names
      .filter((n) => /^usage-\d{4}-\d{2}\.jsonl$/.test(n))
      .filter((n) => !firstMonth || n.slice(6, 13) >= firstMonth)
      .sort();
    let visited = 0;
    // Streamed, a chunk at a time: a big month does not hold the event loop while it is read.
    for (const name of files) {
      await readJsonLines(path.join(this.dir, name), (value) => {
        const record = value as UsageRecord;
        if (sinceIso && !(record.at >= sinceIso)) return;
        visited++;
        visit(redactRecord(record));
      });
    }
    return visited;
  }

  private fileFor(at: string): string {
    return path.join(this.dir, `usage-${at.slice(0, 7)}.jsonl`);
  }
}

/** Ends the stream once its queued lines are written. */
function closeFile(open: OpenFile): Promise<void> {
  return new Promise((resolve) => {
    if (open.stream.destroyed) return resolve();
    open.stream.end(() => resolve());
    open.stream.once('error', () => resolve());
  });
}

/** Keeps records in memory (terminal chat, tests). */
export class MemoryRecordStore implements RecordStore {
  readonly records: UsageRecord[] = [];

  async append(record: UsageRecord): Promise<void> {
    this.records.push(recordToAppend(record));
  }

  async list(sinceIso?: string): Promise<UsageRecord[]> {
    return this.records.filter((r) => !sinceIso || r.at >= sinceIso);
  }

  async scan(sinceIso: string | undefined, visit: (record: UsageRecord) => void): Promise<number> {
    const pace = pacer();
    let visited = 0;
    // By index: records appended while the scan pauses are visited too (they are newer).
    for (let i = 0; i < this.records.length; i++) {
      const record = this.records[i];
      if (!sinceIso || record.at >= sinceIso) {
        visited++;
        visit(record);
      }
      const paused = pace.step();
      if (paused) await paused;
    }
    return visited;
  }
}
