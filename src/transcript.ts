/**
 * The conversation transcript: the last lines of a conversation, kept in conversation state (so
 * any instance has them) and sent with an escalation email only when the person agrees.
 *
 * Its own small service so the bot keeps it (one call per message) and the dialogs read it
 * (`BotServices.transcript`) without either reaching the other: the composition root builds it
 * once and hands it to both (ARCHITECTURE.md).
 */
import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Clock } from './clock';
import type { TranscriptEntry } from './escalation';
import { removeCardNumbers } from './escalation/luhn';

/** How many lines of the conversation are kept, for an email the person agrees to include. */
export const TRANSCRIPT_LINES = 20;
/** The person's lines are kept up to this length; the bot's answers are long and only context. */
const TRANSCRIPT_TEXT_CHARS = 500;
const TRANSCRIPT_BOT_CHARS = 200;

/** How many of the bot's replies `botLine` remembers (then it starts again). */
const BOT_LINES_KEPT = 256;

/**
 * A line of the transcript: `said` without card numbers, cut to `limit` characters.
 *
 * @example
 * transcriptLine('card 4111 1111 1111 1111', 500); // 'card [card number removed]'
 */
export function transcriptLine(said: string, limit: number): string {
  // Card numbers out before the line is cut (a cut could hide one) and before it is kept.
  const line = removeCardNumbers(said);
  // Performance (issue 15): an ASCII "...", not "…": one non-Latin-1 character makes V8 keep the
  // whole string, and the state's JSON, two bytes per character.
  return line.length > limit ? `${line.slice(0, limit - 3)}...` : line;
}

/**
 * Keeps and reads the transcript in conversation state (property `transcript`).
 *
 * @example
 * const transcript = new ConversationTranscript(conversationState, clock);
 * await transcript.keep(context, 'is my parcel duty-free?'); // this line and the bot's replies this turn
 * await transcript.recent(context); // [{ from: 'user', text: 'is my parcel duty-free?', at: '…' }, { from: 'bot', … }]
 */
export class ConversationTranscript {
  private readonly lines: StatePropertyAccessor<TranscriptEntry[]>;
  /** The bot's recent replies and the line each gives (see botLine). */
  private readonly botLines = new Map<string, string>();

  constructor(
    conversationState: ConversationState,
    private readonly clock: Clock,
  ) {
    this.lines = conversationState.createProperty<TranscriptEntry[]>('transcript');
  }

  /**
   * The line kept for a reply of the bot. Performance (issue 15): the bot sends the same answers
   * again and again (a kept reply is rendered once, render.ts), each a thousand characters or more
   * read for card numbers, so the last lines made are remembered by their text.
   */
  private botLine(said: string): string {
    let line = this.botLines.get(said);
    if (line === undefined) {
      line = transcriptLine(said, TRANSCRIPT_BOT_CHARS);
      if (this.botLines.size >= BOT_LINES_KEPT) this.botLines.clear();
      this.botLines.set(said, line);
    }
    return line;
  }

  /** The kept lines, oldest first (a copy). */
  async recent(context: TurnContext): Promise<TranscriptEntry[]> {
    return [...(await this.lines.get(context, []))];
  }

  /**
   * Keeps the person's message `text` and, as they are sent, the bot's text replies of this
   * turn; at most TRANSCRIPT_LINES lines, each cut to a length and without card numbers.
   */
  async keep(context: TurnContext, text: string): Promise<void> {
    const lines = await this.lines.get(context, []);
    const add = (from: TranscriptEntry['from'], said: string) => {
      lines.push({ from, text: from === 'bot' ? this.botLine(said) : transcriptLine(said, TRANSCRIPT_TEXT_CHARS), at: this.clock().toISOString() });
      lines.splice(0, Math.max(0, lines.length - TRANSCRIPT_LINES));
    };
    add('user', text);
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) if (a.type === ActivityTypes.Message && a.text) add('bot', a.text);
      return next();
    });
  }
}
