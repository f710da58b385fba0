/**
 * The reply to an understood question, made once per understanding (performance, issue 15).
 *
 * `partsReply(main, others, kb)` depends only on what `understand` found and on the knowledge
 * base (the message catalogs are fixed for the life of the process). The understanding cache
 * (understandingCache.ts) hands out the same `Understanding` object for the same words while the
 * knowledge, rules, names and date stay the same, so the reply made for it can be handed out again
 * too: it is kept beside that object (a WeakMap: it goes when the understanding goes) with the
 * knowledge base it was made with, and made afresh for another one.
 *
 * A kept reply is frozen (`Object.freeze`, the reply object itself): nobody may change it, and the
 * channel layer renders a frozen reply once per channel (src/channels/render.ts). Its arrays
 * (sources, suggestions) belong to it or to the knowledge base and are not changed either.
 *
 * @example
 * const replies = new AnswerReplies();
 * const understood = cache.understand('is de minimis dead', inputs);
 * if (understood.kind === 'answer') replies.reply(understood, kb); // made, frozen and kept
 * replies.reply(understood, kb); // the same object
 */
import type { KnowledgeBase } from '../src/knowledge';
import type { Reply } from '../src/replies';
import type { PartAnswer } from '../src/understanding';
import { partsReply } from './messages';

/** What the reply is made of: an understanding of kind 'answer' (or anything with its parts). */
export interface AnsweredParts {
  main: PartAnswer;
  others: PartAnswer[];
}

export class AnswerReplies {
  private readonly kept = new WeakMap<AnsweredParts, { kb: KnowledgeBase; reply: Reply }>();

  /** `partsReply(understood.main, understood.others, kb)`, frozen; the same object for the same understanding and knowledge base. */
  reply(understood: AnsweredParts, kb: KnowledgeBase): Reply {
    const kept = this.kept.get(understood);
    if (kept && kept.kb === kb) return kept.reply;
    const reply = Object.freeze(partsReply(understood.main, understood.others, kb));
    this.kept.set(understood, { kb, reply });
    return reply;
  }
}
