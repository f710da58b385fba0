/**
 * Feedback follows the topic, not the file (issue 12): on 15 Jul 2027 the de minimis status
 * question is answered by the version in force then, and "Helpful" is recorded against the
 * topic's family, so staff figures add up across versions.
 */
import { LABELS } from '../src/intents';
import { say as sayOverHttp, startTestChannel, type TestChannel } from './helpers/channel';
import { startTestService, type TestService } from './helpers/service';

let channel: TestChannel;
let service: TestService;

beforeAll(async () => {
  channel = await startTestChannel();
  service = await startTestService({}, { today: '2027-07-15' });
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
});

it('"Helpful" on an answer from a later version is recorded against its family', async () => {
  const conversationId = `feedback-family-${process.pid}`;
  const say = (text: string) => sayOverHttp(service.url, channel, conversationId, text, { channelId: 'webchat' });
  const answer = await say('is the $800 de minimis still a thing?');
  const kb = service.core.services.knowledge();
  const served = kb.answer('is the $800 de minimis still a thing?').best!;
  // The version in force on 15 Jul 2027 is a successor with its own file and id …
  expect(served.id).not.toBe('de-minimis-suspended');
  expect(served.family).toBe('de-minimis-suspended');
  expect(answer.map((a) => a.text).join('\n')).toContain(served.body.split('\n')[0]);
  await say(LABELS.helpful);
  const records = await service.core.services.records.list();
  // … but the question and the feedback count for the topic.
  expect(records.filter((r) => r.type === 'question').map((r) => (r as { docId?: string }).docId)).toEqual(['de-minimis-suspended']);
  expect(records.filter((r) => r.type === 'feedback')).toEqual([expect.objectContaining({ docId: 'de-minimis-suspended', helpful: true })]);
});
