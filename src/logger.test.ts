import { Writable } from 'node:stream';
import { chooseLogFormat, createLogger, logDestination, redactLogValue } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger('debug', stream), lines };
}

describe('logs never carry a card number (issue 13)', () => {
  it('removes card numbers from fields, nested fields, the message, child bindings and errors', () => {
    const { log, lines } = capture();
    const err = new TypeError('could not parse "4111 1111 1111 1111"');
    log.child({ conversation: 'conv-4111111111111111' }).warn({ text: 'card ４１１１–１１１１–１１１１–１１１１', nested: { list: ['5500_0055_5555_5559'] }, err, time2: 1764652507123 }, 'asked about 4111.1111.1111.1111');
    log.error(new Error('card 378282246310005 declined'));
    const out = lines.join('');
    expect(out.normalize('NFKC').match(/4111|5500|3782|1111/g)).toBeNull();
    const first = JSON.parse(lines[0]!);
    expect(first.conversation).toBe('conv-[card number removed]');
    expect(first.text).toBe('card [card number removed]');
    expect(first.nested).toEqual({ list: ['[card number removed]'] });
    expect(first.msg).toBe('asked about [card number removed]');
    expect(first.err.type).toBe('TypeError');
    expect(first.err.message).toBe('could not parse "[card number removed]"');
    expect(first.time2).toBe(1764652507123); // numbers are left alone
    const second = JSON.parse(lines[1]!);
    expect(second.err.type).toBe('Error');
    expect(second.msg).toBe('card [card number removed] declined');
  });

  it('leaves values without card numbers as they are and does not change the caller’s object', () => {
    const fields = { conversation: 'abc', count: 3, at: new Date(0) };
    expect(redactLogValue(fields)).toEqual(fields);
    const withCard = { text: '4111111111111111' };
    redactLogValue(withCard);
    expect(withCard.text).toBe('4111111111111111');
  });
});

describe('the log format (issue 14)', () => {
  test('pretty only in development, on a terminal, with pino-pretty installed; JSON in every other case', () => {
    expect(chooseLogFormat({ botEnv: 'development', isTTY: true, prettyInstalled: true })).toBe('pretty');
    expect(chooseLogFormat({ botEnv: 'development', isTTY: false, prettyInstalled: true })).toBe('json');
    expect(chooseLogFormat({ botEnv: 'development', isTTY: true, prettyInstalled: false })).toBe('json');
    expect(chooseLogFormat({ botEnv: 'production', isTTY: true, prettyInstalled: true })).toBe('json');
    expect(chooseLogFormat({ botEnv: 'production', isTTY: false, prettyInstalled: true })).toBe('json');
  });

  test('the destination: a pino-pretty stream for a developer at a terminal, pino\'s own JSON otherwise', () => {
    expect(logDestination('development', true)).toEqual(expect.objectContaining({ write: expect.any(Function) }));
    expect(logDestination('development', false)).toBeUndefined();
    expect(logDestination('production', true)).toBeUndefined();
  });
});
