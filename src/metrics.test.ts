import { activityTypeLabel, channelLabel, countingRecordStore, Metrics } from './metrics';
import { MemoryRecordStore } from './records';
import type { OutboxHealth } from './escalation';

const health = (over: Partial<OutboxHealth> = {}): OutboxHealth => ({
  healthy: true,
  running: true,
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  oldestPendingAgeSeconds: null,
  problems: [],
  transport: 'test',
  checkedAt: null,
  ...over,
});

const line = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));

describe('label values', () => {
  test('known channels and activity types are kept; anything a client invents is "other"', () => {
    expect(channelLabel('msteams')).toBe('msteams');
    expect(channelLabel('webchat')).toBe('webchat');
    expect(channelLabel('<script>')).toBe('other');
    expect(channelLabel(42)).toBe('other');
    expect(activityTypeLabel('message')).toBe('message');
    expect(activityTypeLabel('conversationUpdate')).toBe('conversationUpdate');
    expect(activityTypeLabel('x'.repeat(500))).toBe('other');
    expect(activityTypeLabel(undefined)).toBe('other');
  });
});

describe('Metrics', () => {
  test('each instance has its own registry', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    a.rateLimited('conversation');
    expect(line(await a.render(), 'cbp_rate_limited_total{scope="conversation"}')).toBe('cbp_rate_limited_total{scope="conversation"} 1');
    expect(line(await b.render(), 'cbp_rate_limited_total{')).toBeUndefined();
  });

  test('the turn middleware counts and times turns by channel and type, also when the turn throws', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const middleware = metrics.turnMiddleware();
    const context = { activity: { type: 'message', channelId: 'webchat' } } as never;
    await middleware.onTurn(context, async () => undefined);
    await expect(middleware.onTurn(context, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const text = await metrics.render();
    expect(line(text, 'cbp_turns_total{')).toBe('cbp_turns_total{channel="webchat",type="message"} 2');
    expect(line(text, 'cbp_turn_duration_seconds_count{')).toBe('cbp_turn_duration_seconds_count{channel="webchat",type="message"} 2');
  });

  test('the counting record store passes records on and counts outcomes and feedback', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const inner = new MemoryRecordStore();
    const store = countingRecordStore(inner, metrics);
    const at = '2026-11-25T12:00:00.000Z';
    await store.append({ type: 'question', at, channelId: 'webchat', outcome: 'answer', confidence: 0.9 });
    await store.append({ type: 'question', at, channelId: 'webchat', outcome: 'did-you-mean', confidence: 0.4, text: 'x' });
    await store.append({ type: 'feedback', at, channelId: 'webchat', docId: 'd', helpful: false });
    expect(inner.records).toHaveLength(3);
    expect(await store.list()).toHaveLength(3);
    const text = await metrics.render();
    expect(text).toContain('cbp_questions_total{outcome="answer"} 1');
    expect(text).toContain('cbp_questions_total{outcome="did-you-mean"} 1');
    expect(text).toContain('cbp_questions_total{outcome="out-of-scope"} 0');
    expect(text).toContain('cbp_feedback_total{helpful="no"} 1');
  });

  test('a record the store refuses is not counted', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const store = countingRecordStore({ append: () => Promise.reject(new Error('disk full')), list: async () => [] }, metrics);
    await expect(store.append({ type: 'question', at: '2026-11-25T12:00:00.000Z', channelId: 'webchat', outcome: 'answer', confidence: 1 })).rejects.toThrow('disk full');
    expect(await metrics.render()).toContain('cbp_questions_total{outcome="answer"} 0');
  });

  test('escalation gauges are read from the mailer health on each scrape', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    expect(await metrics.render()).not.toContain('cbp_escalations{');
    let current = health({ pending: 2, sent: 5 });
    metrics.watchEscalations(() => current);
    let text = await metrics.render();
    expect(text).toContain('cbp_escalations{state="pending"} 2');
    expect(text).toContain('cbp_escalations{state="sent"} 5');
    expect(text).toContain('cbp_escalation_outbox_healthy 1');
    current = health({ pending: 0, sent: 6, failed: 1, healthy: false });
    text = await metrics.render();
    expect(text).toContain('cbp_escalations{state="pending"} 0');
    expect(text).toContain('cbp_escalations{state="failed"} 1');
    expect(text).toContain('cbp_escalation_outbox_healthy 0');
  });

  test('HTTP errors are counted by route pattern and status; successes are not', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    metrics.httpResponse('/api/messages', 200);
    metrics.httpResponse('/api/messages', 400);
    metrics.httpResponse('/api/messages', 400);
    metrics.httpResponse('unmatched', 404);
    const text = await metrics.render();
    expect(text).toContain('cbp_http_errors_total{route="/api/messages",status="400"} 2');
    expect(text).toContain('cbp_http_errors_total{route="unmatched",status="404"} 1');
    expect(text).not.toContain('status="200"');
  });

  test('process metrics are included by default, with the prefix', async () => {
    const text = await new Metrics().render();
    expect(text).toMatch(/^cbp_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^cbp_nodejs_eventloop_lag_seconds /m);
  });
});
