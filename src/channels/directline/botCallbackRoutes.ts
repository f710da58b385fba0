/**
 * The bot's side of the local Direct Line: the CloudAdapter's ConnectorClient posts replies,
 * updates and proactive messages to `serviceUrl`, which points here, and they join the
 * conversation's stream for Web Chat to poll. Only this process's bot knows the callback key in
 * the serviceUrl path, so nobody else can post "bot" messages into a conversation.
 */
import crypto from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Conversation, ConversationStore, WireActivity } from './conversationStore';
import { readJsonBody, sendJsonError } from '../../http/httpUtils';
import { DIRECT_LINE_CHANNEL_ID } from './channel';

export interface BotCallbackOptions {
  /** Route path ending in `/activities`, with `:callbackKey` and `:conversationId` params. */
  path: string;
  callbackKey: string;
  store: ConversationStore;
  /** Largest activity the bot may post. */
  maxBotActivityBytes: number;
  /** The bot's account, for activities that arrive without `from`. */
  botAccount: { id: string; name: string; role: string };
  /** Wraps a handler so a throw becomes a logged 500 JSON error. */
  safeRoute: (name: string, handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => Promise<void>;
}

/**
 * Registers POST `<path>` and POST/PUT/DELETE `<path>/:activityId` (the Bot Connector's
 * sendToConversation, replyToActivity, updateActivity and deleteActivity).
 *
 * @example
 * registerBotCallbackRoutes(server, {
 *   path: '/v3/directline/callback/:callbackKey/v3/conversations/:conversationId/activities',
 *   callbackKey, store, maxBotActivityBytes: 256 * 1024, botAccount, safeRoute,
 * });
 */
export function registerBotCallbackRoutes(server: Server, options: BotCallbackOptions): void {
  const { store, safeRoute, botAccount } = options;
  const expectedKey = Buffer.from(options.callbackKey);

  /** The conversation for a bot callback, or undefined after sending 401/404. */
  function botConversation(req: Request, res: Response): Conversation | undefined {
    const given = Buffer.from(String(req.params.callbackKey ?? ''));
    if (given.length !== expectedKey.length || !crypto.timingSafeEqual(given, expectedKey)) {
      sendJsonError(res, 401, 'unauthorized', 'unknown callback key');
      return undefined;
    }
    const found = store.lookup(req.params.conversationId as string);
    if (found.status !== 'active') {
      sendJsonError(res, 404, 'not_found', 'unknown or expired conversation');
      return undefined;
    }
    store.touch(found.conversation);
    return found.conversation;
  }

  /** The bot's activity body, cleaned for the client's stream, or undefined after a 400/413. */
  async function botActivity(req: Request, res: Response, conversation: Conversation): Promise<WireActivity | undefined> {
    const body = await readJsonBody(req, options.maxBotActivityBytes);
    if (!body.ok) {
      sendJsonError(res, body.status, body.status === 413 ? 'payload_too_large' : 'bad_request', body.message);
      return undefined;
    }
    const value = body.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || Array.isArray(value) || typeof value.type !== 'string' || value.type.length === 0) {
      sendJsonError(res, 400, 'bad_request', 'the body must be an activity with a "type"');
      return undefined;
    }
    // serviceUrl holds the callback key: it never reaches the browser. The id and timestamp are
    // the stream's to assign.
    const { serviceUrl: _serviceUrl, callerId: _callerId, id: _id, timestamp: _timestamp, ...rest } = value;
    const from = (rest.from && typeof rest.from === 'object' ? rest.from : botAccount) as Record<string, unknown>;
    return {
      ...rest,
      type: value.type,
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversation.id },
      from: { ...from, role: typeof from.role === 'string' ? from.role : 'bot' },
    };
  }

  const sendToConversation = safeRoute('bot-send', async (req, res) => {
    const conversation = botConversation(req, res);
    if (!conversation) return;
    const activity = await botActivity(req, res, conversation);
    if (!activity) return;
    const stored = store.append(conversation, activity);
    res.json({ id: stored.id });
  });
  server.post(options.path, sendToConversation);
  server.post(`${options.path}/:activityId`, sendToConversation);

  server.put(`${options.path}/:activityId`, safeRoute('bot-update', async (req, res) => {
    const conversation = botConversation(req, res);
    if (!conversation) return;
    const activity = await botActivity(req, res, conversation);
    if (!activity) return;
    const stored = store.replace(conversation, req.params.activityId as string, activity);
    if (!stored) {
      sendJsonError(res, 404, 'not_found', 'unknown activity');
      return;
    }
    res.json({ id: stored.id });
  }));

  server.del(`${options.path}/:activityId`, safeRoute('bot-delete', async (req, res) => {
    const conversation = botConversation(req, res);
    if (!conversation) return;
    if (!store.remove(conversation, req.params.activityId as string)) {
      sendJsonError(res, 404, 'not_found', 'unknown activity');
      return;
    }
    res.json({});
  }));
}
