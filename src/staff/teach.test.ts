import { addTaught, type KnowledgeBase, type KnowledgeDoc, type Taught, type TaughtStore } from '../knowledge';
import { MemoryRecordStore, type QuestionOutcome } from '../records';
import { runStaffCommand, type StaffDeskDeps, type StaffSession } from './desk';

// Noon on 25 Nov 2026 in New York.
const now = new Date('2026-11-25T17:00:00Z');

const gift = { id: 'gift-duty-free', title: 'Gifts from abroad' } as KnowledgeDoc;
const knowledge = { get: (id: string) => (id === gift.id ? gift : undefined) } as unknown as KnowledgeBase;

class MemoryTaughtStore implements TaughtStore {
  taught: Taught = {};
  failWith?: Error;
  async read(): Promise<Taught> {
    return this.taught;
  }
  async add(target: string, question: string) {
    if (this.failWith) throw this.failWith;
    const { taught, outcome, movedFrom } = addTaught(this.taught, target, question);
    this.taught = taught;
    return { outcome, ...(movedFrom ? { movedFrom } : {}) };
  }
}

async function setUp() {
  const records = new MemoryRecordStore();
  const ask = (at: string, text: string, outcome: QuestionOutcome = 'out-of-scope') =>
    records.append({ type: 'question', at, channelId: 'webchat', outcome, confidence: 0.1, text });
  await ask('2026-11-24T15:00:00Z', 'do you sell kayaks');
  await ask('2026-11-24T16:00:00Z', 'do you sell kayaks');
  await ask('2026-11-25T15:00:00Z', 'what about my stuff from granny');
  await ask('2026-11-25T15:30:00Z', 'seller', 'did-you-mean');
  const taught = new MemoryTaughtStore();
  const deps: StaffDeskDeps = {
    records,
    knowledge: () => knowledge,
    clock: () => now,
    outboxCounts: async () => ({ pending: 0, sent: 0, failed: 0 }),
    reload: () => ({ ok: true, documents: 1 }),
    taught,
  };
  return { deps, taught, ask, session: {} as StaffSession };
}

describe('unanswered then teach', () => {
  it('numbers the list, remembers it, and teach N adds question N to a document or marks it out of scope', async () => {
    const { deps, taught, session } = await setUp();
    const list = await runStaffCommand({ command: 'unanswered' }, deps, session);
    expect(list.markdown).toContain('1. “do you sell kayaks” — 2 times');
    expect(list.markdown).toContain('2. “seller” — once');
    expect(list.markdown).toContain('3. “what about my stuff from granny” — once');
    expect(list.markdown).toContain('type **teach** and the number');
    expect(session.unanswered).toEqual(['do you sell kayaks', 'seller', 'what about my stuff from granny']);

    const toDoc = await runStaffCommand({ command: 'teach', number: 3, target: 'gift-duty-free' }, deps, session);
    expect(toDoc.title).toBe('Taught');
    expect(toDoc.markdown).toContain('“what about my stuff from granny” is now one of the questions of **gift-duty-free** (“Gifts from abroad”).');
    expect(toDoc.markdown).toContain('type **reload** to put it in use');
    expect(toDoc.suggestions?.map((s) => s.value)).toEqual(['reload', 'unanswered']);

    const none = await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, deps, session);
    expect(none.markdown).toContain('“do you sell kayaks” is now out of scope.');
    expect(taught.taught).toEqual({ 'gift-duty-free': ['what about my stuff from granny'], none: ['do you sell kayaks'] });

    const again = await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, deps, session);
    expect(again.title).toBe('Already taught');

    // Taught questions are no longer listed, and the new list is numbered afresh.
    const after = await runStaffCommand({ command: 'unanswered' }, deps, session);
    expect(after.markdown).toContain('1 question in 1 group:\n\n1. “seller”');
    expect(after.markdown).toContain('Not listed: 3 already taught.');
    expect(session.unanswered).toEqual(['seller']);
  });

  it('lists and teaches the question of a message written as an email, not its greeting or signature', async () => {
    const { deps, taught, ask, session } = await setUp();
    await ask('2026-11-25T16:00:00Z', 'Dear Sir or Madam,\n\nwhat about my stuff from grandma\n\nKind regards,\nJohn Smith\nTel. 555-0134\nSent from my iPhone');
    const list = await runStaffCommand({ command: 'unanswered' }, deps, session);
    expect(list.markdown).not.toContain('John Smith');
    const number = session.unanswered!.indexOf('what about my stuff from grandma') + 1;
    expect(number).toBeGreaterThan(0);
    const reply = await runStaffCommand({ command: 'teach', number, target: 'gift-duty-free' }, deps, session);
    expect(reply.markdown).toContain('“what about my stuff from grandma” is now one of the questions of **gift-duty-free**');
    expect(taught.taught).toEqual({ 'gift-duty-free': ['what about my stuff from grandma'] });
  });

  it('keeps the numbers of the list shown even when new questions arrive before teach', async () => {
    const { deps, taught, ask, session } = await setUp();
    await runStaffCommand({ command: 'unanswered' }, deps, session);
    for (const at of ['2026-11-25T16:00:00Z', '2026-11-25T16:01:00Z', '2026-11-25T16:02:00Z']) await ask(at, 'can i import a llama');
    await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, deps, session);
    expect(taught.taught).toEqual({ none: ['do you sell kayaks'] });
  });

  it('explains every mistake, and changes nothing', async () => {
    const { deps, taught, session } = await setUp();
    const noList = await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, deps, session);
    expect(noList.markdown).toContain('Type **unanswered** first');
    await runStaffCommand({ command: 'unanswered' }, deps, session);
    const noNumber = await runStaffCommand({ command: 'teach', number: 7, target: 'none' }, deps, session);
    expect(noNumber.markdown).toContain('There is no question 7 in the last list: it has questions 1 to 3.');
    const noDoc = await runStaffCommand({ command: 'teach', number: 1, target: 'no-such-doc' }, deps, session);
    expect(noDoc.markdown).toContain('No document has the id “no-such-doc”.');
    taught.failWith = new Error('EACCES: permission denied');
    const notSaved = await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, deps, session);
    expect(notSaved.markdown).toBe('The question could not be saved: EACCES: permission denied. Nothing changed.');
    expect(taught.taught).toEqual({});
    const { taught: _none, ...withoutStore } = deps;
    expect((await runStaffCommand({ command: 'teach', number: 1, target: 'none' }, withoutStore, session)).markdown).toContain('not available');
  });
});
