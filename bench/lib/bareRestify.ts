/**
 * The baseline for `npm run bench:load`: a bare restify 12 server doing the HTTP work the bot
 * does for a turn and nothing else — parse the JSON body (same body limit), POST as many replies
 * to `serviceUrl` as the bot sends on average (one after the other, as the bot does), then
 * answer 200. No auth, no state, no dialogs, no search.
 *
 * Environment: PORT, HOST, BARE_REPLIES (average replies per turn, may be fractional: 1.25 means
 * a second reply on every fourth turn), BARE_REPLY_BYTES (size of each reply body),
 * MAX_BODY_BYTES.
 */
import http from 'node:http';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3979);
const host = process.env.HOST ?? '127.0.0.1';
const repliesPerTurn = Number(process.env.BARE_REPLIES ?? 1);
const replyBytes = Math.max(200, Number(process.env.BARE_REPLY_BYTES ?? 1000));
const maxBodySize = Number(process.env.MAX_BODY_BYTES ?? 256 * 1024);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const filler = 'x'.repeat(replyBytes);
let owed = 0;

/** How many replies this turn sends, so that the long-run average is `repliesPerTurn`. */
function repliesForThisTurn(): number {
  owed += repliesPerTurn;
  const n = Math.floor(owed);
  owed -= n;
  return n;
}

interface Incoming {
  id?: string;
  serviceUrl: string;
  channelId: string;
  conversation: { id: string };
  from?: unknown;
  recipient?: unknown;
}

function postReply(activity: Incoming, n: number): Promise<void> {
  const url = new URL(`${activity.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id ?? '')}`);
  const reply = {
    type: 'message',
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: activity.conversation,
    from: activity.recipient,
    recipient: activity.from,
    replyToId: activity.id,
    textFormat: 'markdown',
    text: `reply ${n}`,
    padding: '',
  };
  // Same size as the bot's average reply body.
  reply.padding = filler.slice(0, Math.max(0, replyBytes - Buffer.byteLength(JSON.stringify(reply))));
  const body = JSON.stringify(reply);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`reply got ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const server = restify.createServer({ name: 'bare-restify', handleUncaughtExceptions: false });
const jsonBody = restify.plugins.jsonBodyParser({ maxBodySize, mapParams: false } as restify.plugins.JsonBodyParserOptions);

server.post('/api/messages', ...jsonBody, async (req: restify.Request, res: restify.Response) => {
  const activity = req.body as Incoming;
  try {
    const count = repliesForThisTurn();
    for (let i = 0; i < count; i++) await postReply(activity, i);
    res.status(200);
    res.end();
  } catch {
    res.status(502);
    res.end();
  }
});

server.get('/healthz', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
  res.json({ status: 'ok' });
  return next();
});

server.listen(port, host, () => {
  process.stdout.write(`bare restify listening on http://${host}:${port}\n`);
});

process.once('SIGTERM', () => server.close(() => process.exit(0)));
