/**
 * The email dialog's step table run by the GuidedDialog helpers, without botbuilder: which step
 * comes next, what "back" re-asks, and the typed equivalents of the buttons.
 */
import fc from 'fast-check';
import { catalog } from '../../src/messages';
import { nextStep, stepBack } from '../GuidedDialog';
import { means } from './answerWords';
import { ESCALATION_STEPS, type EscalationContext, type EscalationState } from './escalation';

const context: EscalationContext = { m: catalog('en').escalation, inbox: 'ecommerce@cbp.dhs.gov' };
const HISTORY = [{ from: 'user' as const, text: 'is a gift duty free', at: '2026-11-25T16:58:00.000Z' }];

/** Answers each step in turn with `answers` and returns the ids asked. */
function walk(state: EscalationState, answers: string[]): string[] {
  const asked: string[] = [];
  for (const text of answers) {
    const step = nextStep(ESCALATION_STEPS, state, context)!;
    asked.push(step.id);
    expect(step.parse(state, { text }, context)).toMatchObject({ ok: true });
  }
  const after = nextStep(ESCALATION_STEPS, state, context);
  if (after) asked.push(after.id);
  return asked;
}

describe('the email steps', () => {
  it('with a question to offer and a conversation: every step in order', () => {
    const state: EscalationState = { history: HISTORY, proposed: 'Is a $30 gift from Canada duty free?' };
    expect(walk(state, ['Yes, email it', 'Send this question', 'person@example.com', 'Yes, include it', 'Send'])).toEqual([
      'confirm', 'question', 'replyTo', 'transcript', 'summary',
    ]);
    expect(state).toMatchObject({ question: 'Is a $30 gift from Canada duty free?', replyTo: 'person@example.com', includeTranscript: true, sending: true });
  });

  it('with nothing to offer and no conversation: the question is typed, the transcript step is skipped', () => {
    const state: EscalationState = { history: [] };
    expect(walk(state, ['yes', 'How do I report a fake seller on a marketplace?', 'skip'])).toEqual(['confirm', 'typing', 'replyTo', 'summary']);
    expect(state.replyTo).toBeUndefined();
  });

  it('"back" re-asks the previous step that was asked, passing over skipped ones', () => {
    const state: EscalationState = { history: [], proposed: 'Is a $30 gift from Canada duty free?' };
    walk(state, ['yes', 'keep it', 'skip']);
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('summary');
    expect(stepBack(ESCALATION_STEPS, state, context)).toBe(true); // no transcript step: the address again
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('replyTo');
    expect(stepBack(ESCALATION_STEPS, state, context)).toBe(true); // the question, shown with its buttons
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('question');
    expect(state.proposed).toBe('Is a $30 gift from Canada duty free?');
    expect(stepBack(ESCALATION_STEPS, state, context)).toBe(true);
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('confirm');
    expect(stepBack(ESCALATION_STEPS, state, context)).toBe(false); // the first question
  });

  it('"back" while typing a new wording shows the offered question again', () => {
    const state: EscalationState = { history: [], proposed: 'Is a $30 gift from Canada duty free?' };
    walk(state, ['yes', 'change it']);
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('typing');
    stepBack(ESCALATION_STEPS, state, context);
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('question');
  });

  it('an answer that is not one of the buttons is asked again with the buttons named', () => {
    const state: EscalationState = { history: [] };
    expect(ESCALATION_STEPS[0]!.parse(state, { text: 'purple' }, context)).toEqual({ ok: false, message: 'Please choose **Yes, email it** or **No thanks**.' });
    expect(nextStep(ESCALATION_STEPS, state, context)?.id).toBe('confirm');
  });
});

describe('the email steps, for any answers and "back"s', () => {
  const turn = fc.oneof(
    fc.constant('back' as const),
    fc.constantFrom('yes', 'no', 'keep it', 'change it', 'skip', 'person@example.com', 'include it', 'just the question', 'send', 'purple'),
    fc.string({ maxLength: 60 }),
  );
  it('always has a step to ask until the person declines or sends, and a step is asked only when not skipped', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(turn, { maxLength: 25 }), (offered, withHistory, turns) => {
        const state: EscalationState = { history: withHistory ? HISTORY : [], ...(offered ? { proposed: 'Is a $30 gift from Canada duty free?' } : {}) };
        for (const t of turns) {
          if (state.declined || state.sending) break;
          const step = nextStep(ESCALATION_STEPS, state, context);
          expect(step).toBeDefined();
          expect(step!.skipIf?.(state, context) ?? false).toBe(false);
          if (t === 'back') stepBack(ESCALATION_STEPS, state, context);
          else step!.parse(state, { text: t }, context);
        }
        // Whatever happened, the summary is reached only with a question to send.
        if (nextStep(ESCALATION_STEPS, state, context)?.id === 'summary' || state.sending) expect(state.question).toEqual(expect.any(String));
        if (!withHistory) expect(state.includeTranscript).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('answer words', () => {
  it('reads typed equivalents of the buttons, with courtesies and short yes/no replies', () => {
    expect(means('keep', 'Yes, that is fine')).toBe(true);
    expect(means('skip', 'I’d rather not, thanks')).toBe(true);
    expect(means('exclude', 'just the question please')).toBe(true);
    expect(means('send', 'maybe later')).toBe(false);
    expect(means('yes', 'no thanks')).toBe(false);
    expect(means('no', 'nope, not now')).toBe(true);
    // A long reply that starts with "yes" is not a short yes.
    expect(means('keep', 'yes but I want to add the tracking number')).toBe(false);
  });
});
