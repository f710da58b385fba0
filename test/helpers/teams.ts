/**
 * Microsoft Teams as the bot sees it, for HTTP tests: activities shaped like the ones the Bot
 * Connector delivers from Teams (personal chat, team channel, group chat; tenant and team in
 * `channelData`; @mentions as `entities`), what Teams sends when a card button is clicked, and
 * readers for the Adaptive Cards the bot answers with.
 *
 * Shapes follow Microsoft's Teams bot documentation ("Conversation basics", "Card actions"):
 * - personal chat: `conversation.id` like `a:1…`, `conversationType: 'personal'`;
 * - team channel: `conversation.id` is the channel thread id plus `;messageid=…`,
 *   `conversationType: 'channel'`, `isGroup: true`, and `channelData.team` / `channelData.channel`;
 * - group chat: `conversation.id` like `19:…@thread.v2`, `conversationType: 'groupChat'`;
 * - every one: `channelData.tenant.id`, `conversation.tenantId`, the user's `aadObjectId`, and the
 *   bot as `recipient` with id `28:<app id>`;
 * - an @mention of the bot: `<at>Name</at>` in `text` and a `mention` entity naming the bot;
 * - a click on an `Action.Submit` whose data holds `msteams: { type: 'messageBack', text, … }`:
 *   a message whose `text` is that `msteams.text` (no mention, even in a channel) and whose `value`
 *   holds the other properties of the data; a plain `Action.Submit` (no `msteams`) sends the data
 *   as `value` and no text.
 *
 * @example
 * const chat = new TeamsChat(service.url, channel, teamsConversation('channel'));
 * const replies = await chat.send('is 800 dollars still duty free', { mention: true });
 * const card = adaptiveCardOf(replies[0]);
 */
import { randomUUID } from 'node:crypto';
import { channelActivity, post, type ReceivedActivity, type TestChannel } from './channel';

export const TEAMS_BOT = { id: '28:bot-app-id', name: 'CBP Assistant' } as const;
/** How Teams writes the bot's @mention in `text`. */
export const BOT_MENTION = `<at>${TEAMS_BOT.name}</at>`;
/** CBP's Microsoft Entra tenant (what ALLOWED_TENANT_IDS lists in these tests). */
export const CBP_TENANT = '6a1f3c2e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
/** Some other organisation's tenant. */
export const OTHER_TENANT = 'f0e1d2c3-b4a5-4968-8776-655443322110';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export type TeamsScope = 'personal' | 'channel' | 'groupChat';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export const STAFF_USER: TeamsUser = { id: '29:1staff-dana-k3x9', name: 'Dana Rivera', aadObjectId: '0b1c2d3e-1111-4222-8333-944455566677' };

/** Where a Teams conversation happens: the parts every activity in it carries. */
export interface TeamsConversation {
  scope: TeamsScope;
  tenant?: string;
  conversation: { id: string; conversationType: TeamsScope; tenantId?: string; isGroup?: boolean; name?: string };
  channelData: Record<string, unknown>;
}

/**
 * A fresh Teams conversation in a scope and tenant (`tenant: null` leaves every tenant field
 * out, as no real Teams activity would).
 *
 * @example
 * teamsConversation('channel', CBP_TENANT).conversation.id; // '19:…@thread.tacv2;messageid=…'
 */
export function teamsConversation(scope: TeamsScope, tenant: string | null = CBP_TENANT): TeamsConversation {
  const unique = randomUUID().replace(/-/g, '');
  const tenantData = tenant ? { tenant: { id: tenant } } : {};
  const tenantId = tenant ? { tenantId: tenant } : {};
  switch (scope) {
    case 'personal':
      return {
        scope,
        tenant: tenant ?? undefined,
        conversation: { id: `a:1${unique}`, conversationType: 'personal', ...tenantId },
        channelData: { ...tenantData },
      };
    case 'channel': {
      const channelId = `19:${unique}@thread.tacv2`;
      const teamId = `19:team${unique.slice(0, 12)}@thread.tacv2`;
      return {
        scope,
        tenant: tenant ?? undefined,
        conversation: { id: `${channelId};messageid=${Date.now()}`, conversationType: 'channel', isGroup: true, name: 'E-Commerce desk', ...tenantId },
        channelData: {
          teamsChannelId: channelId,
          teamsTeamId: teamId,
          channel: { id: channelId, name: 'E-Commerce desk' },
          team: { id: teamId, name: 'Trade Facilitation', aadGroupId: randomUUID() },
          ...tenantData,
        },
      };
    }
    case 'groupChat':
      return {
        scope,
        tenant: tenant ?? undefined,
        conversation: { id: `19:${unique}@thread.v2`, conversationType: 'groupChat', isGroup: true, ...tenantId },
        channelData: { ...tenantData },
      };
  }
}

const CLIENT_INFO = { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York' };

/** The mention entity Teams adds when the bot is @mentioned. */
export function botMentionEntity(): Record<string, unknown> {
  return { type: 'mention', mentioned: { id: TEAMS_BOT.id, name: TEAMS_BOT.name }, text: BOT_MENTION };
}

/** A Teams activity (a message unless `partial.type` says otherwise) in a conversation. */
export function teamsActivity(
  serviceUrl: string,
  where: TeamsConversation,
  partial: Record<string, unknown> = {},
  user: TeamsUser = STAFF_USER,
): Record<string, unknown> {
  return channelActivity(serviceUrl, where.conversation.id, {
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: TEAMS_BOT.id, name: TEAMS_BOT.name },
    conversation: { ...where.conversation },
    channelData: structuredClone(where.channelData),
    entities: [CLIENT_INFO],
    textFormat: 'plain',
    locale: 'en-US',
    ...partial,
  });
}

/** A message typed in Teams; with `mention`, it starts with the bot's @mention as Teams writes it. */
export function teamsMessage(serviceUrl: string, where: TeamsConversation, text: string, options: { mention?: boolean; user?: TeamsUser } = {}): Record<string, unknown> {
  const mention = options.mention ?? false;
  return teamsActivity(
    serviceUrl,
    where,
    {
      // Teams puts the mention tag in the text, usually followed by a (non-breaking) space.
      text: mention ? `${BOT_MENTION} ${text}` : text,
      entities: mention ? [botMentionEntity(), CLIENT_INFO] : [CLIENT_INFO],
    },
    options.user,
  );
}

/** An `Action.Submit` as the bot puts it on a card. */
export interface SubmitAction {
  type: string;
  title: string;
  data?: unknown;
}

/**
 * What Teams sends when the button is clicked: for an `msteams.messageBack` data, `text` from it
 * and `value` with the rest of the data; for plain data, the data as `value` and no text.
 * `replyToId` names the card's message.
 */
export function cardClick(serviceUrl: string, where: TeamsConversation, action: SubmitAction, replyToId?: string, user: TeamsUser = STAFF_USER): Record<string, unknown> {
  if (action.type !== 'Action.Submit') throw new Error(`not a submit button: ${action.type}`);
  const data = (action.data ?? {}) as Record<string, unknown>;
  const msteams = data.msteams as { type?: string; text?: string; value?: unknown } | undefined;
  const common = { replyToId: replyToId ?? `1${Date.now()}` };
  if (msteams?.type === 'messageBack') {
    const { msteams: _ignored, ...rest } = data;
    const extra = typeof msteams.value === 'string' ? (JSON.parse(msteams.value) as Record<string, unknown>) : ((msteams.value as Record<string, unknown> | undefined) ?? {});
    return teamsActivity(serviceUrl, where, { ...common, text: msteams.text ?? '', value: { ...rest, ...extra } }, user);
  }
  return teamsActivity(serviceUrl, where, { ...common, value: data }, user);
}

/** The same click sent as a plain Adaptive Card submit: only `value` (the button's data), no text. */
export function cardSubmitValueOnly(serviceUrl: string, where: TeamsConversation, action: SubmitAction, user: TeamsUser = STAFF_USER): Record<string, unknown> {
  return teamsActivity(serviceUrl, where, { replyToId: `1${Date.now()}`, value: structuredClone(action.data) }, user);
}

/** What Teams sends when the app is installed (the bot joins the conversation). */
export function botInstalled(serviceUrl: string, where: TeamsConversation): Record<string, unknown> {
  const eventType = where.scope === 'channel' ? { eventType: 'teamMemberAdded' } : {};
  return teamsActivity(serviceUrl, where, {
    type: 'conversationUpdate',
    text: undefined,
    entities: undefined,
    textFormat: undefined,
    membersAdded: [{ id: TEAMS_BOT.id }],
    channelData: { ...structuredClone(where.channelData), ...eventType },
  });
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: Array<{ type: string; text?: string; style?: string; size?: string; isSubtle?: boolean; facts?: Array<{ title: string; value: string }> }>;
  actions?: SubmitAction[];
  [key: string]: unknown;
}

/** The Adaptive Card attached to a reply (fails the test when there is none). */
export function adaptiveCardOf(reply: ReceivedActivity | undefined): AdaptiveCard {
  const attachment = reply?.attachments?.find((a) => a.contentType === ADAPTIVE_CARD);
  if (!attachment) throw new Error(`no Adaptive Card in ${JSON.stringify(reply)}`);
  return attachment.content as AdaptiveCard;
}

/** The `Action.Submit` buttons of every card in some replies, in order. */
export function cardButtons(replies: readonly ReceivedActivity[]): SubmitAction[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD).flatMap((a) => (a.content as AdaptiveCard).actions ?? []));
}

/** The button with this title in some replies (fails the test when there is none). */
export function buttonTitled(replies: readonly ReceivedActivity[], title: string): SubmitAction {
  const action = cardButtons(replies).find((a) => a.title === title);
  if (!action) throw new Error(`no button "${title}" among ${JSON.stringify(cardButtons(replies).map((a) => a.title))}`);
  return action;
}

/** All visible words of some replies: their text and every TextBlock and fact of their cards. */
export function visibleText(replies: readonly ReceivedActivity[]): string {
  return replies
    .flatMap((r) => [
      r.text ?? '',
      ...(r.attachments ?? [])
        .filter((a) => a.contentType === ADAPTIVE_CARD)
        .flatMap((a) => (a.content as AdaptiveCard).body.flatMap((b) => [b.text ?? '', ...(b.facts ?? []).map((f) => `${f.title}: ${f.value}`)])),
    ])
    .join('\n');
}

/** Compares Adaptive Card versions such as '1.5' and '1.10'. */
export function cardVersionAtMost(version: string, max: string): boolean {
  const [a1, a2 = 0] = version.split('.').map(Number);
  const [b1, b2 = 0] = max.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/**
 * One Teams conversation over HTTP: sends activities to the bot and returns the bot's replies in
 * that conversation (the replies arrive at the test channel before the bot's HTTP answer).
 */
export class TeamsChat {
  constructor(
    private readonly botUrl: string,
    private readonly channel: TestChannel,
    readonly where: TeamsConversation,
    private readonly user: TeamsUser = STAFF_USER,
  ) {}

  /** Posts any activity; returns the HTTP status and the bot's replies in this conversation. */
  async post(activity: Record<string, unknown>): Promise<{ status: number; replies: ReceivedActivity[] }> {
    const before = this.channel.received.length;
    const result = await post(`${this.botUrl}/api/messages`, activity);
    const replies = this.channel.received.slice(before).filter((a) => a.conversation?.id === this.where.conversation.id);
    return { status: result.status, replies };
  }

  private async expectOk(activity: Record<string, unknown>): Promise<ReceivedActivity[]> {
    const { status, replies } = await this.post(activity);
    if (status !== 200) throw new Error(`bot answered HTTP ${status}`);
    return replies.filter((r) => r.type === 'message');
  }

  /** Types a message (with `mention`, @mentioning the bot first). */
  send(text: string, options: { mention?: boolean } = {}): Promise<ReceivedActivity[]> {
    return this.expectOk(teamsMessage(this.channel.serviceUrl, this.where, text, { ...options, user: this.user }));
  }

  /** Clicks a card button the way Teams sends it. */
  click(action: SubmitAction, replyToId?: string): Promise<ReceivedActivity[]> {
    return this.expectOk(cardClick(this.channel.serviceUrl, this.where, action, replyToId, this.user));
  }

  /** Clicks the button with this title among the replies of the last turn. */
  clickTitled(replies: readonly ReceivedActivity[], title: string): Promise<ReceivedActivity[]> {
    return this.click(buttonTitled(replies, title));
  }

  /** The bot is installed in this conversation. */
  install(): Promise<ReceivedActivity[]> {
    return this.expectOk(botInstalled(this.channel.serviceUrl, this.where));
  }
}
