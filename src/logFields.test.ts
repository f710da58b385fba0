import { capLogFields, MAX_LOG_FIELD_CHARS } from './logFields';
import { createLogger } from './logger';

describe('capLogFields (issue 13: a 100 KB conversation id was logged whole)', () => {
  it('cuts long strings and says how long they were; short ones stay', () => {
    const capped = capLogFields({ conversation: 'x'.repeat(100_000), channel: 'webchat', count: 3 });
    expect(capped.conversation).toBe(`${'x'.repeat(MAX_LOG_FIELD_CHARS)}… (100000 chars)`);
    expect(capped.channel).toBe('webchat');
    expect(capped.count).toBe(3);
  });

  it('reaches into nested objects and arrays, leaves errors whole', () => {
    const err = new Error('y'.repeat(500));
    const capped = capLogFields({ activity: { conversation: { id: 'z'.repeat(1000) } }, ids: ['w'.repeat(300)], err });
    expect(JSON.stringify(capped).length).toBeLessThan(1000);
    expect(capped.err).toBe(err);
  });

  it('is what the logger writes', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.warn({ conversation: 'c'.repeat(100_000) }, 'turn failed');
    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(600);
    expect(JSON.parse(lines[0]).conversation).toMatch(/… \(100000 chars\)$/);
  });
});
