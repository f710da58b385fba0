/**
 * Reading a JSON-lines file as a stream: chunk by chunk (64 KiB), so a large file never holds
 * the event loop for longer than one chunk's parsing, and never sits in memory as one string.
 */
import fs from 'node:fs';

/**
 * Calls `onValue` with each line's parsed JSON object, in file order; blank lines and lines that
 * are not a JSON object (a torn last line after a crash) are skipped.
 *
 * @example
 * await readJsonLines('var/records/usage-2026-11.jsonl', (record) => records.push(record as UsageRecord));
 */
export async function readJsonLines(file: string, onValue: (value: unknown) => void): Promise<void> {
  let rest = '';
  const take = (line: string) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return;
    }
    if (value !== null && typeof value === 'object') onValue(value);
  };
  // A chunk already buffered is handed over without a turn of the event loop: pause after each
  // one (a few hundred records, a millisecond or two), so chunks never run back to back.
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) take(line);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  take(rest);
}
