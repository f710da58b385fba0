/**
 * A second reference point for `npm run bench:load`: the smallest botbuilder bot on the same
 * stack as ours (restify 12, jsonBodyParser, CloudAdapter without credentials, an ActivityHandler)
 * that sends as many replies of the same size as the real bot — no state, dialogs, search,
 * records or middleware. The gap between bare restify and this is the framework's own cost; the
 * gap between this and the real bot is ours.
 *
 * Environment: PORT, HOST, BARE_REPLIES (average replies per turn, may be fractional),
 * BARE_REPLY_BYTES, MAX_BODY_BYTES.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3980);
const host = process.env.HOST ?? '127.0.0.1';
const repliesPerTurn = Number(process.env.BARE_REPLIES ?? 1);
const replyBytes = Math.max(200, Number(process.env.BARE_REPLY_BYTES ?? 1000));
const maxBodySize = Number(process.env.MAX_BODY_BYTES ?? 256 * 1024);
// The reply's text takes roughly what the bot's replies carry besides the envelope (~350 bytes).
const text = 'x'.repeat(Math.max(1, replyBytes - 350));
let owed = 0;

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      owed += repliesPerTurn;
      const count = Math.floor(owed);
      owed -= count;
      for (let i = 0; i < count; i++) await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'botbuilder-echo', handleUncaughtExceptions: false });
const jsonBody = restify.plugins.jsonBodyParser({ maxBodySize, mapParams: false } as restify.plugins.JsonBodyParserOptions);

server.post('/api/messages', ...jsonBody, async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
  res.json({ status: 'ok' });
  return next();
});

server.listen(port, host, () => process.stdout.write(`botbuilder echo listening on http://${host}:${port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
