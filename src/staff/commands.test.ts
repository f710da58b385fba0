import { parseStaffCommand } from './commands';

describe('parseStaffCommand', () => {
  it('reads each command at the start, in any case', () => {
    expect(parseStaffCommand('stats')).toEqual({ command: 'stats' });
    expect(parseStaffCommand('STATS')).toEqual({ command: 'stats' });
    expect(parseStaffCommand('Unanswered')).toEqual({ command: 'unanswered' });
    expect(parseStaffCommand('reload')).toEqual({ command: 'reload' });
    expect(parseStaffCommand('kb')).toEqual({ command: 'kb' });
  });

  it('takes the words after kb as the lookup', () => {
    expect(parseStaffCommand('kb gift-exemption')).toEqual({ command: 'kb', arg: 'gift-exemption' });
    expect(parseStaffCommand('  KB   duty on   gifts ')).toEqual({ command: 'kb', arg: 'duty on gifts' });
  });

  it('takes a number of days after unanswered', () => {
    expect(parseStaffCommand('unanswered 30')).toEqual({ command: 'unanswered', arg: '30' });
    expect(parseStaffCommand('unanswered 7 days')).toEqual({ command: 'unanswered', arg: '7' });
    expect(parseStaffCommand('unanswered questions about gifts')).toBeUndefined();
  });

  it('reads teach <number> <document id|none>, strictly', () => {
    expect(parseStaffCommand('teach 1 gift-duty-free')).toEqual({ command: 'teach', number: 1, target: 'gift-duty-free' });
    expect(parseStaffCommand('Teach  12   NONE.')).toEqual({ command: 'teach', number: 12, target: 'none' });
    expect(parseStaffCommand('/teach #3 Gift-Rules')).toEqual({ command: 'teach', number: 3, target: 'gift-rules' });
    expect(parseStaffCommand('teach\u00a02\u00a0none')).toEqual({ command: 'teach', number: 2, target: 'none' });
    for (const text of ['teach', 'teach 1', 'teach none', 'teach 0 none', 'teach 1 gift duty free', 'teach 1 to gift-duty-free', 'teach 1 gift_duty', 'teach 1 -gift', 'teach 1234 none', 'teach me about gift duty', 'teach 1.5 none']) {
      expect([text, parseStaffCommand(text)]).toEqual([text, undefined]);
    }
  });

  it('ignores a leading slash, trailing punctuation and non-breaking spaces', () => {
    expect(parseStaffCommand('/stats')).toEqual({ command: 'stats' });
    expect(parseStaffCommand('stats?')).toEqual({ command: 'stats' });
    expect(parseStaffCommand('kb\u00a0gifts.')).toEqual({ command: 'kb', arg: 'gifts' });
  });

  it('leaves ordinary messages alone', () => {
    expect(parseStaffCommand('what are the stats on counterfeits')).toBeUndefined();
    expect(parseStaffCommand('statistics')).toBeUndefined();
    expect(parseStaffCommand('reload the page does not work')).toBeUndefined();
    expect(parseStaffCommand('stats for today')).toBeUndefined();
    expect(parseStaffCommand('kbx')).toBeUndefined();
    expect(parseStaffCommand('')).toBeUndefined();
  });
});
