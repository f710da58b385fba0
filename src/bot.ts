/**
 * CbpBot: the one bot behind every channel (Web Chat, Teams, email, terminal, tests). It is a
 * TeamsActivityHandler so Teams events work, welcomes each conversation once, checks message
 * size and kind, and hands every message to the dialogs. Only rendering differs by channel.
 */
import {
  ActivityTypes,
  ConversationState,
  InvokeResponse,
  StatePropertyAccessor,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
// Performance (issue 15): the modules used, not the package index, which loads every prompt and the
// recognizers-text packages (+35 MB RSS, about a second of start-up) that this bot never uses.
import { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager';
import { MAIN_DIALOG } from '../dialogs/ids';
import { capabilitiesReply, messageTooLongReply, nonTextReply, welcomeReply } from '../dialogs/messages';
import { sendReply } from './channels/render';
import { catalog } from './messages';
import { emptyAllowListPolicy, isAddressedToBot, isTenantAllowed, stripBotMention, tenantOf } from './channels/teams';
import type { Logger } from './logger';
import { parseStaffCommand } from './staff';
import { runStaffCommand, StaffDeskDeps, type StaffSession } from './staff/desk';
import { HANDLED_IDS_KEPT, RecentActivities } from './retries';
import type { ConversationTranscript } from './transcript';

export interface CbpBotOptions {
  conversationState: ConversationState;
  /** The main dialog and every dialog it may start. */
  dialogs: Dialog[];
  /** Longer messages get a polite request to shorten (and never reach the search). */
  maxMessageChars: number;
  /** Teams: tenants allowed (empty: all in development, none in production). */
  teams: { allowedTenants: readonly string[]; botEnv: 'development' | 'production' };
  /** What the Teams staff commands read and do. */
  staff: StaffDeskDeps;
  /** Keeps the last lines of each conversation (the dialogs read them for an escalation email). */
  transcript: ConversationTranscript;
  logger: Logger;
}

const TEAMS_TENANT_REFUSAL = catalog().welcome.teamsTenantRefusal;

/** The Web Chat page sends this event when it connects; its answer is the welcome. */
export const WEBCHAT_JOIN_EVENT = 'webchat/join';

/**
 * Where botbuilder-dialogs keeps a turn's memory scopes and path resolvers in `turnState`
 * (`DIALOG_STATE_MANAGER_CONFIGURATION` in its memory/dialogStateManager.js, not exported).
 */
const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class CbpBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly handledIds: StatePropertyAccessor<string[]>;
  /** Staff commands' memory in this conversation: the numbered `unanswered` list `teach` refers to. */
  private readonly staffSession: StatePropertyAccessor<StaffSession>;
  private readonly recentActivities = new RecentActivities();
  /** The dialog memory scopes and path resolvers, as botbuilder-dialogs built them on the first turn. */
  private dialogStateConfiguration?: DialogStateManagerConfiguration;

  constructor(private readonly options: CbpBotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = options.conversationState.createProperty<boolean>('welcomed');
    this.handledIds = options.conversationState.createProperty<string[]>('handledIds');
    this.staffSession = options.conversationState.createProperty<StaffSession>('staffSession');
    this.dialogs = new DialogSet(this.dialogState);
    for (const dialog of options.dialogs) this.dialogs.add(dialog);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      // Teams announces the bot itself when it is installed (personal chat or a team): greet
      // then, not every time a colleague joins a team. Other channels announce the person.
      const greet = context.activity.channelId === 'msteams' ? added.some((m) => m.id === botId) : added.some((m) => m.id !== botId);
      if (greet) await this.welcomeOnce(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === WEBCHAT_JOIN_EVENT) await this.welcomeOnce(context);
      await next();
    });
  }

  /** Runs the turn, then saves conversation state even when a handler returned early. */
  override async run(context: TurnContext): Promise<void> {
    if (context.activity.channelId === 'msteams' && !this.tenantAllowed(context)) {
      this.options.logger.warn({ tenant: tenantOf(context.activity), type: context.activity.type }, 'Teams activity from a tenant not on the allow-list refused');
      // Refuse only what was said to the bot: in a channel or group chat, not every message.
      if (context.activity.type === ActivityTypes.Message && isAddressedToBot(context.activity)) await context.sendActivity(TEAMS_TENANT_REFUSAL);
      return;
    }
    if (await this.isRetry(context)) {
      this.options.logger.debug({ conversation: context.activity.conversation?.id }, 'retried activity ignored');
      return;
    }
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  /** A message the channel already delivered once (same activity id): handle it only once. */
  private async isRetry(context: TurnContext): Promise<boolean> {
    const { type, id, conversation } = context.activity;
    if (type !== ActivityTypes.Message || !id || !conversation?.id) return false;
    if (this.recentActivities.checkAndRemember(conversation.id, id)) return true;
    const handled = await this.handledIds.get(context, []);
    if (handled.includes(id)) return true;
    handled.push(id);
    handled.splice(0, Math.max(0, handled.length - HANDLED_IDS_KEPT));
    return false;
  }

  /**
   * Hardening (found by test/fuzz.test.ts): botbuilder answers 501 to an invoke no handler
   * takes (message extensions, tabs, sign-in, Action.Execute — this bot offers none), and throws
   * a TypeError on an `adaptiveCard/action` whose value has no `action` — which told the person
   * "something went wrong" and cleared the conversation. A 5xx reads as a failure of the bot and
   * the Bot Connector retries it; answer 400 "not supported" / "bad invoke" instead.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    let response: InvokeResponse | undefined;
    try {
      response = await super.onInvokeActivity(context);
    } catch (err) {
      this.options.logger.warn({ err, name: context.activity.name }, 'invoke activity could not be handled');
      return { status: 400, body: { error: 'bad_invoke', message: 'this invoke could not be handled' } };
    }
    if (response && response.status !== 501) return response;
    return { status: 400, body: { error: 'unsupported_invoke', message: 'this bot does not handle this invoke' } };
  }

  private tenantAllowed(context: TurnContext): boolean {
    const { allowedTenants, botEnv } = this.options.teams;
    return isTenantAllowed(context.activity, allowedTenants, emptyAllowListPolicy(botEnv));
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    // Web Chat may send both a conversationUpdate and a join event: greet only once.
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    await sendReply(context, welcomeReply());
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.channelId === 'msteams') {
      // In a team channel or group chat the bot speaks only when @mentioned (or its card is clicked).
      if (!isAddressedToBot(activity)) return;
      const typed = activity.text ?? '';
      activity.text = stripBotMention(activity);
      // Only "@CBP Assistant" (how people call a bot in a channel): say what it can do, not "I can only read text".
      if (typed.trim() && !activity.text) {
        await sendReply(context, capabilitiesReply());
        return;
      }
      const command = parseStaffCommand(activity.text);
      if (command) {
        const session = await this.staffSession.get(context, {});
        await sendReply(context, await runStaffCommand(command, this.options.staff, session));
        await this.staffSession.set(context, session);
        return;
      }
    }
    // A card button (Action.Submit) sends its data as `value`; `{ text }` means "as if typed".
    const value = activity.value as { text?: unknown } | undefined;
    if (!activity.text?.trim() && value && typeof value === 'object' && typeof value.text === 'string') {
      activity.text = value.text;
    }
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    if (text.length === 0) {
      await sendReply(context, nonTextReply());
      return;
    }
    if (text.length > this.options.maxMessageChars) {
      await sendReply(context, messageTooLongReply(this.options.maxMessageChars));
      return;
    }
    activity.text = text;
    await this.options.transcript.keep(context, text);
    await this.runDialogs(context);
  }

  /**
   * Performance (issue 15): botbuilder-dialogs builds its memory scopes and path resolvers anew
   * for each turn (a service collection, a dozen objects) and keeps them in turn state; they
   * hold no state of their own (the scopes read the turn's), so the first turn's serve every turn.
   */
  private async runDialogs(context: TurnContext): Promise<void> {
    if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.dialogStateConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION_KEY);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }
}
