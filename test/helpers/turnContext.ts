/**
 * A fresh botbuilder turn in one conversation, as a bot instance would start it: for tests of
 * conversation-state storage, which key their data by the turn's channel and conversation.
 *
 * @example
 * const context = testTurn('conv-1');
 * await conversationState.load(context);
 */
import { TestAdapter, TurnContext } from 'botbuilder';

const adapter = new TestAdapter();

export function testTurn(conversationId = 'conv-1'): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    text: 'hi',
  });
}
