/**
 * Conversation state serialised once per turn (issue 15, item 4).
 *
 * botbuilder's `BotState` turns the state into text four times per turn besides the storage's own
 * copy: a change hash when it is loaded, again to see whether it changed, the storage's write,
 * and the hash once more after the write — each time with botbuilder's cycle-safe `stringify` and
 * a SHA-256. Here the "hash" is the state's JSON itself (without its eTag): the store hands over
 * the JSON it read the state from, so loading costs only the parse; saving serialises once, compares
 * with the JSON it was loaded from, and hands that same text to the store to keep.
 *
 * The text travels beside the state object in two WeakMaps, never on the object itself:
 * - `rememberReadJson(item, json)`: a store that parsed `item` from `json` says so
 *   (ExpiringMemoryStorage); `load` uses it instead of serialising what it just parsed.
 * - `takeWriteJson(item)`: the JSON `saveChanges` made of `item` right before writing it; a store
 *   that keeps JSON uses it instead of serialising again (a wrapper that copies the item passes
 *   it on with `passWriteJson`). Taken once, so a later write of the same, changed object is
 *   serialised afresh.
 *
 * Stores that know nothing of this (BlobsStorage) work as before; the state is then serialised
 * once more by the store.
 */
import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

const readJson = new WeakMap<object, string>();
const writeJson = new WeakMap<object, string>();

const WIDE = /[^\u0000-\u00ff]/;
const WIDE_ALL = /[^\u0000-\u00ff]/g;

/**
 * The JSON a store keeps for an item: everything but its eTag (the store keeps that beside it),
 * as a one-byte string. V8 keeps a string with any character above U+00FF (an en dash from an
 * answer, a person's emoji) at two bytes per character; here such characters are written as
 * `\uXXXX` escapes, so the kept text is half the size and parses back to exactly the same state.
 *
 * @example
 * stateJson({ transcript: ['x – y'], eTag: '3' }); // '{"transcript":["x \\u2013 y"]}'
 */
export function stateJson(item: StoreItem): string {
  const { eTag: _eTag, ...rest } = item;
  const json = JSON.stringify(rest);
  if (!WIDE.test(json)) return json;
  const escaped = json.replace(WIDE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // replace() keeps the two-byte representation; a Latin-1 round trip makes the copy one-byte.
  return Buffer.from(escaped, 'latin1').toString('latin1');
}

/** Called by a store that parsed `item` from `json` (which has no eTag) and hands it out unchanged. */
export function rememberReadJson(item: object, json: string): void {
  readJson.set(item, json);
}

/** The JSON `saveChanges` made of `item` for this write, if any (once). */
export function takeWriteJson(item: object): string | undefined {
  const json = writeJson.get(item);
  if (json !== undefined) writeJson.delete(item);
  return json;
}

/** A wrapper that writes a copy of `item` (with another eTag) passes the prepared JSON on to it. */
export function passWriteJson(from: object, to: object): void {
  const json = takeWriteJson(from);
  if (json !== undefined) writeJson.set(to, json);
}

interface Cached {
  state: StoreItem;
  hash: string;
}

/**
 * ConversationState that serialises the state once per turn. Same keys, same storage, same
 * behaviour as botbuilder's; only the change check differs (the JSON instead of a hash of it).
 *
 * @example
 * const conversationState = new OnceSerialisedConversationState(new ExpiringMemoryStorage({ ttlMs, maxItems }));
 */
export class OnceSerialisedConversationState extends ConversationState {
  /** botbuilder keeps `{ state, hash }` in turnState under this symbol (private in its types). */
  private get cacheKey(): symbol {
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  override async load(context: TurnContext, force = false): Promise<any> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state: StoreItem = items[key] ?? {};
    const hash = readJson.get(state) ?? stateJson(state);
    readJson.delete(state);
    context.turnState.set(this.cacheKey, { state, hash } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && !cached) return;
    const key = await this.storageKey(context);
    cached ??= { state: {}, hash: '' };
    // The one serialisation of the turn: the change check, and what the store keeps. Nothing is
    // awaited between here and the write.
    const json = stateJson(cached.state);
    if (!force && json === cached.hash) return;
    cached.state.eTag = '*';
    writeJson.set(cached.state, json);
    try {
      await this.storage.write({ [key]: cached.state });
    } finally {
      writeJson.delete(cached.state);
    }
    cached.hash = json;
    context.turnState.set(this.cacheKey, cached);
  }
}
