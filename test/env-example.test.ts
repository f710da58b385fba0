/**
 * `.env.example` stays true (issue 14): it documents every variable src/config.ts reads and no
 * other, each with a comment, and the values it shows are the defaults the bot really uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { CONFIG_VARIABLES, parseConfig } from '../src/config';

const example = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
const values = dotenv.parse(example);

describe('.env.example', () => {
  test('names every variable the configuration reads, and nothing else', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(30);
    expect(Object.keys(values).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['STATE_STORAGE', 'AZURE_STORAGE_CONNECTION_STRING', 'STATE_CONTAINER', 'OUTBOX_CONTAINER', 'RECORDS_CONTAINER']));
  });

  test('explains each variable: every one is in a block of lines with a comment', () => {
    const blocks = example.split(/\n\s*\n/);
    const undocumented = blocks
      .filter((block) => !block.split('\n').some((line) => line.startsWith('# ') && !/^# -{3}/.test(line)))
      .flatMap((block) => [...block.matchAll(/^([A-Za-z][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    expect(undocumented).toEqual([]);
  });

  test('is a valid configuration whose values are the defaults', () => {
    expect(parseConfig(values)).toEqual(parseConfig({}));
  });
});
