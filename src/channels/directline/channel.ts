/**
 * Names shared by the local Direct Line modules.
 *
 * channelId is `directline`: in production Web Chat also reaches the bot through Direct Line, and
 * the Bot Connector labels those activities `directline` (`webchat` is Azure's hosted iframe), so
 * the bot renders the same way locally and in production.
 *
 * @example
 * if (context.activity.channelId === DIRECT_LINE_CHANNEL_ID) { ... } // Web Chat on our page
 */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/** Where the local Direct Line lives; Web Chat's `domain` is `<origin>/v3/directline`. */
export const LOCAL_DIRECT_LINE_PATH = '/v3/directline';
