import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { fixedClock } from './clock';
import { ConversationTranscript, TRANSCRIPT_LINES } from './transcript';

/** One turn of conversation `c1` from the person, saying `text`, with its own state cache. */
function turn(adapter: TestAdapter, text: string): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: 'c1' } as never,
    from: { id: 'user', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    serviceUrl: 'http://localhost',
  });
}

describe('ConversationTranscript', () => {
  const clock = fixedClock('2026-11-25');

  it('keeps the person’s line and the bot’s text replies of the turn, in conversation state', async () => {
    const adapter = new TestAdapter();
    const state = new ConversationState(new MemoryStorage());
    const transcript = new ConversationTranscript(state, clock);

    const first = turn(adapter, 'is my parcel duty-free?');
    await state.load(first);
    await transcript.keep(first, 'is my parcel duty-free?');
    await first.sendActivity('No: de minimis is suspended.');
    await first.sendActivity({ type: 'typing' });
    await state.saveChanges(first);

    // A later turn (any instance: the lines are in the stored state) reads them.
    const later = turn(adapter, 'email the team');
    await state.load(later);
    expect(await transcript.recent(later)).toEqual([
      { from: 'user', text: 'is my parcel duty-free?', at: '2026-11-25T17:00:00.000Z' },
      { from: 'bot', text: 'No: de minimis is suspended.', at: '2026-11-25T17:00:00.000Z' },
    ]);
  });

  it('removes card numbers, cuts long lines and keeps only the last lines', async () => {
    const adapter = new TestAdapter();
    const state = new ConversationState(new MemoryStorage());
    const transcript = new ConversationTranscript(state, clock);
    const context = turn(adapter, 'x');
    await state.load(context);
    await transcript.keep(context, 'my card is 4111 1111 1111 1111');
    await transcript.keep(context, 'y'.repeat(600));
    for (let i = 0; i < TRANSCRIPT_LINES; i++) await transcript.keep(context, `line ${i}`);

    const lines = await transcript.recent(context);
    expect(lines).toHaveLength(TRANSCRIPT_LINES);
    expect(lines[0]!.text).toBe('line 0');
    const fresh = new ConversationTranscript(new ConversationState(new MemoryStorage()), clock);
    await fresh.keep(context, 'my card is 4111 1111 1111 1111 and ' + 'z'.repeat(600));
    const [kept] = await fresh.recent(context);
    expect(kept!.text).not.toContain('4111');
    expect(kept!.text).toHaveLength(500); // cut (with a mark the cut's own test checks: transcript.test.ts)
  });
});
