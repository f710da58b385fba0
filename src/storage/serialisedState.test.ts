import v8 from 'node:v8';
import { MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { ExpiringMemoryStorage } from './expiringMemory';
import { OnceSerialisedConversationState, stateJson } from './serialisedState';
import { ConflictCheckedStorage, isStateConflict } from './stateStorage';

const adapter = new TestAdapter();
const turn = (conversation = 'conv-1') =>
  new TurnContext(adapter, { type: 'message', channelId: 'test', conversation: { id: conversation } as never, text: 'hi', from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });

function counting<T extends 'stringify' | 'parse'>(name: T): { count: () => number; restore: () => void } {
  const spy = jest.spyOn(JSON, name);
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

describe('OnceSerialisedConversationState', () => {
  let memory: ExpiringMemoryStorage;
  afterEach(() => memory?.close());

  test('a turn that changes the state serialises it once (change check and stored copy); loading only parses', async () => {
    memory = new ExpiringMemoryStorage({ ttlMs: 60_000, maxItems: 10, sweepIntervalMs: 0 });
    const state = new OnceSerialisedConversationState(new ConflictCheckedStorage(memory));
    const lines = state.createProperty<string[]>('transcript');

    const first = turn();
    await lines.set(first, ['hello']);
    await state.saveChanges(first);

    const second = turn();
    const parse = counting('parse');
    const stringify = counting('stringify');
    try {
      const kept = await lines.get(second, []);
      expect(kept).toEqual(['hello']);
      expect([parse.count(), stringify.count()]).toEqual([1, 0]);
      kept.push('how are you');
      await state.saveChanges(second);
      expect([parse.count(), stringify.count()]).toEqual([1, 1]);
    } finally {
      parse.restore();
      stringify.restore();
    }
    const third = turn();
    expect(await lines.get(third, [])).toEqual(['hello', 'how are you']);
  });

  test('an unchanged state is not written; the eTag is kept beside the JSON, not in it', async () => {
    memory = new ExpiringMemoryStorage({ ttlMs: 60_000, maxItems: 10, sweepIntervalMs: 0 });
    const write = jest.spyOn(memory, 'write');
    const state = new OnceSerialisedConversationState(memory);
    const welcomed = state.createProperty<boolean>('welcomed');
    const first = turn();
    await welcomed.set(first, true);
    await state.saveChanges(first);
    const second = turn();
    expect(await welcomed.get(second)).toBe(true);
    await state.saveChanges(second);
    expect(write).toHaveBeenCalledTimes(1);
    const [[key, stored]] = [...(memory as unknown as { entries: Map<string, { json: string; eTag: string }> }).entries];
    expect(JSON.parse(stored!.json)).toEqual({ welcomed: true });
    expect(stored!.eTag).toBe('1');
    expect((await memory.read([key!]))[key!]).toEqual({ welcomed: true, eTag: '1' });
  });

  test('two turns of one conversation at once: the later save fails as a conflict, the first is kept', async () => {
    memory = new ExpiringMemoryStorage({ ttlMs: 60_000, maxItems: 10, sweepIntervalMs: 0 });
    const state = new OnceSerialisedConversationState(new ConflictCheckedStorage(memory));
    const step = state.createProperty<number>('step');
    const setup = turn();
    await step.set(setup, 1);
    await state.saveChanges(setup);
    const a = turn();
    const b = turn();
    await step.set(a, (await step.get(a, 0)) + 1);
    await step.set(b, (await step.get(b, 0)) + 10);
    await state.saveChanges(a);
    const error = await state.saveChanges(b).catch((err: unknown) => err);
    expect(isStateConflict(error)).toBe(true);
    expect(await step.get(turn())).toBe(2);
  });

  test('the kept JSON is a one-byte string even when the state holds wider characters, and reads back exactly', async () => {
    /** V8's serializer writes one-byte strings with the tag '"' and two-byte ones with 'c'. */
    const isOneByte = (text: string) => v8.serialize(text)[2] === '"'.charCodeAt(0);
    const wide = { transcript: [{ from: 'bot', text: 'Informal entry – up to $2,500…' }, { from: 'user', text: 'danke 👍 “quoted”' }], eTag: '7' };
    expect(isOneByte(JSON.stringify(wide))).toBe(false);
    const json = stateJson(wide);
    expect(isOneByte(json)).toBe(true);
    expect(JSON.parse(json)).toEqual({ transcript: wide.transcript });
    expect(stateJson({ plain: 'café' })).toBe('{"plain":"café"}');

    memory = new ExpiringMemoryStorage({ ttlMs: 60_000, maxItems: 10, sweepIntervalMs: 0 });
    const state = new OnceSerialisedConversationState(memory);
    const lines = state.createProperty<unknown[]>('transcript');
    const first = turn('wide');
    await lines.set(first, wide.transcript);
    await state.saveChanges(first);
    const [[, stored]] = [...(memory as unknown as { entries: Map<string, { json: string }> }).entries];
    expect(isOneByte(stored!.json)).toBe(true);
    const second = turn('wide');
    expect(await lines.get(second)).toEqual(wide.transcript);
    const write = jest.spyOn(memory, 'write');
    await state.saveChanges(second);
    expect(write).not.toHaveBeenCalled(); // read back unchanged: no write
  });

  test('a store that knows nothing of it (botbuilder MemoryStorage) works as before; clear() and force save', async () => {
    const storage: Storage = new MemoryStorage();
    const state = new OnceSerialisedConversationState(storage);
    const name = state.createProperty<string>('name');
    const first = turn('c2');
    await name.set(first, 'Ana');
    await state.saveChanges(first);
    const second = turn('c2');
    expect(await name.get(second)).toBe('Ana');
    await state.clear(second);
    await state.saveChanges(second);
    expect(await name.get(turn('c2'))).toBeUndefined();
    const third = turn('c2');
    await state.load(third);
    const write = jest.spyOn(storage, 'write');
    await state.saveChanges(third, true);
    expect(write).toHaveBeenCalledTimes(1);
  });
});
