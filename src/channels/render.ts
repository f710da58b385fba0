/**
 * The bot/channel layer: renders a channel-neutral `Reply` (src/replies.ts) as a Bot Framework
 * activity for the channel at hand. Dialogs never import this module; they send through
 * `BotServices.send`, which the composition root wires to {@link sendReply}.
 * Web Chat and the Emulator get markdown text, suggested actions and, for a verdict, an
 * Adaptive Card as an extra; Teams gets Adaptive Cards (teams.ts); the Email channel gets
 * plain text and simple HTML (email.ts); the terminal gets plain text.
 */
import { ActionTypes, Activity, ActivityTypes, Attachment, CardFactory, TurnContext } from 'botbuilder';
import { renderEmailReply } from './email';
import { Reply, sourceLine } from './reply';
import { displayDate } from '../dates';
import { catalog, fill } from '../messages';
import { renderTeamsReply } from './teams';

export type ChannelStyle = 'markdown' | 'plain';

/** Which rendering a channel gets. */
export function channelStyle(channelId: string | undefined): ChannelStyle {
  return channelId === 'terminal' ? 'plain' : 'markdown';
}

/**
 * The full text of a reply: the answer, then the citation line.
 *
 * @example
 * replyText({ kind: 'info', markdown: 'Hello' }, 'markdown'); // 'Hello'
 */
export function replyText(reply: Reply, style: ChannelStyle): string {
  const citation = sourceLine(reply, style);
  const facts = reply.facts && reply.facts.length > 0 && style === 'plain'
    ? `\n\n${reply.facts.map((f) => `- ${f.label}: ${f.value}`).join('\n')}`
    : reply.facts && reply.facts.length > 0
      ? `\n\n${reply.facts.map((f) => `- **${f.label}:** ${f.value}`).join('\n')}`
      : '';
  return [reply.markdown + facts, citation].filter(Boolean).join('\n\n');
}

/**
 * An Adaptive Card (schema 1.5: some Teams clients fail on newer ones) that summarises a
 * verdict: the headline, the answers given and the reviewed date. The message text above it
 * carries the whole answer; repeating it in the card made screen readers read it twice.
 */
export function replyCard(reply: Reply): Attachment {
  const body: unknown[] = [];
  if (reply.title) body.push({ type: 'TextBlock', text: reply.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
  if (reply.facts && reply.facts.length > 0) {
    body.push({ type: 'FactSet', facts: reply.facts.map((f) => ({ title: f.label, value: f.value })) });
  }
  if (!reply.title && (!reply.facts || reply.facts.length === 0)) body.push({ type: 'TextBlock', text: reply.markdown, wrap: true });
  if (reply.reviewed) body.push({ type: 'TextBlock', text: fill(catalog().answers.cardReviewed, { date: displayDate(reply.reviewed) }), wrap: true, size: 'Small', isSubtle: true });
  return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body });
}

/**
 * The activity for a reply on a channel.
 *
 * @example
 * await context.sendActivity(renderReply(reply, context.activity.channelId));
 */
export function renderReply(reply: Reply, channelId: string | undefined): Partial<Activity> {
  if (!Object.isFrozen(reply)) return renderFresh(reply, channelId);
  // A frozen reply (dialogs/answerReplies.ts) does not change: rendered once per channel, then
  // handed out as a copy of the rendering (performance, issue 15).
  let byChannel = rendered.get(reply);
  if (!byChannel) rendered.set(reply, (byChannel = new Map()));
  let activity = byChannel.get(channelId);
  if (!activity) byChannel.set(channelId, (activity = deepFreeze(renderFresh(reply, channelId))));
  return { ...activity };
}

/**
 * Renderings of frozen replies, by channel. The parts an activity holds (suggested actions,
 * attachments) are frozen and shared between the copies handed out: botbuilder copies an activity
 * before it adds the conversation's details, and nothing changes what it was given.
 */
const rendered = new WeakMap<Reply, Map<string | undefined, Partial<Activity>>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}

function renderFresh(reply: Reply, channelId: string | undefined): Partial<Activity> {
  if (channelId === 'msteams') return renderTeamsReply(reply);
  if (channelId === 'email') return renderEmailReply(reply);
  const style = channelStyle(channelId);
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: replyText(reply, style),
    textFormat: style === 'plain' ? 'plain' : 'markdown',
  };
  if (reply.suggestions && reply.suggestions.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s.label, value: s.value ?? s.label })),
    };
  }
  if (reply.kind === 'verdict' && style === 'markdown') activity.attachments = [replyCard(reply)];
  return activity;
}

/**
 * Sends a reply rendered for the channel of the current turn.
 *
 * @example
 * await sendReply(context, { kind: 'info', markdown: 'Hello' });
 */
export async function sendReply(context: TurnContext, reply: Reply): Promise<void> {
  await context.sendActivity(renderReply(reply, context.activity.channelId));
}
