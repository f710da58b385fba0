import { activityConforms, incomingActivitySchema, normalizeActivity } from './normalizeActivity';

const base = () => ({ type: 'message', channelId: 'webchat', serviceUrl: 'http://localhost:1', conversation: { id: 'c' } as Record<string, unknown> });

describe('normalizeActivity', () => {
  it('leaves a well-typed activity alone, unknown fields included', () => {
    const activity = { ...base(), id: 'a1', text: 'hi', from: { id: 'u', name: 'Ann', extra: 1 }, entities: [{ type: 'mention', mentioned: { id: 'b' } }], custom: [1] };
    const before = structuredClone(activity);
    expect(normalizeActivity(activity)).toEqual([]);
    expect(activity).toEqual(before);
  });

  it('drops wrong-typed optional fields, at any depth, and says which', () => {
    const activity: Record<string, unknown> = {
      ...base(),
      conversation: { id: 'c', isGroup: 'yes', conversationType: [] },
      from: 7,
      recipient: { id: 'bot', name: 42 },
      locale: {},
      timestamp: 'not a date',
      id: '..',
      entities: [{ type: 'mention', mentioned: 'b', text: 5 }],
    };
    expect(normalizeActivity(activity).sort()).toEqual(
      ['conversation.conversationType', 'conversation.isGroup', 'entities[0].mentioned', 'entities[0].text', 'from', 'id', 'locale', 'recipient.name', 'timestamp'].sort(),
    );
    expect(activity).toEqual({ ...base(), conversation: { id: 'c' }, recipient: { id: 'bot' }, entities: [{ type: 'mention' }] });
  });

  it('keeps only the object entries of a list, and drops a list that is not one', () => {
    const activity: Record<string, unknown> = { ...base(), membersAdded: [1, { id: 'u', name: false }, null], attachments: 'x' };
    expect(normalizeActivity(activity).sort()).toEqual(['attachments', 'membersAdded[1].name', 'membersAdded[]']);
    expect(activity.membersAdded).toEqual([{ id: 'u' }]);
    expect('attachments' in activity).toBe(false);
  });

  it('gives a Teams activity the channelData botbuilder reads without checking', () => {
    const activity: Record<string, unknown> = { ...base(), channelId: 'msteams', channelData: 'x' };
    expect(normalizeActivity(activity)).toEqual(['channelData']);
    expect(activity.channelData).toEqual({});
  });

  it('leaves an activity the schema accepts once repaired', () => {
    const activity: Record<string, unknown> = { ...base(), from: { properties: [] }, expiration: 3, reactionsAdded: [[]] };
    normalizeActivity(activity);
    expect(incomingActivitySchema.safeParse(activity).success).toBe(true);
  });

  it('skips zod only for what zod accepts: the quick test agrees with the schema', () => {
    // A small deterministic generator (LCG) of activities mixing well- and wrong-typed fields.
    let seed = 15;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const scalars = ['x', '..', '.a', '2026-12-02T10:00:00Z', 'not a date', '', 3, 0, true, false, null, undefined];
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 2 || r < 0.6) return pick(scalars);
      if (r < 0.8) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
      const keys = ['id', 'name', 'type', 'text', 'mentioned', 'properties', 'isGroup', 'role', 'tenantId', 'extra'];
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [pick(keys), value(depth + 1)]));
    };
    const fields = ['id', 'name', 'locale', 'timestamp', 'expiration', 'historyDisclosed', 'from', 'recipient', 'conversation', 'channelData', 'entities', 'membersAdded', 'attachments', 'listenFor', 'custom'];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const activity: Record<string, unknown> = base();
      for (const field of fields) if (next() < 0.12) activity[field] = value(0);
      const conforms = activityConforms(activity);
      expect([i, conforms]).toEqual([i, incomingActivitySchema.safeParse(activity).success]);
      if (conforms) accepted++;
    }
    // Both outcomes are well represented.
    expect(accepted).toBeGreaterThan(200);
    expect(accepted).toBeLessThan(2700);
    expect(activityConforms({ ...base(), timestamp: new Date() })).toBe(false);
    expect(activityConforms({ ...base(), channelData: new Map() })).toBe(false);
  });
});

