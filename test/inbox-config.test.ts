/**
 * ECOMMERCE_INBOX is honoured everywhere (issue 14): the message after a failed turn names the
 * configured inbox, not a hard-coded address, and no code in src/ or dialogs/ writes the default
 * address anywhere but the configuration's default (and the escalation library's own default).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import { parseConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { createAdapter } from '../src/server';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_INBOX = 'ecommerce@cbp.dhs.gov';

/** Production .ts files under `dir` (tests and test-only modules aside). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file).split(path.sep).join('/'));
}

describe('ECOMMERCE_INBOX', () => {
  test('a failed turn tells the person to write to the configured inbox', async () => {
    const config = parseConfig({ ECOMMERCE_INBOX: 'help-desk@example.gov' });
    const adapter = createAdapter(config, silentLogger, { conversationState: { delete: async () => undefined } as never });
    const sent: Array<{ text?: string }> = [];
    const context = {
      activity: { type: 'message', channelId: 'webchat', conversation: { id: 'inbox-1' } },
      sendActivity: async (activity: { text?: string }) => {
        sent.push(activity);
        return { id: String(sent.length) };
      },
    } as unknown as TurnContext;
    await adapter.onTurnError(context, new Error('a dialog broke'));
    expect(sent.map((a) => a.text ?? '').join('\n')).toContain('you can email the CBP E-Commerce team at help-desk@example.gov.');
    expect(JSON.stringify(sent)).not.toContain(DEFAULT_INBOX);
  });

  test('code states the default address only as the configuration default', () => {
    const allowed = new Set(['src/config.ts', 'src/escalation/service.ts']);
    const hardCoded = [...sourceFiles('src'), ...sourceFiles('dialogs')].filter(
      (file) => !allowed.has(file) && fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\*.*$/gm, '').includes(DEFAULT_INBOX),
    );
    expect(hardCoded).toEqual([]);
  });
});
