/**
 * The few file operations the spool folder is built from, each durable once it returns: data is
 * written to a temporary name in the same folder, fsynced, then renamed or hard-linked into
 * place, and the folder itself is fsynced so the new name survives a power cut. A crash at any
 * point leaves either the old state or the new one, never half a file under a real name.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Temporary files start with this, so listings skip them and a sweep can remove leftovers. */
export const TEMP_PREFIX = '.tmp-';

/**
 * Whether `err` is a Node file-system error with the given code.
 *
 * @example
 * try { await fs.unlink(p); } catch (err) { if (!isErrno(err, 'ENOENT')) throw err; }
 */
export function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}

/**
 * Flushes a folder's entries (new, renamed or removed names) to disk.
 *
 * @example
 * await fs.rename(tmp, final);
 * await fsyncDirectory(path.dirname(final));
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    // Some file systems (and Windows) cannot fsync a directory; the data itself was synced.
    if (!isErrno(err, 'EINVAL') && !isErrno(err, 'EISDIR') && !isErrno(err, 'EPERM')) throw err;
  } finally {
    await handle.close();
  }
}

/** Writes and fsyncs a new temporary file in `dir`; returns its path. */
async function writeTemporary(dir: string, data: string | Buffer): Promise<string> {
  const tmp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await fs.open(tmp, 'wx', 0o640);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return tmp;
}

/**
 * Writes `data` to `dir/name`, replacing any file of that name, atomically and durably.
 *
 * @example
 * await writeFileAtomically('var/outbox/state', 'ECOM-2026-000001.json', JSON.stringify(state));
 */
export async function writeFileAtomically(dir: string, name: string, data: string | Buffer): Promise<void> {
  const tmp = await writeTemporary(dir, data);
  try {
    await fs.rename(tmp, path.join(dir, name));
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDirectory(dir);
}

/**
 * Creates `dir/name` with `data` only if no file of that name exists, atomically and durably.
 * Returns false (and writes nothing) when the name is taken. A hard link is what makes this
 * both exclusive (like O_EXCL) and all-or-nothing: the name appears with its full content.
 *
 * @example
 * const created = await createFileExclusively('var/outbox/keys', `${hash}.json`, '{"reference":"ECOM-2026-000001"}');
 * if (!created) { // someone else holds that key
 * }
 */
export async function createFileExclusively(dir: string, name: string, data: string | Buffer): Promise<boolean> {
  const tmp = await writeTemporary(dir, data);
  try {
    await fs.link(tmp, path.join(dir, name));
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
  await fsyncDirectory(dir);
  return true;
}

/**
 * Moves a file to another name (usually another folder of the spool) and makes the move durable.
 * Returns false when the source no longer exists: someone else moved it first, which is how
 * two processes agree on who owns a message.
 *
 * @example
 * if (await moveFile('pending/ECOM-2026-000001.json', 'sent/ECOM-2026-000001.json')) { // ours
 * }
 */
export async function moveFile(from: string, to: string): Promise<boolean> {
  try {
    await fs.rename(from, to);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return false;
    throw err;
  }
  await fsyncDirectory(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncDirectory(path.dirname(from));
  return true;
}

/**
 * Reads a UTF-8 file, or `undefined` when it does not exist.
 *
 * @example
 * const text = await readFileIfExists('var/outbox/keys/abc.json');
 */
export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

/**
 * The names in a folder, without temporary files; empty when the folder does not exist.
 *
 * @example
 * const names = await listNames('var/outbox/pending'); // ['ECOM-2026-000001.json', ...]
 */
export async function listNames(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((n) => !n.startsWith(TEMP_PREFIX));
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return [];
    throw err;
  }
}

/**
 * Removes temporary files older than `olderThanMs` that a crash left behind in `dir`.
 * Returns how many were removed.
 *
 * @example
 * await sweepTemporaryFiles('var/outbox/pending', 60 * 60 * 1000, Date.now());
 */
export async function sweepTemporaryFiles(dir: string, olderThanMs: number, nowMs: number): Promise<number> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const { mtimeMs } = await fs.stat(file);
      if (nowMs - mtimeMs < olderThanMs) continue;
      await fs.rm(file, { force: true });
      removed++;
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
    }
  }
  return removed;
}
