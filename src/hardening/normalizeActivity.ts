/**
 * Repairs the optional fields of an incoming activity that have the wrong type, before the
 * adapter sees it (found by test/fuzz.test.ts).
 *
 * Why: the bot's replies copy the incoming conversation reference (`conversation`, `from`,
 * `recipient`, `id`, `locale`, …) and the Bot Connector client validates every outgoing activity
 * against the Bot Framework schema. One wrong-typed field in the request — `conversation.
 * conversationType: []`, `from.name: 42`, `locale: {}` — made every reply of that turn fail to
 * serialize: the person got no answer at all, not even "something went wrong". Other fields
 * (`entities`, `membersAdded` that are not arrays) made the bot's own code throw.
 *
 * The required fields (type, channelId, serviceUrl, conversation.id) are checked by
 * `activityProblem` in server.ts (400); here an optional field of the wrong type is dropped, as
 * if the channel had not sent it, and lists keep only their object entries.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Top-level string fields of the Activity schema (botframework-schema). */
const STRING_FIELDS = [
  'id', 'name', 'locale', 'replyToId', 'textFormat', 'attachmentLayout', 'topicName', 'speak', 'inputHint',
  'summary', 'code', 'valueType', 'label', 'importance', 'deliveryMode', 'action', 'localTimezone', 'callerId',
] as const;
const DATE_FIELDS = ['timestamp', 'localTimestamp', 'expiration'] as const;
const ACCOUNT_STRING_FIELDS = ['id', 'name', 'aadObjectId', 'role'] as const;
const CONVERSATION_STRING_FIELDS = ['conversationType', 'name', 'aadObjectId', 'role', 'tenantId'] as const;
const LIST_FIELDS = ['entities', 'attachments', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'reactionsRemoved', 'listenFor', 'textHighlights'] as const;
const OBJECT_FIELDS = ['channelData', 'relatesTo', 'suggestedActions', 'semanticAction', 'conversation'] as const;

function drop(target: Json, key: string, path: string, dropped: string[]): void {
  if (key in target) {
    delete target[key];
    dropped.push(path);
  }
}

function cleanAccount(account: Json, path: string, dropped: string[]): void {
  for (const key of ACCOUNT_STRING_FIELDS) if (account[key] !== undefined && typeof account[key] !== 'string') drop(account, key, `${path}.${key}`, dropped);
  if (account.properties !== undefined && !isObject(account.properties)) drop(account, 'properties', `${path}.properties`, dropped);
}

/**
 * Drops wrong-typed optional fields in place; returns the paths dropped (for a debug log).
 * Call it after `activityProblem(body)` found nothing wrong.
 *
 * @example
 * const body = { type: 'message', channelId: 'webchat', serviceUrl: 'https://…', conversation: { id: 'c', isGroup: 'yes' }, from: 7 };
 * normalizeActivity(body); // ['conversation.isGroup', 'from']
 */
export function normalizeActivity(activity: Json): string[] {
  const dropped: string[] = [];
  for (const key of STRING_FIELDS) if (activity[key] !== undefined && typeof activity[key] !== 'string') drop(activity, key, key, dropped);
  // An id of dots would become "/activities/." in the reply URL, which resolves to another path.
  if (typeof activity.id === 'string' && /^\.+$/.test(activity.id)) drop(activity, 'id', 'id', dropped);
  if (activity.historyDisclosed !== undefined && typeof activity.historyDisclosed !== 'boolean') drop(activity, 'historyDisclosed', 'historyDisclosed', dropped);
  for (const key of DATE_FIELDS) {
    const value = activity[key];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) drop(activity, key, key, dropped);
  }
  for (const key of ['from', 'recipient'] as const) {
    const account = activity[key];
    if (account === undefined) continue;
    if (!isObject(account)) drop(activity, key, key, dropped);
    else cleanAccount(account, key, dropped);
  }
  for (const key of OBJECT_FIELDS) if (activity[key] !== undefined && !isObject(activity[key])) drop(activity, key, key, dropped);
  // Teams always sends channelData, and botbuilder's Teams handler reads it without a check
  // (a messageUpdate without it threw).
  if (activity.channelId === 'msteams' && activity.channelData === undefined) activity.channelData = {};
  const conversation = activity.conversation as Json;
  for (const key of CONVERSATION_STRING_FIELDS) if (conversation[key] !== undefined && typeof conversation[key] !== 'string') drop(conversation, key, `conversation.${key}`, dropped);
  if (conversation.isGroup !== undefined && typeof conversation.isGroup !== 'boolean') drop(conversation, 'isGroup', 'conversation.isGroup', dropped);
  if (conversation.properties !== undefined && !isObject(conversation.properties)) drop(conversation, 'properties', 'conversation.properties', dropped);
  for (const key of LIST_FIELDS) {
    const list = activity[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      drop(activity, key, key, dropped);
      continue;
    }
    const objects = list.filter(isObject);
    if (objects.length !== list.length) {
      activity[key] = objects;
      dropped.push(`${key}[]`);
    }
    if (key === 'membersAdded' || key === 'membersRemoved') (objects as Json[]).forEach((m, i) => cleanAccount(m, `${key}[${i}]`, dropped));
  }
  if (Array.isArray(activity.entities)) {
    // Mentions are read by the Teams code: keep their parts well-typed.
    for (const [i, entity] of (activity.entities as Json[]).entries()) {
      if (entity.type !== undefined && typeof entity.type !== 'string') drop(entity, 'type', `entities[${i}].type`, dropped);
      if (entity.text !== undefined && typeof entity.text !== 'string') drop(entity, 'text', `entities[${i}].text`, dropped);
      if (entity.mentioned !== undefined) {
        if (!isObject(entity.mentioned)) drop(entity, 'mentioned', `entities[${i}].mentioned`, dropped);
        else cleanAccount(entity.mentioned, `entities[${i}].mentioned`, dropped);
      }
    }
  }
  return dropped;
}
