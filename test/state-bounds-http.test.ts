/**
 * Conversation state in memory is bounded (issue 13, finding 5): over real HTTP, with a tiny
 * STATE_MAX_CONVERSATIONS the bot keeps answering everyone and the conversation pushed out starts
 * afresh; with STATE_TTL_MINUTES and a clock the test moves, an idle conversation expires the
 * same way, and Web Chat reconnecting to it is welcomed again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../src/clock';
import { parseConfig } from '../src/config';
import { LABELS } from '../src/intents';
import { silentLogger } from '../src/logger';
import { startService, type RunningService } from '../src/service';
import { channelActivity, post, say, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { textOf } from './helpers/eligibility';

let channel: TestChannel;
const dirs: string[] = [];
const services: RunningService[] = [];

beforeAll(async () => {
  channel = await startTestChannel();
});
afterAll(async () => {
  for (const service of services) await service.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  await channel?.close();
});

async function start(env: Record<string, string>, clock: Clock): Promise<RunningService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-state-bounds-'));
  dirs.push(dir);
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', RECORDS_DIR: path.join(dir, 'records'), ESCALATION_DIR: path.join(dir, 'outbox'), ...env });
  const service = await startService(config, { logger: silentLogger, clock });
  services.push(service);
  return service;
}

/** A clock the test moves by hand (25 Nov 2026, noon Eastern, at first). */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = Date.parse('2026-11-25T17:00:00Z');
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

const FIRST_STEP = 'What kind of shipment is it?';
const SECOND_STEP = 'How much is the gift worth, in U.S. dollars?';
const failed = (replies: ReceivedActivity[]) => /went wrong/i.test(textOf(replies));

describe('conversation state in memory is bounded', () => {
  it('with STATE_MAX_CONVERSATIONS=2 the bot keeps answering, and the least recently active conversation starts afresh', async () => {
    const clock = manualClock();
    const service = await start({ STATE_MAX_CONVERSATIONS: '2' }, clock);
    const talk = (conversation: string, text: string) => say(service.url, channel, `cap-${conversation}`, text, { channelId: 'webchat' });

    // Within the cap, a guided check carries on.
    expect(textOf(await talk('kept', LABELS.checkShipment))).toContain(FIRST_STEP);
    expect(textOf(await talk('kept', 'A gift sent to me'))).toContain(SECOND_STEP);

    expect(textOf(await talk('old', LABELS.checkShipment))).toContain(FIRST_STEP);
    for (const other of ['b', 'c', 'd']) {
      const replies = await talk(other, 'Hello!');
      expect(textOf(replies)).toMatch(/^Hello! What would you like to know/);
    }
    // "old" was pushed out: its answer to the check's first step is read as a new conversation's first message.
    const replies = await talk('old', 'A gift sent to me');
    expect(replies.length).toBeGreaterThan(0);
    expect(failed(replies)).toBe(false);
    expect(textOf(replies)).not.toContain(SECOND_STEP);
    // …and it can start again, as anyone can.
    expect(textOf(await talk('old', LABELS.checkShipment))).toContain(FIRST_STEP);
    expect(textOf(await talk('old', 'A gift sent to me'))).toContain(SECOND_STEP);
  });

  it('with STATE_TTL_MINUTES=1 an idle conversation expires: the next message starts afresh, and Web Chat reconnecting is welcomed again', async () => {
    const clock = manualClock();
    const service = await start({ STATE_TTL_MINUTES: '1' }, clock);
    const join = async (conversation: string) => {
      const before = channel.inConversation(conversation).length;
      await post(`${service.url}/api/messages`, channelActivity(channel.serviceUrl, conversation, { type: 'event', name: 'webchat/join', channelId: 'webchat' }));
      return channel.inConversation(conversation).slice(before);
    };
    const talk = (text: string) => say(service.url, channel, 'ttl-1', text, { channelId: 'webchat' });

    expect(textOf(await join('ttl-1'))).toMatch(/CBP E-Commerce Assistant/);
    expect(await join('ttl-1')).toEqual([]); // welcomed once
    expect(textOf(await talk(LABELS.checkShipment))).toContain(FIRST_STEP);
    clock.advance(50_000);
    expect(textOf(await talk('A gift sent to me'))).toContain(SECOND_STEP); // still active after 50 s

    clock.advance(61_000);
    const replies = await talk('$80');
    expect(replies.length).toBeGreaterThan(0);
    expect(failed(replies)).toBe(false);
    expect(textOf(replies)).not.toContain('Does the gift contain');
    clock.advance(61_000);
    expect(textOf(await join('ttl-1'))).toMatch(/CBP E-Commerce Assistant/);
  });
});
