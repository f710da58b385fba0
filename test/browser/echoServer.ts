/**
 * A stand-in for the real bot in browser tests of the page and the connection: a restify server
 * with the local Direct Line, the web page and a small echo bot that answers `webchat/join`
 * with a welcome and suggested actions, like the real bot will. Scenarios that need the real
 * bot (eligibility card, did-you-mean, escalation) start the real server instead.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import pino from 'pino';
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { registerLocalDirectLine } from '../../src/channels/directline';
import { registerWebPage, type WebChatConnectionMode } from '../../src/channels/webPage';

export const WELCOME_TEXT = 'Welcome! I answer questions about U.S. Customs rules for online shopping and selling.';
export const SUGGESTED_ACTIONS = ['Check my shipment', 'Report a fake seller', 'Email the E-Commerce team'];

/** Echoes messages; welcomes on `webchat/join`; answers "link" with a markdown link and "card" with an Adaptive Card. */
export class EchoBot extends ActivityHandler {
  readonly joins: unknown[] = [];

  constructor() {
    super();
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') {
        this.joins.push(context.activity.value);
        await context.sendActivity(MessageFactory.suggestedActions(SUGGESTED_ACTIONS, WELCOME_TEXT));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = (context.activity.text ?? '').trim();
      if (/link/i.test(text)) {
        await context.sendActivity('Read more on [CBP.gov](https://www.cbp.gov/) before you buy.');
      } else if (/card/i.test(text)) {
        await context.sendActivity({
          attachments: [
            CardFactory.adaptiveCard({
              type: 'AdaptiveCard',
              version: '1.5',
              body: [{ type: 'TextBlock', text: 'A sample card', weight: 'Bolder', wrap: true }],
            }),
          ],
        });
      } else {
        await context.sendActivity(`You said: ${text}`);
      }
      await next();
    });
  }
}

export interface EchoServer {
  baseUrl: string;
  bot: EchoBot;
  close(): Promise<void>;
}

/**
 * Starts the echo server on 127.0.0.1 and a free port; `addRoutes` registers extra test routes.
 *
 * @example
 * const server = await startEchoServer();
 * await page.goto(server.baseUrl + '/');
 * await server.close();
 */
export async function startEchoServer(mode: WebChatConnectionMode = 'local-directline', addRoutes?: (server: restify.Server) => void): Promise<EchoServer> {
  const server = restify.createServer();
  addRoutes?.(server);
  const logger = pino({ level: 'silent' });
  const bot = new EchoBot();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  let baseUrl = '';
  const directLine = registerLocalDirectLine(server, { adapter, bot, logger, publicBaseUrl: () => baseUrl });
  registerWebPage(server, { mode, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    bot,
    close: () =>
      new Promise<void>((resolve) => {
        directLine.close();
        server.close(() => resolve());
      }),
  };
}
