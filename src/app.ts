/**
 * The composition root: builds the services, storage, dialogs and bot from configuration.
 * The HTTP server, the terminal chat and the tests all build the bot through here, so they
 * run the same bot with the same dialogs.
 */
import path from 'node:path';
import { ConversationState, Storage } from 'botbuilder';
import { EligibilityDialog } from '../dialogs/EligibilityDialog';
import { EscalationDialog } from '../dialogs/EscalationDialog';
import { MainDialog } from '../dialogs/MainDialog';
import type { BotServices } from '../dialogs/services';
import { CbpBot } from './bot';
import { sendReply } from './channels/render';
import { Clock, runningClock, systemClock } from './clock';
import { easternDate } from './dates';
import { ExpiringMemoryStorage } from './storage/expiringMemory';
import { OnceSerialisedConversationState } from './storage/serialisedState';
import type { AppConfig } from './config';
import { createEscalationService, OutboxStore } from './escalation';
import { FileTaughtStore, type Taught, type TaughtStore } from './knowledge/taught';
import { DatedKnowledge, KnowledgeBase, loadDatedKnowledge, Problem } from './knowledge';
import { formatProblem } from './problems';
import type { Logger } from './logger';
import { JsonlRecordStore, MemoryRecordStore, RecordStore } from './records';
import { loadRuleSet, RuleSet, useCountries } from './rules';
import { loadNames, NAMES_FILE, type NameTable } from './understanding';
import { countingRecordStore, type Metrics } from './metrics';
import { ConversationTranscript } from './transcript';

/** Thrown when the knowledge base or the rules do not validate; `problems` are `file: field: problem` lines. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base or rules are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export interface BotCoreOptions {
  logger: Logger;
  clock?: Clock;
  /** Conversation state storage; memory by default. */
  storage?: Storage;
  /** Usage records; a file store under RECORDS_DIR by default. */
  records?: RecordStore;
  /** The escalation outbox's storage; files under ESCALATION_DIR by default. */
  outboxStore?: OutboxStore;
  /** When given, question outcomes and feedback are counted as the records are appended. */
  metrics?: Metrics;
  /**
   * Where `teach` keeps taught questions when it is not `<KNOWLEDGE_DIR>/taught.yaml` (shared blob
   * storage when scaled out), and what it held at start. Then it replaces the file at every load.
   */
  taught?: { store: TaughtStore; initial: Taught };
}

/** The knowledge base and rules currently in use; `reload()` swaps both or neither. */
export class Content {
  private constructor(
    private kb: DatedKnowledge,
    private ruleSet: RuleSet,
    private nameTable: NameTable,
    private readonly knowledgeDir: string,
    private readonly rulesFile: string,
    private readonly today: () => string,
  ) {}

  /**
   * Loads and validates knowledge and rules; throws ContentError with readable lines.
   *
   * @example
   * const content = Content.load('knowledge', 'knowledge/rules/duty-free.yaml', () => '2026-11-25');
   */
  static load(knowledgeDir: string, rulesFile: string, today: () => string, taught?: Taught): Content {
    const { kb, ruleSet, names } = Content.read(knowledgeDir, rulesFile, today(), taught);
    // The country table (countries.json beside the rule file) is data like the rules: in use from here on.
    useCountries(ruleSet.countries);
    return new Content(kb, ruleSet, names, knowledgeDir, rulesFile, today);
  }

  private static read(knowledgeDir: string, rulesFile: string, today: string, taught?: Taught): { kb: DatedKnowledge; ruleSet: RuleSet; names: NameTable } {
    // Every version of every document; knowledge() serves those in force on the clock's date.
    // Taught questions: <knowledgeDir>/taught.yaml, unless given (from shared storage).
    const { dated: kb, problems } = loadDatedKnowledge(knowledgeDir, { today, ...(taught ? { taught } : {}) });
    const names = loadNames(path.join(knowledgeDir, NAMES_FILE));
    const errors = [...problems, ...names.problems].filter((p: Problem) => p.severity === 'error').map(formatProblem);
    let ruleSet: RuleSet | undefined;
    try {
      ruleSet = loadRuleSet(rulesFile);
    } catch (err) {
      const ruleProblems = (err as { problems?: Problem[] }).problems;
      if (!ruleProblems) throw err;
      errors.push(...ruleProblems.filter((p) => p.severity === 'error').map(formatProblem));
    }
    if (errors.length > 0 || !kb || !ruleSet) throw new ContentError(errors.length > 0 ? errors : ['knowledge: could not be loaded']);
    return { kb, ruleSet, names: names.table };
  }

  /** The knowledge base in force on the clock's date (one index per validity window, see dated.ts). */
  knowledge(): KnowledgeBase {
    return this.kb.at(this.today());
  }

  /** Every version of every document, served or not. */
  allVersions(): DatedKnowledge {
    return this.kb;
  }

  rules(): RuleSet {
    return this.ruleSet;
  }

  /** Marketplaces, couriers and postal services people name (knowledge/names.yaml). */
  names(): NameTable {
    return this.nameTable;
  }

  /** Re-reads both from disk (the rules with their countries.json; `taught`: instead of taught.yaml); on any problem keeps the current ones and throws ContentError. */
  reload(taught?: Taught): { documents: number } {
    const { kb, ruleSet, names } = Content.read(this.knowledgeDir, this.rulesFile, this.today(), taught);
    this.kb = kb;
    this.ruleSet = ruleSet;
    this.nameTable = names;
    useCountries(ruleSet.countries);
    return { documents: this.knowledge().documents.length };
  }
}

export interface BotCore {
  bot: CbpBot;
  services: BotServices;
  content: Content;
  conversationState: ConversationState;
}

/**
 * Builds the bot and everything it needs, without any network listener.
 *
 * @example
 * const core = createBotCore(parseConfig({}), { logger: silentLogger });
 * await adapter.process(req, res, (context) => core.bot.run(context));
 */
export function createBotCore(config: AppConfig, options: BotCoreOptions): BotCore {
  const clock = options.clock ?? (config.TODAY ? runningClock(config.TODAY) : systemClock);
  const resolve = (p: string) => path.resolve(p);
  const content = Content.load(resolve(config.KNOWLEDGE_DIR), resolve(config.RULES_FILE), () => easternDate(clock()), options.taught?.initial);
  const escalation = createEscalationService(
    {
      escalationDir: resolve(config.ESCALATION_DIR),
      smtpUrl: config.SMTP_URL,
      mailFrom: config.MAIL_FROM,
      inbox: config.ECOMMERCE_INBOX,
      maxAttempts: config.ESCALATION_MAX_ATTEMPTS,
    },
    options.logger,
    // One clock: references (ECOM-<year>-…), enqueuedAt, delivery times and rate-limit windows.
    { clock, ...(options.outboxStore ? { store: options.outboxStore } : {}) },
  );
  const records = options.records ?? new JsonlRecordStore(resolve(config.RECORDS_DIR));
  // Default: conversations in memory, idle ones forgotten after STATE_TTL_MINUTES, at most STATE_MAX_CONVERSATIONS.
  const storage = options.storage ?? new ExpiringMemoryStorage({ ttlMs: config.STATE_TTL_MINUTES * 60_000, maxItems: config.STATE_MAX_CONVERSATIONS, clock });
  // Performance (issue 15): the state is serialised once per turn (src/storage/serialisedState.ts).
  const conversationState = new OnceSerialisedConversationState(storage);
  // The bot keeps the last lines of each conversation; the escalation dialog reads them.
  const transcript = new ConversationTranscript(conversationState, clock);
  const services: BotServices = {
    knowledge: () => content.knowledge(),
    rules: () => content.rules(),
    names: () => content.names(),
    clock,
    understandingCacheEntries: config.UNDERSTANDING_CACHE_ENTRIES,
    records: options.metrics ? countingRecordStore(records, options.metrics) : records,
    escalation,
    logger: options.logger,
    transcript: (context) => transcript.recent(context),
    // The bot/channel layer renders what the dialogs reply.
    send: sendReply,
  };
  const bot = new CbpBot({
    conversationState,
    transcript,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    logger: options.logger,
    teams: { allowedTenants: config.ALLOWED_TENANT_IDS, botEnv: config.BOT_ENV },
    staff: {
      records: services.records,
      knowledge: services.knowledge,
      clock,
      // `teach` saves to <KNOWLEDGE_DIR>/taught.yaml or shared storage; `reload` puts it in use (src/knowledge/taught.ts).
      taught: options.taught?.store ?? new FileTaughtStore(resolve(config.KNOWLEDGE_DIR)),
      outboxCounts: async () => {
        const { pending, sent, failed } = await escalation.mailer.health();
        return { pending, sent, failed, emailCap: escalation.limiter.status() };
      },
      reload: async () => {
        let taught: Taught | undefined;
        try {
          taught = options.taught ? await options.taught.store.read() : undefined;
        } catch (err) {
          return { ok: false, problems: [`taught questions (shared storage): ${err instanceof Error ? err.message : String(err)}`] };
        }
        try {
          return { ok: true, ...content.reload(taught) };
        } catch (err) {
          if (err instanceof ContentError) return { ok: false, problems: err.problems };
          throw err;
        }
      },
    },
    dialogs: [new MainDialog(services), new EligibilityDialog(services), new EscalationDialog(services)],
  });
  return { bot, services, content, conversationState };
}

export { MemoryRecordStore };
