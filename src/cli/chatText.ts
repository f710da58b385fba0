/**
 * The terminal chat's text handling, apart from the bot so it can be tested alone: what a typed
 * line means (a button number, a number with no button, text), how replies and buttons are
 * printed (markdown rendered by ./markdown), and strict argument parsing for `chat` and `ask`.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { renderMarkdown, type TerminalStyle } from './markdown';

export { terminalStyle, type TerminalStyle } from './markdown';

/** What a line typed in `npm run chat` means. */
export type ChatInput =
  | { kind: 'send'; text: string; pressed?: string }
  | { kind: 'no-such-button'; message: string }
  | { kind: 'quit' }
  | { kind: 'nothing' };

/**
 * Reads a line typed in the terminal chat. While buttons are shown, a bare number from 1 to 9
 * (or up to the number of buttons, if more) presses a button; a number with no button says so
 * rather than being sent as a question. Other numbers (an amount, a year) are sent as typed,
 * and `/send <text>` sends any text as typed. `/quit` or `/exit` leaves.
 *
 * @example
 * readChatInput('2', ['Yes', 'No']);   // { kind: 'send', text: 'No', pressed: 'No' }
 * readChatInput('7', ['Yes', 'No']);   // { kind: 'no-such-button', message: 'There is no button 7: …' }
 * readChatInput('150', ['Not sure']);  // { kind: 'send', text: '150' }
 */
export function readChatInput(line: string, buttons: readonly string[]): ChatInput {
  const input = line.trim();
  if (input.length === 0) return { kind: 'nothing' };
  if (input === '/quit' || input === '/exit') return { kind: 'quit' };
  const verbatim = /^\/send\s+([\s\S]+)$/.exec(input);
  if (verbatim) return { kind: 'send', text: verbatim[1]!.trim() };
  if (/^\d+$/.test(input) && buttons.length > 0) {
    const n = Number(input);
    if (n >= 1 && n <= buttons.length) return { kind: 'send', text: buttons[n - 1]!, pressed: buttons[n - 1]! };
    if (n <= Math.max(9, buttons.length)) {
      const range = buttons.length === 1 ? 'the only button is 1' : `the buttons are 1 to ${buttons.length}`;
      return { kind: 'no-such-button', message: `There is no button ${input}: ${range}. To send "${input}" as your answer, type /send ${input}` };
    }
  }
  return { kind: 'send', text: input };
}

/**
 * A bot reply for the terminal: markdown rendered (see ./markdown) inside a `bot> ` margin.
 *
 * @example
 * formatReply('**Yes.** It is duty free.', { width: 80, color: false }); // 'bot> Yes. It is duty free.'
 */
export function formatReply(text: string, style: TerminalStyle, margin = 'bot> '): string {
  const pad = ' '.repeat(margin.length);
  return renderMarkdown(text, { ...style, width: style.width - margin.length })
    .split('\n')
    .map((line, i) => (i === 0 ? margin : line.length > 0 ? pad : '') + line)
    .join('\n');
}

/**
 * Buttons as numbered choices, wrapped between choices (never inside one) to the width.
 *
 * @example
 * formatButtons(['Yes', 'No'], { width: 80, color: false }); // '     [1] Yes   [2] No'
 */
export function formatButtons(buttons: readonly string[], style: TerminalStyle, margin = '     '): string {
  const lines: string[] = [];
  let line = '';
  buttons.forEach((label, i) => {
    const choice = `[${i + 1}] ${label}`;
    if (line && margin.length + line.length + 3 + choice.length > style.width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line}   ${choice}` : choice;
  });
  if (line) lines.push(line);
  return lines.map((l) => margin + l).join('\n');
}

/** Thrown by `parseCliArgs` for an unknown flag or a missing value; `usage` is the line to print. */
export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses a terminal tool's arguments with Node's own `util.parseArgs` (strict: an unknown flag
 * is an error, not part of the question).
 *
 * @example
 * parseCliArgs(['--json', 'is', 'it', 'free?'], { json: { type: 'boolean' } }, 'Usage: …');
 * // { values: { json: true }, positionals: ['is', 'it', 'free?'] }
 * parseCliArgs(['--jsn', 'hi'], { json: { type: 'boolean' } }, 'Usage: …'); // throws UsageError
 */
export function parseCliArgs<T extends ParseArgsOptionsConfig>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), usage);
  }
}

/**
 * Runs a terminal tool's `main` and turns its failure into an exit code: 2 with the usage line
 * for a UsageError, 1 with the message for anything else.
 *
 * @example
 * runCli(main);
 */
export function runCli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${err.usage}`);
      process.exit(2);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
