import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { fixedClock } from './clock';
import { OnceSerialisedConversationState } from './storage/serialisedState';
import { ConversationTranscript } from './transcript';

test('a long line is cut with an ASCII "..." (issue 15: the kept strings stay one byte per character)', async () => {
  const state = new OnceSerialisedConversationState(new MemoryStorage());
  const transcript = new ConversationTranscript(state, fixedClock('2026-11-25'));
  const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: 'c' } as never, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
  await transcript.keep(context, 'a'.repeat(600));
  const [line] = await transcript.recent(context);
  expect(line!.text).toHaveLength(500);
  expect(line!.text.endsWith('a...')).toBe(true);
  expect(line!.text).not.toContain('…');
});
