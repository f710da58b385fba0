/**
 * Channels retry a request that took too long (Teams, Direct Line). A retried activity has the
 * same id; handling it twice would send the person a second, confusing reply. This remembers
 * recently seen activity ids per conversation in this process (a retry that arrives while the
 * first attempt is still running); the bot also keeps the last few ids in conversation state,
 * for a retry that reaches another instance after the first turn was saved.
 */
export class RecentActivities {
  private readonly seenKeys = new Map<string, true>();

  constructor(private readonly capacity = 10_000) {}

  /**
   * True when this activity was seen before; otherwise remembers it and returns false.
   *
   * @example
   * const recent = new RecentActivities();
   * recent.checkAndRemember('conv-1', 'act-7'); // false
   * recent.checkAndRemember('conv-1', 'act-7'); // true (a retry)
   */
  checkAndRemember(conversationId: string, activityId: string): boolean {
    const key = `${conversationId}\u0000${activityId}`;
    if (this.seenKeys.has(key)) return true;
    this.seenKeys.set(key, true);
    // Map keeps insertion order: the first key is the oldest.
    if (this.seenKeys.size > this.capacity) this.seenKeys.delete(this.seenKeys.keys().next().value as string);
    return false;
  }
}

/** How many handled activity ids a conversation's state keeps. */
export const HANDLED_IDS_KEPT = 20;
