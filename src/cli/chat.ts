/**
 * `npm run chat`: talk to the full bot in the terminal (same bot, same dialogs, in process).
 * Replies are rendered markdown wrapped to the terminal's width (80 when not a terminal).
 * Type a number to press one of the buttons the bot offers; /send <text> sends text as typed;
 * /quit or Ctrl-D to leave.
 */
import readline from 'node:readline';
import type { Activity } from 'botbuilder';
import { formatButtons, formatReply, parseCliArgs, readChatInput, runCli, terminalStyle, UsageError } from './chatText';
import { buttonsOf, openTerminalBot } from './terminal';

const USAGE = 'Usage: npm run chat [-- --help]   (then type a question; a number presses a button; /quit to leave)';

function print(replies: Partial<Activity>[]): string[] {
  const style = terminalStyle();
  let buttons: string[] = [];
  for (const reply of replies) {
    if (reply.type !== 'message') continue;
    if (reply.text) console.log(`\n${formatReply(reply.text, style)}`);
    const these = buttonsOf(reply);
    if (these.length > 0) buttons = these;
  }
  if (buttons.length > 0) console.log(`\n${formatButtons(buttons, style)}`);
  return buttons;
}

async function main(): Promise<void> {
  const { values, positionals } = parseCliArgs(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  const bot = openTerminalBot();
  console.log(formatReply('CBP E-Commerce Assistant — terminal chat. Type a question; a number presses a button; /quit to leave.', terminalStyle(), ''));
  let buttons = print(await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'You' }] }));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  rl.prompt();
  for await (const line of rl) {
    const input = readChatInput(line, buttons);
    if (input.kind === 'quit') break;
    if (input.kind === 'no-such-button') console.log(formatReply(input.message, terminalStyle(), '     '));
    if (input.kind === 'send') {
      if (input.pressed) console.log(`     (${input.pressed})`);
      buttons = print(await bot.send(input.text));
    }
    rl.prompt();
  }
  rl.close();
  await bot.close();
  console.log('\nGoodbye.');
}

runCli(main);
