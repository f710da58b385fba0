/**
 * The bot's own words (welcome, small talk, "I don't know") and the conversion of a knowledge
 * answer into a reply. Written to ../shared/design/CONTENT.md: answer first, plain words, say
 * when we don't know, offer two ways on.
 */
import type { AnswerResult, KnowledgeDoc } from '../src/knowledge';
import { LABELS } from '../src/intents';
import { quoteUserText, type Reply, type Suggestion } from '../src/channels/reply';
import type { PartAnswer } from '../src/understanding';

export const INFO_CENTER_LINE =
  'the CBP Info Center: [help.cbp.gov](https://help.cbp.gov), 1-877-227-5511 (in the U.S.) or +1-202-325-8000 (from abroad)';

const MAIN_TASKS: Suggestion[] = [
  { label: LABELS.checkShipment },
  { label: LABELS.isDeMinimisOver },
  { label: LABELS.reportFake },
  { label: LABELS.email },
];

/** The first message of a conversation. */
export function welcomeReply(): Reply {
  return {
    kind: 'info',
    markdown: [
      "Hello! I'm the **CBP E-Commerce Assistant**. I answer questions about U.S. Customs rules for things you buy or sell online: duties on low-value packages and the end of the $800 duty-free limit (de minimis), gifts, counterfeit goods, and import rules for online sellers.",
      'I can also check whether a shipment gets duty-free entry, or send your question to the CBP E-Commerce team.',
      'I give general guidance, not legal advice. Please do not send card numbers, passwords or ID numbers.',
    ].join('\n\n'),
    suggestions: MAIN_TASKS,
  };
}

/** "What can you do?" and "help" outside a guided check. */
export function capabilitiesReply(): Reply {
  return {
    kind: 'info',
    markdown: [
      'Here is what I can do:',
      '- **Answer questions** about duties on online orders, de minimis (Section 321), gifts, counterfeits and import compliance. Just type your question.',
      '- **Check a shipment**: I ask a few questions and tell you whether it gets duty-free entry on the date it arrives.',
      '- **Email the E-Commerce team** at CBP when I cannot answer.',
      `For travel, trusted traveler programs and other CBP matters, contact ${INFO_CENTER_LINE}.`,
    ].join('\n'),
    suggestions: MAIN_TASKS,
  };
}

export function greetingReply(): Reply {
  return { kind: 'info', markdown: 'Hello! What would you like to know about shipments, duties or counterfeits?', suggestions: MAIN_TASKS };
}

export function thanksReply(): Reply {
  return { kind: 'info', markdown: "You're welcome. Is there anything else I can help with?", suggestions: MAIN_TASKS.slice(0, 3) };
}

export function goodbyeReply(): Reply {
  return { kind: 'info', markdown: 'Thank you for using the CBP E-Commerce Assistant. Goodbye!' };
}

export function feedbackThanksReply(): Reply {
  return { kind: 'info', markdown: 'Thank you for your feedback.' };
}

export function notHelpfulReply(): Reply {
  return {
    kind: 'info',
    markdown: 'Sorry that did not help. You can ask your question another way, or I can send it to the CBP E-Commerce team by email.',
    suggestions: [{ label: LABELS.email }, { label: LABELS.askQuestion }],
  };
}

export function nothingToCancelReply(): Reply {
  return { kind: 'info', markdown: 'There is nothing to cancel. What would you like to know?', suggestions: MAIN_TASKS };
}

export function messageTooLongReply(limit: number): Reply {
  return {
    kind: 'info',
    markdown: `That message is too long for me (more than ${limit.toLocaleString('en-US')} characters). Please ask your question in a shorter message.`,
  };
}

export function nonTextReply(): Reply {
  return { kind: 'info', markdown: 'I can only read text messages. Please type your question.', suggestions: MAIN_TASKS };
}

const related = (kb: { get(id: string): KnowledgeDoc | undefined }, doc: KnowledgeDoc, max: number): Suggestion[] =>
  doc.related
    .map((id) => kb.get(id))
    .filter((d): d is KnowledgeDoc => d !== undefined)
    .slice(0, max)
    .map((d) => ({ label: d.label }));

/**
 * The reply for a knowledge answer: the document itself when confident, "Did you mean" when
 * unsure, and an honest "I don't know" with two ways on otherwise.
 *
 * @example
 * const reply = answerReply(kb.answer('is 800 still duty free'), kb);
 * reply.markdown; // the document body; reply.sources + reply.reviewed make the citation line
 */
export function answerReply(
  result: AnswerResult,
  kb: { get(id: string): KnowledgeDoc | undefined },
  options: { feedback?: boolean } = {},
): Reply {
  const feedback = options.feedback ?? true;
  switch (result.kind) {
    case 'answer': {
      const doc = result.best!;
      const suggestions = related(kb, doc, feedback ? 3 : 2);
      if (feedback) suggestions.push({ label: LABELS.helpful, role: 'feedback' }, { label: LABELS.notHelpful, role: 'feedback' });
      return { kind: 'answer', title: doc.title, markdown: doc.body, sources: doc.sources, reviewed: doc.reviewed, suggestions };
    }
    case 'did-you-mean': {
      const options = [result.best!, ...result.alternatives].slice(0, 3);
      return {
        kind: 'info',
        markdown: ["I'm not sure I understood. Did you mean one of these?", ...options.map((d) => `- ${d.title}`)].join('\n'),
        suggestions: [...options.map((d) => ({ label: d.label })), { label: LABELS.email }],
      };
    }
    case 'other-cbp':
      return {
        kind: 'info',
        markdown: `That sounds like a question about another part of CBP's work. I only cover e-commerce: online purchases, low-value shipments and counterfeits. For travel, trusted traveler programs, jobs and other CBP matters, please contact ${INFO_CENTER_LINE}.`,
        suggestions: MAIN_TASKS.slice(0, 2),
      };
    case 'out-of-scope':
    default:
      if (result.alternatives.length > 0) {
        // Not an answer, but documents that share most of the question's words: offer them
        // rather than only the generic buttons.
        const closest = result.alternatives.slice(0, 2);
        return {
          kind: 'info',
          markdown: [
            "Sorry, I don't have a clear answer to that. These are the closest topics I have:",
            ...closest.map((d) => `- ${d.title}`),
            'You can also ask another way, or send your question to the CBP E-Commerce team by email.',
          ].join('\n'),
          suggestions: [...closest.map((d) => ({ label: d.label })), { label: LABELS.email }],
        };
      }
      return {
        kind: 'info',
        markdown:
          "Sorry, I don't have an answer to that. I can help with U.S. Customs rules for online purchases and low-value shipments, gifts, counterfeits, and import rules for online sellers. You can ask another way, or send your question to the CBP E-Commerce team by email.",
        suggestions: [{ label: LABELS.checkShipment }, { label: LABELS.isDeMinimisOver }, { label: LABELS.email }],
      };
  }
}

/** At most this many of a message's other questions are offered as buttons. */
const MAX_OTHER_QUESTIONS = 2;

/**
 * The reply to a message with one or several questions. One question: {@link answerReply}.
 * Several: the main one is answered (saying which question it answers) and the others are
 * offered as buttons, each named by the question it answers.
 *
 * @example
 * partsReply(main, [other], kb).markdown; // 'On "Do I have to pay it?":\n\n<answer>\n\nYou also asked: "Should I ship DDP?" …'
 */
export function partsReply(main: PartAnswer, others: PartAnswer[], kb: { get(id: string): KnowledgeDoc | undefined }): Reply {
  const reply = answerReply(main.result, kb);
  const offered = others.filter((o) => o.result.best && o.result.best.id !== main.result.best?.id).slice(0, MAX_OTHER_QUESTIONS);
  if (offered.length === 0) return reply;
  const also = `You also asked ${offered.map((o) => `"${quoteUserText(o.question)}" (see **${o.result.best!.label}**)`).join(' and ')}. Choose a button below.`;
  const head = main.result.kind === 'answer' ? `On "${quoteUserText(main.question)}":` : '';
  const buttons = offered.map((o) => ({ label: o.result.best!.label }));
  const existing = (reply.suggestions ?? []).filter((s) => !buttons.some((b) => b.label === s.label));
  return {
    ...reply,
    markdown: [head, reply.markdown, also].filter((p) => p.length > 0).join('\n\n'),
    suggestions: [...buttons, ...existing],
  };
}
