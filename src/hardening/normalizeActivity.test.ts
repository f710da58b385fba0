import { incomingActivitySchema, normalizeActivity } from './normalizeActivity';

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
});
