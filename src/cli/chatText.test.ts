import { formatButtons, formatReply, parseCliArgs, readChatInput, UsageError } from './chatText';

describe('readChatInput', () => {
  const buttons = ['Check a shipment', 'Ask a question', 'Email the team'];

  test('a button number presses that button', () => {
    expect(readChatInput(' 2 ', buttons)).toEqual({ kind: 'send', text: 'Ask a question', pressed: 'Ask a question' });
  });

  test('a number with no button says so instead of being sent as a question', () => {
    const input = readChatInput('7', buttons);
    expect(input).toEqual({ kind: 'no-such-button', message: 'There is no button 7: the buttons are 1 to 3. To send "7" as your answer, type /send 7' });
    expect(readChatInput('0', buttons).kind).toBe('no-such-button');
    expect(readChatInput('2', ['Not sure'])).toMatchObject({ kind: 'no-such-button', message: expect.stringContaining('the only button is 1') });
  });

  test('an amount or a year is sent as typed (not a button number); so is any number when no buttons are shown', () => {
    expect(readChatInput('150', ['Not sure'])).toEqual({ kind: 'send', text: '150' });
    expect(readChatInput('2027', buttons)).toEqual({ kind: 'send', text: '2027' });
    expect(readChatInput('7', [])).toEqual({ kind: 'send', text: '7' });
  });

  test('/send sends text as typed; /quit and /exit leave; an empty line does nothing', () => {
    expect(readChatInput('/send 7', buttons)).toEqual({ kind: 'send', text: '7' });
    expect(readChatInput('/quit', buttons)).toEqual({ kind: 'quit' });
    expect(readChatInput('/exit', [])).toEqual({ kind: 'quit' });
    expect(readChatInput('   ', buttons)).toEqual({ kind: 'nothing' });
    expect(readChatInput('Is $800 still duty free?', buttons)).toEqual({ kind: 'send', text: 'Is $800 still duty free?' });
  });
});

describe('formatReply and formatButtons', () => {
  test('a reply sits in the bot> margin, wrapped to the width including the margin', () => {
    const out = formatReply('**Yes.** Shipments worth up to $800 were free of duty before the suspension took effect.', { width: 40, color: false });
    expect(out.split('\n')).toEqual(['bot> Yes. Shipments worth up to $800', '     were free of duty before the', '     suspension took effect.']);
  });

  test('buttons wrap between choices, never inside one', () => {
    const out = formatButtons(['Something I bought', 'A gift sent to me', 'Unsold warehouse stock', 'Not sure'], { width: 51, color: false });
    expect(out.split('\n')).toEqual(['     [1] Something I bought   [2] A gift sent to me', '     [3] Unsold warehouse stock   [4] Not sure']);
  });
});

describe('parseCliArgs', () => {
  const options = { json: { type: 'boolean' as const } };
  test('known flags and the question', () => {
    expect(parseCliArgs(['--json', 'is', 'it', 'free?'], options, 'Usage: x')).toMatchObject({ values: { json: true }, positionals: ['is', 'it', 'free?'] });
  });
  test('an unknown flag is a usage error carrying the usage line', () => {
    expect(() => parseCliArgs(['--jsn', 'hi'], options, 'Usage: npm run ask -- "your question" [--json]')).toThrow(UsageError);
    try {
      parseCliArgs(['-x'], options, 'Usage: u');
    } catch (err) {
      expect((err as UsageError).usage).toBe('Usage: u');
      expect((err as UsageError).message).toMatch(/Unknown option '-x'/);
    }
    expect.assertions(3);
  });
});
