import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createEscalationService, DEFAULT_ESCALATION_CONFIG, resolveEscalationConfig } from './service';

describe('resolveEscalationConfig', () => {
  it('fills in the documented defaults; undefined counts as missing', () => {
    const config = resolveEscalationConfig({ escalationDir: '/tmp/x', smtpUrl: undefined, inbox: undefined });
    expect(config).toEqual({ ...DEFAULT_ESCALATION_CONFIG, escalationDir: '/tmp/x' });
    expect(config.inbox).toBe('ecommerce@cbp.dhs.gov');
    expect(config.mailFrom).toBe('"CBP E-Commerce Assistant" <no-reply@ecommerce-assistant.local>');
    expect(config.maxAttempts).toBe(8);
    expect(config.rateLimits.perConversation).toEqual({ limit: 3, windowMs: 3_600_000 });
  });

  it('refuses unusable addresses and a lease shorter than a send', () => {
    expect(() => resolveEscalationConfig({ mailFrom: 'nobody' })).toThrow(/valid email/);
    expect(() => resolveEscalationConfig({ inbox: 'a@b.com, c@d.com' })).toThrow(/inbox/);
    expect(() => resolveEscalationConfig({ leaseMs: 1000 })).toThrow(/leaseMs/);
    expect(() => resolveEscalationConfig({ maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});

describe('createEscalationService', () => {
  it('wires outbox, mailer and limiter over one folder; the eml transport without SMTP_URL', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'service-'));
    try {
      let now = Date.parse('2027-01-05T12:00:00.000Z');
      const service = createEscalationService({ escalationDir: dir }, pino({ level: 'silent' }), { clock: () => new Date(now) });
      const { outbox, mailer, limiter } = service;
      expect((await mailer.health()).transport).toBe(`eml files in ${path.join(dir, 'sent')}`);
      const { reference } = await outbox.enqueue({ idempotencyKey: 'k', question: 'Q?', channelId: 'msteams', conversationId: 'c', createdAt: 'x' });
      expect(reference).toBe('ECOM-2027-000001');
      await mailer.flush();
      expect((await fs.readdir(path.join(dir, 'sent'))).sort()).toEqual(['ECOM-2027-000001.eml', 'ECOM-2027-000001.json']);
      // The limiter follows the injected clock.
      for (let i = 0; i < 3; i++) limiter.record('c');
      expect(limiter.check('c')).toMatchObject({ allowed: false, scope: 'conversation' });
      now += 3_600_000;
      expect(limiter.check('c')).toEqual({ allowed: true });
      // start/stop/health delegate to the mailer.
      expect(service.health()).toMatchObject({ running: false, sent: 0 }); // as of the check above
      service.start();
      for (let i = 0; i < 200 && service.health().sent === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(service.health()).toMatchObject({ running: true, sent: 1, pending: 0 });
      await service.stop();
      expect(service.health().running).toBe(false);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
