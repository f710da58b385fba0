/**
 * Staff commands typed in Teams: `stats`, `unanswered`, `kb <id or words>`, `reload`,
 * `teach <number> <document id|none>`. Parsed strictly so an ordinary question is never taken
 * for a command: the command word must come first, and only `kb` takes free text after it.
 */

export type StaffCommandName = 'stats' | 'unanswered' | 'kb' | 'reload' | 'teach';

export interface StaffCommand {
  command: StaffCommandName;
  /** `kb`: the id or words to look up. `unanswered`: a number of days, as digits. */
  arg?: string;
  /** `teach`: the question's number in the last `unanswered` list (1 or more). */
  number?: number;
  /** `teach`: the document id (lower case) or `none` (out of scope). */
  target?: string;
}

const COMMAND_LINE = /^\/?(stats|unanswered|kb|reload|teach)(?:\s+(.*))?$/i;
/** `teach 3 gift-duty-free`, `teach 3 none`: a number, then one id-shaped word, nothing else. */
const TEACH_ARGS = /^#?(\d{1,3})\s+([a-z0-9]+(?:-[a-z0-9]+)*)$/i;

/**
 * The staff command in a message (after the bot's @mention has been removed), or undefined
 * when the text is not one. Case-insensitive; a leading "/" (habit from other chat tools) and
 * trailing ".", "!" or "?" are ignored.
 *
 * @example
 * parseStaffCommand('KB gift exemption'); // { command: 'kb', arg: 'gift exemption' }
 * parseStaffCommand('unanswered 30 days'); // { command: 'unanswered', arg: '30' }
 * parseStaffCommand('stats'); // { command: 'stats' }
 * parseStaffCommand('teach 2 gift-duty-free'); // { command: 'teach', number: 2, target: 'gift-duty-free' }
 * parseStaffCommand('teach me about duty'); // undefined (an ordinary message)
 * parseStaffCommand('reload the page does not work'); // undefined (an ordinary message)
 */
export function parseStaffCommand(text: string): StaffCommand | undefined {
  const line = text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '').trim();
  const match = COMMAND_LINE.exec(line);
  if (!match) return undefined;
  const command = match[1].toLowerCase() as StaffCommandName;
  const rest = (match[2] ?? '').trim();
  switch (command) {
    case 'kb':
      return rest ? { command, arg: rest } : { command };
    case 'unanswered': {
      if (!rest) return { command };
      const days = /^(\d{1,3})(?:\s*(?:d|days?))?$/i.exec(rest);
      return days ? { command, arg: String(Number(days[1])) } : undefined;
    }
    case 'teach': {
      // Strict: "teach me about gift duty" is a question for the bot, not a command.
      const args = TEACH_ARGS.exec(rest);
      if (!args || Number(args[1]) < 1) return undefined;
      return { command, number: Number(args[1]), target: args[2].toLowerCase() };
    }
    default:
      // stats and reload take nothing; "reload the page…" is a question, not a command.
      return rest ? undefined : { command };
  }
}
