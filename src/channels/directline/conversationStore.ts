/**
 * The local Direct Line's memory: conversations and the activity stream of each, with
 * watermarks. Bounded on purpose — a development server left running for days must not grow:
 * at most `maxConversations` (the least recently active is evicted), at most
 * `maxActivitiesPerConversation` and `maxBytesPerConversation` per stream (the oldest
 * activities go first), and conversations end after `ttlMs` without any request.
 */
import crypto from 'node:crypto';

/** An activity as JSON on the wire (the store shuttles JSON; it does not interpret it). */
export type WireActivity = { [field: string]: unknown; type: string };

/** An activity in a conversation's stream: it has its Direct Line id and server timestamp. */
export type StreamActivity = WireActivity & { id: string; timestamp: string };

interface StoredActivity {
  /** Position in this conversation's stream; the watermark is the last seq a client saw. */
  seq: number;
  activity: StreamActivity;
  bytes: number;
}

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  lastActiveAt: number;
  /** Turns run one at a time per conversation, in arrival order (dialog state is per conversation). */
  turnQueue: Promise<unknown>;
  /** @internal */ activities: StoredActivity[];
  /** @internal */ bytes: number;
  /** @internal */ nextSeq: number;
  /** @internal */ lastTimestampMs: number;
}

export type ConversationLookup =
  | { status: 'active'; conversation: Conversation }
  | { status: 'ended'; reason: 'expired' | 'evicted' }
  | { status: 'unknown' };

export interface ConversationStoreOptions {
  /** Inactivity after which a conversation ends. */
  ttlMs: number;
  maxConversations: number;
  maxActivitiesPerConversation: number;
  maxBytesPerConversation: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
}

/** Conversations in memory, least recently active first. */
export class ConversationStore {
  // A Map keeps insertion order; touching a conversation re-inserts it, so the first entry is
  // always the least recently active one — eviction is O(1).
  private readonly conversations = new Map<string, Conversation>();
  // Ended conversation ids, so a late request gets 403 ("expired") rather than 404 ("never
  // existed"). Bounded like everything else.
  private readonly ended = new Map<string, 'expired' | 'evicted'>();

  constructor(private readonly options: ConversationStoreOptions) {}

  /** How many conversations are live. */
  get size(): number {
    return this.conversations.size;
  }

  /**
   * Starts a conversation for a user, evicting the least recently active one when full.
   *
   * @example
   * const conversation = store.create('dl_abc');
   * conversation.id; // 'x3Jk…' (22 random URL-safe characters)
   */
  create(userId: string): Conversation {
    while (this.conversations.size >= this.options.maxConversations) {
      const oldest = this.conversations.keys().next().value as string;
      this.end(oldest, 'evicted');
    }
    const now = this.options.clock();
    const conversation: Conversation = {
      id: crypto.randomBytes(16).toString('base64url'),
      userId,
      createdAt: now,
      lastActiveAt: now,
      turnQueue: Promise.resolve(),
      activities: [],
      bytes: 0,
      nextSeq: 1,
      lastTimestampMs: 0,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /**
   * Finds a conversation; one idle for longer than the TTL ends here (lazily) and reads as ended.
   *
   * @example
   * store.lookup('nope'); // { status: 'unknown' }
   */
  lookup(conversationId: string): ConversationLookup {
    const conversation = this.conversations.get(conversationId);
    if (conversation) {
      if (this.isIdleTooLong(conversation)) {
        this.end(conversationId, 'expired');
        return { status: 'ended', reason: 'expired' };
      }
      return { status: 'active', conversation };
    }
    const reason = this.ended.get(conversationId);
    return reason ? { status: 'ended', reason } : { status: 'unknown' };
  }

  /**
   * Records activity (a request from the client or the bot) so the conversation stays alive.
   *
   * @example
   * store.touch(conversation);
   */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.options.clock();
    if (this.conversations.has(conversation.id)) {
      this.conversations.delete(conversation.id);
      this.conversations.set(conversation.id, conversation);
    }
  }

  /**
   * Appends an activity to the stream. Assigns the Direct Line id `<conversationId>|<seq>`
   * unless `keepId` is set (an update re-sends an activity under its id), and a server
   * timestamp that strictly increases within the conversation — Web Chat orders by timestamp,
   * and a reply must never sort before the message it answers.
   *
   * @example
   * const stored = store.append(conversation, { type: 'message', text: 'hi' });
   * stored.id; // 'x3Jk…|0000001'
   */
  append(conversation: Conversation, activity: WireActivity, keepId = false): StreamActivity {
    const seq = conversation.nextSeq++;
    const timestampMs = Math.max(this.options.clock(), conversation.lastTimestampMs + 1);
    conversation.lastTimestampMs = timestampMs;
    const id = keepId && typeof activity.id === 'string' ? activity.id : `${conversation.id}|${String(seq).padStart(7, '0')}`;
    const stored: StreamActivity = { ...activity, id, timestamp: new Date(timestampMs).toISOString() };
    const bytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');
    conversation.activities.push({ seq, activity: stored, bytes });
    conversation.bytes += bytes;
    while (
      conversation.activities.length > 1 &&
      (conversation.activities.length > this.options.maxActivitiesPerConversation || conversation.bytes > this.options.maxBytesPerConversation)
    ) {
      const dropped = conversation.activities.shift() as StoredActivity;
      conversation.bytes -= dropped.bytes;
    }
    return stored;
  }

  /**
   * Replaces an activity (the bot updated it): the old copy leaves the stream and the new one is
   * appended under the same id, so polling clients see it again. Undefined if the id is unknown.
   *
   * @example
   * store.replace(conversation, 'x3Jk…|0000002', { type: 'message', text: 'edited' });
   */
  replace(conversation: Conversation, activityId: string, activity: WireActivity): StreamActivity | undefined {
    if (!this.remove(conversation, activityId)) return undefined;
    return this.append(conversation, { ...activity, id: activityId }, true);
  }

  /**
   * Removes an activity from the stream; false if it was not there.
   *
   * @example
   * store.remove(conversation, 'x3Jk…|0000002'); // true
   */
  remove(conversation: Conversation, activityId: string): boolean {
    const index = conversation.activities.findIndex((stored) => stored.activity.id === activityId);
    if (index < 0) return false;
    const [dropped] = conversation.activities.splice(index, 1);
    conversation.bytes -= dropped.bytes;
    return true;
  }

  /**
   * The activities after a watermark (all kept activities for an empty one) and the new
   * watermark. With nothing new, the watermark comes back unchanged.
   *
   * @example
   * store.activitiesAfter(conversation, undefined); // { activities: [...], watermark: '3' }
   * store.activitiesAfter(conversation, 3);         // { activities: [], watermark: '3' }
   */
  activitiesAfter(conversation: Conversation, watermark: number | undefined): { activities: StreamActivity[]; watermark: string | undefined } {
    const after = watermark ?? 0;
    const fresh = conversation.activities.filter((stored) => stored.seq > after);
    const last = fresh.length > 0 ? fresh[fresh.length - 1].seq : watermark;
    return { activities: fresh.map((stored) => stored.activity), watermark: last === undefined ? undefined : String(last) };
  }

  /**
   * Ends every conversation idle for longer than the TTL; returns how many ended.
   *
   * @example
   * setInterval(() => store.sweep(), 60_000).unref();
   */
  sweep(): number {
    let count = 0;
    for (const conversation of [...this.conversations.values()]) {
      if (this.isIdleTooLong(conversation)) {
        this.end(conversation.id, 'expired');
        count++;
      }
    }
    return count;
  }

  private isIdleTooLong(conversation: Conversation): boolean {
    return this.options.clock() - conversation.lastActiveAt > this.options.ttlMs;
  }

  private end(conversationId: string, reason: 'expired' | 'evicted'): void {
    this.conversations.delete(conversationId);
    this.ended.set(conversationId, reason);
    const maxEnded = Math.max(1000, this.options.maxConversations * 4);
    while (this.ended.size > maxEnded) this.ended.delete(this.ended.keys().next().value as string);
  }
}
