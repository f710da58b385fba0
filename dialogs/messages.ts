/**
 * The replies of the welcome, small talk and fallbacks, and the conversion of a knowledge
 * answer into a reply. The words are in the message catalogs (src/messages: `welcome`,
 * `answers`), written to ../shared/design/CONTENT.md: answer first, plain words, say when we
 * don't know, offer two ways on.
 */
import type { AnswerResult, KnowledgeDoc, OutOfScopeReason } from '../src/knowledge';
import { catalog, fill, formatNumber } from '../src/messages';
import { buttons, quoteUserText, type Reply, type Source, type Suggestion } from '../src/replies';
import type { PartAnswer } from '../src/understanding';

const { welcome, answers } = catalog();
const LABELS = welcome.labels;

/** What to say when the understanding layer knows why a message is not ours (who to ask instead). */
const OUT_OF_SCOPE_REPLIES: Record<OutOfScopeReason, string> = {
  'one-country': answers.oneCountry,
  delivery: answers.delivery,
  'leaves-us': answers.leavesUs,
  'income-tax': answers.incomeTax,
  company: answers.company,
  postage: answers.postage,
};

const MAIN_TASKS: Suggestion[] = buttons([LABELS.checkShipment, LABELS.isDeMinimisOver, LABELS.reportFake, LABELS.email]);

/** The first message of a conversation. */
export function welcomeReply(): Reply {
  return { kind: 'info', markdown: welcome.welcome, suggestions: MAIN_TASKS };
}

/** "What can you do?" and "help" outside a guided check. */
export function capabilitiesReply(): Reply {
  return { kind: 'info', markdown: welcome.capabilities, suggestions: MAIN_TASKS };
}

/** "Are you a real person?", "what's your name?": who is answering. */
export function aboutMeReply(): Reply {
  return { kind: 'info', markdown: welcome.aboutMe, suggestions: MAIN_TASKS };
}

export function greetingReply(): Reply {
  return { kind: 'info', markdown: welcome.greeting, suggestions: MAIN_TASKS };
}

export function thanksReply(): Reply {
  return { kind: 'info', markdown: welcome.thanks, suggestions: MAIN_TASKS.slice(0, 3) };
}

export function goodbyeReply(): Reply {
  return { kind: 'info', markdown: welcome.goodbye };
}

export function feedbackThanksReply(): Reply {
  return { kind: 'info', markdown: welcome.feedbackThanks };
}

export function notHelpfulReply(): Reply {
  return { kind: 'info', markdown: welcome.notHelpful, suggestions: buttons([LABELS.email, LABELS.askQuestion]) };
}

export function nothingToCancelReply(): Reply {
  return { kind: 'info', markdown: welcome.nothingToCancel, suggestions: MAIN_TASKS };
}

export function messageTooLongReply(limit: number): Reply {
  return { kind: 'info', markdown: fill(welcome.messageTooLong, { limit: formatNumber(limit) }) };
}

export function nonTextReply(): Reply {
  return { kind: 'info', markdown: welcome.nonText, suggestions: MAIN_TASKS };
}

const related = (kb: { get(id: string): KnowledgeDoc | undefined }, doc: KnowledgeDoc, max: number): Suggestion[] =>
  doc.related
    .map((id) => kb.get(id))
    .filter((d): d is KnowledgeDoc => d !== undefined)
    .slice(0, max)
    .map((d) => ({ label: d.label }));

/**
 * The documents a "did you mean" offers: the best first, at most three.
 *
 * @example
 * didYouMeanOptions(kb.answer('fees on my parcel')).map((d) => d.id); // ['carrier-fee-amounts', …]
 */
export function didYouMeanOptions(result: AnswerResult): KnowledgeDoc[] {
  return [result.best!, ...result.alternatives].slice(0, 3);
}

/**
 * Documents as a markdown list of their titles.
 *
 * @example
 * titleList([doc]); // '- Is the $800 duty-free de minimis limit still available?'
 */
export function titleList(docs: readonly KnowledgeDoc[]): string {
  return docs.map((d) => `- ${d.title}`).join('\n');
}

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
      const options = didYouMeanOptions(result);
      return {
        kind: 'info',
        markdown: [answers.didYouMean, titleList(options)].join('\n'),
        suggestions: [...options.map((d) => ({ label: d.label })), { label: LABELS.email }],
      };
    }
    case 'other-cbp':
      return {
        kind: 'info',
        markdown: answers.otherCbp,
        suggestions: MAIN_TASKS.slice(0, 2),
      };
    case 'out-of-scope':
    default:
      if (result.reason !== undefined) {
        return { kind: 'info', markdown: OUT_OF_SCOPE_REPLIES[result.reason], suggestions: buttons([LABELS.checkShipment, LABELS.isDeMinimisOver]) };
      }
      if (result.alternatives.length > 0) {
        // Not an answer, but documents that share most of the question's words: offer them
        // rather than only the generic buttons.
        const closest = result.alternatives.slice(0, 2);
        return {
          kind: 'info',
          markdown: [
            answers.closestTopics,
            titleList(closest),
            answers.closestAskAnother,
          ].join('\n'),
          suggestions: [...closest.map((d) => ({ label: d.label })), { label: LABELS.email }],
        };
      }
      return {
        kind: 'info',
        markdown: answers.noAnswer,
        suggestions: buttons([LABELS.checkShipment, LABELS.isDeMinimisOver, LABELS.email]),
      };
  }
}

/** At most this many of a message's other questions are offered as buttons. */
const MAX_OTHER_QUESTIONS = 2;

/**
 * The reply to a message with one or several questions. One question: {@link answerReply}.
 * Several: the main one is answered (saying which question it answers). When it is answered
 * outright, the others answered outright get their short answer too (the document's first
 * paragraph, its sources cited with the main ones, each once); every other question is offered
 * as a button, each named by the question it answers.
 *
 * @example
 * partsReply(main, [other], kb).markdown; // 'On "Do I have to pay it?":\n\n<answer>\n\nOn "Should I ship DDP?": <short answer> (More under **DDP or DDU?**.)'
 */
export function partsReply(main: PartAnswer, others: PartAnswer[], kb: { get(id: string): KnowledgeDoc | undefined }): Reply {
  const reply = answerReply(main.result, kb);
  const offered = others.filter((o) => o.result.best && o.result.best.id !== main.result.best?.id).slice(0, MAX_OTHER_QUESTIONS);
  if (offered.length === 0) return reply;
  const briefs = main.result.kind === 'answer' ? offered.filter((o) => o.result.kind === 'answer') : [];
  const rest = offered.filter((o) => !briefs.includes(o));
  const briefText = briefs.map((o) => fill(answers.briefAnswer, { question: quoteUserText(o.question), answer: shortAnswer(o.result.best!), label: o.result.best!.label }));
  const questions = rest.map((o) => fill(answers.otherQuestion, { question: quoteUserText(o.question), label: o.result.best!.label })).join(answers.and);
  const also = rest.length > 0 ? fill(answers.alsoAsked, { questions }) : '';
  const head = main.result.kind === 'answer' ? fill(answers.onQuestion, { question: quoteUserText(main.question) }) : '';
  const buttons = offered.map((o) => ({ label: o.result.best!.label }));
  const existing = (reply.suggestions ?? []).filter((s) => !buttons.some((b) => b.label === s.label));
  const briefDocs = briefs.map((o) => o.result.best!);
  return {
    ...reply,
    markdown: [head, reply.markdown, ...briefText, also].filter((p) => p.length > 0).join('\n\n'),
    ...(briefDocs.length > 0 ? { sources: citedOnce([...(reply.sources ?? []), ...briefDocs.flatMap((d) => d.sources)]), reviewed: oldest([reply.reviewed, ...briefDocs.map((d) => d.reviewed)]) } : {}),
    suggestions: [...buttons, ...existing],
  };
}

/**
 * A document's short answer: its first paragraph ("Not for your own goods: you do not have to
 * hire one. …"), which every document opens with.
 *
 * @example
 * shortAnswer({ body: 'Yes. Since 29 Aug 2025 …\n\n**What this means for you** …' }); // 'Yes. Since 29 Aug 2025 …'
 */
export function shortAnswer(doc: Pick<KnowledgeDoc, 'body'>): string {
  return doc.body.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
}

/** Sources in order, each once (by its address). */
function citedOnce(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.url) && seen.add(s.url) !== undefined);
}

/** The oldest of several "reviewed" dates (YYYY-MM-DD): an answer is as fresh as its stalest part. */
function oldest(dates: ReadonlyArray<string | undefined>): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort()[0];
}
