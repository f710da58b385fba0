import fc from 'fast-check';
import path from 'node:path';
import { readQuestions } from '../knowledge/evaluate';
import { letterBody } from './letter';

const QUESTION = 'I ordered a $45 scarf from a shop in the UK. Do I owe duty?';

describe('letterBody', () => {
  it('takes off a greeting, a closing and the signature under it', () => {
    expect(letterBody(`Dear Sir or Madam,\n\n${QUESTION}\n\nKind regards,\nJohn Smith\nSmith Trading LLC\nTel. 555-0134`)).toBe(QUESTION);
    expect(letterBody(`Hello,\n\n${QUESTION}\n\nThanks in advance,\nMaria`)).toBe(QUESTION);
    expect(letterBody(`Good morning CBP team:\n${QUESTION}\nThanks, Bev\nSent from my iPhone`)).toBe(QUESTION);
    expect(letterBody(`To whom it may concern,\n${QUESTION}\n--\nJ. Smith`)).toBe(QUESTION);
  });

  it('takes off a subject line', () => {
    expect(letterBody(`Subject: Question about my parcel\n\n${QUESTION}`)).toBe(QUESTION);
    expect(letterBody(`Re: Fwd: duty\n${QUESTION}`)).toBe(QUESTION);
    expect(letterBody('Subject: is de minimis dead')).toBe('is de minimis dead');
  });

  it('unwraps a forwarded message: its text first, then the note of the person forwarding it', () => {
    const forwarded = 'Fwd: my customer\n\n---------- Forwarded message ---------\nFrom: Anna <anna@example.com>\nDate: Mon, 1 Dec 2026 at 10:02\nSubject: customs\nTo: Bob <bob@example.com>\n\nI got a DHL bill for $30 on the lamp you sent. Why?';
    expect(letterBody(forwarded)).toBe('I got a DHL bill for $30 on the lamp you sent. Why?');
    expect(letterBody(`What do I tell her?\n\n${forwarded.split('\n\n').slice(1).join('\n\n')}`)).toBe('I got a DHL bill for $30 on the lamp you sent. Why?\n\nWhat do I tell her?');
  });

  it('keeps a pasted notice, without its quote marks', () => {
    expect(letterBody('USPS notice:\n> Your item is held, customs fees of $18.40 due\nIs this legit?')).toBe('USPS notice:\nYour item is held, customs fees of $18.40 due\nIs this legit?');
  });

  it('takes off thanks, pleas for help and emoji at the end', () => {
    expect(letterBody(`${QUESTION} Thank you for your time.`)).toBe(QUESTION);
    expect(letterBody(`${QUESTION}\nAny help appreciated!`)).toBe(QUESTION);
    expect(letterBody(`${QUESTION} Thanks so much for your help!! 🙏`)).toBe(QUESTION);
    expect(letterBody('do i owe duty on my shein haul pls help 😩😩')).toBe('do i owe duty on my shein haul');
    expect(letterBody('is de minimis dead or nah thank you')).toBe('is de minimis dead or nah');
  });

  it('takes off small talk before the message and reads emoji as spaces', () => {
    expect(letterBody(`Hello CBP, ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody('Hi, my parcel is stuck. Why?')).toBe('my parcel is stuck. Why?');
    expect(letterBody(`Hi! Quick question. ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody(`Sorry if this is a dumb question. ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody(`Not sure if this is the right place to ask, but ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody('my parcel 😭 is held by customs 🙃. why?? lol')).toBe('my parcel is held by customs . why??');
  });

  it('takes off "My name is …", keeping what the writer says about themselves after "and"', () => {
    expect(letterBody(`My name is Bob. ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody(`Hello, my name is Ana María López, ${QUESTION}`)).toBe(QUESTION);
    expect(letterBody(`My name is Bob and I run a small shop. ${QUESTION}`)).toBe(`I run a small shop. ${QUESTION}`);
    // Not a name: what is written on a parcel.
    expect(letterBody('my name is on the box but the address is wrong. Who do I call?')).toBe('my name is on the box but the address is wrong. Who do I call?');
  });

  it('joins the lines of an email wrapped mid-sentence', () => {
    expect(letterBody('I ordered a scarf from a shop in\nthe UK. Do I owe\nduty on it?')).toBe('I ordered a scarf from a shop in the UK. Do I owe duty on it?');
    expect(letterBody('Is de minimis dead?\nwhat about gifts?')).toBe('Is de minimis dead?\nwhat about gifts?');
  });

  it('leaves a message alone when the greeting or the thanks is part of what it says', () => {
    for (const m of ['Why did I pay $20 on a $30 order?\nThanks to the new rules, everything costs more now', 'Best way to ship a gift to my mom in Ohio?', 'Hello!', 'Thanks!', 'Help! My parcel is held. What now?', 'Can you help me?', 'why do i need help with customs', 'hey so my parcel is held, why?', 'Hi my parcel is held, why?', 'Questions about the new rules. Is de minimis dead?', 'Hello CBP!']) {
      expect(letterBody(m)).toBe(m);
    }
  });

  it('changes none of the development set\'s questions', () => {
    const questions = readQuestions(path.join(__dirname, '..', '..', 'test', 'fixtures', 'questions.json'));
    expect(questions.filter((q) => letterBody(q.q) !== q.q.trim()).map((q) => q.q)).toEqual([]);
  });

  it('never throws and never leaves nothing of a message that had words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const body = letterBody(s);
        return s.trim() === '' || body.trim() !== '';
      }),
    );
  });
});
