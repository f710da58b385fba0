/**
 * `npm run ask -- "question"`: one question, the bot's answer, exit. `--json` prints the
 * structured answer (document, confidence, alternatives, sources) with the bot's replies.
 */
import { openTerminalBot, buttonsOf } from './terminal';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ').trim();
  if (!question) {
    console.error('Usage: npm run ask -- "your question" [--json]');
    process.exit(2);
  }
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
      for (const reply of replies) {
        if (reply.text) console.log(reply.text);
        const buttons = buttonsOf(reply);
        if (buttons.length > 0) console.log(`\n${buttons.map((b) => `[${b}]`).join(' ')}`);
      }
    }
  } finally {
    await bot.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
