/**
 * Long staff reports (`unanswered`, `stats`) run in slices, so the bot keeps answering everyone
 * while they work: the work is written as a generator that yields at check points, and
 * {@link runSliced} pauses it (setImmediate) once a slice has taken a few milliseconds or a
 * fixed number of steps, whichever comes first. {@link runToEnd} runs the same generator in one
 * go, for small inputs and tests.
 */
import { performance } from 'node:perf_hooks';
import { inWindow, type DateWindow } from './dates';

/** A piece of work that yields (undefined) at check points and returns its result. */
export type Steps<T> = Generator<void, T, void>;

export interface SliceOptions {
  /** Longest time between two pauses, in milliseconds (default 4). */
  sliceMs?: number;
  /** Most check points between two pauses (default 500), so big inputs always let others in. */
  maxSteps?: number;
}

/** Lets timers, I/O and other turns run before the work goes on. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `steps` to the end, pausing between slices.
 *
 * @example
 * const groups = await runSliced(groupingSteps(records));
 */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 4;
  const maxSteps = options.maxSteps ?? 500;
  let started = performance.now();
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    count++;
    if (count >= maxSteps || (count % 16 === 0 && performance.now() - started >= sliceMs)) {
      await pause();
      started = performance.now();
      count = 0;
    }
  }
}

/**
 * Runs `steps` to the end without pausing.
 *
 * @example
 * const groups = runToEnd(groupingSteps(records));
 */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const UTC_HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * `inWindow` for many records: the Eastern date of a UTC time depends only on its hour (U.S.
 * Eastern offsets are whole hours), so it is worked out once per hour, not once per record.
 *
 * @example
 * const within = windowTest({ from: '2026-11-19', to: '2026-11-25' });
 * within('2026-11-20T12:00:00.000Z'); // true
 */
export function windowTest(window: DateWindow): (isoInstant: string) => boolean {
  const byHour = new Map<string, boolean>();
  return (isoInstant) => {
    if (typeof isoInstant !== 'string' || !UTC_HOUR.test(isoInstant)) return inWindow(isoInstant, window);
    const hour = isoInstant.slice(0, 13);
    let answer = byHour.get(hour);
    if (answer === undefined) {
      answer = inWindow(`${hour}:00:00Z`, window);
      byHour.set(hour, answer);
    }
    return answer;
  };
}

/**
 * A stable sort as steps: runs of 512 sorted by `Array.prototype.sort`, then merged, yielding
 * every 256 elements, so sorting tens of thousands of entries never holds the loop.
 *
 * @example
 * const sorted = yield* sortSteps(groups, (a, b) => b.count - a.count);
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 512): Steps<T[]> {
  let from = items.slice();
  for (let start = 0; start < from.length; start += run) {
    yield;
    const part = from.slice(start, start + run).sort(compare);
    for (let j = 0; j < part.length; j++) from[start + j] = part[j];
  }
  let to = new Array<T>(from.length);
  for (let width = run; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        if ((k & 255) === 0) yield;
        to[k] = i < mid && (j >= hi || compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
