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

/**
 * A field's type twice over: the zod schema that finds what to drop, and a quick test that
 * accepts exactly what the schema accepts. Performance (issue 15): zod copies the whole activity
 * to parse it, at every turn; the quick test lets the (nearly always) well-typed activity skip
 * that, and zod still reports the fields of any other. Both come from the one description below.
 */
interface FieldType {
  schema: z.ZodTypeAny;
  accepts: (value: unknown) => boolean;
}

const optional = (type: FieldType): FieldType => ({ schema: type.schema.optional(), accepts: (v) => v === undefined || type.accepts(v) });

/** What zod reads as an object (its getParsedType): not null, an array, a promise, a Map, a Set or a Date. */
function isZodObject(v: unknown): v is Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as { then?: unknown; catch?: unknown };
  if (typeof o.then === 'function' && typeof o.catch === 'function') return false;
  return !(v instanceof Map || v instanceof Set || v instanceof Date);
}

/** An object with these fields typed, any others passed through. */
function objectOf(fields: Record<string, FieldType>): FieldType {
  const entries = Object.entries(fields);
  return {
    schema: z.object(Object.fromEntries(entries.map(([key, type]) => [key, type.schema]))).passthrough(),
    accepts: (v) => isZodObject(v) && entries.every(([key, type]) => type.accepts(v[key])),
  };
}

const listOf = (item: FieldType): FieldType =>
  optional({ schema: z.array(item.schema), accepts: (v) => Array.isArray(v) && v.every((entry) => item.accepts(entry)) });

const text = optional({ schema: z.string(), accepts: (v) => typeof v === 'string' });
const flag = optional({ schema: z.boolean(), accepts: (v) => typeof v === 'boolean' });
/** Any JSON object (not an array, not null); its contents are not checked. */
const anyObject = objectOf({});
const notADate = (v: string) => Number.isNaN(Date.parse(v));
/** An ISO date-time the Bot Framework client can parse. */
const dateTime = optional({ schema: z.string().refine((v) => !notADate(v), 'not a date'), accepts: (v) => typeof v === 'string' && !notADate(v) });
// An id of dots would become "/activities/." in the reply URL, which resolves to another path.
const onlyDots = (v: string) => /^\.+$/.test(v);
const activityId = optional({ schema: z.string().refine((v) => !onlyDots(v), 'an id of dots'), accepts: (v) => typeof v === 'string' && !onlyDots(v) });

/** `from`, `recipient`, a member added or removed, a mentioned account. */
const channelAccount = objectOf({ id: text, name: text, aadObjectId: text, role: text, properties: optional(anyObject) });

const conversationAccount = objectOf({ conversationType: text, name: text, aadObjectId: text, role: text, tenantId: text, isGroup: flag, properties: optional(anyObject) });

/** Mentions are read by the Teams code: keep their parts well-typed. */
const entity = objectOf({ type: text, text, mentioned: optional(channelAccount) });

/**
 * The optional fields of an incoming activity with the types the Bot Framework schema
 * (botframework-schema's `Activity`) gives them.
 */
const incomingActivity = objectOf({
  id: activityId,
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
  from: optional(channelAccount),
  recipient: optional(channelAccount),
  conversation: optional(conversationAccount),
  channelData: optional(anyObject),
  relatesTo: optional(anyObject),
  suggestedActions: optional(anyObject),
  semanticAction: optional(anyObject),
  entities: listOf(entity),
  membersAdded: listOf(channelAccount),
  membersRemoved: listOf(channelAccount),
  attachments: listOf(anyObject),
  reactionsAdded: listOf(anyObject),
  reactionsRemoved: listOf(anyObject),
  listenFor: listOf(anyObject),
  textHighlights: listOf(anyObject),
});

/** The schema of {@link normalizeActivity}: what it keeps. */
export const incomingActivitySchema = incomingActivity.schema;

/**
 * Whether the schema accepts the activity as it is (nothing to drop), without zod.
 *
 * @example
 * activityConforms({ type: 'message', from: { id: 'u' } }); // true
 * activityConforms({ type: 'message', from: 7 });           // false
 */
export function activityConforms(activity: Json): boolean {
  return incomingActivity.accepts(activity);
}

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
  const dropped: string[] = [];
  const parsed = activityConforms(activity) ? undefined : incomingActivitySchema.safeParse(activity);
  if (parsed && !parsed.success) {
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
