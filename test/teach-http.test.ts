/**
 * Staff teach the bot in Teams, end to end over HTTP (active learning, as in Azure Custom
 * Question Answering): people ask questions the bot cannot answer in Web Chat and Teams; a staff
 * member types `unanswered` and sees them numbered; `teach 1 <document id>` and `reload` make
 * the bot answer that question with the document; `teach 2 none` and `reload` make the other one
 * out of scope, and `unanswered` no longer lists either. The real service, on a temporary copy
 * of the knowledge folder (taught.yaml is written there).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTaught, TAUGHT_FILE } from '../src/knowledge/taught';
import { TAUGHT_BLOB } from '../src/staff/blobTaughtStore';
import { DEFAULT_CONTAINERS } from '../src/storage';
import { containerClient, downloadBlob } from '../src/azure/blob';
import { startAzurite, type AzuriteServer } from './helpers/azurite';
import { say, startTestChannel, type ReceivedActivity, type TestChannel } from './helpers/channel';
import { startTestService, type TestService } from './helpers/service';
import { adaptiveCardOf, CBP_TENANT, TeamsChat, teamsConversation } from './helpers/teams';

/** Out of scope today; what a grandmother's parcel is about: gifts. */
const GRANNY = 'what about my stuff from granny';
/** "Did you mean" today (which importer?); staff decide it is out of scope. */
const IMPORTER = 'importer';
const KAYAKS = 'do you sell kayaks';
const TAUGHT_DOC = 'gift-duty-free';
const NO_ANSWER = "Sorry, I don't have an answer to that.";

let channel: TestChannel;
let service: TestService;
let staff: TeamsChat;
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-teach-knowledge-'));
let conversations = 0;

const webchat = (text: string) => say(service.url, channel, `teach-http-${process.pid}-${++conversations}`, text, { channelId: 'webchat' });
const words = (replies: readonly ReceivedActivity[]) => replies.map((r) => r.text ?? '').join('\n');
const onlyReply = (replies: ReceivedActivity[]): ReceivedActivity => {
  expect(replies).toHaveLength(1);
  return replies[0];
};
/** A colleague asking in a Teams channel (with the bot's @mention). */
const teamsQuestion = async (text: string) => onlyReply(await new TeamsChat(service.url, channel, teamsConversation('channel', CBP_TENANT)).send(text, { mention: true }));
const taughtFile = () => parseTaught(fs.readFileSync(path.join(copy, TAUGHT_FILE), 'utf8'), TAUGHT_FILE);

beforeAll(async () => {
  channel = await startTestChannel();
  fs.cpSync(path.resolve(__dirname, '..', 'knowledge'), copy, { recursive: true });
  fs.rmSync(path.join(copy, TAUGHT_FILE), { force: true });
  service = await startTestService({ KNOWLEDGE_DIR: copy, RULES_FILE: path.join(copy, 'rules', 'duty-free.yaml'), ALLOWED_TENANT_IDS: CBP_TENANT });
  staff = new TeamsChat(service.url, channel, teamsConversation('personal', CBP_TENANT));
});

afterAll(async () => {
  await service?.close();
  await channel?.close();
  fs.rmSync(copy, { recursive: true, force: true });
});

describe('staff teach the bot in Teams', () => {
  it('unanswered numbers the questions; teach 1 <id> and reload answer it with that document; teach 2 none and reload make the other out of scope', async () => {
    const kb = () => service.core.content.knowledge();
    expect(kb().answer(GRANNY).kind).toBe('out-of-scope');
    expect(kb().answer(IMPORTER).kind).toBe('did-you-mean');
    const doc = kb().get(TAUGHT_DOC)!;

    // People ask: the granny question twice (Web Chat and Teams), "importer" once.
    expect(words(await webchat(GRANNY))).toContain(NO_ANSWER);
    expect((await teamsQuestion(GRANNY)).text).toContain(NO_ANSWER);
    expect(words(await webchat(IMPORTER))).toContain('Did you mean');

    const list = onlyReply(await staff.send('unanswered')).text ?? '';
    expect(list).toContain(`1. “${GRANNY}” — 2 times, last 25 Nov 2026 (2 no answer)`);
    expect(list).toMatch(/\n2\. “importer” — once, last 25 Nov 2026 \(1 unsure\)/);
    expect(list).toContain('type **teach** and the number');

    // A new question arrives three times before staff answer: the numbers they saw stay valid.
    for (let i = 0; i < 3; i++) await webchat(KAYAKS);

    const taught = onlyReply(await staff.send(`teach 1 ${TAUGHT_DOC}`));
    expect(taught.text).toContain('**Taught**');
    expect(taught.text).toContain(`“${GRANNY}” is now one of the questions of **${TAUGHT_DOC}**`);
    expect(taught.text).toContain('type **reload** to put it in use');
    expect(taughtFile()).toEqual({ taught: { [TAUGHT_DOC]: [GRANNY] }, problems: [] });
    // Saved, not yet live.
    expect(words(await webchat(GRANNY))).toContain(NO_ANSWER);

    expect(onlyReply(await staff.send('reload')).text).toContain('**Reloaded**');
    const answer = await teamsQuestion(GRANNY);
    expect(answer.text).toBe(doc.title);
    expect(adaptiveCardOf(answer).body[0].text).toBe(doc.title);
    expect(words(await webchat(GRANNY))).toContain(doc.body.split('\n\n')[0].trim());

    // Still the numbers of the list shown: 2 is "importer".
    const none = onlyReply(await staff.send('teach 2 none'));
    expect(none.text).toContain('“importer” is now out of scope.');
    expect(taughtFile().taught).toEqual({ [TAUGHT_DOC]: [GRANNY], none: [IMPORTER] });
    expect(words(await webchat(IMPORTER))).toContain('Did you mean');
    expect(onlyReply(await staff.send('reload')).text).toContain('**Reloaded**');
    expect(words(await webchat('Importer?'))).toContain(NO_ANSWER);
    expect((await teamsQuestion(IMPORTER)).text).toContain(NO_ANSWER);

    // Neither is listed any more (all their askings, before and after teaching); kayaks is number 1 now.
    const after = onlyReply(await staff.send('unanswered')).text ?? '';
    expect(after).toContain(`1. “${KAYAKS}” — 3 times`);
    expect(after).not.toContain(GRANNY);
    expect(after).not.toMatch(/importer/i);
    expect(after).toContain('already taught.');
  });

  it('an unknown number or document id gets a clear message, and nothing is saved', async () => {
    const before = fs.readFileSync(path.join(copy, TAUGHT_FILE), 'utf8');
    const fresh = new TeamsChat(service.url, channel, teamsConversation('personal', CBP_TENANT));
    expect(onlyReply(await fresh.send('teach 1 none')).text).toContain('Type **unanswered** first');
    await fresh.send('unanswered');
    expect(onlyReply(await fresh.send('teach 9 none')).text).toMatch(/There is no question 9 in the last list: it has question/);
    const unknown = onlyReply(await fresh.send('teach 1 no-such-document')).text ?? '';
    expect(unknown).toContain('No document has the id “no-such-document”.');
    expect(fs.readFileSync(path.join(copy, TAUGHT_FILE), 'utf8')).toBe(before);
  });

  it('in a team channel it works with the @mention; from Web Chat "teach 1 none" is ordinary text', async () => {
    const desk = new TeamsChat(service.url, channel, teamsConversation('channel', CBP_TENANT));
    expect(onlyReply(await desk.send('unanswered', { mention: true })).text).toContain('1. “do you sell kayaks”');
    const fromWeb = words(await webchat('teach 1 none'));
    expect(fromWeb).not.toMatch(/Taught|Nothing taught|out of scope\./);
    expect(taughtFile().taught.none).toEqual([IMPORTER]);
  });
});

describe('scaled out (STATE_STORAGE=blob): what staff taught is in the shared container', () => {
  let azurite: AzuriteServer;
  const instances: TestService[] = [];
  const blobCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-teach-blob-knowledge-'));

  beforeAll(async () => {
    azurite = await startAzurite();
    fs.cpSync(path.resolve(__dirname, '..', 'knowledge'), blobCopy, { recursive: true });
    fs.rmSync(path.join(blobCopy, TAUGHT_FILE), { force: true });
  });

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await azurite?.stop();
    fs.rmSync(blobCopy, { recursive: true, force: true });
  });

  const startInstance = async () => {
    const instance = await startTestService({
      STATE_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      KNOWLEDGE_DIR: blobCopy,
      RULES_FILE: path.join(blobCopy, 'rules', 'duty-free.yaml'),
      ALLOWED_TENANT_IDS: CBP_TENANT,
    });
    instances.push(instance);
    return instance;
  };

  it('teach on one instance writes the blob (not the image\'s knowledge folder); reload there and a newly started instance both answer with it', async () => {
    const a = await startInstance();
    const ask = (instance: TestService, text: string) => say(instance.url, channel, `teach-blob-${process.pid}-${++conversations}`, text, { channelId: 'webchat' });
    expect(words(await ask(a, GRANNY))).toContain(NO_ANSWER);
    const desk = new TeamsChat(a.url, channel, teamsConversation('personal', CBP_TENANT));
    expect(onlyReply(await desk.send('unanswered')).text).toContain(`1. “${GRANNY}” — once`);
    expect(onlyReply(await desk.send(`teach 1 ${TAUGHT_DOC}`)).text).toContain('**Taught**');

    expect(fs.existsSync(path.join(blobCopy, TAUGHT_FILE))).toBe(false);
    const blob = await downloadBlob(containerClient(azurite.connectionString, DEFAULT_CONTAINERS.records), TAUGHT_BLOB);
    expect(parseTaught(blob!.body.toString('utf8'), TAUGHT_BLOB).taught).toEqual({ [TAUGHT_DOC]: [GRANNY] });

    const paragraph = a.core.content.knowledge().get(TAUGHT_DOC)!.body.split('\n\n')[0].trim();
    expect(onlyReply(await desk.send('reload')).text).toContain('**Reloaded**');
    expect(words(await ask(a, GRANNY))).toContain(paragraph);
    const b = await startInstance();
    expect(words(await ask(b, GRANNY))).toContain(paragraph);
  });
});
