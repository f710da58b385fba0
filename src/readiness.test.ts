import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cachedProbe, createReadiness, directoryWriteProbe, knowledgeCheck, mailerCheck, type MailerFigures } from './readiness';

const content = (documents: number, rules = 3) => ({
  knowledge: () => ({ documents: new Array(documents).fill({}) }),
  rules: () => ({ rules: new Array(rules).fill({}) }),
});
const figures = (over: Partial<MailerFigures> = {}): MailerFigures => ({
  running: true,
  pending: 0,
  failed: 0,
  oldestPendingAgeSeconds: null,
  oldestFailingAgeSeconds: null,
  checkedAt: null,
  ...over,
});

describe('knowledgeCheck', () => {
  test('documents and rules loaded: ok, with the counts', () => {
    expect(knowledgeCheck(content(124, 9))).toEqual({ ok: true, documents: 124, rules: 9 });
  });
  test('no document in force, no rules, or an error reading them: not ok, saying which', () => {
    expect(knowledgeCheck(content(0))).toMatchObject({ ok: false, problem: 'no knowledge document is in force today' });
    expect(knowledgeCheck(content(5, 0))).toMatchObject({ ok: false, problem: 'the rule file has no rules' });
    const broken = { knowledge: () => { throw new Error('index missing'); }, rules: () => ({ rules: [] }) };
    expect(knowledgeCheck(broken)).toMatchObject({ ok: false, problem: 'knowledge or rules could not be read: index missing' });
  });
});

describe('mailerCheck (stuck = an email whose attempts failed, undelivered for longer than the limit)', () => {
  test('not running: not ok', () => {
    expect(mailerCheck(figures({ running: false }))).toMatchObject({ ok: false, problem: 'the escalation mailer is not running' });
  });
  test('failing for 16 minutes with a 15-minute limit: not ok; for 14 minutes: ok', () => {
    const stuck = mailerCheck(figures({ pending: 1, oldestPendingAgeSeconds: 16 * 60, oldestFailingAgeSeconds: 16 * 60 }), 15 * 60_000);
    expect(stuck.ok).toBe(false);
    expect(stuck.problem).toMatch(/failing to send for 16 minutes \(limit 15\)/);
    expect(mailerCheck(figures({ pending: 1, oldestPendingAgeSeconds: 14 * 60, oldestFailingAgeSeconds: 14 * 60 }), 15 * 60_000).ok).toBe(true);
  });
  test('an old message held by the email cap (no failed attempt) and emails already in failed/ do not make it unready', () => {
    expect(mailerCheck(figures({ pending: 40, oldestPendingAgeSeconds: 3 * 3600, oldestFailingAgeSeconds: null, failed: 2 })).ok).toBe(true);
  });
});

describe('cachedProbe', () => {
  test('runs the probe at most once per ttl, remembers failures too, and shares a run among concurrent calls', async () => {
    let nowMs = 1_000_000;
    let runs = 0;
    let fail = false;
    const probe = cachedProbe(
      async () => {
        runs++;
        if (fail) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      },
      { ttlMs: 5_000, now: () => nowMs, details: { kind: 'blob' } },
    );
    const [a, b] = await Promise.all([probe(), probe()]);
    expect(a).toEqual({ ok: true, kind: 'blob', checkedAt: new Date(1_000_000).toISOString() });
    expect(b).toBe(a);
    expect(runs).toBe(1);
    fail = true;
    nowMs += 4_999;
    expect((await probe()).ok).toBe(true); // cached
    nowMs += 1;
    expect(await probe()).toMatchObject({ ok: false, kind: 'blob', problem: 'connect ECONNREFUSED 127.0.0.1:1' });
    expect(runs).toBe(2);
    fail = false;
    expect((await probe()).ok).toBe(false); // the failure is cached as well
    nowMs += 5_000;
    expect((await probe()).ok).toBe(true);
  });

  test('a probe that does not answer fails after the timeout', async () => {
    const probe = cachedProbe(() => new Promise<void>(() => undefined), { timeoutMs: 50 });
    expect(await probe()).toMatchObject({ ok: false, problem: 'no answer within 50 ms' });
  });
});

describe('directoryWriteProbe', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readyz-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('creates the folder, writes and removes its probe file', async () => {
    const target = path.join(dir, 'outbox', 'pending');
    await directoryWriteProbe(target)();
    expect(fs.readdirSync(target)).toEqual([]);
  });
  test('rejects when the folder cannot be written (here: a file stands where a folder should be)', async () => {
    fs.writeFileSync(path.join(dir, 'outbox'), 'not a folder');
    await expect(directoryWriteProbe(path.join(dir, 'outbox', 'pending'))()).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});

describe('createReadiness', () => {
  const ok = async () => ({ ok: true });
  test('all pass: ready, nothing failing, the earlier fields kept', async () => {
    const report = await createReadiness({ content: content(7), mailer: () => figures(), outbox: ok })();
    expect(report).toMatchObject({ ready: true, failing: [], knowledge: { documents: 7 }, checks: { storage: { ok: true, kind: 'memory' } } });
    expect(report.outbox).toMatchObject({ running: true });
  });
  test('every failing check is named, in a fixed order', async () => {
    const report = await createReadiness({
      content: content(0),
      mailer: () => figures({ running: false }),
      storage: async () => ({ ok: false, problem: 'unreachable' }),
      outbox: async () => ({ ok: false, problem: 'EROFS' }),
    })();
    expect(report.ready).toBe(false);
    expect(report.failing).toEqual(['knowledge', 'storage', 'outbox', 'mailer']);
  });
});
