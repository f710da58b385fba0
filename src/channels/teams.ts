/**
 * Microsoft Teams (`channelId: msteams`): rendering replies as Adaptive Cards, reading
 * @mentions, and the tenant allow-list.
 *
 * Rendering decisions:
 * - Answers and verdicts are Adaptive Cards, schema 1.5 at most (some Teams clients — mobile,
 *   older desktop builds — refuse newer cards), with `text` carrying the title so
 *   notifications and screen readers have it.
 * - Buttons are always `Action.Submit` card buttons sending a messageBack, never
 *   `suggestedActions`: suggested actions were long limited to personal chats, and Teams shows
 *   only the first three of them; card buttons work the same in personal chats, group chats
 *   and channels, and stay on the message after a click.
 */
import { Activity, ActivityTypes, Attachment, CardFactory } from 'botbuilder';
import { escapeRegExp } from '../text/regexp';
// Not importing ./render: it will dispatch to this module, and a cycle would be fragile.
import { Reply, Suggestion, sourceLine } from './reply';

/** Highest Adaptive Card schema every Teams client renders. */
export const TEAMS_CARD_VERSION = '1.5';

/** Teams shows at most this many top-level card actions; more are dropped or fail on some clients. */
export const MAX_CARD_ACTIONS = 6;

/** What a card button sends: a visible messageBack with the text, and `value.text` for the bot. */
export interface TeamsSubmitData {
  msteams: { type: 'messageBack'; text: string; displayText: string };
  text: string;
}

/**
 * The `Action.Submit` buttons for a reply's suggestions. A click posts `displayText` (the label)
 * in the chat and sends `text` (the value) to the bot, which also finds it in `value.text`.
 *
 * @example
 * submitActions([{ label: 'Check my shipment' }]);
 * // [{ type: 'Action.Submit', title: 'Check my shipment', data: { msteams: { type: 'messageBack',
 * //    text: 'Check my shipment', displayText: 'Check my shipment' }, text: 'Check my shipment' } }]
 */
export function submitActions(suggestions: readonly Suggestion[] = []): { type: 'Action.Submit'; title: string; data: TeamsSubmitData }[] {
  return suggestions.slice(0, MAX_CARD_ACTIONS).map((s) => {
    const text = s.value ?? s.label;
    return { type: 'Action.Submit', title: s.label, data: { msteams: { type: 'messageBack', text, displayText: s.label }, text } };
  });
}

/**
 * Markdown as Adaptive Card TextBlocks, one per paragraph. Cards do not render headings, so a
 * `## Heading` line becomes bold text.
 *
 * @example
 * markdownBlocks('## When\n\nSince 29 Aug 2025.'); // [{ type: 'TextBlock', text: '**When**', wrap: true }, { …, text: 'Since 29 Aug 2025.' }]
 */
export function markdownBlocks(markdown: string): { type: 'TextBlock'; text: string; wrap: true }[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.replace(/^#{1,6}\s+(.+)$/gm, (_, heading: string) => `**${heading.trim()}**`))
    .map((text) => ({ type: 'TextBlock' as const, text, wrap: true as const }));
}

/**
 * The Adaptive Card (1.5) for an answer or verdict: title as a heading, the answer, the facts
 * of a verdict, the source link(s) and reviewed date in small subtle text, and the suggestions
 * as buttons.
 *
 * @example
 * teamsAnswerCard({ kind: 'answer', title: 'Is de minimis still available?', markdown: 'No. …',
 *   sources: [{ title: 'CBP', url: 'https://www.cbp.gov/' }], reviewed: '2026-11-25', suggestions: [{ label: 'Helpful' }] });
 * // { contentType: 'application/vnd.microsoft.card.adaptive', content: { version: '1.5', body: [...], actions: [...] } }
 */
export function teamsAnswerCard(reply: Reply): Attachment {
  const body: unknown[] = [];
  if (reply.title) body.push({ type: 'TextBlock', text: reply.title, style: 'heading', weight: 'Bolder', size: 'Medium', wrap: true });
  // A verdict's text starts with its headline, which is already the card's heading.
  const markdown = reply.title && reply.markdown.startsWith(reply.title) ? reply.markdown.slice(reply.title.length).trimStart() : reply.markdown;
  body.push(...markdownBlocks(markdown));
  if (reply.facts && reply.facts.length > 0) {
    body.push({ type: 'FactSet', facts: reply.facts.map((f) => ({ title: f.label, value: f.value })) });
  }
  const citation = sourceLine(reply, 'markdown');
  if (citation) body.push({ type: 'TextBlock', text: citation, size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' });
  return adaptiveCard(body, reply.suggestions);
}

/** A small card that only carries buttons, under a plain text message. */
function buttonsCard(suggestions: readonly Suggestion[]): Attachment {
  return adaptiveCard([], suggestions);
}

function adaptiveCard(body: unknown[], suggestions: readonly Suggestion[] = []): Attachment {
  const actions = submitActions(suggestions);
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    // Full width in Teams: answers with lists are hard to read in the default narrow card.
    msteams: { width: 'Full' },
  });
}

/**
 * A short one-line summary of a reply for `text` beside a card: the title, or else the start
 * of the answer.
 *
 * @example
 * replySummary({ kind: 'answer', title: 'Gifts', markdown: '…' }); // 'Gifts'
 */
export function replySummary(reply: Reply): string {
  if (reply.title) return reply.title;
  const firstLine = reply.markdown.split('\n').find((l) => l.trim()) ?? '';
  return firstLine.length > 120 ? `${firstLine.slice(0, 117).trimEnd()}…` : firstLine;
}

/**
 * The activity for a reply in Teams. Answers and verdicts: an Adaptive Card plus the title as
 * `text`. Prompts and info: markdown text (with facts and citation), plus a buttons-only card
 * when there are suggestions.
 *
 * @example
 * await context.sendActivity(renderTeamsReply(reply));
 */
export function renderTeamsReply(reply: Reply): Partial<Activity> {
  if (reply.kind === 'answer' || reply.kind === 'verdict') {
    return { type: ActivityTypes.Message, text: replySummary(reply), textFormat: 'markdown', attachments: [teamsAnswerCard(reply)] };
  }
  const activity: Partial<Activity> = { type: ActivityTypes.Message, text: teamsText(reply), textFormat: 'markdown' };
  if (reply.suggestions && reply.suggestions.length > 0) activity.attachments = [buttonsCard(reply.suggestions)];
  return activity;
}

/**
 * The whole of a reply as Teams markdown: the title in bold (staff reports such as `kb` carry
 * the document's title only there), the message, its facts as a list, the citation line.
 *
 * @example
 * teamsText({ kind: 'info', markdown: 'Done.', facts: [{ label: 'Documents', value: '42' }] }); // 'Done.\n\n- **Documents:** 42'
 * teamsText({ kind: 'info', title: 'Reloaded', markdown: 'Done.' }); // '**Reloaded**\n\nDone.'
 */
export function teamsText(reply: Reply): string {
  const title = reply.title?.trim() ? `**${reply.title.trim()}**` : '';
  const facts = (reply.facts ?? []).map((f) => `- **${f.label}:** ${f.value}`).join('\n');
  return [title, reply.markdown, facts, sourceLine(reply, 'markdown')].filter((part) => part && part.trim()).join('\n\n');
}

/** The parts of an incoming activity the functions below read (an `Activity` fits). */
export interface TeamsActivityLike {
  text?: string;
  value?: unknown;
  recipient?: { id?: string };
  conversation?: { conversationType?: string; tenantId?: string };
  entities?: { type?: string; [key: string]: unknown }[];
  channelData?: unknown;
}

interface MentionEntity {
  type: 'mention';
  mentioned?: { id?: string; name?: string };
  text?: string;
}

/** Teams user and bot ids look like `28:<app id>`; compare them with and without the prefix. */
function sameAccount(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const bare = (id: string) => id.replace(/^\d+:/, '').toLowerCase();
  return a.toLowerCase() === b.toLowerCase() || bare(a) === bare(b);
}

/** The mention entities of the activity that name the bot itself. */
function botMentions(activity: TeamsActivityLike): MentionEntity[] {
  const recipientId = activity.recipient?.id;
  return ((activity.entities ?? []) as MentionEntity[]).filter((e) => e.type === 'mention' && sameAccount(e.mentioned?.id, recipientId));
}

/**
 * The message text without the bot's own @mention, trimmed. Other people's mentions stay, so
 * "ask @Dana about this" keeps its meaning.
 *
 * @example
 * stripBotMention({ text: '<at>CBP Assistant</at> is $800 still duty-free?', recipient: { id: '28:bot' },
 *   entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'CBP Assistant' }, text: '<at>CBP Assistant</at>' }] });
 * // 'is $800 still duty-free?'
 */
export function stripBotMention(activity: TeamsActivityLike): string {
  let text = activity.text ?? '';
  for (const mention of botMentions(activity)) {
    if (mention.text && text.includes(mention.text)) {
      text = text.split(mention.text).join(' ');
    } else if (mention.mentioned?.name) {
      // Some clients send the tag with different spacing or case than the entity's `text`.
      text = text.replace(new RegExp(`<at>\\s*${escapeRegExp(mention.mentioned.name)}\\s*</at>`, 'gi'), ' ');
    }
  }
  // Teams often puts a non-breaking space after a mention.
  return text.replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Whether the bot should act on this message: always in a personal chat (conversation type
 * `personal` or absent), and in channels and group chats only when the bot is @mentioned — or
 * when it is a click on one of the bot's own card buttons (those carry a `value` and are sent
 * only to the bot, without a mention).
 *
 * @example
 * isAddressedToBot({ conversation: { conversationType: 'channel' }, text: 'lunch?' }); // false
 */
export function isAddressedToBot(activity: TeamsActivityLike): boolean {
  const type = activity.conversation?.conversationType;
  if (!type || type === 'personal') return true;
  if (botMentions(activity).length > 0) return true;
  return activity.value !== undefined && activity.value !== null && typeof activity.value === 'object';
}

/**
 * The Microsoft Entra (Azure AD) tenant the message comes from.
 *
 * @example
 * tenantOf({ channelData: { tenant: { id: '72f988bf-…' } } }); // '72f988bf-…'
 */
export function tenantOf(activity: TeamsActivityLike): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData.trim()) return fromChannelData.trim();
  const fromConversation = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation.trim() ? fromConversation.trim() : undefined;
}

/**
 * What an empty allow-list means. `deny-all` fails closed (production); `allow-all` lets any
 * tenant in (development, where the bot is tried from a test tenant).
 */
export type EmptyAllowListPolicy = 'allow-all' | 'deny-all';

/**
 * The policy for an empty `ALLOWED_TENANT_IDS` in an environment: open in development, closed
 * in production.
 *
 * @example
 * emptyAllowListPolicy('production'); // 'deny-all'
 */
export function emptyAllowListPolicy(botEnv: 'development' | 'production'): EmptyAllowListPolicy {
  return botEnv === 'production' ? 'deny-all' : 'allow-all';
}

/**
 * A line for the start-up log when the allow-list is empty, so nobody mistakes an open
 * development bot for a locked-down one; undefined when a list is configured.
 *
 * @example
 * tenantAllowListNotice([], 'development'); // 'ALLOWED_TENANT_IDS is empty: any Microsoft 365 tenant may use the bot in Teams (development only).'
 */
export function tenantAllowListNotice(allowed: readonly string[], botEnv: 'development' | 'production'): string | undefined {
  if (allowed.length > 0) return undefined;
  return emptyAllowListPolicy(botEnv) === 'allow-all'
    ? 'ALLOWED_TENANT_IDS is empty: any Microsoft 365 tenant may use the bot in Teams (development only).'
    : 'ALLOWED_TENANT_IDS is empty: every Teams message is refused. Set it to the tenant IDs of CBP.';
}

/**
 * Whether the sender's tenant may use the bot in Teams. Tenant ids compare case-insensitively;
 * a message without a tenant id is refused whenever a list is configured. With an empty list,
 * `whenEmpty` decides (default: refuse — fail closed).
 *
 * @example
 * isTenantAllowed({ channelData: { tenant: { id: 'A1' } } }, ['a1']); // true
 * isTenantAllowed({ channelData: { tenant: { id: 'B2' } } }, [], emptyAllowListPolicy('development')); // true
 */
export function isTenantAllowed(activity: TeamsActivityLike, allowed: readonly string[], whenEmpty: EmptyAllowListPolicy = 'deny-all'): boolean {
  const list = allowed.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0);
  if (list.length === 0) return whenEmpty === 'allow-all';
  const tenant = tenantOf(activity);
  return tenant !== undefined && list.includes(tenant.toLowerCase());
}
