/**
 * `BotServices` for dialog tests: the real knowledge base, the real escalation core on a
 * temporary folder (EmlFileTransport: delivered mail lands as .eml files in `<dir>/sent/`), a
 * fixed clock and a silent logger. The mailer is not started: tests call `mailer.flush()`.
 *
 * @example
 * const t = createTestBotServices({ history: [{ from: 'user', text: 'hi', at: '…' }] });
 * const client = new DialogTestClient('test', new EscalationDialog(t.services), { question: '…' });
 * afterEach(() => t.close());
 */
import { EMPTY_NAMES } from '../../src/understanding';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import type { BotServices } from '../../dialogs/services';
import { sendReply } from '../../src/channels/render';
import { fixedClock } from '../../src/clock';
import {
  createEscalationService,
  type EscalationConfig,
  type EscalationService,
  type EscalationServiceOverrides,
  type TranscriptEntry,
} from '../../src/escalation';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { silentLogger } from '../../src/logger';
import { MemoryRecordStore } from '../../src/records';

export const TEST_TODAY = '2026-11-25';
const ROOT = path.resolve(__dirname, '..', '..');

let knowledge: KnowledgeBase | undefined;

/** The real knowledge base, loaded once per test file. */
export function testKnowledgeBase(): KnowledgeBase {
  if (!knowledge) {
    const { kb, problems } = loadKnowledgeBase(path.join(ROOT, 'knowledge'), { today: TEST_TODAY });
    if (!kb) throw new Error(`knowledge base did not load:\n${problems.map((p) => `${p.file}: ${p.field}: ${p.problem}`).join('\n')}`);
    knowledge = kb;
  }
  return knowledge;
}

export interface TestBotServices {
  services: BotServices;
  escalation: EscalationService;
  /** The temporary folder; the outbox is `<dir>/outbox` unless `escalation.escalationDir` says otherwise. */
  dir: string;
  /** The conversation before the current message, as `services.transcript` reports it. */
  history: TranscriptEntry[];
  close(): void;
}

export interface TestBotServicesOptions {
  /** Lines before the current message; the current message is appended like the bot does. */
  history?: TranscriptEntry[];
  escalation?: Partial<EscalationConfig>;
  overrides?: EscalationServiceOverrides;
}

export function createTestBotServices(options: TestBotServicesOptions = {}): TestBotServices {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbp-dialog-'));
  const escalation = createEscalationService(
    { escalationDir: path.join(dir, 'outbox'), backoffJitter: false, pollIntervalMs: 20, ...options.escalation },
    silentLogger,
    options.overrides,
  );
  const history = [...(options.history ?? [])];
  const services: BotServices = {
    knowledge: testKnowledgeBase,
    rules: () => {
      throw new Error('the rules are not used in this test');
    },
    names: () => EMPTY_NAMES,
    clock: fixedClock(TEST_TODAY),
    records: new MemoryRecordStore(),
    escalation,
    logger: silentLogger,
    // Like CbpBot: the lines kept so far, ending with the message of this turn.
    transcript: async (context: TurnContext) => [
      ...history,
      { from: 'user' as const, text: context.activity.text ?? '', at: new Date().toISOString() },
    ],
    // The bot layer's renderer, as the composition root wires it.
    send: sendReply,
  };
  return {
    services,
    escalation,
    dir,
    history,
    close: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
