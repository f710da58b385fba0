/**
 * A stand-in for the Bot Connector service in tests: a real HTTP server on loopback that takes
 * the bot's replies (`POST /v3/conversations/:id/activities[/:replyToId]`) and lets a test
 * send activities to the bot the way a channel does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  type: string;
  text?: string;
  replyToId?: string;
  conversation?: { id: string };
  suggestedActions?: { actions: Array<{ title: string; value: string; type: string }> };
  attachments?: Array<{ contentType: string; content: unknown }>;
  [key: string]: unknown;
}

export interface TestChannel {
  serviceUrl: string;
  /** Every activity the bot sent, in order of arrival. */
  received: ReceivedActivity[];
  /** Activities the bot sent in one conversation. */
  inConversation(conversationId: string): ReceivedActivity[];
  close(): Promise<void>;
}

export async function startTestChannel(): Promise<TestChannel> {
  const received: ReceivedActivity[] = [];
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        try {
          const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedActivity;
          activity.conversation ??= { id: decodeURIComponent(match[1]) };
          received.push(activity);
        } catch {
          res.statusCode = 400;
          res.end();
          return;
        }
        // Not chained: restify patches http.ServerResponse in this process, and its writeHead
        // does not return the response.
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: `reply-${++counter}` }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    received,
    inConversation: (id) => received.filter((a) => a.conversation?.id === id),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let activityCounter = 0;

/** A Bot Framework activity as a channel sends it. */
export function channelActivity(serviceUrl: string, conversationId: string, partial: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++activityCounter}`,
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'user-1', name: 'Test User', role: 'user' },
    recipient: { id: 'bot', name: 'CBP E-Commerce Assistant', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'en-US',
    ...partial,
  };
}

export interface HttpResult {
  status: number;
  body: string;
  json(): any;
}

/** POSTs a body (object → JSON, string → as is) and returns status and body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text, json: () => JSON.parse(text) };
}

/** Sends a message and returns the text of the bot's replies to it. */
export async function say(botUrl: string, channel: TestChannel, conversationId: string, text: string, extra: Record<string, unknown> = {}): Promise<ReceivedActivity[]> {
  const before = channel.received.length;
  const result = await post(`${botUrl}/api/messages`, channelActivity(channel.serviceUrl, conversationId, { text, ...extra }));
  if (result.status !== 200) throw new Error(`bot answered ${result.status}: ${result.body}`);
  return channel.received.slice(before).filter((a) => a.conversation?.id === conversationId && a.type === 'message');
}
