/**
 * The channel-neutral reply the dialogs and staff commands build: the message as markdown, its
 * sources and reviewed date, optional facts (a verdict's summary) and suggested next steps.
 * Plain data, no botbuilder: only the bot/channel layer (src/channels/render.ts and the channel
 * renderers beside it) turns a reply into what each channel shows (Web Chat, Teams, email,
 * terminal). The words come from the message catalogs (src/messages).
 */

export interface Source {
  title: string;
  url: string;
}

/** A button that sends `value` (default: the label) as if the person had typed it. */
export interface Suggestion {
  label: string;
  value?: string;
  /** 'feedback': "Helpful / Not helpful" — channels without buttons ask for it in words. */
  role?: 'feedback';
}

export interface Reply {
  /** answer: a knowledge answer; verdict: the guided check's result; prompt: a question to the person; info: anything else. */
  kind: 'answer' | 'verdict' | 'prompt' | 'info';
  title?: string;
  /** The message itself. Always complete on its own: cards are extras, never the only place of the answer. */
  markdown: string;
  sources?: Source[];
  /** YYYY-MM-DD, shown as "Reviewed 25 Nov 2026". */
  reviewed?: string;
  facts?: { label: string; value: string }[];
  suggestions?: Suggestion[];
}

/**
 * Buttons that send their label.
 *
 * @example
 * buttons(['Send', 'Go back']); // [{ label: 'Send' }, { label: 'Go back' }]
 */
export function buttons(labels: readonly string[]): Suggestion[] {
  return labels.map((label) => ({ label }));
}

/** Keeps link text from breaking markdown link syntax. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

/**
 * Escapes text a person typed before the bot quotes it back in markdown, so that HTML or
 * markdown in it is shown as text and never rendered.
 *
 * @example
 * quoteUserText('<script>x</script> *hi*'); // '&lt;script&gt;x&lt;/script&gt; \\*hi\\*'
 */
export function quoteUserText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
