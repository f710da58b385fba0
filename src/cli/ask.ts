/**
 * `npm run ask -- "question"`: one question, the bot's answer, exit. `--json` prints the
 * structured answer (document, confidence, alternatives, sources) with the bot's replies.
 * Replies are rendered markdown wrapped to the terminal's width (80 when not a terminal).
 */
import { parseCliArgs, runCli, terminalStyle, UsageError } from './chatText';
import { renderMarkdown } from './markdown';
import { openTerminalBot, buttonsOf } from './terminal';

const USAGE = 'Usage: npm run ask -- "your question" [--json]';

async function main(): Promise<void> {
  const { values, positionals } = parseCliArgs(process.argv.slice(2), { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const json = values.json === true;
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('no question given', USAGE);
  const bot = openTerminalBot();
  try {
    const replies = (await bot.send(question)).filter((r) => r.type === 'message');
    if (json) {
      const result = bot.core.services.knowledge().answer(question);
      const summary = (d: { id: string; title: string } | undefined) => (d ? { id: d.id, title: d.title } : undefined);
      console.log(JSON.stringify({
        question,
        kind: result.kind,
        confidence: result.confidence,
        answer: result.best && { ...summary(result.best), topic: result.best.topic, body: result.best.body, sources: result.best.sources, reviewed: result.best.reviewed },
        alternatives: result.alternatives.map(summary),
        replies: replies.map((r) => ({ text: r.text, buttons: buttonsOf(r) })),
      }, null, 2));
    } else {
      const style = terminalStyle();
      for (const reply of replies) {
        if (reply.text) console.log(renderMarkdown(reply.text, style));
        const buttons = buttonsOf(reply);
        if (buttons.length > 0) console.log(`\n${buttons.map((b) => `[${b}]`).join(' ')}`);
      }
    }
  } finally {
    await bot.close();
  }
}

runCli(main);
