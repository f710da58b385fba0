/**
 * What the dialogs need from the rest of the app, handed in once at start-up. Knowledge and
 * rules are read through functions because staff can reload them without a restart.
 */
import type { Clock } from '../src/clock';
import type { KnowledgeBase } from '../src/knowledge';
import type { Logger } from '../src/logger';
import type { RecordStore } from '../src/records';
import type { RuleSet } from '../src/rules';
import type { NameTable } from '../src/understanding';
import type { EscalationService, TranscriptEntry } from '../src/escalation';
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../src/replies';

export interface BotServices {
  knowledge(): KnowledgeBase;
  rules(): RuleSet;
  /** Marketplaces, couriers and postal services people name in messages. */
  names(): NameTable;
  clock: Clock;
  /** How many recent wordings MainDialog keeps understood (UNDERSTANDING_CACHE_ENTRIES); default 500, 0 = none. */
  understandingCacheEntries?: number;
  records: RecordStore;
  escalation: EscalationService;
  logger: Logger;
  /** The last lines of this conversation (sent with an email only with the person's consent). */
  transcript(context: TurnContext): Promise<TranscriptEntry[]>;
  /**
   * Sends a channel-neutral reply in this turn. The bot/channel layer renders it (the
   * composition root passes `sendReply` from src/channels/render): dialogs never render.
   */
  send(context: TurnContext, reply: Reply): Promise<void>;
}
