import { ConversationState, MemoryStorage, TurnContext, type Storage } from 'botbuilder';
import { ConflictCheckedStorage, isStateConflict, StateConflictError } from './stateStorage';
import { testTurn } from '../../test/helpers/turnContext';


const turn = testTurn;

async function save(state: ConversationState, context: TurnContext, value: unknown): Promise<void> {
  await state.createProperty('dialog').set(context, value);
  await state.saveChanges(context);
}

describe('ConflictCheckedStorage over MemoryStorage', () => {
  it('what botbuilder does alone: the later save silently replaces the other turn (eTag "*")', async () => {
    const storage: Storage = new MemoryStorage();
    const state = new ConversationState(storage);
    const a = turn();
    const b = turn();
    await state.load(a);
    await state.load(b);
    await save(state, a, { step: 'a' });
    await save(state, b, { step: 'b' }); // no error: turn a's update is gone
    const c = turn();
    expect(await state.createProperty('dialog').get(c)).toEqual({ step: 'b' });
  });

  it('a turn that saves over a newer save fails with StateConflictError, and the newer state stays', async () => {
    const state = new ConversationState(new ConflictCheckedStorage(new MemoryStorage()));
    await save(state, turn(), { step: 0 });
    const slow = turn();
    const quick = turn();
    await state.load(slow);
    await state.load(quick);
    await save(state, quick, { step: 1 });
    const failure = save(state, slow, { step: 'stale' });
    await expect(failure).rejects.toBeInstanceOf(StateConflictError);
    await expect(failure).rejects.toThrow(/another turn/);
    expect(await state.createProperty('dialog').get(turn())).toEqual({ step: 1 });
  });

  it('turns one after another never conflict, and a turn may save twice', async () => {
    const state = new ConversationState(new ConflictCheckedStorage(new MemoryStorage()));
    for (let i = 0; i < 5; i++) {
      const context = turn();
      const value = (await state.createProperty<{ n: number }>('dialog').get(context, { n: 0 }))!;
      await save(state, context, { n: value.n + 1 });
      await save(state, context, { n: value.n + 2 });
    }
    expect(await state.createProperty('dialog').get(turn())).toEqual({ n: 10 });
  });

  it('new conversations and other conversations are independent', async () => {
    const state = new ConversationState(new ConflictCheckedStorage(new MemoryStorage()));
    const a = turn('a');
    const b = turn('b');
    await state.load(a);
    await state.load(b);
    await save(state, a, { x: 1 });
    await save(state, b, { x: 2 });
    expect(await state.createProperty('dialog').get(turn('a'))).toEqual({ x: 1 });
    expect(await state.createProperty('dialog').get(turn('b'))).toEqual({ x: 2 });
  });

  it('after delete, the next turn starts afresh', async () => {
    const state = new ConversationState(new ConflictCheckedStorage(new MemoryStorage()));
    await save(state, turn(), { x: 1 });
    await state.delete(turn());
    const context = turn();
    expect(await state.createProperty('dialog').get(context)).toBeUndefined();
    await save(state, context, { x: 2 });
    expect(await state.createProperty('dialog').get(turn())).toEqual({ x: 2 });
  });

  it('passes explicit eTags through', async () => {
    const storage = new ConflictCheckedStorage(new MemoryStorage());
    await storage.write({ k: { v: 1 } });
    const { k } = await storage.read(['k']);
    await storage.write({ k: { v: 2, eTag: k.eTag } });
    await expect(storage.write({ k: { v: 3, eTag: k.eTag } })).rejects.toBeInstanceOf(StateConflictError);
    await storage.write({ k: { v: 4, eTag: '*' } }); // not read through this object: unconditional
    expect((await storage.read(['k'])).k.v).toBe(4);
  });
});

describe('isStateConflict', () => {
  it('recognises our error and the raw botbuilder message, nothing else', () => {
    expect(isStateConflict(new StateConflictError('k'))).toBe(true);
    expect(isStateConflict(new Error('Storage: error writing "test/conversations/1" due to eTag conflict.'))).toBe(true);
    expect(isStateConflict(new Error('ECONNREFUSED'))).toBe(false);
    expect(isStateConflict(undefined)).toBe(false);
    expect(new StateConflictError('test/conversations/1').key).toBe('test/conversations/1');
  });
});
