import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BOT_SETTINGS, childEnvironment, freePort } from './processes';

describe('childEnvironment', () => {
  it('scrubs every setting src/config.ts reads, so a developer’s .env never leaks into a child bot', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'config.ts'), 'utf8');
    const names = [...source.matchAll(/^\s+([A-Z][A-Za-z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !BOT_SETTINGS.test(name))).toEqual([]);
  });

  it('keeps the rest of the environment and puts the given settings on top', () => {
    const env = childEnvironment({ TODAY: '2026-11-25' }, { PATH: '/bin', TODAY: '2025-01-01', SMTP_URL: 'smtp://x', NODE_OPTIONS: '--inspect' });
    expect(env).toEqual({ PATH: '/bin', TODAY: '2026-11-25' });
  });
});

describe('freePort', () => {
  it('gives a loopback port one can listen on', async () => {
    const port = await freePort();
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(port).toBeGreaterThan(0);
  });
});
