/**
 * Durable usage records for staff review: every question's outcome (answered, unsure, out of
 * scope) and every "Helpful / Not helpful". The text of a question is kept only when the bot did
 * not answer it confidently — those are the knowledge gaps staff need to read; answered
 * questions are counted, not kept. Append-only JSON lines, one file per month.
 *
 * Card numbers are removed from the question text before a record is stored (every store calls
 * `redactRecord`), and again when records are read, for lines written before that was done.
 * Record files are readable by the bot's user only (0600, in a 0700 folder).
 */
import fs from 'node:fs';
import path from 'node:path';
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

/**
 * Keeps records as JSON lines in `<dir>/usage-YYYY-MM.jsonl`.
 *
 * @example
 * const store = new JsonlRecordStore('var/records');
 * await store.append({ type: 'feedback', at: new Date().toISOString(), channelId: 'webchat', docId: 'gift-exemption', helpful: true });
 */
export class JsonlRecordStore implements RecordStore {
  /** The folder exists (created once, not on every append: measured by `npm run bench:load`). */
  private dirReady: Promise<unknown> | undefined;
  /** Files whose mode this process has checked (a file created before 0600 was the rule is tightened once). */
  private readonly modeChecked = new Set<string>();

  constructor(private readonly dir: string) {}

  async append(record: UsageRecord): Promise<void> {
    const line = `${JSON.stringify(redactRecord(record))}\n`;
    const file = this.fileFor(record.at);
    try {
      await (this.dirReady ??= fs.promises.mkdir(this.dir, { recursive: true, mode: DIR_MODE }));
      // One write call per line with O_APPEND: concurrent turns never interleave inside a line.
      await fs.promises.appendFile(file, line, { flag: 'a', mode: FILE_MODE });
    } catch (err) {
      this.dirReady = undefined;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      // The folder was removed while running: create it again and retry once.
      await fs.promises.mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      await fs.promises.appendFile(file, line, { flag: 'a', mode: FILE_MODE });
    }
    if (!this.modeChecked.has(file)) {
      this.modeChecked.add(file);
      await fs.promises.chmod(file, FILE_MODE);
    }
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

/** Keeps records in memory (terminal chat, tests). */
export class MemoryRecordStore implements RecordStore {
  readonly records: UsageRecord[] = [];

  async append(record: UsageRecord): Promise<void> {
    this.records.push(redactRecord(record));
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
