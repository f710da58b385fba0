/**
 * Shared set-up for the terminal tools: the full bot, in process, on the terminal channel.
 * Usage records stay in memory so trying things out never adds to the staff statistics.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { createBotCore, BotCore } from '../app';
import { MemoryRecordStore } from '../records';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { InProcessAdapter } from '../channels/inProcessAdapter';
import { catalog } from '../messages';

export interface TerminalBot {
  core: BotCore;
  /** Sends a message (or any activity) and returns the bot's replies to it. */
  send(activity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

/** Builds the bot for the terminal; errors in a turn are reported, never thrown at the user. */
export function openTerminalBot(): TerminalBot {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never);
  const core = createBotCore(config, { logger, records: new MemoryRecordStore() });
  let replies: Partial<Activity>[] = [];
  const adapter = new InProcessAdapter((activity) => replies.push(activity), undefined, undefined, core.services.clock);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error }, 'turn failed');
    await context.sendActivity(catalog().welcome.somethingWentWrong);
    await core.conversationState.delete(context);
  };
  core.services.escalation.start();
  return {
    core,
    async send(activity) {
      replies = [];
      const partial = typeof activity === 'string' ? { type: 'message', text: activity } : activity;
      await adapter.receive(partial, (context) => core.bot.run(context));
      return replies;
    },
    close: () => core.services.escalation.stop(),
  };
}

/** The buttons of a reply, in order. */
export function buttonsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value));
}
