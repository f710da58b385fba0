/**
 * The local Direct Line 3.0 surface for development (Web Chat on localhost without Azure).
 *
 * @example
 * import { registerLocalDirectLine } from './channels/directline';
 * if (config.BOT_ENV === 'development') registerLocalDirectLine(server, { adapter, bot, logger, publicBaseUrl });
 */
export {
  registerLocalDirectLine,
  DIRECT_LINE_CHANNEL_ID,
  LOCAL_DIRECT_LINE_PATH,
  type LocalDirectLine,
  type LocalDirectLineOptions,
} from './registerLocalDirectLine';
export type { ChannelLogger, RateLimitOptions } from '../../http/httpUtils';
