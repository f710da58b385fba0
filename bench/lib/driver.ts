/**
 * The load driver: a stand-in channel endpoint that receives the bot's replies (as the Bot
 * Connector would) and N concurrent conversations POSTing message activities to
 * `/api/messages` on loopback, one turn at a time per conversation.
 *
 * A turn's latency is measured from the POST to the end of the HTTP response, and to the last
 * reply received for it (replies name their activity: `/activities/{replyToId}`). A botbuilder
 * CloudAdapter POSTs every reply before it answers the request, so a reply that arrives after
 * its turn's response — or for no known turn — is counted as late.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChannelEndpoint {
  serviceUrl: string;
  /** Replies received, by kind. */
  counts: { replies: number; messages: number; late: number; bytes: number };
  close(): Promise<void>;
}

interface Turn {
  started: number;
  lastReply: number;
  replies: number;
  messageBytes: number;
  done: boolean;
}

const REPLY_URL = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/;

/** One reply the bot posted: its conversation, the activity it answers (if any) and its body. */
export interface PostedReply {
  conversationId: string;
  replyToId?: string;
  body: Buffer;
  /** performance.now() when it arrived. */
  at: number;
}

/**
 * A stand-in Bot Connector on loopback that takes the bot's replies (and answers each with an
 * id, as the real one does) and hands every one to `onReply`.
 *
 * @example
 * const sink = await startReplySink((r) => count(r.conversationId));
 * // point the bot's activities at sink.serviceUrl … then: await sink.close();
 */
export function startReplySink(onReply: (reply: PostedReply) => void): Promise<{ serviceUrl: string; close(): Promise<void> }> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = REPLY_URL.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      onReply({
        conversationId: decodeURIComponent(match[1]!),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        body: Buffer.concat(chunks),
        at: performance.now(),
      });
      const answer = JSON.stringify({ id: `r${++next}` });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        serviceUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * POSTs one activity (JSON text) to the bot over a keep-alive agent; resolves with the status and
 * the response text.
 *
 * @example
 * const post = turnPoster(new URL('http://127.0.0.1:3978/api/messages'), new http.Agent({ keepAlive: true }));
 * const { status } = await post(JSON.stringify(activity));
 */
export function turnPoster(target: URL, agent: http.Agent): (body: string) => Promise<{ status: number; text: string }> {
  return (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** The activity type of a posted reply ('unknown' when the body is not JSON). */
export function replyType(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { type?: unknown }).type);
  } catch {
    return 'unknown';
  }
}

async function startChannel(turns: Map<string, Turn>): Promise<ChannelEndpoint> {
  const counts = { replies: 0, messages: 0, late: 0, bytes: 0 };
  const sink = await startReplySink(({ replyToId, body, at }) => {
    counts.replies++;
    const turn = replyToId ? turns.get(replyToId) : undefined;
    if (!turn || turn.done) counts.late++;
    if (replyType(body) === 'message') {
      counts.messages++;
      counts.bytes += body.length;
      if (turn && !turn.done) {
        turn.replies++;
        turn.messageBytes += body.length;
        turn.lastReply = at;
      }
    }
  });
  return { ...sink, counts };
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:3978/api/messages */
  target: string;
  texts: readonly string[];
  turns: number;
  concurrency: number;
  /** Turns per conversation before a worker starts a new one. */
  turnsPerConversation: number;
  /** Tag in conversation and activity ids. */
  tag: string;
  channelId?: string;
}

export interface LoadResult {
  turns: number;
  seconds: number;
  turnsPerSecond: number;
  /** POST → end of the HTTP response, ms. */
  httpLatencies: number[];
  /** POST → last reply received (or the response, when later or no reply), ms. */
  replyLatencies: number[];
  errors: number;
  errorSamples: string[];
  /** Message turns that got no message reply. */
  unanswered: number;
  late: number;
  repliesPerTurn: number;
  messageBytesPerReply: number;
  /** CPU seconds this (driver) process used during the run. */
  driverCpuSeconds: number;
}

/**
 * Runs `turns` turns over `concurrency` conversations at a time.
 *
 * @example
 * const result = await runLoad({ target: `${url}/api/messages`, texts, turns: 20_000, concurrency: 8, turnsPerConversation: 10, tag: 'bot' });
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const turns = new Map<string, Turn>();
  const channel = await startChannel(turns);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(options.target);
  const httpLatencies: number[] = [];
  const replyLatencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let unanswered = 0;
  let issued = 0;
  let replies = 0;
  let messageBytes = 0;

  const postTurn = turnPoster(target, agent);

  const worker = async (w: number) => {
    let conversation = 0;
    let inConversation = options.turnsPerConversation;
    let conversationId = '';
    for (;;) {
      const n = issued++;
      if (n >= options.turns) return;
      if (inConversation >= options.turnsPerConversation) {
        conversationId = `${options.tag}-w${w}-c${++conversation}-${process.pid}`;
        inConversation = 0;
      }
      inConversation++;
      const id = `${options.tag}-${n}`;
      const activity = {
        type: 'message',
        id,
        timestamp: new Date().toISOString(),
        channelId: options.channelId ?? 'webchat',
        serviceUrl: channel.serviceUrl,
        from: { id: `user-${w}-${conversation}`, name: 'Load test', role: 'user' },
        recipient: { id: 'bot', name: 'CBP E-Commerce Assistant', role: 'bot' },
        conversation: { id: conversationId },
        locale: 'en-US',
        textFormat: 'plain',
        text: options.texts[n % options.texts.length],
      };
      const turn: Turn = { started: performance.now(), lastReply: 0, replies: 0, messageBytes: 0, done: false };
      turns.set(id, turn);
      try {
        const result = await postTurn(JSON.stringify(activity));
        const ended = performance.now();
        turn.done = true;
        httpLatencies.push(ended - turn.started);
        replyLatencies.push(Math.max(turn.lastReply, ended) - turn.started);
        if (result.status !== 200) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`HTTP ${result.status}: ${result.text.slice(0, 200)}`);
        } else if (turn.replies === 0) {
          unanswered++;
        }
        replies += turn.replies;
        messageBytes += turn.messageBytes;
      } catch (err) {
        turn.done = true;
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String(err));
      }
      turns.delete(id);
    }
  };

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Let stray replies (if any) arrive before counting them.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const late = channel.counts.late;
  agent.destroy();
  await channel.close();
  const done = httpLatencies.length;
  return {
    turns: done,
    seconds,
    turnsPerSecond: done / seconds,
    httpLatencies,
    replyLatencies,
    errors,
    errorSamples,
    unanswered,
    late,
    repliesPerTurn: done > 0 ? replies / done : 0,
    messageBytesPerReply: replies > 0 ? messageBytes / replies : 0,
    driverCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}
