/**
 * `npm run chat`: talk to the full bot in the terminal (same bot, same dialogs, in process).
 * Type a number to press one of the buttons the bot offers; /quit or Ctrl-D to leave.
 */
import readline from 'node:readline';
import type { Activity } from 'botbuilder';
import { buttonsOf, openTerminalBot } from './terminal';

function print(replies: Partial<Activity>[]): string[] {
  let buttons: string[] = [];
  for (const reply of replies) {
    if (reply.type !== 'message') continue;
    if (reply.text) console.log(`\nbot> ${reply.text.replace(/\n/g, '\n     ')}`);
    const these = buttonsOf(reply);
    if (these.length > 0) buttons = these;
  }
  if (buttons.length > 0) console.log(`\n     ${buttons.map((b, i) => `[${i + 1}] ${b}`).join('   ')}`);
  return buttons;
}

async function main(): Promise<void> {
  const bot = openTerminalBot();
  console.log('CBP E-Commerce Assistant — terminal chat. Type a question; a number presses a button; /quit to leave.');
  let buttons = print(await bot.send({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'You' }] }));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '/quit' || input === '/exit') break;
    if (input.length > 0) {
      const pressed = /^\d+$/.test(input) ? buttons[Number(input) - 1] : undefined;
      if (pressed) console.log(`     (${pressed})`);
      buttons = print(await bot.send(pressed ?? input));
    }
    rl.prompt();
  }
  rl.close();
  await bot.close();
  console.log('\nGoodbye.');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
