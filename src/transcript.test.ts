import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { fixedClock } from './clock';
import { OnceSerialisedConversationState } from './storage/serialisedState';
import { ConversationTranscript, transcriptLine } from './transcript';

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

test('the bot line of a reply sent again (remembered by its text) is the line made afresh, also after the memory fills', async () => {
  const state = new OnceSerialisedConversationState(new MemoryStorage());
  const transcript = new ConversationTranscript(state, fixedClock('2026-11-25'));
  const reply = (i: number) => `Answer ${i}: pay with card 4111 1111 1111 1111 or ${'x'.repeat(i % 300)} then more words`;
  const sent = [...Array.from({ length: 600 }, (_, i) => reply(i)), reply(5), reply(599), reply(5)];
  for (const [i, text] of sent.entries()) {
    const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: `c${i}` } as never, from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
    await transcript.keep(context, 'hi');
    await context.sendActivity(text);
    const lines = await transcript.recent(context);
    expect(lines.map((l) => [l.from, l.text])).toEqual([
      ['user', 'hi'],
      ['bot', transcriptLine(text, 200)],
    ]);
    expect(lines[1]!.text).toContain('[card number removed]');
    expect(lines[1]!.text.length).toBeLessThanOrEqual(200);
  }
});

test('transcriptLine: card numbers out before the cut, long lines cut to the limit with "..."', () => {
  expect(transcriptLine('card 4111 1111 1111 1111', 500)).toBe('card [card number removed]');
  expect(transcriptLine(`${'a'.repeat(20)} 4111 1111 1111 1111`, 30)).toBe(`${'a'.repeat(20)} [card ...`);
  expect(transcriptLine('short', 10)).toBe('short');
});
