/**
 * Issue 13, finding 2: a card number typed into the chat is not kept anywhere. Over HTTP with the
 * real service: a question the bot cannot answer, holding a card number written three ways, is
 * stored in the usage records without it (file mode 0600), kept in the conversation transcript
 * without it, and shown to staff by `unanswered` without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Storage } from 'botbuilder';
import { say, startTestChannel, type TestChannel } from './helpers/channel';
import { startTestService, type TestService } from './helpers/service';
import { CBP_TENANT, TeamsChat, teamsConversation } from './helpers/teams';

const QUESTIONS = [
  'do you sell kayaks? my card 4111 1111 1111 1111 was charged twice',
  'do you sell canoes? card ４１１１–１１１１–１１１１–１１１１',
  'do you sell paddles? card\n5500\n0055\n5555\n5559',
];
const CARD_DIGITS = /4111|5500|0055|5555|5559|1111/;

let channel: TestChannel;
let service: TestService;

beforeAll(async () => {
  channel = await startTestChannel();
  service = await startTestService({ ALLOWED_TENANT_IDS: CBP_TENANT });
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
});

describe('a card number typed into the chat is kept nowhere', () => {
  it('records (0600), transcript and `unanswered` hold the question without it', async () => {
    const conversationId = `card-redaction-${process.pid}`;
    for (const question of QUESTIONS) await say(service.url, channel, conversationId, question, { channelId: 'webchat' });

    // Usage records: the question's text is kept (it was not answered), the card number is not.
    const dir = path.join(service.dir, 'records');
    const files = fs.readdirSync(dir);
    expect(files).toEqual(['usage-2026-11.jsonl']);
    const file = path.join(dir, files[0]!);
    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).toContain('do you sell kayaks? my card [card number removed] was charged twice');
    expect(onDisk.match(/card number removed/g)).toHaveLength(3);
    expect(onDisk.normalize('NFKC')).not.toMatch(CARD_DIGITS);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // The conversation transcript (conversation state, sent with an email when the person agrees).
    const storage = (service.core.conversationState as unknown as { storage: Storage }).storage;
    const key = `webchat/conversations/${conversationId}/`;
    const state = (await storage.read([key]))[key] as { transcript: { from: string; text: string }[] };
    const said = state.transcript.filter((line) => line.from === 'user').map((line) => line.text);
    expect(said).toEqual([
      'do you sell kayaks? my card [card number removed] was charged twice',
      'do you sell canoes? card [card number removed]',
      'do you sell paddles? card\n[card number removed]',
    ]);
    expect(JSON.stringify(state.transcript).normalize('NFKC')).not.toMatch(CARD_DIGITS);
    // Nothing else in the conversation state keeps it either (the last question, kept for "email it").
    expect(JSON.stringify(state).normalize('NFKC')).not.toMatch(CARD_DIGITS);

    // What staff see.
    const staff = new TeamsChat(service.url, channel, teamsConversation('personal', CBP_TENANT));
    const replies = await staff.send('unanswered');
    const shown = replies.map((r) => `${r.text ?? ''}${JSON.stringify(r.attachments ?? [])}`).join('\n');
    expect(shown).toContain('kayaks');
    expect(shown).toMatch(/card number removed/);
    expect(shown.normalize('NFKC')).not.toMatch(CARD_DIGITS);
  });
});
