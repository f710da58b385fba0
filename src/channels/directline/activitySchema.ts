/**
 * What a Web Chat client may post to the local Direct Line. Only the fields a client legitimately
 * sets are kept (zod drops the rest): the server, not the client, decides the id, timestamp,
 * conversation, channel, serviceUrl and who the sender is.
 */
import { z } from 'zod';

const account = z.object({
  id: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  role: z.string().max(32).optional(),
});

const attachment = z
  .object({
    contentType: z.string().min(1).max(256),
    contentUrl: z.string().max(2048).optional(),
    content: z.unknown().optional(),
    name: z.string().max(256).optional(),
    thumbnailUrl: z.string().max(2048).optional(),
  });

/** A client activity: a message, an event (such as `webchat/join`) or a typing indicator. */
export const clientActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    name: z.string().min(1).max(256).optional(),
    value: z.unknown().optional(),
    locale: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(128).optional(),
    from: account.optional(),
    channelData: z.record(z.unknown()).optional(),
    entities: z.array(z.record(z.unknown())).max(32).optional(),
    attachments: z.array(attachment).max(10).optional(),
    attachmentLayout: z.enum(['list', 'carousel']).optional(),
    replyToId: z.string().max(256).optional(),
  })
  .refine((activity) => activity.type !== 'event' || activity.name !== undefined, { message: 'an event activity needs a "name"', path: ['name'] });

export type ClientActivity = z.infer<typeof clientActivitySchema>;

export type ClientActivityCheck = { ok: true; activity: ClientActivity } | { ok: false; problem: string };

/**
 * Validates a posted body as a client activity; the problem is short and safe to return.
 *
 * @example
 * checkClientActivity({ type: 'message', text: 'hi' });  // { ok: true, activity: { type: 'message', text: 'hi' } }
 * checkClientActivity({ hello: 1 });                    // { ok: false, problem: 'type: ...' }
 */
export function checkClientActivity(body: unknown): ClientActivityCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problem: 'the body must be a JSON object (an activity)' };
  }
  const result = clientActivitySchema.safeParse(body);
  if (result.success) return { ok: true, activity: result.data };
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, problem: `not a valid activity (${where}${issue.message})` };
}
