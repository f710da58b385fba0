import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig, readEnvironment } from './config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  test('runs on embedded defaults with no configuration at all', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.BOT_ENV).toBe('development');
    expect(config.MicrosoftAppType).toBe('MultiTenant');
    expect(config.ECOMMERCE_INBOX).toBe('ecommerce@cbp.dhs.gov');
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  test('empty values count as not set', () => {
    expect(parseConfig({ MicrosoftAppId: '', PORT: '' }).PORT).toBe(3978);
  });

  test('a typo in MicrosoftAppType stops the start with one clear line', () => {
    expect(problemsOf({ MicrosoftAppType: 'Multitenant' })).toEqual([
      'MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI (got "Multitenant")',
    ]);
  });

  test.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number from 0 to 65535/],
    [{ PORT: '70000' }, /^PORT must be a whole number/],
    [{ BOT_ENV: 'prod' }, /^BOT_ENV must be one of development, production/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of/],
    [{ SMTP_URL: 'mail.example.com' }, /^SMTP_URL must be a URL starting with smtp:\/\/ or smtps:\/\/$/],
    [{ ECOMMERCE_INBOX: 'not an address' }, /^ECOMMERCE_INBOX must be an email address/],
    [{ TODAY: '25/11/2026' }, /^TODAY must be a date written YYYY-MM-DD/],
  ])('%j is refused', (env, message) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  test('conversation state in memory is bounded: STATE_TTL_MINUTES (default 60) and STATE_MAX_CONVERSATIONS (default 10,000)', () => {
    const defaults = parseConfig({});
    expect(defaults.STATE_TTL_MINUTES).toBe(60);
    expect(defaults.STATE_MAX_CONVERSATIONS).toBe(10000);
    const set = parseConfig({ STATE_TTL_MINUTES: '15', STATE_MAX_CONVERSATIONS: '500' });
    expect([set.STATE_TTL_MINUTES, set.STATE_MAX_CONVERSATIONS]).toEqual([15, 500]);
    expect(problemsOf({ STATE_TTL_MINUTES: '0' })).toEqual([expect.stringMatching(/^STATE_TTL_MINUTES must be a whole number from 1 to 10080/)]);
    expect(problemsOf({ STATE_TTL_MINUTES: '1.5' })).toEqual([expect.stringMatching(/^STATE_TTL_MINUTES must be a whole number/)]);
    expect(problemsOf({ STATE_MAX_CONVERSATIONS: '-3' })).toEqual([expect.stringMatching(/^STATE_MAX_CONVERSATIONS must be a whole number from 1 to 10000000/)]);
  });

  test('production refuses to start without MicrosoftAppId', () => {
    expect(problemsOf({ BOT_ENV: 'production' })[0]).toMatch(/^MicrosoftAppId is required when BOT_ENV=production/);
  });

  test('SingleTenant needs a tenant id, and an app id needs its password', () => {
    expect(problemsOf({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' })[0]).toMatch(/^MicrosoftAppTenantId is required/);
    expect(problemsOf({ MicrosoftAppId: 'a' })[0]).toMatch(/^MicrosoftAppPassword is required/);
  });

  test('secrets are never echoed in error lines', () => {
    const problems = problemsOf({ SMTP_URL: 'http://user:hunter2@mail' });
    expect(problems.join('\n')).not.toMatch(/hunter2/);
  });

  test('scaled out in production, emails must go to a real SMTP server', () => {
    const env = { BOT_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', STATE_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^SMTP_URL is required when BOT_ENV=production and STATE_STORAGE=blob/)]);
    expect(problemsOf({ ...env, SMTP_URL: 'smtp://mail.example.gov:587' })).toEqual([]);
  });

  // Security (issue 13, finding 6): production must not tell people "Sent" while writing .eml files locally.
  test('production without SMTP_URL refuses to start, unless EMAIL_TRANSPORT=files says so', () => {
    const env = { BOT_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' };
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^SMTP_URL is required when BOT_ENV=production \(emails must reach the E-Commerce inbox\); set EMAIL_TRANSPORT=files/)]);
    expect(problemsOf({ ...env, SMTP_URL: 'smtp://mail.example.gov:587' })).toEqual([]);
    expect(problemsOf({ ...env, EMAIL_TRANSPORT: 'files' })).toEqual([]);
    expect(problemsOf({ ...env, EMAIL_TRANSPORT: 'smtp' })).toEqual([expect.stringMatching(/^SMTP_URL is required when EMAIL_TRANSPORT=smtp/)]);
    expect(problemsOf({ ...env, EMAIL_TRANSPORT: 'file' })).toEqual([expect.stringMatching(/^EMAIL_TRANSPORT must be one of smtp, files \(got "file"\)/)]);
    expect(problemsOf({ EMAIL_TRANSPORT: 'files', SMTP_URL: 'smtp://mail.example.gov' })).toEqual([expect.stringMatching(/^EMAIL_TRANSPORT must not be files when SMTP_URL is set/)]);
    // Development keeps writing .eml files without being asked.
    expect(problemsOf({})).toEqual([]);
    // Scaled out, files are never enough: the shared outbox would be delivered to one instance's disk.
    const blob = { ...env, EMAIL_TRANSPORT: 'files', STATE_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    expect(problemsOf(blob)).toEqual([expect.stringMatching(/^SMTP_URL is required when BOT_ENV=production and STATE_STORAGE=blob/)]);
  });

  // Security (issue 13, finding 7): development opens staff commands and /metrics, so it listens on this machine only.
  test('HOST defaults to 127.0.0.1 in development and 0.0.0.0 in production; a set HOST wins', () => {
    expect(parseConfig({}).HOST).toBe('127.0.0.1');
    expect(parseConfig({ BOT_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', EMAIL_TRANSPORT: 'files' }).HOST).toBe('0.0.0.0');
    expect(parseConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  test('ALLOWED_SERVICE_URLS takes origins or *', () => {
    expect(parseConfig({ ALLOWED_SERVICE_URLS: 'https://a.ngrok.app, http://10.0.0.5:3979' }).ALLOWED_SERVICE_URLS).toEqual(['https://a.ngrok.app', 'http://10.0.0.5:3979']);
    expect(parseConfig({ ALLOWED_SERVICE_URLS: '*' }).ALLOWED_SERVICE_URLS).toEqual(['*']);
    expect(problemsOf({ ALLOWED_SERVICE_URLS: 'a.ngrok.app' })).toEqual([expect.stringMatching(/^ALLOWED_SERVICE_URLS must be a comma-separated list of origins/)]);
    expect(problemsOf({ ALLOWED_SERVICE_URLS: 'https://a.ngrok.app/api' })).toHaveLength(1);
  });

  test('lists are split on commas', () => {
    expect(parseConfig({ ALLOWED_TENANT_IDS: ' a, b ,,c ' }).ALLOWED_TENANT_IDS).toEqual(['a', 'b', 'c']);
  });
});

describe('loadConfig', () => {
  test('reads .env in development; the environment wins over the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, dir);
    expect(config.PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('warn');
    fs.rmSync(dir, { recursive: true });
  });

  test('ignores .env in production', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4000\n');
    const config = loadConfig({ BOT_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', SMTP_URL: 'smtp://mail.example.gov:587' }, dir);
    expect(config.PORT).toBe(3978);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('readEnvironment', () => {
  test('the environment on top of .env in development; .env ignored in production', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    fs.writeFileSync(path.join(dir, '.env'), 'KNOWLEDGE_DIR=kb-from-file\nPORT=4000\n');
    expect(readEnvironment({}, dir)).toMatchObject({ KNOWLEDGE_DIR: 'kb-from-file', PORT: '4000' });
    expect(readEnvironment({ KNOWLEDGE_DIR: 'kb-from-env' }, dir).KNOWLEDGE_DIR).toBe('kb-from-env');
    expect(readEnvironment({ BOT_ENV: 'production' }, dir).KNOWLEDGE_DIR).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });
});
