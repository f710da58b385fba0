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
 * `activityProblem` in server.ts (400); here the optional fields are described by a zod schema
 * (`incomingActivitySchema`), and every field the schema rejects is dropped, as if the channel
 * had not sent it; lists keep only their object entries. Fields the schema does not name pass
 * through untouched.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

const text = z.string().optional();
const flag = z.boolean().optional();
/** Any JSON object (not an array, not null); its contents are not checked. */
const anyObject = z.object({}).passthrough();
/** An ISO date-time the Bot Framework client can parse. */
const dateTime = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a date')
  .optional();

/** `from`, `recipient`, a member added or removed, a mentioned account. */
const channelAccount = z
  .object({ id: text, name: text, aadObjectId: text, role: text, properties: anyObject.optional() })
  .passthrough();

const conversationAccount = z
  .object({ conversationType: text, name: text, aadObjectId: text, role: text, tenantId: text, isGroup: flag, properties: anyObject.optional() })
  .passthrough();

/** Mentions are read by the Teams code: keep their parts well-typed. */
const entity = z.object({ type: text, text, mentioned: channelAccount.optional() }).passthrough();

const listOf = <T extends z.ZodTypeAny>(item: T) => z.array(item).optional();

/**
 * The optional fields of an incoming activity with the types the Bot Framework schema
 * (botframework-schema's `Activity`) gives them.
 */
export const incomingActivitySchema = z
  .object({
    // An id of dots would become "/activities/." in the reply URL, which resolves to another path.
    id: z
      .string()
      .refine((v) => !/^\.+$/.test(v), 'an id of dots')
      .optional(),
    ...Object.fromEntries(
      [
        'name', 'locale', 'replyToId', 'textFormat', 'attachmentLayout', 'topicName', 'speak', 'inputHint',
        'summary', 'code', 'valueType', 'label', 'importance', 'deliveryMode', 'action', 'localTimezone', 'callerId',
      ].map((key) => [key, text]),
    ),
    historyDisclosed: flag,
    timestamp: dateTime,
    localTimestamp: dateTime,
    expiration: dateTime,
    from: channelAccount.optional(),
    recipient: channelAccount.optional(),
    conversation: conversationAccount.optional(),
    channelData: anyObject.optional(),
    relatesTo: anyObject.optional(),
    suggestedActions: anyObject.optional(),
    semanticAction: anyObject.optional(),
    entities: listOf(entity),
    membersAdded: listOf(channelAccount),
    membersRemoved: listOf(channelAccount),
    attachments: listOf(anyObject),
    reactionsAdded: listOf(anyObject),
    reactionsRemoved: listOf(anyObject),
    listenFor: listOf(anyObject),
    textHighlights: listOf(anyObject),
  })
  .passthrough();

/** A zod issue path as people write it: `entities[2].mentioned.name`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Drops wrong-typed optional fields in place; returns the paths dropped (for a debug log): a
 * field as `from` or `conversation.isGroup`, a field of a list entry as `membersAdded[1].name`
 * (the entry's index as sent), and `entities[]` when a list lost entries that were not objects.
 * Call it after `activityProblem(body)` found nothing wrong.
 *
 * @example
 * const body = { type: 'message', channelId: 'webchat', serviceUrl: 'https://…', conversation: { id: 'c', isGroup: 'yes' }, from: 7 };
 * normalizeActivity(body); // ['from', 'conversation.isGroup']
 */
export function normalizeActivity(activity: Json): string[] {
  const parsed = incomingActivitySchema.safeParse(activity);
  const dropped: string[] = [];
  if (!parsed.success) {
    const entriesDropped = new Map<string, Set<number>>();
    for (const issue of parsed.error.issues) {
      const path = issue.path;
      const last = path[path.length - 1];
      if (path.length === 2 && typeof last === 'number') {
        // An entry of a list that is not an object: the list keeps only its objects.
        const key = String(path[0]);
        if (!entriesDropped.has(key)) entriesDropped.set(key, new Set());
        entriesDropped.get(key)!.add(last);
        continue;
      }
      const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Json)[key], activity) as Json;
      if (last !== undefined && String(last) in parent) {
        delete parent[last];
        dropped.push(pathText(path));
      }
    }
    for (const [key, indexes] of entriesDropped) {
      activity[key] = (activity[key] as unknown[]).filter((_, i) => !indexes.has(i));
      dropped.push(`${key}[]`);
    }
  }
  // Teams always sends channelData, and botbuilder's Teams handler reads it without a check
  // (a messageUpdate without it threw).
  if (activity.channelId === 'msteams' && activity.channelData === undefined) activity.channelData = {};
  return dropped;
}
